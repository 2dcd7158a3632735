/**
 * OAuth with a confidential client ("backend mode"), over real HTTP: the real
 * backend, the real local Secret Store behind it (backend door,
 * Stripe-Account), and the real local provider (oidc-provider) holding a
 * confidential client that refuses token requests without its secret. The
 * test plays the view: it makes the PKCE link, walks the provider's pages,
 * and sends the code and verifier in a signed call. Tokens are compared as
 * booleans and looked for in every answer, never printed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import {ConfigError, type BackendConfig} from '../../backend/config';
import {readConfig} from '../../backend/readConfig';
import {CONNECTED_USERS_SECRET} from '../../backend/connectionRegistry';
import {CLIENT_SECRET_VARIABLE, CONNECTION_SECRET, FIXTURE_CONNECTION, REDIRECTS, REFRESH_LEASE_SECRET} from '../support/fixtureConnection';
import type {RunningBackend} from '../../backend/server';
import {startBackendUnderTest} from '../support/backendUnderTest';
import {CONFIDENTIAL_CLIENTS, LOCAL_CLIENT_SECRET, localBackendModeManifest, startTestStore, type TestSecretStore, startTestProvider, type TestProvider} from 'stripe-apps-offline/testing';
import {createConnectionService, type StoredConnection} from '../../src/connections';
import {buildAuthorizeUrl, readConnections, type OAuthProviderConfig} from '../../src/oauth';
import {installHostEndpoint, uninstallHostEndpoint} from '../support/hostEndpoint';
import {storedConnection} from '../support/storedSecrets';

jest.setTimeout(60_000);

const SECRET = `absec_${crypto.randomBytes(16).toString('hex')}`;
const ACCOUNT = 'acct_1OAuthBackend01';
const ADA = 'usr_OAuthBackendAda1';
const BEN = 'usr_OAuthBackendBen2';
const ID = FIXTURE_CONNECTION.id;

let store: TestSecretStore;
let provider: TestProvider;
let backend: RunningBackend;
/** Every request the Secret Store answered: method and path (never a payload). */
let storeRequests: string[] = [];
const extra: RunningBackend[] = [];

/** The fixture's connection in backend mode for this run's provider, as localBackendModeManifest makes it. */
function backendModeOAuth(overrides: Record<string, unknown> = {}, clientAuth: keyof typeof CONFIDENTIAL_CLIENTS = 'client_secret_basic') {
  const layer = localBackendModeManifest(provider.issuer, REDIRECTS, 'http://127.0.0.1:1', [ID], clientAuth) as {constants: {connections: Record<string, Record<string, unknown>>}};
  return {...layer.constants.connections[ID], ...overrides};
}

function configFor(oauth: Record<string, unknown>, secret: string | undefined = LOCAL_CLIENT_SECRET): BackendConfig {
  return {
    secretKey: 'sk_test_oauthBackend',
    signingSecrets: [SECRET],
    apiBase: new URL(store.url),
    host: '127.0.0.1',
    port: 0,
    constants: {connections: [oauth]},
    oauthClientSecrets: secret === undefined ? {} : {[String(oauth.id)]: secret},
  };
}

/** Another backend copy for one test (closed after it). */
async function anotherBackend(oauth: Record<string, unknown>, secret?: string): Promise<RunningBackend> {
  const started = await startBackendUnderTest(configFor(oauth, secret));
  extra.push(started);
  return started;
}

beforeAll(async () => {
  [store, provider] = await Promise.all([
    startTestStore({onRequest: (entry) => storeRequests.push(`${entry.method} ${entry.path}`)}),
    startTestProvider({redirectUris: [REDIRECTS.test, REDIRECTS.live]}),
  ]);
  backend = await startBackendUnderTest(configFor(backendModeOAuth()));
});
afterAll(async () => {
  uninstallHostEndpoint();
  await backend?.close();
  await Promise.all([store?.close(), provider?.close()]);
});
const stripeFor = (account = ACCOUNT) => store.backend(undefined, {stripeAccount: account});
beforeEach(async () => {
  store.faults.clear();
  for (const user of [ADA, BEN]) {
    for (const name of [CONNECTION_SECRET, REFRESH_LEASE_SECRET]) await stripeFor().apps.secrets.deleteWhere({name, scope: {type: 'user', user}}).catch(() => undefined);
  }
});
afterEach(async () => {
  await Promise.all(extra.splice(0).map((b) => b.close()));
});

