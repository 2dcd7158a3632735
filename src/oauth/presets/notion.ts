/**
 * Notion (a public connection, formerly "public integration"). Its quirks,
 * and what Keyring does:
 * - the authorize request carries owner=user and no scope: what a token may
 *   reach is the connection's capabilities and the pages the user picks;
 * - the token endpoint wants HTTP Basic and a JSON body, with a
 *   Notion-Version header, as every call to Notion does (apiHeaders);
 * - no CORS and a required secret: the exchange is the backend's;
 * - the answer has no expires_in and no scope, and token_type "bearer"; it
 *   carries bot_id, workspace_id and workspace_name (kept) and, since 2025, a
 *   refresh_token (possibly null) that a refresh replaces;
 * - errors are Notion's own object ({"object": "error", "code":
 *   "invalid_grant", "message": …}), read like RFC 6749's;
 * - revocation (since 2025) is POST /v1/oauth/revoke with Basic and a JSON
 *   {"token": the access token};
 * - GET /v1/users/me answers the connection's bot; the person who connected
 *   is its bot.owner.user.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Notion API reference, "Create a token" (POST /v1/oauth/token, Basic client_id:client_secret,
 *   JSON body, Notion-Version required; the answer: access_token, token_type, refresh_token,
 *   bot_id, workspace_id, workspace_name, owner)
 * - Notion API reference, "Refresh a token" (a new access token and a new refresh token) and
 *   "Revoke token" (POST /v1/oauth/revoke, JSON {token})
 * - Notion API reference, "Versioning" (2026-03-11 the latest) and "Status codes" (invalid_grant
 *   400, unauthorized 401, missing_version 400)
 * - Notion changelog, "Retrieve your token's bot user with GET /v1/users/me"; notion-sdk-js issues
 *   #96, #386 (no CORS)
 *
 * Unconfirmed:
 * - whether access tokens now expire, and when: no expires_in is sent, so a refused token is
 *   refreshed once
 * - the token endpoint's error shape: the docs show Notion's {object, code, message}, others
 *   report {error, error_description}; both are read
 * - that the old refresh token dies at once after a refresh (treated as single-use)
 * - PKCE: not documented; the challenge Keyring sends is expected to be ignored
 * - where a user disconnects the app: Settings > Connections in Notion (the label has changed over
 *   time)
 */
export const notion: ProviderPreset = {
  name: 'Notion',
  authorizeUrl: 'https://api.notion.com/v1/oauth/authorize',
  tokenUrl: 'https://api.notion.com/v1/oauth/token',
  revocationUrl: 'https://api.notion.com/v1/oauth/revoke',
  identityUrl: 'https://api.notion.com/v1/users/me',
  identityName: 'bot.owner.user.name',
  apiBase: 'https://api.notion.com/v1',
  apiHeaders: {'Notion-Version': '2026-03-11'},
  exchange: 'backend',
  clientAuth: 'client_secret_basic',
  scopes: [],
  authorizeParams: {owner: 'user'},
  tokenRequestBody: 'json',
  revocationStyle: 'json',
  revokes: 'access_token',
  keep: {bot_id: 'token:bot_id', workspace_id: 'token:workspace_id', workspace_name: 'token:workspace_name'},
};
