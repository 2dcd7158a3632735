/**
 * Atlassian's OAuth 2.0 (3LO) endpoints, as Atlassian documents them
 * ("Implementing OAuth 2.0 (3LO)", "Implementing the Refresh Token Flow"):
 * - the token endpoint takes JSON with client_id and client_secret; its
 *   answer {access_token, refresh_token, expires_in, scope} (no token_type in
 *   the docs' examples, none here);
 * - a refresh token only with offline_access; a new one on every refresh;
 * - a dead refresh token is 403 {"error": "invalid_grant",
 *   "error_description": "Unknown or invalid refresh token."};
 * - accessible-resources lists the sites: [{id, url, name, scopes,
 *   avatarUrl}]; a refused token is 401;
 * - no revocation an app can call.
 */
import crypto from 'node:crypto';
import {offlineSignIns} from './offlineSignIns';
import {json, type Personality} from './types';

const offline = offlineSignIns((params) => (params.get('scope') ?? '').split(' ').includes('offline_access'));

export const atlassian: Personality = {
  name: 'atlassian',
  defaults: {name: 'Atlassian', exchange: 'backend', clientAuth: 'client_secret_post', scopes: ['read:me', 'offline_access']},
  identity: true,
  revocation: false,
  tokenRequestBody: 'json',
  authorize(params) {
    offline.remember(params);
    const out = new URLSearchParams(params);
    out.delete('audience');
    return out;
  },
  token(standard, {grantType, form}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      if (code === 'invalid_grant' && grantType === 'refresh_token') return json(403, {error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.'});
      if (code === 'invalid_client') return json(401, {error: 'access_denied', error_description: 'Unauthorized'});
      return json(403, {error: code, error_description: 'Invalid authorization code'});
    }
    const {access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn, scope} = standard.body;
    return json(200, {access_token: accessToken, expires_in: expiresIn, scope, ...offline.refreshTokenField(refreshToken, {grantType, form}, true)});
  },
  user(standard) {
    if (standard.status !== 200) return json(401, {code: 401, message: 'Unauthorized'});
    const sub = String(standard.body.sub ?? '');
    const id = crypto.createHash('sha256').update(`site:${sub}`).digest('hex');
    return json(200, [{id: `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20, 32)}`, url: `https://${sub}-local.atlassian.net`, name: `${sub}-local`, scopes: ['read:me'], avatarUrl: 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/site.png'}]);
  },
};
