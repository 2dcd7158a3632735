/**
 * The local provider's GitHub personality (/as/github/…) answers as GitHub
 * documents its OAuth app endpoints, with oidc-provider still underneath:
 * form-encoded unless asked for JSON, errors as HTTP 200, no refresh token
 * and no expiry, comma-separated scopes, no RFC 7009 revocation, and /user
 * with a login.
 */
import crypto from 'node:crypto';
import {startTestProvider, type TestProvider} from '../../src/testing/oauthProvider';
import {CONFIDENTIAL_CLIENTS, LOCAL_CLIENT_SECRET} from '../../src/oauth-provider/constants';

const REDIRECT = 'http://127.0.0.1:9/back';
const CLIENT = CONFIDENTIAL_CLIENTS.client_secret_post;

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({redirectUris: [REDIRECT], scopes: ['repo', 'read:user']});
});
afterAll(() => provider?.close());

/** A code for ada at /as/github/auth (the provider's own pages), and its verifier. */
async function code(): Promise<{code: string; verifier: string}> {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(`${provider.issuer}/as/github/auth`);
  url.search = new URLSearchParams({response_type: 'code', client_id: CLIENT, redirect_uri: REDIRECT, scope: 'repo read:user', state: 's', code_challenge: challenge, code_challenge_method: 'S256'}).toString();
  const back = await provider.authorize(url.toString());
  return {code: back.searchParams.get('code') ?? '', verifier};
}

/** POST /as/github/token as GitHub's clients do: the secret in the form. */
const token = (grant: {code: string; verifier: string}, accept?: string, secret = LOCAL_CLIENT_SECRET) =>
  fetch(`${provider.issuer}/as/github/token`, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded', ...(accept ? {accept} : {})},
    body: new URLSearchParams({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT, client_id: CLIENT, client_secret: secret}).toString(),
  });

test('asked for JSON: a bearer token with comma-separated scopes, no refresh token and no expiry', async () => {
  const response = await token(await code(), 'application/json');
  expect(response.status).toBe(200);
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['access_token', 'scope', 'token_type']);
  expect(body).toMatchObject({token_type: 'bearer'});
  expect(String(body.scope).split(',').sort()).toEqual(['read:user', 'repo']);
  // The token works at the personality's /user, which names the login.
  const user = await fetch(`${provider.issuer}/as/github/user`, {headers: {authorization: `Bearer ${String(body.access_token)}`}});
  expect(await user.json()).toMatchObject({login: 'ada'});
});

