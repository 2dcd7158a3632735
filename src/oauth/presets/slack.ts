/**
 * Slack (a user token, from oauth.v2.access). Its quirks, and what Keyring
 * does about them:
 * - a user's own token is asked for with `user_scope` (comma-separated);
 *   `scope` would ask for the bot's;
 * - the user token sits under `authed_user` in the answer, the bot's at the
 *   top level: tokenPath says where;
 * - every error is HTTP 200 with {"ok": false, "error": …} (invalid_code for a
 *   used code, bad_client_secret, …), on the token endpoint and the Web API
 *   alike: tokenEndpoint.ts and identityEndpoint.ts read them as errors;
 * - it wants the client secret (Basic auth preferred), so the exchange is the
 *   backend's;
 * - without token rotation (opt-in) a user token never expires and has no
 *   refresh token;
 * - auth.test says who the token is (`user`); auth.revoke revokes it.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Slack reference, oauth.v2.access (POST, Basic auth preferred, errors bad_client_secret,
 *   bad_redirect_uri, invalid_client_id, invalid_code, invalid_grant_type; the answer with
 *   authed_user.access_token)
 * - Slack, "Installing with OAuth" (user_scope for user tokens, comma-separated scopes)
 * - Nango slack entry (alternate_access_token_response_path authed_user, scope_separator ","), in
 *   ../shared/facts/oauth-providers.md
 *
 * Unconfirmed:
 * - PKCE (code_verifier) on oauth.v2.access: documented for oauth.v2.user.access; Keyring sends it
 *   anyway
 * - auth.revoke taking an RFC 7009 form (token=…): it takes `token`, and the other fields are
 *   ignored
 */
export const slack: ProviderPreset = {
  name: 'Slack',
  authorizeUrl: 'https://slack.com/oauth/v2/authorize',
  tokenUrl: 'https://slack.com/api/oauth.v2.access',
  identityUrl: 'https://slack.com/api/auth.test',
  revocationUrl: 'https://slack.com/api/auth.revoke',
  exchange: 'backend',
  clientAuth: 'client_secret_basic',
  scopes: ['users:read'],
  scopeParam: 'user_scope',
  scopeSeparator: ',',
  tokenPath: 'authed_user',
};
