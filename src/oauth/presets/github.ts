/**
 * GitHub (an OAuth app). Its quirks, and what Keyring does about them:
 * - the token endpoint answers form-encoded unless asked for JSON (the
 *   exchange always sends `Accept: application/json`);
 * - it reports errors with HTTP 200 and an `error` field (bad_verification_code
 *   for a used or expired code; tokenEndpoint.ts reads them as errors);
 * - it needs the client secret, so the exchange is the backend's;
 * - OAuth-app tokens do not expire and come with no refresh token;
 * - the scope in its answer is comma-separated ("repo,gist");
 * - it has no RFC 7009 revocation: the app DELETEs
 *   /applications/{client_id}/grant with its secret as Basic auth and the
 *   token in a JSON body, which ends the whole grant; a view (no secret)
 *   cannot, and the panel then says where the user revokes.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - GitHub docs, "Authorizing OAuth apps" (endpoints, Accept: application/json, comma-separated
 *   scope in the answer)
 * - GitHub docs, "Troubleshooting OAuth app access token request errors" (errors as HTTP 200:
 *   incorrect_client_credentials, redirect_uri_mismatch, bad_verification_code)
 * - GitHub docs, "Reviewing your authorized OAuth apps" (Settings > Applications > Authorized
 *   OAuth Apps, where a user revokes)
 * - GitHub REST reference, "Delete an app authorization" (DELETE /applications/{client_id}/grant,
 *   Basic client_id:client_secret, {"access_token": …}, 204)
 *
 * Unconfirmed:
 * - PKCE (S256) is accepted (reported since 2025; Keyring sends it, and GitHub ignores what it
 *   does not use)
 * - https://github.com/settings/applications as the literal address of the Applications settings
 *   page (the docs give the navigation only)
 */
export const github: ProviderPreset = {
  name: 'GitHub',
  authorizeUrl: 'https://github.com/login/oauth/authorize',
  tokenUrl: 'https://github.com/login/oauth/access_token',
  identityUrl: 'https://api.github.com/user',
  identityName: 'login',
  revocationUrl: 'https://api.github.com/applications/{client_id}/grant',
  revocationStyle: 'grant-delete',
  revokeAt: 'https://github.com/settings/applications',
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  scopes: ['read:user'],
};
