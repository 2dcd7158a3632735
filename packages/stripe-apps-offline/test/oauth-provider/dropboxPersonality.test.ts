/**
 * Dropbox's personality (/as/dropbox/…): a public client with PKCE, answered
 * with CORS; a refresh token only for token_access_type=offline; refreshes
 * without rotation and with only the access token's fields; identity and
 * revocation as POSTs authenticated by the access token itself.
 */
import {answer, PREVIEW_CLIENT_ID, REDIRECT, signIn, startedProvider} from './personalitySignIn';

const provider = startedProvider(['account_info.read']);
const token = (form: Record<string, string>) =>
  answer(fetch(`${provider().issuer}/as/dropbox/token`, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded', origin: 'null'}, body: new URLSearchParams({client_id: PREVIEW_CLIENT_ID, ...form}).toString()}));
const exchange = async (params: Record<string, string>) => {
  const grant = await signIn(provider(), 'dropbox', {client_id: PREVIEW_CLIENT_ID, scope: 'account_info.read', ...params});
  return token({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT});
};

test('offline access: a four-hour bearer token, a refresh token and the account id, answered to the view with CORS', async () => {
  const online = await exchange({});
  expect(online.body).not.toHaveProperty('refresh_token');
  const first = await exchange({token_access_type: 'offline'});
  expect(first.headers.get('access-control-allow-origin')).toBe('*');
  expect(first.body).toMatchObject({token_type: 'bearer', expires_in: 14400, account_id: expect.stringMatching(/^dbid:/) as string});
  const refreshToken = String(first.body.refresh_token);
  for (let i = 0; i < 2; i++) {
    const renewed = await token({grant_type: 'refresh_token', refresh_token: refreshToken});
    expect(Object.keys(renewed.body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
  }
});

test('who is connected is a POST; revoking with the access token as bearer ends it and its refresh token', async () => {
  const first = await exchange({token_access_type: 'offline'});
  const bearer = {authorization: `Bearer ${String(first.body.access_token)}`};
  const me = await answer(fetch(`${provider().issuer}/as/dropbox/user`, {method: 'POST', headers: {...bearer, 'content-type': 'application/json'}, body: 'null'}));
  expect(me.body).toMatchObject({name: {display_name: 'ada'}});
  const revoked = await answer(fetch(`${provider().issuer}/as/dropbox/revoke`, {method: 'POST', headers: bearer}));
  expect([revoked.status, revoked.body]).toEqual([200, null]);
  const after = await answer(fetch(`${provider().issuer}/as/dropbox/user`, {method: 'POST', headers: bearer}));
  expect([after.status, after.body.error_summary]).toEqual([401, 'invalid_access_token/.']);
  const refresh = await token({grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token)});
  expect([refresh.status, refresh.body.error]).toEqual([400, 'invalid_grant']);
});