test('not asked for JSON: the same answer form-encoded, as GitHub sends by default', async () => {
  const response = await token(await code());
  expect(response.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
  const form = new URLSearchParams(await response.text());
  expect([...form.keys()].sort()).toEqual(['access_token', 'scope', 'token_type']);
});

test('a used code and a wrong client secret are HTTP 200 with GitHub\'s error codes', async () => {
  const grant = await code();
  expect((await token(grant, 'application/json')).status).toBe(200);
  const reused = await token(grant, 'application/json');
  expect(reused.status).toBe(200);
  expect(await reused.json()).toMatchObject({error: 'bad_verification_code'});
  const wrong = await token(await code(), 'application/json', 'not-the-secret');
  expect(wrong.status).toBe(200);
  expect(await wrong.json()).toMatchObject({error: 'incorrect_client_credentials'});
});

test('revocation is the app\'s DELETE of its grant with Basic and {access_token}, not RFC 7009; a bad token at /user is 401 "Bad credentials"', async () => {
  expect((await fetch(`${provider.issuer}/as/github/revoke`, {method: 'POST'})).status).toBe(404);
  const body = (await (await token(await code(), 'application/json')).json()) as {access_token: string};
  const basic = (secret: string) => `Basic ${Buffer.from(`${CLIENT}:${secret}`).toString('base64')}`;
  const revoke = (secret: string) =>
    fetch(`${provider.issuer}/as/github/revoke`, {method: 'DELETE', headers: {authorization: basic(secret), 'content-type': 'application/json'}, body: JSON.stringify({access_token: body.access_token})});
  expect((await revoke('not-the-secret')).status).toBe(404);
  expect((await fetch(`${provider.issuer}/as/github/user`, {headers: {authorization: `Bearer ${body.access_token}`}})).status).toBe(200);
  expect((await revoke(LOCAL_CLIENT_SECRET)).status).toBe(204);
  expect((await fetch(`${provider.issuer}/as/github/user`, {headers: {authorization: `Bearer ${body.access_token}`}})).status).toBe(401);
  const user = await fetch(`${provider.issuer}/as/github/user`, {headers: {authorization: 'Bearer nope'}});
  expect(user.status).toBe(401);
  expect(await user.json()).toMatchObject({message: 'Bad credentials'});
  expect((await fetch(`${provider.issuer}/as/nobody/token`, {method: 'POST'})).status).toBe(404);
});

describe("Slack's personality (/as/slack/…)", () => {
  const SLACK_CLIENT = CONFIDENTIAL_CLIENTS.client_secret_basic;
  const basic = (secret = LOCAL_CLIENT_SECRET) => `Basic ${Buffer.from(`${SLACK_CLIENT}:${secret}`).toString('base64')}`;

  /** A code for ada through /as/slack/auth, asking for user scopes as Slack's clients do. */
  async function slackCode(): Promise<{code: string; verifier: string}> {
    const verifier = crypto.randomBytes(32).toString('base64url');
    const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
    const url = new URL(`${provider.issuer}/as/slack/auth`);
    url.search = new URLSearchParams({response_type: 'code', client_id: SLACK_CLIENT, redirect_uri: REDIRECT, user_scope: 'repo,read:user', scope: 'bot-only', state: 's', code_challenge: challenge, code_challenge_method: 'S256'}).toString();
    const back = await provider.authorize(url.toString());
    return {code: back.searchParams.get('code') ?? '', verifier};
  }
  const slackToken = (grant: {code: string; verifier: string}, secret?: string) =>
    fetch(`${provider.issuer}/as/slack/token`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded', authorization: basic(secret)},
      body: new URLSearchParams({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT}).toString(),
    });

  test('the user token sits under authed_user, its user_scope granted and comma-separated; no refresh token', async () => {
    const response = await slackToken(await slackCode());
    const body = (await response.json()) as {ok: boolean; authed_user: Record<string, unknown>; access_token?: unknown; team: unknown};
    expect(body).toMatchObject({ok: true, team: {id: expect.any(String) as string}, authed_user: {token_type: 'user'}});
    expect(body.access_token).toBeUndefined();
    expect(String(body.authed_user.scope).split(',').sort()).toEqual(['read:user', 'repo']);
    expect(body.authed_user).not.toHaveProperty('refresh_token');
    // auth.test names the user; auth.revoke revokes; after it, auth.test is ok: false, still HTTP 200.
    const token = String(body.authed_user.access_token);
    const test = await fetch(`${provider.issuer}/as/slack/user`, {headers: {authorization: `Bearer ${token}`}});
    expect(await test.json()).toMatchObject({ok: true, user: 'ada'});
    const revoked = await fetch(`${provider.issuer}/as/slack/revoke`, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded', authorization: basic()}, body: new URLSearchParams({token}).toString()});
    expect(await revoked.json()).toEqual({ok: true, revoked: true});
    const after = await fetch(`${provider.issuer}/as/slack/user`, {headers: {authorization: `Bearer ${token}`}});
    expect([after.status, await after.json()]).toEqual([200, {ok: false, error: 'invalid_auth'}]);
  });

  test('a used code and a wrong secret are {ok: false} with Slack\'s error codes, HTTP 200', async () => {
    const grant = await slackCode();
    await slackToken(grant);
    const reused = await slackToken(grant);
    expect([reused.status, await reused.json()]).toEqual([200, {ok: false, error: 'invalid_code'}]);
    const wrong = await slackToken(await slackCode(), 'not-the-secret');
    expect([wrong.status, await wrong.json()]).toEqual([200, {ok: false, error: 'bad_client_secret'}]);
  });
});

describe("Google's personality (/as/google/…)", () => {
  const GOOGLE_CLIENT = CONFIDENTIAL_CLIENTS.client_secret_post;

  async function googleCode(extra: Record<string, string>): Promise<{code: string; verifier: string}> {
    const verifier = crypto.randomBytes(32).toString('base64url');
    const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
    const url = new URL(`${provider.issuer}/as/google/auth`);
    url.search = new URLSearchParams({response_type: 'code', client_id: GOOGLE_CLIENT, redirect_uri: REDIRECT, scope: 'repo', state: 's', code_challenge: challenge, code_challenge_method: 'S256', ...extra}).toString();
    const back = await provider.authorize(url.toString());
    return {code: back.searchParams.get('code') ?? '', verifier};
  }
  const googleToken = async (form: Record<string, string>) => {
    const response = await fetch(`${provider.issuer}/as/google/token`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({client_id: GOOGLE_CLIENT, client_secret: LOCAL_CLIENT_SECRET, redirect_uri: REDIRECT, ...form}).toString(),
    });
    return {status: response.status, body: (await response.json()) as Record<string, unknown>};
  };
  const exchange = (grant: {code: string; verifier: string}) => googleToken({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier});

  test('a refresh token only for access_type=offline; a refresh gives no new one, and the old one keeps working', async () => {
    const online = await exchange(await googleCode({}));
    expect(online.status).toBe(200);
    expect(online.body).not.toHaveProperty('refresh_token');
    expect(online.body).toMatchObject({token_type: 'Bearer', expires_in: expect.any(Number) as number});

    const first = await exchange(await googleCode({access_type: 'offline', prompt: 'consent'}));
    const refreshToken = String(first.body.refresh_token);
    expect(refreshToken.length).toBeGreaterThan(10);
    for (let i = 0; i < 2; i++) {
      const renewed = await googleToken({grant_type: 'refresh_token', refresh_token: refreshToken});
      expect(renewed.status).toBe(200);
      expect(renewed.body).not.toHaveProperty('refresh_token');
    }
    const me = await fetch(`${provider.issuer}/as/google/user`, {headers: {authorization: `Bearer ${String(first.body.access_token)}`}});
    expect(await me.json()).toMatchObject({sub: 'ada', email: 'ada@example.com'});
  });

  test('a used code is the standard invalid_grant, HTTP 400', async () => {
    const grant = await googleCode({access_type: 'offline'});
    await exchange(grant);
    const reused = await exchange(grant);
    expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);
  });
});
