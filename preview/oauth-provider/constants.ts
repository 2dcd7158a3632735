/**
 * The local provider's fixed settings, apart from provider.ts so that code
 * which cannot load oidc-provider (an ESM-only package; jest) can use them.
 */
export const PREVIEW_CLIENT_ID = 'keyring-preview';
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
