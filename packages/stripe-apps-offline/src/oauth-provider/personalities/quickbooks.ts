/**
 * Intuit's OAuth 2.0 endpoints for QuickBooks Online, as Intuit documents
 * them (the discovery document, "Set up OAuth 2.0", the refresh token FAQ):
 * - the company's realmId is a query parameter on the redirect (which the
 *   Stripe Dashboard drops, as the kit's does) and, with openid, the realmid
 *   claim of the answer's id_token;
 * - the answer: token_type "bearer", expires_in 3600, refresh_token,
 *   x_refresh_token_expires_in (100 days), and the id_token with openid;
 * - the refresh token's value changes (the local provider rotates it on
 *   every refresh, where Intuit does about daily);
 * - errors are {error, error_description}, HTTP 400 for invalid_grant;
 * - revocation takes a JSON {"token": …} with Basic, 200 when done;
 * - userinfo answers sub, email, givenName, familyName.
 */
import crypto from 'node:crypto';
import {json, type Personality} from './types';

/** A company id as Intuit's look (digits), the same for a user each time. */
const realmOf = (sub: string) => String(BigInt(`0x${crypto.createHash('sha256').update(`realm:${sub}`).digest('hex').slice(0, 14)}`)).padStart(16, '9').slice(0, 16);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const quickbooks: Personality = {
  name: 'quickbooks',
  defaults: {name: 'QuickBooks', exchange: 'backend', clientAuth: 'client_secret_basic', scopes: ['com.intuit.quickbooks.accounting', 'openid', 'email']},
  identity: true,
  revocation: true,
  namesUser: true,
  revocationStyle: 'json',
  token(standard, {grantType, issuer, subject}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      return json(code === 'invalid_client' ? 401 : 400, {error: code, ...(code === 'invalid_grant' ? {error_description: grantType === 'refresh_token' ? 'Incorrect or invalid refresh token' : 'Invalid authorization code'} : {})});
    }
    const {id_token: idToken, scope: _scope, token_type: _type, ...rest} = standard.body;
    // Intuit signs its id_tokens; this one is unsigned, which an app that reads it straight from the token endpoint does not check.
    const claims = {iss: `${issuer}/op/v1`, sub: subject, aud: ['local'], realmid: realmOf(subject), iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600};
    return json(200, {
      ...rest,
      token_type: 'bearer',
      expires_in: 3600,
      x_refresh_token_expires_in: 8_726_400,
      ...(idToken ? {id_token: `${base64url({alg: 'none'})}.${base64url(claims)}.`} : {}),
    });
  },
  user(standard) {
    if (standard.status !== 200) return json(401, {error: 'invalid_token'});
    const sub = String(standard.body.sub ?? '');
    return json(200, {sub: crypto.createHash('sha256').update(sub).digest('hex').slice(0, 36), email: sub, emailVerified: true, givenName: sub, familyName: 'Local'});
  },
  revoke(standard) {
    return standard.status === 200 ? {status: 200, headers: {}, body: ''} : json(401, {error: 'invalid_client'});
  },
};
