/**
 * Xero (the OAuth 2.0 authorization code flow of a web app). Its quirks, and
 * what Keyring does:
 * - sign-in at login.xero.com, tokens at identity.xero.com;
 * - a refresh token only with the offline_access scope (in the defaults);
 * - a web app has a secret (HTTP Basic) and the token endpoint has no CORS,
 *   so the exchange is the backend's;
 * - access tokens live 30 minutes; every refresh hands out a new refresh
 *   token (the old one stays good for a 30-minute grace), unused ones die
 *   after 60 days;
 * - the organisation is not in the token answer: GET /connections lists the
 *   tenants the user connected; the first one's tenantName is shown and its
 *   tenantId kept, and sent as xero-tenant-id on every API call;
 * - RFC 7009 revocation of the refresh token removes all of the user's
 *   connections to the app.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Xero developer docs, "OAuth 2.0 auth code flow" (endpoints, Basic client authentication,
 *   offline_access) and "PKCE flow" (no secret, no SPA support)
 * - Xero developer docs, OAuth 2.0 FAQ (30-minute access tokens, rotating refresh tokens with a
 *   30-minute grace, 60 days unused)
 * - Xero Identity API, GET /connections (tenantId, tenantName, tenantType) and the xero-tenant-id
 *   header
 * - xero-node revokeToken (the revocation endpoint; revoking removes all connections)
 *
 * Unconfirmed:
 * - a used code answered invalid_grant (the standard answer of its IdentityServer; not on a Xero
 *   page)
 * - the client secret accepted in the body as well as Basic (Basic is what Keyring sends)
 * - a user with several organisations: the first connection is kept; a fork that needs another
 *   reads /connections itself
 */
export const xero: ProviderPreset = {
  name: 'Xero',
  authorizeUrl: 'https://login.xero.com/identity/connect/authorize',
  tokenUrl: 'https://identity.xero.com/connect/token',
  revocationUrl: 'https://identity.xero.com/connect/revocation',
  identityUrl: 'https://api.xero.com/connections',
  identityName: '0.tenantName',
  keep: {tenant_id: 'identity:0.tenantId'},
  apiBase: 'https://api.xero.com',
  apiHeaders: {'xero-tenant-id': '{tenant_id}'},
  exchange: 'backend',
  clientAuth: 'client_secret_basic',
  scopes: ['openid', 'profile', 'email', 'offline_access'],
};
