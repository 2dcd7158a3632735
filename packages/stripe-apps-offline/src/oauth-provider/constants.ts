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
 * What the one local provider calls itself and may grant when it stands in
 * for all of an app's connections: their names ("Acme", "GitHub and Slack")
 * and every scope any of them asks for. Undefined: the provider's defaults.
 */
export function providerIdentity(connections: readonly {name: string; scopes: readonly string[]}[]): {providerName?: string; scopes?: string[]} {
  if (connections.length === 0) return {};
  const names = connections.map((c) => c.name);
  const scopes = [...new Set(connections.flatMap((c) => c.scopes))];
  return {
    providerName: names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`,
    ...(scopes.length > 0 ? {scopes} : {}),
  };
}

/**
 * A connection (an entry of constants.connections, id `id`) at the local
 * provider at `issuer`, returning to `redirectUris`: for a test that renders
 * a view with constants of its own.
 */
export function localOAuthConstants(issuer: string, redirectUris: {test: string; live: string}, id = 'local'): Record<string, unknown> {
  return {
    id,
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

/**
 * The manifest layer that points the app's connections `ids` at the local
 * provider (each as localOAuthConstants, keyed by id) and the CSP, for a
 * preview on other ports.
 */
export function localProviderManifest(issuer: string, redirectUris: {test: string; live: string}, ids: readonly string[]): Record<string, unknown> {
  return {
    constants: {redirectUris, connections: Object.fromEntries(ids.map((id) => [id, localOAuthConstants(issuer, redirectUris, id)]))},
    ui_extension: {content_security_policy: {'connect-src': [`${issuer}/`]}},
  };
}

/**
 * The manifest layer that also switches the connections `ids` to backend mode
 * against the local provider: the code is exchanged by the app backend at
 * `backendUrl`, as a confidential client authenticating with `clientAuth`
 * (start the backend with OAUTH_CLIENT_SECRET_<ID>=LOCAL_CLIENT_SECRET). The CSP
 * lists the backend, not the token endpoint: the view never calls it.
 */
export function localBackendModeManifest(
  issuer: string,
  redirectUris: {test: string; live: string},
  backendUrl: string,
  ids: readonly string[],
  clientAuth: keyof typeof CONFIDENTIAL_CLIENTS = 'client_secret_basic',
): Record<string, unknown> {
  const backendMode = (id: string) => ({...localOAuthConstants(issuer, redirectUris, id), clientId: CONFIDENTIAL_CLIENTS[clientAuth], exchange: 'backend', clientAuth});
  return {
    constants: {
      backendUrl,
      redirectUris,
      connections: Object.fromEntries(ids.map((id) => [id, backendMode(id)])),
    },
    ui_extension: {content_security_policy: {'connect-src': [`${backendUrl}/v1/`]}},
  };
}
