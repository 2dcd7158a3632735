/**
 * Notion's personality (/as/notion/…): Basic and a JSON body at the token
 * endpoint, Notion-Version on every call, no expires_in, Notion's own error
 * object, the bot at /user with its owner, JSON revocation.
 */
import {answer, basic, CONFIDENTIAL_CLIENTS, REDIRECT, signIn, startedProvider} from './personalitySignIn';

const CLIENT = CONFIDENTIAL_CLIENTS.client_secret_basic;
const provider = startedProvider(['read']);
const VERSION = {'notion-version': '2026-03-11'};

const token = (body: Record<string, string>, headers: Record<string, string> = {'content-type': 'application/json', ...VERSION}) =>
  answer(fetch(`${provider().issuer}/as/notion/token`, {method: 'POST', headers: {authorization: basic(CLIENT), ...headers}, body: JSON.stringify(body)}));

const exchange = async () => {
  const grant = await signIn(provider(), 'notion', {client_id: CLIENT, owner: 'user'});
  return {grant, answer: await token({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT})};
};

test('a JSON exchange answers the bot, the workspace and the owner, a refresh token and no expires_in', async () => {
  const {answer: first} = await exchange();
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({token_type: 'bearer', bot_id: expect.any(String) as string, workspace_name: 'Local workspace', owner: {type: 'user', user: {name: 'ada'}}});
  expect(first.body).not.toHaveProperty('expires_in');
  expect(first.body).not.toHaveProperty('scope');
  const renewed = await token({grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token)});
  expect(renewed.status).toBe(200);
  expect(renewed.body.refresh_token === first.body.refresh_token).toBe(false);
  const me = await answer(fetch(`${provider().issuer}/as/notion/user`, {headers: {authorization: `Bearer ${String(renewed.body.access_token)}`, ...VERSION}}));
  expect(me.body).toMatchObject({type: 'bot', bot: {owner: {user: {name: 'ada'}}}});
});

test('without Notion-Version every endpoint answers 400 missing_version; a form body is refused', async () => {
  const grant = await signIn(provider(), 'notion', {client_id: CLIENT});
  const unversioned = await token({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT}, {'content-type': 'application/json'});
  expect([unversioned.status, unversioned.body.code]).toEqual([400, 'missing_version']);
  expect((await answer(fetch(`${provider().issuer}/as/notion/user`, {headers: {authorization: 'Bearer x'}}))).body.code).toBe('missing_version');
  const form = await fetch(`${provider().issuer}/as/notion/token`, {method: 'POST', headers: {authorization: basic(CLIENT), 'content-type': 'application/x-www-form-urlencoded', ...VERSION}, body: 'grant_type=authorization_code'});
  expect(form.status).toBe(415);
});

test("a used code is Notion's error object with invalid_grant; revocation ends the token", async () => {
  const {grant, answer: first} = await exchange();
  const reused = await token({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT});
  expect([reused.status, reused.body.object, reused.body.code]).toEqual([400, 'error', 'invalid_grant']);
  const accessToken = String(first.body.access_token);
  const revoked = await answer(fetch(`${provider().issuer}/as/notion/revoke`, {method: 'POST', headers: {authorization: basic(CLIENT), 'content-type': 'application/json', ...VERSION}, body: JSON.stringify({token: accessToken})}));
  expect(revoked).toMatchObject({status: 200, body: {request_id: expect.any(String) as string}});
  const me = await answer(fetch(`${provider().issuer}/as/notion/user`, {headers: {authorization: `Bearer ${accessToken}`, ...VERSION}}));
  expect([me.status, me.body.code]).toEqual([401, 'unauthorized']);
});
