/**
 * Intuit QuickBooks Online (OAuth 2.0). Its quirks, and what Keyring does:
 * - the company (realmId) arrives as a query parameter on the redirect, which
 *   the Stripe Dashboard does not hand to the app (oauthContext has only
 *   code, state and verifier); with the openid scope the token answer's
 *   id_token carries it as the realmid claim, so openid is asked for and the
 *   claim kept (read without its signature: it came straight from Intuit's
 *   token endpoint over TLS, OpenID Connect Core §3.1.3.7);
 * - every app has a secret and PKCE is not advertised: the exchange is the
 *   backend's, with Basic;
 * - access tokens live an hour; the refresh token's lifetime comes as
 *   x_refresh_token_expires_in (100 days, rolling), and its value changes
 *   about daily: each one returned is saved before the access token is used;
 * - revocation is a JSON {"token": …} with Basic, and disconnects the app
 *   from the company;
 * - API calls go to /v3/company/{realmId}/…
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Intuit developer docs, "Set up OAuth 2.0" and the discovery document (endpoints;
 *   client_secret_basic and client_secret_post; claims_supported lists realmid;
 *   revocation_endpoint)
 * - Intuit developer FAQ on refresh tokens (use the latest refresh_token value; 100 days; the
 *   5-year limit)
 * - intuit/oauth-jsclient (revoke: JSON {token} with Basic; x_refresh_token_expires_in) and #74,
 *   PR #206
 * - Intuit .NET SDK IdTokenJWTClaimTypes.RealmId
 *
 * Unconfirmed:
 * - the realmid claim in id_tokens from every sign-in (the discovery document lists it; refresh
 *   answers are not relied on for it)
 * - a used code answered invalid_grant with HTTP 400 (the standard answer; a refused refresh token
 *   is documented so)
 * - the revocation answering 200 with no body
 * - sandbox companies: their API host is sandbox-quickbooks.api.intuit.com; a fork sets apiBase
 */
export const quickbooks: ProviderPreset = {
  name: 'QuickBooks',
  authorizeUrl: 'https://appcenter.intuit.com/connect/oauth2',
  tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  revocationUrl: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
  revocationStyle: 'json',
  identityUrl: 'https://accounts.platform.intuit.com/v1/openid_connect/userinfo',
  identityName: 'email',
  keep: {realm_id: 'idToken:realmid'},
  apiBase: 'https://quickbooks.api.intuit.com/v3/company/{realm_id}',
  refreshTokenExpiresInField: 'x_refresh_token_expires_in',
  exchange: 'backend',
  clientAuth: 'client_secret_basic',
  scopes: ['com.intuit.quickbooks.accounting', 'openid', 'email'],
};
