/**
 * Microsoft Entra ID (the Microsoft identity platform's v2.0 endpoints, with
 * Microsoft Graph for who is connected). Its quirks, and what Keyring does:
 * - the tenant is in every URL: `"inputs": {"tenant": …}` (common,
 *   organizations, consumers, a tenant id or a domain; common by default);
 * - a refresh token only with the offline_access scope, which the default
 *   scopes include;
 * - the token endpoint answers CORS only for redirect URIs registered as
 *   "spa", and refuses a client secret whenever an Origin is present: a web
 *   application's client exchanges on the backend;
 * - every refresh hands out a new refresh token (stored at once); Microsoft
 *   does not revoke the old one;
 * - there is no revocation an app can call for its own grant
 *   (revokeSignInSessions ends every app's sessions): the panel says where
 *   the user removes the app, My Apps;
 * - Graph's /me names the user in displayName; its errors are not OAuth's
 *   shape ({"error": {"code": …}}), 401 for a refused token.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Microsoft identity platform, "OAuth 2.0 authorization code flow" (v2-oauth2-auth-code-flow:
 *   endpoints with {tenant}, offline_access for a refresh token, client_secret in the body or
 *   Basic, CORS only for spa redirect URIs, AADSTS54005 for a redeemed code)
 * - Microsoft identity platform, "Refresh tokens" (replaced on every use, the old one not revoked;
 *   90 days, 24 h for SPAs)
 * - Microsoft Graph, "Get user" (GET /me, User.Read, displayName) and "Microsoft Graph error
 *   responses" (the error object)
 * - Microsoft Support, "Edit or revoke application permissions in the My Apps portal"
 *
 * Unconfirmed:
 * - that the OIDC discovery document has no revocation_endpoint (the protocol pages define none)
 * - invalid_client answered with 401 rather than 400 (both are read as a refusal)
 * - https://account.live.com/consent/Manage as where personal accounts remove an app (widely used;
 *   no Microsoft page read here says it)
 */
export const microsoft: ProviderPreset = {
  name: 'Microsoft',
  authorizeUrl: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize',
  tokenUrl: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
  identityUrl: 'https://graph.microsoft.com/v1.0/me',
  identityName: 'displayName',
  revokeAt: 'https://myapps.microsoft.com',
  apiBase: 'https://graph.microsoft.com/v1.0',
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  scopes: ['openid', 'profile', 'offline_access', 'User.Read'],
  inputs: {
    tenant: {
      pattern: '^(common|organizations|consumers|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)$',
      description: 'common, organizations, consumers, a tenant id or a verified domain ("contoso.onmicrosoft.com")',
      default: 'common',
    },
  },
};
