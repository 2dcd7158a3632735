/**
 * Salesforce's personality: no expires_in, instance_url, no refresh token on
 * refresh, 403 Bad_OAuth_Token at userinfo. Microsoft's: a refresh token only
 * with offline_access, AADSTS error codes, Graph's /me and its error object.
 */
import {answer, CONFIDENTIAL_CLIENTS, LOCAL_CLIENT_SECRET, REDIRECT, signIn, startedProvider} from './personalitySignIn';

const CLIENT = CONFIDENTIAL_CLIENTS.client_secret_post;
const provider = startedProvider(['id', 'api', 'refresh_token', 'User.Read']);
const token = (name: string, form: Record<string, string>) =>
  answer(
    fetch(`${provider().issuer}/as/${name}/token`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({client_id: CLIENT, client_secret: LOCAL_CLIENT_SECRET, ...form}).toString(),
    }),
  );
const exchange = async (name: string, scope: string) => {
  const grant = await signIn(provider(), name, {client_id: CLIENT, scope});
  return {grant, first: await token(name, {grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT})};
};

describe('Salesforce', () => {
  test('the answer has instance_url and no expires_in; a refresh answers no refresh token, and the first keeps working', async () => {
    const {first} = await exchange('salesforce', 'id api refresh_token');
    expect(first.body).toMatchObject({token_type: 'Bearer', instance_url: expect.stringContaining(provider().issuer) as string, issued_at: expect.stringMatching(/^\d{13}$/) as string});
    expect(first.body).not.toHaveProperty('expires_in');
    for (let i = 0; i < 2; i++) {
      const renewed = await token('salesforce', {grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token)});
      expect(renewed.status).toBe(200);
      expect(renewed.body).not.toHaveProperty('refresh_token');
    }
  });

  test('a used code is 400 invalid_grant "expired authorization code"; a bad token at userinfo is 403 Bad_OAuth_Token', async () => {
    const {grant} = await exchange('salesforce', 'id api');
    const reused = await token('salesforce', {grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT});
    expect([reused.status, reused.body]).toEqual([400, {error: 'invalid_grant', error_description: 'expired authorization code'}]);
    const me = await fetch(`${provider().issuer}/as/salesforce/user`, {headers: {authorization: 'Bearer nope'}});
    expect([me.status, await me.text()]).toEqual([403, 'Bad_OAuth_Token']);
  });
});

describe('Microsoft', () => {
  test('a refresh token only with offline_access, a new one on every refresh', async () => {
    expect((await exchange('microsoft', 'User.Read')).first.body).not.toHaveProperty('refresh_token');
    const {first} = await exchange('microsoft', 'User.Read offline_access');
    expect(first.body).toMatchObject({token_type: 'Bearer', ext_expires_in: expect.any(Number) as number});
    const renewed = await token('microsoft', {grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token)});
    expect(typeof renewed.body.refresh_token).toBe('string');
    expect(renewed.body.refresh_token === first.body.refresh_token).toBe(false);
    const me = await answer(fetch(`${provider().issuer}/as/microsoft/user`, {headers: {authorization: `Bearer ${String(renewed.body.access_token)}`}}));
    expect(me.body).toMatchObject({displayName: 'ada', userPrincipalName: 'ada@example.com'});
  });

  test('a redeemed code is invalid_grant with AADSTS54005; a bad token at Graph is 401 InvalidAuthenticationToken', async () => {
    const {grant} = await exchange('microsoft', 'User.Read');
    const reused = await token('microsoft', {grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT});
    expect([reused.status, reused.body.error, reused.body.error_codes]).toEqual([400, 'invalid_grant', [54005]]);
    const me = await answer(fetch(`${provider().issuer}/as/microsoft/user`, {headers: {authorization: 'Bearer nope'}}));
    expect([me.status, (me.body.error as {code?: string}).code]).toEqual([401, 'InvalidAuthenticationToken']);
  });
});
