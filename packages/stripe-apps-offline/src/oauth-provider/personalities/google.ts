/**
 * Google's OAuth 2.0 endpoints for web server applications, as Google
 * documents them ("Using OAuth 2.0 for Web Server Applications"):
 * - a refresh token only when the authorize request said access_type=offline;
 * - a refresh does not hand out a new refresh token: the old one stays good;
 * - errors are standard (HTTP 400, invalid_grant for a used code or a revoked
 *   refresh token); answers carry an id_token, which clients should not keep;
 * - revocation takes `token` in a form; userinfo answers sub, email and name.
 */
import {offlineSignIns} from './offlineSignIns';
import {json, type Personality} from './types';

const offline = offlineSignIns((params) => params.get('access_type') === 'offline');

export const google: Personality = {
  name: 'google',
  defaults: {name: 'Google', exchange: 'backend', clientAuth: 'client_secret_post', scopes: ['openid', 'email']},
  identity: true,
  revocation: true,
  rotatesRefreshTokens: false,
  authorize(params) {
    offline.remember(params);
    const out = new URLSearchParams(params);
    out.delete('access_type');
    out.delete('prompt');
    return out;
  },
  token(standard, {grantType, form}) {
    if (standard.status !== 200) return json(standard.status, standard.body);
    const {refresh_token: refreshToken, id_token: _idToken, ...rest} = standard.body;
    // A refresh token only for an offline sign-in, and never a new one on refresh.
    return json(200, {...rest, token_type: 'Bearer', id_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJsb2NhbCJ9.', ...offline.refreshTokenField(refreshToken, {grantType, form}, false)});
  },
  user(standard) {
    if (standard.status !== 200) return json(401, {error: 'invalid_request', error_description: 'Invalid Credentials'});
    const sub = String(standard.body.sub ?? '');
    return json(200, {sub, name: sub, email: `${sub}@example.com`, email_verified: true});
  },
};
