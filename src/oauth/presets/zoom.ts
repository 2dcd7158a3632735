/**
 * Zoom (a user-managed OAuth app). Its quirks, and what Keyring does:
 * - scopes are set on the app in the Marketplace; those asked for are sent
 *   anyway (space-separated) and the answer says what was granted;
 * - the token endpoint wants HTTP Basic, PKCE or not, so the exchange is the
 *   backend's;
 * - access tokens live an hour; every refresh hands out a new refresh token
 *   and the old one fails at once ("Invalid Token!");
 * - errors are {"reason": …, "error": …} rather than error_description;
 * - the answer carries api_url, kept as the base of API calls;
 * - revocation is RFC 7009-like with Basic, for the access token;
 * - GET /v2/users/me names the user in display_name.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Zoom developer docs, "OAuth 2.0" (POST /oauth/token with Basic, form or query parameters) and
 *   "End user authorization"
 * - Zoom developer docs, "OAuth error messages" (4733 code expired, 4734 invalid code, 4741 token
 *   revoked)
 * - Zoom devsupport, "Extending the expiration for an OAuth access token" (one hour; use the
 *   latest refresh token, a prior one is "Invalid Token!")
 * - Zoom public Postman collection (revoke: POST /oauth/revoke, Basic, token=…, {"status":
 *   "success"}; the answer with api_url)
 *
 * Unconfirmed:
 * - whether the scope parameter on the authorize request is honoured (scopes are the app's)
 * - the refresh token's lifetime (Zoom's sources say 15 years and about 90 days)
 * - the HTTP statuses of token errors (400 for invalid_grant, 401 for invalid_client are what is
 *   read)
 */
export const zoom: ProviderPreset = {
  name: 'Zoom',
  authorizeUrl: 'https://zoom.us/oauth/authorize',
  tokenUrl: 'https://zoom.us/oauth/token',
  revocationUrl: 'https://zoom.us/oauth/revoke',
  revokes: 'access_token',
  identityUrl: 'https://api.zoom.us/v2/users/me',
  identityName: 'display_name',
  keep: {api_url: 'token:api_url'},
  apiBase: '{api_url}/v2',
  exchange: 'backend',
  clientAuth: 'client_secret_basic',
  scopes: ['user:read:user'],
};
