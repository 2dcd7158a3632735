/**
 * Dropbox (OAuth 2 with short-lived access tokens). Its quirks, and what
 * Keyring does:
 * - a refresh token only with token_access_type=offline, always sent (Stripe's
 *   own Dropbox sample left it out and never refreshed);
 * - PKCE public clients are supported and the token endpoint answers CORS,
 *   so the view may exchange its own codes (the default); a confidential
 *   client may use Basic or the body;
 * - access tokens live four hours; refresh answers carry only access_token,
 *   token_type ("bearer", lower case) and expires_in: the refresh token,
 *   scope and account_id are kept from before;
 * - who is connected is a POST (its RPC API takes no GET) with the JSON body
 *   null, to /2/users/get_current_account, naming name.display_name;
 * - revocation is POST /2/auth/token/revoke with the access token itself as
 *   bearer and no body, which also ends its refresh token: an expired access
 *   token is renewed first.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Dropbox developers blog, "Using OAuth 2.0 with offline access" (token_access_type=offline,
 *   refresh tokens, 4-hour access tokens)
 * - Dropbox OAuth Guide and "Dropbox for HTTP Developers" (endpoints, PKCE, CORS for browser
 *   JavaScript, RPC endpoints are POST)
 * - dropbox-sdk-js (PKCE without a secret; auth/token/revoke and users/get_current_account with no
 *   arguments; UsersFullAccount.name.display_name)
 * - Dropbox SDK reference, tokenRevoke ("Disables the access token used to authenticate the call …
 *   and that refresh token")
 *
 * Unconfirmed:
 * - the error for a wrong client secret (invalid_client with HTTP 400 is what forums report)
 * - https://www.dropbox.com/account/connected_apps as the page where a user disconnects an app
 *   (the help centre gives Settings > Apps)
 */
export const dropbox: ProviderPreset = {
  name: 'Dropbox',
  authorizeUrl: 'https://www.dropbox.com/oauth2/authorize',
  tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
  revocationUrl: 'https://api.dropboxapi.com/2/auth/token/revoke',
  revocationStyle: 'bearer',
  identityUrl: 'https://api.dropboxapi.com/2/users/get_current_account',
  identityMethod: 'POST',
  identityBody: null,
  identityName: 'name.display_name',
  revokeAt: 'https://www.dropbox.com/account/connected_apps',
  apiBase: 'https://api.dropboxapi.com/2',
  exchange: 'view',
  clientAuth: 'client_secret_basic',
  scopes: ['account_info.read'],
  authorizeParams: {token_access_type: 'offline'},
  keep: {account_id: 'token:account_id'},
};
