/**
 * Dropbox's OAuth 2 endpoints and its RPC API, as Dropbox documents them
 * ("Using OAuth 2.0 with offline access", the OAuth Guide, dropbox-sdk-js):
 * - a refresh token only when the authorize request said
 *   token_access_type=offline;
 * - public clients with PKCE are taken, and the token endpoint answers CORS;
 * - the code's answer carries access_token (token_type "bearer"),
 *   expires_in 14400, refresh_token, scope, account_id and uid; a refresh's
 *   only access_token, token_type and expires_in (no rotation);
 * - errors are HTTP 400 {error, error_description}: invalid_grant "code
 *   doesn't exist or has expired";
 * - users/get_current_account and auth/token/revoke are POSTs authenticated
 *   by the access token; a refused one is 401 {"error_summary":
 *   "invalid_access_token/.", "error": {".tag": "invalid_access_token"}};
 *   revoking answers 200 with the JSON null.
 */
import crypto from 'node:crypto';
import {offlineSignIns} from './offlineSignIns';
import {json, type Personality} from './types';

const offline = offlineSignIns((params) => params.get('token_access_type') === 'offline');
const refused = () => json(401, {error_summary: 'invalid_access_token/.', error: {'.tag': 'invalid_access_token'}});
const accountId = (sub: string) => `dbid:AA${crypto.createHash('sha256').update(sub).digest('base64url').slice(0, 30)}`;

export const dropbox: Personality = {
  name: 'dropbox',
  defaults: {name: 'Dropbox', exchange: 'view', clientAuth: 'client_secret_basic', scopes: ['account_info.read']},
  identity: true,
  revocation: true,
  namesUser: true,
  revocationStyle: 'bearer',
  rotatesRefreshTokens: false,
  authorize(params) {
    offline.remember(params);
    const out = new URLSearchParams(params);
    out.delete('token_access_type');
    return out;
  },
  token(standard, {grantType, form, subject}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      return json(400, {error: code, error_description: code === 'invalid_grant' ? (grantType === 'refresh_token' ? 'refresh token is invalid or revoked' : "code doesn't exist or has expired") : String(standard.body.error_description ?? code)});
    }
    const base = {access_token: standard.body.access_token, token_type: 'bearer', expires_in: 14400};
    if (grantType !== 'authorization_code') return json(200, base);
    return json(200, {
      ...base,
      ...offline.refreshTokenField(standard.body.refresh_token, {grantType, form}, false),
      scope: standard.body.scope,
      uid: '12345678',
      account_id: accountId(subject),
    });
  },
  user(standard) {
    if (standard.status !== 200) return refused();
    const sub = String(standard.body.sub ?? '');
    return json(200, {
      account_id: accountId(sub),
      name: {given_name: sub, surname: '', familiar_name: sub, display_name: sub, abbreviated_name: sub.slice(0, 2).toUpperCase()},
      email: `${sub}@example.com`,
      email_verified: true,
      disabled: false,
      locale: 'en',
      account_type: {'.tag': 'basic'},
    });
  },
  revoke(standard) {
    return standard.status === 200 ? json(200, null) : refused();
  },
};