const sign = (user: string, account = ACCOUNT) =>
  Stripe.webhooks.generateTestHeaderString({payload: JSON.stringify({user_id: user, account_id: account}), secret: SECRET});

interface Answer {
  status: number;
  body: Record<string, unknown> & {error?: {type: string}};
  text: string;
}

/** A signed call, as src/appBackend makes it. */
async function call(route: string, user: string, body: Record<string, unknown> = {}, to: RunningBackend = backend): Promise<Answer> {
  const response = await fetch(`${to.url}/v1/connection/${route}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'stripe-signature': sign(user)},
    // The fixture's connection unless the body names another (or, with connection: undefined, none).
    body: JSON.stringify({connection: ID, ...body, user_id: user, account_id: ACCOUNT}),
  });
  const text = await response.text();
  return {status: response.status, body: JSON.parse(text) as Answer['body'], text};
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A connection as the views read it. */
function providerFrom(oauth: Record<string, unknown>): OAuthProviderConfig {
  const {connections, problems} = readConnections({connections: [oauth], redirectUris: REDIRECTS} as never);
  if (!connections[0]) throw new Error(`the connection is not usable: ${problems.join(' ')}`);
  return connections[0];
}

/** What the Dashboard hands the reopened drawer: a code and its verifier, after `login` signed in at the provider. */
async function signIn(login: string, oauth: Record<string, unknown> = backendModeOAuth()): Promise<{code: string; verifier: string}> {
  const verifier = base64url(crypto.randomBytes(32));
  const challenge = base64url(crypto.createHash('sha256').update(verifier).digest());
  const returned = await provider.authorize(buildAuthorizeUrl(providerFrom(oauth), 'test', {state: base64url(crypto.randomBytes(12)), challenge}), {login});
  return {code: returned.searchParams.get('code')!, verifier};
}

const stored = (user = ADA) => storedConnection(stripeFor(), user);
const isStored = async (user = ADA) => (await stored(user)) !== null;
const same = (a: string | null | undefined, b: string | null | undefined) => a === b;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Whether any of the connection's tokens appear in `text` (a boolean, so nothing is printed). */
const carriesTokens = (text: string, connection: StoredConnection | null) =>
  !!connection && [connection.access_token, connection.refresh_token].some((t) => !!t && text.includes(t));

async function connect(user = ADA, login = 'ada', to: RunningBackend = backend): Promise<Answer> {
  const grant = await signIn(login);
  const answer = await call('exchange', user, {...grant, redirect_uri: REDIRECTS.test}, to);
  expect(answer.status).toBe(200);
  return answer;
}

async function writeStored(connection: StoredConnection, user = ADA) {
  await stripeFor().apps.secrets.create({name: CONNECTION_SECRET, scope: {type: 'user', user}, payload: JSON.stringify(connection)});
}

async function expireAccessToken(user = ADA): Promise<StoredConnection> {
  const current = (await stored(user))!;
  await writeStored({...current, access_token_expires_at: nowSeconds() - 10}, user);
  return current;
}

const tokenRequestsSince = (before: number) => provider.clientRequests().slice(before).filter((r) => r.endpoint === 'token');

describe('connecting through the backend', () => {
  test('one token request, authenticated with the client secret (Basic); one write to the user’s scope; the answer is a summary without tokens', async () => {
    // Ada is already on the connected-users list, so the connection is the only write.
    await stripeFor().apps.secrets.create({name: CONNECTED_USERS_SECRET, scope: {type: 'account'}, payload: JSON.stringify([ADA])});
    const grant = await signIn('ada');
    const requestsBefore = provider.clientRequests().length;
    storeRequests = [];

    const answer = await call('exchange', ADA, {...grant, redirect_uri: REDIRECTS.test});

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({connected: true, connection: ID, provider: 'Local OAuth provider', account_name: 'ada', scopes: ['read', 'write'], can_refresh: true});
    expect(answer.body.access_token_expires_at).toBeGreaterThan(nowSeconds() + 3500);
    expect(tokenRequestsSince(requestsBefore)).toEqual([{endpoint: 'token', client: CONFIDENTIAL_CLIENTS.client_secret_basic, auth: 'basic', status: 200}]);
    expect(storeRequests.filter((r) => r.startsWith('POST '))).toEqual(['POST /v1/apps/secrets']);

    const saved = await stored();
    expect(saved !== null).toBe(true);
    expect(saved!.account_name).toBe('ada');
    // The same payload the view writes, with the secret's expiry at the refresh token's end.
    expect(saved!.version).toBe(1);
    expect(saved!.expiresAt).toBeGreaterThan(nowSeconds() + 14 * 24 * 3600 - 120);
    expect(await provider.me(saved!.access_token)).toBe(200);
    expect(carriesTokens(answer.text, saved)).toBe(false);
    expect(answer.text.includes('_token"')).toBe(false);
    expect(answer.text.includes(grant.code) || answer.text.includes(grant.verifier)).toBe(false);
  });

  test('a first connection puts the user on the connected-users list, for the uninstall clean-up', async () => {
    await stripeFor().apps.secrets.deleteWhere({name: CONNECTED_USERS_SECRET, scope: {type: 'account'}}).catch(() => undefined);
    await connect(BEN, 'ben');
    const list = await stripeFor().apps.secrets.find({name: CONNECTED_USERS_SECRET, scope: {type: 'account'}, expand: ['payload']});
    expect(JSON.parse(list.payload ?? '[]')).toContain(BEN);
  });

  test('with clientAuth "client_secret_post" the secret goes in the form instead', async () => {
    const post = await anotherBackend(backendModeOAuth({}, 'client_secret_post'));
    const grant = await signIn('ada', backendModeOAuth({}, 'client_secret_post'));
    const before = provider.clientRequests().length;
    expect((await call('exchange', ADA, {...grant, redirect_uri: REDIRECTS.test}, post)).status).toBe(200);
    expect(tokenRequestsSince(before)).toEqual([{endpoint: 'token', client: CONFIDENTIAL_CLIENTS.client_secret_post, auth: 'post', status: 200}]);
  });

  test('the provider refuses a token request for the confidential client without its secret, or with a wrong one', async () => {
    const grant = await signIn('ada');
    const form = {grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECTS.test};
    const clientId = CONFIDENTIAL_CLIENTS.client_secret_basic;
    const none = await provider.token(form, {clientId, auth: 'none'});
    expect([none.status, none.body.error]).toEqual([401, 'invalid_client']);
    const wrong = await provider.token(form, {clientId, auth: 'basic', secret: 'not-the-secret'});
    expect([wrong.status, wrong.body.error]).toEqual([401, 'invalid_client']);
  });

  test('a backend with the wrong client secret: the provider refuses, the view is told so, nothing is stored', async () => {
    const misconfigured = await anotherBackend(backendModeOAuth(), 'not-the-client-secret');
    const grant = await signIn('ada');
    const answer = await call('exchange', ADA, {...grant, redirect_uri: REDIRECTS.test}, misconfigured);
    expect([answer.status, answer.body.error?.type]).toEqual([502, 'provider-refused']);
    expect(await isStored()).toBe(false);
  });

  test('a redirect_uri that is not one of the manifest’s is refused before anything reaches the provider', async () => {
    const grant = await signIn('ada');
    const before = provider.clientRequests().length;
    const answer = await call('exchange', ADA, {...grant, redirect_uri: 'https://attacker.example/apps-oauth/com.example.keyring'});
    expect([answer.status, answer.body.error?.type]).toEqual([400, 'bad-request']);
    expect(provider.clientRequests().length).toBe(before);
    expect(await isStored()).toBe(false);
  });

  test('a used code is refused by the provider: provider-invalid-grant, nothing stored', async () => {
    const grant = await signIn('ada');
    expect((await call('exchange', ADA, {...grant, redirect_uri: REDIRECTS.test})).status).toBe(200);
    await stripeFor().apps.secrets.deleteWhere({name: CONNECTION_SECRET, scope: {type: 'user', user: ADA}});
    const again = await call('exchange', ADA, {...grant, redirect_uri: REDIRECTS.test});
    expect([again.status, again.body.error?.type]).toEqual([400, 'provider-invalid-grant']);
    expect(await isStored()).toBe(false);
  });

  test('when Stripe refuses the write, the fresh tokens are revoked at the provider and nothing is kept', async () => {
    const grant = await signIn('ada');
    store.faults.inject({fault: {kind: 'server-error'}, method: 'POST', path: '/v1/apps/secrets'});
    const answer = await call('exchange', ADA, {...grant, redirect_uri: REDIRECTS.test});
    store.faults.clear();
    expect([answer.status, answer.body.error?.type]).toEqual([502, 'store-unavailable']);
    expect(await isStored()).toBe(false);
    expect(provider.lines().slice(-6)).toContain('refresh token revoked');
  });

  test('a backend whose manifest keeps the exchange in the view refuses to exchange', async () => {
    const viewMode = await anotherBackend(provider.oauthConstants(REDIRECTS, {id: ID}));
    const grant = await signIn('ada', provider.oauthConstants(REDIRECTS, {id: ID}));
    const answer = await call('exchange', ADA, {...grant, redirect_uri: REDIRECTS.test}, viewMode);
    expect([answer.status, answer.body.error?.type]).toEqual([501, 'oauth-not-configured']);
  });

  test.each([
    ['no code', {verifier: 'v'.repeat(43), redirect_uri: REDIRECTS.test}],
    ['a verifier that is not RFC 7636', {code: 'abc', verifier: 'short', redirect_uri: REDIRECTS.test}],
  ])('%s is a bad request', async (_what, body) => {
    expect((await call('exchange', ADA, body)).body.error?.type).toBe('bad-request');
  });
});

describe('refreshing through the backend', () => {
  test('not due: no refresh; due: one refresh grant with the client secret, the rotation saved and working', async () => {
    await connect();
    const grants = provider.grants('refresh_token');
    expect((await call('refresh', ADA)).status).toBe(200);
    expect(provider.grants('refresh_token')).toBe(grants);

    const before = await expireAccessToken();
    const requestsBefore = provider.clientRequests().length;
    const answer = await call('refresh', ADA);
    expect(answer.status).toBe(200);
    expect(answer.body.access_token_expires_at).toBeGreaterThan(nowSeconds() + 3500);
    expect(provider.grants('refresh_token')).toBe(grants + 1);
    expect(tokenRequestsSince(requestsBefore).map((r) => r.auth)).toEqual(['basic']);
    const after = await stored();
    expect(same(after!.refresh_token, before.refresh_token)).toBe(false);
    expect(after!.connected_at).toBe(before.connected_at);
    expect(await provider.me(after!.access_token)).toBe(200);
    expect(carriesTokens(answer.text, after) || carriesTokens(answer.text, before)).toBe(false);
    // The lease it refreshed under is given back.
    await expect(stripeFor().apps.secrets.find({name: REFRESH_LEASE_SECRET, scope: {type: 'user', user: ADA}})).rejects.toMatchObject({statusCode: 404});
  });

  test('"now" refreshes even when not due', async () => {
    await connect();
    const grants = provider.grants('refresh_token');
    expect((await call('refresh', ADA, {when: 'now'})).status).toBe(200);
    expect(provider.grants('refresh_token')).toBe(grants + 1);
  });

  test('two backend copies refreshing at once: one refresh grant, and the grant survives', async () => {
    await connect();
    const before = await expireAccessToken();
    const other = await anotherBackend(backendModeOAuth());
    const grants = provider.grants('refresh_token');
    const linesBefore = provider.lines().length;
    const [a, b] = await Promise.all([call('refresh', ADA), call('refresh', ADA, {}, other)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(provider.grants('refresh_token')).toBe(grants + 1);
    expect(provider.lines().slice(linesBefore).filter((l) => l.includes('refused') || l === 'grant revoked')).toEqual([]);
    expect(a.body.access_token_expires_at).toBe(b.body.access_token_expires_at);
    const after = await stored();
    expect(same(after!.refresh_token, before.refresh_token)).toBe(false);
    expect(await provider.me(after!.access_token)).toBe(200);
  });

  test('a view and the backend refreshing at once (view mode, public client): one refresh grant', async () => {
    const oauth = provider.oauthConstants(REDIRECTS, {id: ID});
    const viewModeBackend = await anotherBackend(oauth);
    const grant = await signIn('ada', oauth);
    const tokens = await provider.token({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECTS.test});
    expect(tokens.status).toBe(200);
    await writeStored({
      version: 1,
      access_token: String(tokens.body.access_token),
      refresh_token: String(tokens.body.refresh_token),
      token_type: 'Bearer',
      scope: 'read write',
      access_token_expires_at: nowSeconds() - 10,
      refresh_token_expires_at: null,
      connected_at: nowSeconds() - 100,
      account_name: 'ada',
    });
    installHostEndpoint(store, {account: ACCOUNT, user: ADA});
    const view = createConnectionService({userContext: {id: ADA, account: {id: ACCOUNT}}, environment: {mode: 'test', constants: {oauth}}} as never, providerFrom(oauth));
    await view.load();
    const grants = provider.grants('refresh_token');
    const [fromView, fromBackend] = await Promise.all([view.fresh(), call('refresh', ADA, {}, viewModeBackend)]);
    expect(fromBackend.status).toBe(200);
    expect(provider.grants('refresh_token')).toBe(grants + 1);
    expect(fromView.accessTokenExpiresAt).toBe(fromBackend.body.access_token_expires_at);
    expect(await provider.me((await stored())!.access_token)).toBe(200);
  });
});

describe('checking through the backend', () => {
  test('verify asks the provider who is connected and saves a changed name, keeping the tokens', async () => {
    await connect();
    const before = await stored();
    await writeStored({...before!, account_name: 'ada-before-rename'});
    const answer = await call('verify', ADA);
    expect(answer.body).toMatchObject({connected: true, account_name: 'ada'});
    const after = await stored();
    expect(after!.account_name).toBe('ada');
    expect(same(after!.access_token, before!.access_token)).toBe(true);
  });

  test('a refused access token is renewed once and the check carries on; the rotation is saved', async () => {
    await connect();
    const before = await stored();
    await writeStored({...before!, access_token: 'unknown-to-the-provider-0123456789'});
    const grants = provider.grants('refresh_token');
    const answer = await call('verify', ADA);
    expect(answer.status).toBe(200);
    expect(answer.body.account_name).toBe('ada');
    expect(provider.grants('refresh_token')).toBe(grants + 1);
    const after = await stored();
    expect(same(after!.refresh_token, before!.refresh_token)).toBe(false);
    expect(await provider.me(after!.access_token)).toBe(200);
  });

  test('a revoked grant is provider-invalid-grant (the panel offers Reconnect)', async () => {
    await connect();
    const before = await stored();
    // Revoked at the provider by the client itself (as when the user removes the app's access there).
    expect(await provider.revoke(before!.refresh_token!, 'refresh_token', {clientId: CONFIDENTIAL_CLIENTS.client_secret_basic, auth: 'basic', secret: LOCAL_CLIENT_SECRET})).toBe(200);
    await expireAccessToken();
    const answer = await call('refresh', ADA);
    expect([answer.status, answer.body.error?.type]).toEqual([400, 'provider-invalid-grant']);
  });
});

describe('disconnecting through the backend', () => {
  test('revokes both tokens at the provider with the client secret, then deletes the secret', async () => {
    await connect();
    const before = await stored();
    const requestsBefore = provider.clientRequests().length;
    const answer = await call('disconnect', ADA);
    expect(answer.body).toEqual({revocation: 'revoked'});
    expect(provider.clientRequests().slice(requestsBefore).map((r) => `${r.endpoint} ${r.auth} ${r.status}`)).toEqual(['revocation basic 200', 'revocation basic 200']);
    expect(await isStored()).toBe(false);
    expect(await provider.me(before!.access_token)).toBe(401);
    expect((await call('status', ADA)).body).toEqual({connected: false, connection: ID});
  });

  test('a revocation failure still deletes, and says so', async () => {
    await connect();
    const unreachable = await anotherBackend(backendModeOAuth({revocationUrl: 'http://127.0.0.1:9/revoke'}));
    expect((await call('disconnect', ADA, {}, unreachable)).body).toEqual({revocation: 'failed'});
    expect(await isStored()).toBe(false);
  });

  test('with nothing stored: not-connected', async () => {
    expect((await call('disconnect', ADA)).body.error?.type).toBe('not-connected');
  });
});

describe('isolation', () => {
  test('a call signed for Ben reaches only Ben’s scope: it can neither see, refresh, check nor disconnect Ada’s connection', async () => {
    await connect(ADA, 'ada');
    const grants = provider.grants('refresh_token');
    expect((await call('status', BEN)).body).toEqual({connected: false, connection: ID});
    for (const route of ['refresh', 'verify', 'disconnect']) expect((await call(route, BEN, {when: route === 'refresh' ? 'now' : undefined})).body.error?.type).toBe('not-connected');
    expect(provider.grants('refresh_token')).toBe(grants);
    expect(await isStored(ADA)).toBe(true);
    expect(await isStored(BEN)).toBe(false);
  });

  test('Ben exchanging a code Ada signed in for stores it under Ben: the scope comes from the signature, never the body', async () => {
    const grant = await signIn('ada');
    const answer = await fetch(`${backend.url}/v1/connection/exchange`, {
      method: 'POST',
      headers: {'content-type': 'application/json', 'stripe-signature': sign(BEN)},
      body: JSON.stringify({connection: ID, ...grant, redirect_uri: REDIRECTS.test, user_id: ADA, account_id: ACCOUNT}),
    });
    expect(answer.status).toBe(401);
    expect(await isStored(ADA)).toBe(false);
  });
});

describe('configuration', () => {
  const env = {STRIPE_SECRET_KEY: 'sk_test_oauthConfig1', STRIPE_APP_SIGNING_SECRET: 'absec_x', STRIPE_WEBHOOK_SECRET: 'whsec_x'};
  /** A manifest with these connections, each otherwise complete (only id and exchange matter here). */
  const manifestWith = (...connections: Record<string, unknown>[]) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-oauth-')), 'stripe-app.json');
    const full = (c: Record<string, unknown>) => ({name: String(c.id), authorizeUrl: 'https://p.example/auth', tokenUrl: 'https://p.example/token', clientId: 'c', scopes: [], ...c});
    fs.writeFileSync(file, JSON.stringify({constants: {redirectUris: REDIRECTS, connections: connections.map(full)}}));
    return file;
  };

  test("a backend-mode connection without its OAUTH_CLIENT_SECRET_<ID> stops start-up with an error naming that variable", () => {
    const file = manifestWith({id: ID, exchange: 'backend'});
    let error: unknown;
    try {
      readConfig({...env, STRIPE_APP_MANIFEST: file});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(CLIENT_SECRET_VARIABLE);
    expect(readConfig({...env, STRIPE_APP_MANIFEST: file, [CLIENT_SECRET_VARIABLE]: 'from-the-provider'}).oauthClientSecrets).toEqual({[ID]: 'from-the-provider'});
  });

  test('each backend-mode connection reads its own variable; view mode needs none', () => {
    const file = manifestWith({id: 'github', exchange: 'backend'}, {id: 'slack', exchange: 'view'}, {id: 'google', exchange: 'backend'});
    const config = readConfig({...env, STRIPE_APP_MANIFEST: file, OAUTH_CLIENT_SECRET_GITHUB: 'gh', OAUTH_CLIENT_SECRET_GOOGLE: 'go', OAUTH_CLIENT_SECRET_SLACK: 'unused'});
    expect(config.oauthClientSecrets).toEqual({github: 'gh', google: 'go'});
    expect(() => readConfig({...env, STRIPE_APP_MANIFEST: file, OAUTH_CLIENT_SECRET_GITHUB: 'gh'})).toThrow('OAUTH_CLIENT_SECRET_GOOGLE');
    expect(readConfig({...env, STRIPE_APP_MANIFEST: manifestWith({id: ID, exchange: 'view'})}).oauthClientSecrets).toEqual({});
  });

  test("a preset's default exchange counts: GitHub's is the backend, so its variable is required", () => {
    const file = manifestWith({id: 'github', preset: 'github', clientId: 'Iv1.x', name: undefined, authorizeUrl: undefined, tokenUrl: undefined});
    expect(() => readConfig({...env, STRIPE_APP_MANIFEST: file})).toThrow('OAUTH_CLIENT_SECRET_GITHUB');
  });
});

describe("each route's calls to Stripe (the README's table beside Stripe's rate limits)", () => {
  test('status, exchange, refresh, verify and disconnect of a connected user, each as the Secret Store saw it', async () => {
    await stripeFor().apps.secrets.create({name: CONNECTED_USERS_SECRET, scope: {type: 'account'}, payload: JSON.stringify([ADA])});
    const calls: Record<string, string[]> = {};
    const measure = async (route: string, body: Record<string, unknown> = {}) => {
      storeRequests = [];
      expect((await call(route, ADA, body)).status).toBe(200);
      calls[route] = storeRequests;
    };
    const grant = await signIn('ada');
    await measure('exchange', {...grant, redirect_uri: REDIRECTS.test});
    await measure('status');
    await measure('refresh', {when: 'now'});
    await measure('verify');
    await measure('disconnect');
    const [find, write, remove] = ['GET /v1/apps/secrets/find', 'POST /v1/apps/secrets', 'POST /v1/apps/secrets/delete'];
    expect(calls).toEqual({
      exchange: [write, find],
      status: [find],
      // Under the refresh lease (taken, confirmed, given back), the tokens read again and the rotated ones saved.
      refresh: [find, find, write, find, find, write, find, remove],
      verify: [find],
      // Read, revoked at the provider, deleted; the refresh lease goes with it.
      disconnect: [find, remove, find, find, remove],
    });
  });
});
