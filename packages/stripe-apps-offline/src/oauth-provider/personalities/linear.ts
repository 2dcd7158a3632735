/**
 * Linear's OAuth endpoints and its GraphQL API, as Linear documents them
 * ("OAuth 2.0 authentication", "Getting started"):
 * - scopes come comma-separated on the authorize request and go back
 *   space-separated; token_type "Bearer", expires_in 86399, a refresh token
 *   that each refresh replaces;
 * - errors are {error, error_description}, HTTP 400;
 * - POST /graphql { viewer { … } } answers {data: {viewer: {id, name,
 *   email}}}; a refused token gets GraphQL's errors list with
 *   extensions.code AUTHENTICATION_ERROR (HTTP 400 here; reported as 400,
 *   401 or 200);
 * - POST /oauth/revoke with the access token as bearer: 200, or 401.
 */
import crypto from 'node:crypto';
import {json, type Personality} from './types';

export const linear: Personality = {
  name: 'linear',
  defaults: {name: 'Linear', exchange: 'backend', clientAuth: 'client_secret_post', scopes: ['read']},
  identity: true,
  revocation: true,
  revocationStyle: 'bearer',
  authorize(params) {
    const out = new URLSearchParams(params);
    out.set('scope', (params.get('scope') ?? '').split(',').filter(Boolean).join(' '));
    return out;
  },
  token(standard) {
    if (standard.status !== 200) return json(400, {error: String(standard.body.error ?? 'invalid_request'), error_description: String(standard.body.error_description ?? '')});
    const {access_token: accessToken, refresh_token: refreshToken, scope} = standard.body;
    return json(200, {access_token: accessToken, token_type: 'Bearer', expires_in: 86399, scope, ...(refreshToken ? {refresh_token: refreshToken} : {})});
  },
  user(standard) {
    if (standard.status !== 200) {
      return json(400, {errors: [{message: 'Authentication required, not authenticated', extensions: {type: 'authentication error', code: 'AUTHENTICATION_ERROR', userPresentableMessage: 'You need to authenticate to access this operation.'}}]});
    }
    const sub = String(standard.body.sub ?? '');
    return json(200, {data: {viewer: {id: crypto.createHash('sha256').update(sub).digest('hex').slice(0, 32), name: sub, email: `${sub}@example.com`}}});
  },
  revoke(standard) {
    return standard.status === 200 ? {status: 200, headers: {}, body: ''} : json(401, {error: 'invalid_token'});
  },
};
