/**
 * Zoom's OAuth endpoints and its users API, as Zoom documents them ("OAuth
 * 2.0", "OAuth error messages", the public Postman collection):
 * - the token endpoint wants Basic; the answer is {access_token, token_type
 *   "bearer", refresh_token, expires_in, scope, api_url}, a new refresh token
 *   on every refresh;
 * - errors are {"reason": …, "error": …}: invalid_grant "Invalid
 *   authorization code" for a used code, "Invalid Token!" for an old refresh
 *   token;
 * - revocation takes token= with Basic and answers {"status": "success"};
 * - GET /v2/users/me answers {id, first_name, last_name, display_name,
 *   email}; a refused token is 401 {"code": 124, "message": "Invalid access
 *   token."}.
 * The api_url points at this provider, which serves no Zoom API there.
 */
import crypto from 'node:crypto';
import {json, type Personality} from './types';

export const zoom: Personality = {
  name: 'zoom',
  defaults: {name: 'Zoom', exchange: 'backend', clientAuth: 'client_secret_basic', scopes: ['user:read:user']},
  identity: true,
  revocation: true,
  token(standard, {grantType, issuer}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      const reason = code === 'invalid_grant' ? (grantType === 'refresh_token' ? 'Invalid Token!' : 'Invalid authorization code') : code === 'invalid_client' ? 'Invalid client_id or client_secret' : code;
      return json(code === 'invalid_client' ? 401 : 400, {reason, error: code});
    }
    const {access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn, scope} = standard.body;
    return json(200, {access_token: accessToken, token_type: 'bearer', refresh_token: refreshToken, expires_in: expiresIn, scope, api_url: `${issuer}/as/zoom/api`});
  },
  user(standard) {
    if (standard.status !== 200) return json(401, {code: 124, message: 'Invalid access token.'});
    const sub = String(standard.body.sub ?? '');
    return json(200, {id: crypto.createHash('sha256').update(sub).digest('base64url').slice(0, 22), first_name: sub, last_name: 'Local', display_name: sub, email: `${sub}@example.com`, type: 1});
  },
  revoke(standard) {
    return standard.status === 200 ? json(200, {status: 'success'}) : json(401, {reason: 'Invalid client_id or client_secret', error: 'invalid_client'});
  },
};
