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
