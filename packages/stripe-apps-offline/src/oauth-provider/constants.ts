/**
 * The local provider's fixed settings, apart from provider.ts so that code
 * which cannot load oidc-provider (an ESM-only package; jest) can use them.
 */
export const PREVIEW_CLIENT_ID = 'keyring-preview';

/**
 * Confidential clients for backend mode, one per way of sending the secret;
 * the provider refuses their token requests without it. The secret is fixed
 * and in the source on purpose: it is the local provider's, which runs on
 * 127.0.0.1 with in-memory grants and signs in any user name, so it guards
 * nothing; and being fixed, `npm start`, the tests and a provider run alone
 * agree on it without passing it around. A real client secret goes only in
 * the backend's OAUTH_CLIENT_SECRET.
 */
export const CONFIDENTIAL_CLIENTS = {
  client_secret_basic: 'keyring-preview-backend',
  client_secret_post: 'keyring-preview-backend-post',
} as const;
export const LOCAL_CLIENT_SECRET = 'local-only-keyring-preview-client-secret-guards-nothing';
export const DEFAULT_PROVIDER_PORT = 4320;
/** What a token for the provider's API may be granted. */
export const PROVIDER_SCOPES = 'read write';

/** The preview's OAuth return routes, as the Dashboard's: one per mode. */
export function previewRedirectUris(previewOrigin: string, appId: string): string[] {
  return [`${previewOrigin}/test/apps-oauth/${appId}`, `${previewOrigin}/apps-oauth/${appId}`];
}

/**
 * constants.oauth for the local provider at `issuer`, returning to
 * `redirectUris`: what stripe-app.local.json says for the default ports.
 */
export function localOAuthConstants(issuer: string, redirectUris: {test: string; live: string}): Record<string, unknown> {
  return {
    name: 'Local OAuth provider',
    authorizeUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    revocationUrl: `${issuer}/token/revocation`,
    identityUrl: `${issuer}/api/me`,
    clientId: PREVIEW_CLIENT_ID,
    scopes: PROVIDER_SCOPES.split(' '),
    refreshTokenLifetimeSeconds: 14 * 24 * 3600,
    redirectUris,
  };
}

/** The manifest layer that points the app at the local provider (constants.oauth and the CSP), for a preview on other ports. */
export function localProviderManifest(issuer: string, redirectUris: {test: string; live: string}): Record<string, unknown> {
  return {
    constants: {oauth: localOAuthConstants(issuer, redirectUris)},
    ui_extension: {content_security_policy: {'connect-src': [`${issuer}/`]}},
  };
}

/**
 * The manifest layer that also switches the Connections panel to backend mode
 * against the local provider: the code is exchanged by the app backend at
 * `backendUrl`, as a confidential client authenticating with `clientAuth`
 * (start the backend with OAUTH_CLIENT_SECRET=LOCAL_CLIENT_SECRET). The CSP
 * lists the backend, not the token endpoint: the view never calls it.
 */
export function localBackendModeManifest(
  issuer: string,
  redirectUris: {test: string; live: string},
  backendUrl: string,
  clientAuth: keyof typeof CONFIDENTIAL_CLIENTS = 'client_secret_basic',
): Record<string, unknown> {
  return {
    constants: {
      backendUrl,
      oauth: {...localOAuthConstants(issuer, redirectUris), clientId: CONFIDENTIAL_CLIENTS[clientAuth], exchange: 'backend', clientAuth},
    },
    ui_extension: {content_security_policy: {'connect-src': [`${backendUrl}/v1/`]}},
  };
}
