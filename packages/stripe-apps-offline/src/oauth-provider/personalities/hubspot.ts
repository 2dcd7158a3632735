/**
 * HubSpot's date-versioned OAuth endpoints (2026-03), as HubSpot documents
 * them ("Working with OAuth", the OAuth token endpoint and revoke reference,
 * "New OAuth v3 API Endpoints and Standardized Error Responses"):
 * - the answer: token_type "bearer", expires_in 1800, refresh_token, hub_id,
 *   user_id, scopes as a list and token_use; no `scope` string;
 * - errors carry RFC 6749's error and HubSpot's status and message, HTTP 400:
 *   BAD_AUTH_CODE for a used code, BAD_REFRESH_TOKEN for a dead refresh
 *   token;
 * - revocation takes the token, client id and secret in a form.
 * The local provider's refresh keeps the refresh token (believed, not
 * confirmed, to be HubSpot's behaviour).
 */
import {json, type Personality} from './types';

const STATUS: Record<string, [string, string]> = {
  invalid_grant: ['BAD_AUTH_CODE', 'missing or unknown auth code'],
  invalid_client: ['BAD_CLIENT_ID', 'missing or unknown client id'],
};

export const hubspot: Personality = {
  name: 'hubspot',
  defaults: {name: 'HubSpot', exchange: 'backend', clientAuth: 'client_secret_post', scopes: ['oauth']},
  identity: false,
  revocation: true,
  rotatesRefreshTokens: false,
  token(standard, {grantType}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      const [status, message] = code === 'invalid_grant' && grantType === 'refresh_token' ? ['BAD_REFRESH_TOKEN', 'refresh token is invalid, expired or revoked'] : (STATUS[code] ?? ['BAD_REQUEST', code]);
      return json(400, {error: code, error_description: message, status, message});
    }
    const {scope, token_type: _type, expires_in: _expiresIn, ...rest} = standard.body;
    return json(200, {...rest, token_type: 'bearer', expires_in: 1800, hub_id: 20_000_001, user_id: 1_000_001, scopes: String(scope ?? '').split(' ').filter(Boolean), token_use: 'access_token'});
  },
  revoke(standard) {
    return standard.status === 200 ? {status: 204, headers: {}, body: ''} : json(400, {error: 'invalid_client', status: 'BAD_CLIENT_ID', message: 'missing or unknown client id'});
  },
};
