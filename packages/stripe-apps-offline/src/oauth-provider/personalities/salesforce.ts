/**
 * Salesforce's web server flow, as Salesforce documents it ("OAuth 2.0 Web
 * Server Flow for Web App Integration", "OAuth 2.0 Refresh Token Flow for
 * Renewed Sessions", "Revoking OAuth Tokens"):
 * - the token answer has no expires_in, and carries instance_url (where the
 *   org's API is), id (its identity URL), issued_at (a string of
 *   milliseconds) and signature;
 * - a refresh answer carries no refresh token: without rotation (the
 *   default), the first one stays good;
 * - errors are HTTP 400 {error, error_description}: invalid_grant "expired
 *   authorization code", "expired access/refresh token"; invalid_client
 *   "invalid client credentials";
 * - revocation takes `token` in a form, 200 with no body, 400 invalid_token;
 * - userinfo names the user; a refused token gets 403 and the text
 *   Bad_OAuth_Token (reported, not documented).
 * The instance_url points at this provider, which serves no Salesforce API
 * there: it is kept and used as fetchAsUser's base all the same.
 */
import crypto from 'node:crypto';
import {json, type Personality} from './types';

const ORG = '00D000000000LOCAL';
const DESCRIPTIONS: Record<string, string> = {invalid_client: 'invalid client credentials', invalid_request: 'invalid request'};

export const salesforce: Personality = {
  name: 'salesforce',
  defaults: {name: 'Salesforce', exchange: 'backend', clientAuth: 'client_secret_post', scopes: ['openid', 'id', 'api', 'refresh_token']},
  identity: true,
  revocation: true,
  rotatesRefreshTokens: false,
  token(standard, {grantType, issuer}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      const description = code === 'invalid_grant' ? (grantType === 'refresh_token' ? 'expired access/refresh token' : 'expired authorization code') : (DESCRIPTIONS[code] ?? code);
      return json(400, {error: code, error_description: description});
    }
    const {expires_in: _expiresIn, refresh_token: refreshToken, id_token: idToken, access_token: accessToken, scope} = standard.body;
    const user = `005${crypto.createHash('sha256').update(String(accessToken)).digest('hex').slice(0, 12).toUpperCase()}`;
    const issuedAt = String(Date.now());
    return json(200, {
      access_token: accessToken,
      // Only the code's answer has one: a refresh, without rotation, answers none.
      ...(grantType === 'authorization_code' && refreshToken ? {refresh_token: refreshToken} : {}),
      signature: crypto.createHmac('sha256', 'local').update(`${issuer}/id/${ORG}/${user}${issuedAt}`).digest('base64'),
      scope,
      ...(idToken ? {id_token: idToken} : {}),
      instance_url: `${issuer}/as/salesforce/instance`,
      id: `${issuer}/id/${ORG}/${user}`,
      token_type: 'Bearer',
      issued_at: issuedAt,
    });
  },
  user(standard) {
    if (standard.status !== 200) return {status: 403, headers: {'content-type': 'text/plain'}, body: 'Bad_OAuth_Token'};
    const sub = String(standard.body.sub ?? '');
    return json(200, {sub, name: sub, preferred_username: `${sub}@example.com`, email: `${sub}@example.com`, organization_id: ORG});
  },
  revoke(standard) {
    return standard.status === 200 ? {status: 200, headers: {}, body: ''} : json(400, {error: 'invalid_token', error_description: 'invalid token'});
  },
};
