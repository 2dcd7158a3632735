/**
 * The app backend's signed-call contract, over real HTTP: the real backend,
 * stripe-node's own signature helper, and the real local Secret Store behind
 * it (backend door, Stripe-Account). A call is answered only when its
 * Stripe-Signature covers the user and account its body names, and it only
 * ever reaches that account's and that user's secrets.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Stripe from 'stripe';
import {ConfigError, type BackendConfig} from '../../backend/config';
import {readConfig} from '../../backend/readConfig';
import manifest from '../fixtures/app/stripe-app.json';
import {CONNECTION_SECRET, FIXTURE_CONNECTION} from '../support/fixtureConnection';
import type {RunningBackend} from '../../backend/server';
import {startBackendUnderTest} from '../support/backendUnderTest';
import {startTestStore, type TestSecretStore} from 'stripe-apps-offline/testing';

const SECRET = `absec_${crypto.randomBytes(16).toString('hex')}`;
const PREVIOUS = `absec_${crypto.randomBytes(16).toString('hex')}`;
const ADA = 'usr_BackendAda01';
const BEN = 'usr_BackendBen02';
const ACCOUNT = 'acct_1BackendTests01';
const OTHER_ACCOUNT = 'acct_1BackendOther02';

let store: TestSecretStore;
let backend: RunningBackend;

const configFor = (signingSecrets: string[], apiBase = store.url): BackendConfig => ({
  secretKey: 'sk_test_backendTests',
  signingSecrets,
  apiBase: new URL(apiBase),
  host: '127.0.0.1',
  port: 0,
  constants: manifest.constants,
});

beforeAll(async () => {
  store = await startTestStore();
  backend = await startBackendUnderTest(configFor([SECRET]));
});
afterAll(async () => {
  await backend?.close();
  await store?.close();
});

const helper = () => {
  const signature = Stripe.webhooks.signature;
  if (!signature) throw new Error("stripe-node's signature helper is missing");
  return Stripe.webhooks;
};

/** What fetchStripeSignature() answers in the Dashboard: a header over {user_id, account_id}. */
function sign(user: string, account: string, options: {secret?: string; timestamp?: number} = {}): string {
  return helper().generateTestHeaderString({
    payload: JSON.stringify({user_id: user, account_id: account}),
    secret: options.secret ?? SECRET,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
}

interface Answer {
  status: number;
  body: {connected?: boolean; account_name?: string | null; error?: {type: string; message: string}} & Record<string, unknown>;
  headers: Headers;
  text: string;
}

async function call(path: string, init: {signature?: string; body?: unknown; origin?: string; method?: string; to?: RunningBackend} = {}): Promise<Answer> {
  const headers: Record<string, string> = {'content-type': 'application/json'};
  if (init.signature) headers['stripe-signature'] = init.signature;
  if (init.origin) headers.origin = init.origin;
  const response = await fetch(`${(init.to ?? backend).url}${path}`, {
    method: init.method ?? 'POST',
    headers,
    // A connection route's body names the tests' connection (the signature covers only user_id and account_id).
    body:
      init.method === 'OPTIONS'
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(path.startsWith('/v1/connection/') ? {connection: FIXTURE_CONNECTION.id, ...(init.body as object | undefined)} : (init.body ?? {})),
  });
  const text = await response.text();
  return {status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {}, headers: response.headers, text};
}

const STATUS = '/v1/connection/status';
const now = () => Math.floor(Date.now() / 1000);

async function storeConnection(user: string, account: string, accountName: string) {
  const payload = JSON.stringify({
    version: 1,
    access_token: `at_${accountName}_${crypto.randomBytes(8).toString('hex')}`,
    refresh_token: `rt_${accountName}_${crypto.randomBytes(8).toString('hex')}`,
    token_type: 'Bearer',
    scope: 'read write',
    access_token_expires_at: now() + 3600,
    refresh_token_expires_at: null,
    connected_at: now(),
    account_name: accountName,
  });
  await store.backend(undefined, {stripeAccount: account}).apps.secrets.create({name: CONNECTION_SECRET, payload, scope: {type: 'user', user}});
  return JSON.parse(payload) as {access_token: string; refresh_token: string};
}

describe('the signature table', () => {
  test.each<[string, number, string | null, () => {signature?: string; body: unknown}]>([
    ['a valid signature for the body’s user and account', 200, null, () => ({signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT}})],
    ['no signature', 401, 'unsigned', () => ({body: {user_id: ADA, account_id: ACCOUNT}})],
    ['a forged signature', 401, 'bad-signature', () => ({signature: `t=${now()},v1=${'0'.repeat(64)}`, body: {user_id: ADA, account_id: ACCOUNT}})],
    ['a signature made with another secret', 401, 'bad-signature', () => ({signature: sign(ADA, ACCOUNT, {secret: 'absec_not_this_apps'}), body: {user_id: ADA, account_id: ACCOUNT}})],
    ['an expired signature (400 s old)', 401, 'expired-signature', () => ({signature: sign(ADA, ACCOUNT, {timestamp: now() - 400}), body: {user_id: ADA, account_id: ACCOUNT}})],
    ['a signature for Ada with a body naming Ben', 401, 'bad-signature', () => ({signature: sign(ADA, ACCOUNT), body: {user_id: BEN, account_id: ACCOUNT}})],
    ['a signature for one account with a body naming another', 401, 'bad-signature', () => ({signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: OTHER_ACCOUNT}})],
    ['a body without user_id', 401, 'bad-signature', () => ({signature: sign(ADA, ACCOUNT), body: {account_id: ACCOUNT}})],
    ['a body that is not JSON', 400, 'bad-request', () => ({signature: sign(ADA, ACCOUNT), body: 'user_id=usr_x'})],
    ['a signature header that is not a signature', 401, 'bad-signature', () => ({signature: 'nonsense', body: {user_id: ADA, account_id: ACCOUNT}})],
  ])('%s → %i %s', async (_what, status, type, make) => {
    const {signature, body} = make();
    const answer = await call(STATUS, {signature, body});
    expect(answer.status).toBe(status);
    expect(answer.body.error?.type ?? null).toBe(type);
    // Refusals say what is wrong, and never repeat the signature or the secret.
    if (signature) expect(answer.text.includes(signature)).toBe(false);
    expect(answer.text.includes(SECRET)).toBe(false);
  });

  test('during a rotation the previous signing secret is accepted too, and not once the rotation is over', async () => {
    const rotating = await startBackendUnderTest(configFor([SECRET, PREVIOUS]));
    try {
      const old = sign(ADA, ACCOUNT, {secret: PREVIOUS});
      expect((await call(STATUS, {to: rotating, signature: old, body: {user_id: ADA, account_id: ACCOUNT}})).status).toBe(200);
      expect((await call(STATUS, {to: rotating, signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT}})).status).toBe(200);
      expect((await call(STATUS, {signature: old, body: {user_id: ADA, account_id: ACCOUNT}})).status).toBe(401);
    } finally {
      await rotating.close();
    }
  });
});

describe('what a verified call reaches', () => {
  test("a call signed for Ada reads Ada's connection, as a summary without tokens; Ben's stays his", async () => {
    const ada = await storeConnection(ADA, ACCOUNT, 'ada');
    await storeConnection(BEN, ACCOUNT, 'ben');
    const answer = await call(STATUS, {signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT}});
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({connected: true, account_name: 'ada', scopes: ['read', 'write']});
    expect(answer.text.includes(ada.access_token) || answer.text.includes(ada.refresh_token)).toBe(false);
    expect(answer.text.includes('_token"')).toBe(false);

    const ben = await call(STATUS, {signature: sign(BEN, ACCOUNT), body: {user_id: BEN, account_id: ACCOUNT}});
    expect(ben.body).toMatchObject({connected: true, account_name: 'ben'});
  });

  test('the account comes from the signature: the same user in another account sees nothing of this one', async () => {
    await storeConnection(ADA, ACCOUNT, 'ada');
    const answer = await call(STATUS, {signature: sign(ADA, OTHER_ACCOUNT), body: {user_id: ADA, account_id: OTHER_ACCOUNT}});
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({connected: false, connection: FIXTURE_CONNECTION.id});
  });

  test('a Secret Store that cannot be reached is a 502 that says so', async () => {
    const down = await startBackendUnderTest(configFor([SECRET], 'http://127.0.0.1:9'));
    try {
      const answer = await call(STATUS, {to: down, signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT}});
      expect(answer.status).toBe(502);
      expect(answer.body.error?.type).toBe('store-unavailable');
    } finally {
      await down.close();
    }
  });
});

describe('CORS', () => {
  test("answers the views' sandboxed iframe (Origin: null), preflight included", async () => {
    const preflight = await call(STATUS, {method: 'OPTIONS', origin: 'null'});
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('null');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Stripe-Signature/i);
    const answer = await call(STATUS, {origin: 'null', signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT}});
    expect(answer.headers.get('access-control-allow-origin')).toBe('null');
  });

  test('gives no other web page leave to read its answers', async () => {
    const preflight = await call(STATUS, {method: 'OPTIONS', origin: 'https://evil.example'});
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await call(STATUS, {origin: 'https://evil.example', signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT}});
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});

test('an unknown route is a JSON 404', async () => {
  const answer = await call('/v1/nothing-here', {signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT}});
  expect(answer.status).toBe(404);
  expect(answer.body.error?.type).toBe('not-found');
});

describe('configuration', () => {
  // The tests' own manifest, not the shipped one: a fork's edits to stripe-app.json (a backend exchange, say) change nothing here.
  const complete = {
    STRIPE_SECRET_KEY: 'sk_test_configCheck1',
    STRIPE_APP_SIGNING_SECRET: 'absec_configCheck',
    STRIPE_WEBHOOK_SECRET: 'whsec_configCheck',
    STRIPE_APP_MANIFEST: path.join(__dirname, '../fixtures/app/stripe-app.json'),
  };

  test.each([
    ['STRIPE_SECRET_KEY', {STRIPE_APP_SIGNING_SECRET: 'absec_x'}],
    ['STRIPE_APP_SIGNING_SECRET', {STRIPE_SECRET_KEY: 'sk_test_configCheck1'}],
    ['STRIPE_WEBHOOK_SECRET', {STRIPE_SECRET_KEY: 'sk_test_configCheck1', STRIPE_APP_SIGNING_SECRET: 'absec_x'}],
    ['STRIPE_SECRET_KEY', {...complete, STRIPE_SECRET_KEY: 'pk_test_publishableNotSecret'}],
    ['STRIPE_API_BASE', {...complete, STRIPE_API_BASE: 'not a url'}],
    ['BACKEND_PORT', {...complete, BACKEND_PORT: '99999'}],
    ['STRIPE_APP_MANIFEST', {...complete, STRIPE_APP_MANIFEST: '/nonexistent/stripe-app.json'}],
  ])('a missing or malformed %s stops start-up with an error naming it (and never its value)', (variable, env) => {
    let error: unknown;
    try {
      readConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message.startsWith(variable)).toBe(true);
    expect((error as ConfigError).message.includes('publishableNotSecret')).toBe(false);
  });

  test('a complete environment: defaults for the rest, the previous signing secret after the current one', () => {
    const config = readConfig({...complete, STRIPE_APP_SIGNING_SECRET_PREVIOUS: 'absec_before', STRIPE_WEBHOOK_SECRET_PREVIOUS: 'whsec_before', STRIPE_API_BASE: 'http://127.0.0.1:4310'});
    expect(config).toMatchObject({port: 4330, host: '127.0.0.1', signingSecrets: ['absec_configCheck', 'absec_before'], webhookSecrets: ['whsec_configCheck', 'whsec_before']});
    expect(config.apiBase?.port).toBe('4310');
    expect(Object.keys(config.constants)).toEqual(expect.arrayContaining(['keySlots', 'connections', 'redirectUris', 'backendUrl']));
  });

  test('without STRIPE_APP_MANIFEST the backend acts on the stripe-app.json of its working directory', () => {
    const {STRIPE_APP_MANIFEST: _fixture, ...noManifest} = complete;
    const shipped = JSON.parse(fs.readFileSync(path.resolve('stripe-app.json'), 'utf8')) as {constants: {connections?: {id?: unknown}[]}};
    // Whatever the shipped manifest declares: each backend exchange also needs its client secret.
    const secrets = Object.fromEntries((shipped.constants.connections ?? []).map((c) => [`OAUTH_CLIENT_SECRET_${String(c.id).toUpperCase()}`, 'from-the-provider']));
    const config = readConfig({...noManifest, ...secrets});
    expect(config.constants).toEqual(shipped.constants);
  });
});

describe('the drawer\'s one status call for all its backend-mode connections', () => {
  const ALL = '/v1/connections/status';

  test("answers each named connection of Ada's from one list, summaries only; Ben's stays his", async () => {
    const ada = await storeConnection(ADA, ACCOUNT, 'ada');
    await storeConnection(BEN, ACCOUNT, 'ben');
    const answer = await call(ALL, {signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT, connections: [FIXTURE_CONNECTION.id]}});
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({connections: [{connected: true, connection: FIXTURE_CONNECTION.id, account_name: 'ada'}]});
    expect(answer.text.includes(ada.access_token) || answer.text.includes(ada.refresh_token) || answer.text.includes('_token"')).toBe(false);
  });

  test('refuses a list that is empty, repeats an id, names a connection the manifest lacks, or is too long, before reading anything', async () => {
    for (const connections of [[], [FIXTURE_CONNECTION.id, FIXTURE_CONNECTION.id], ['nope'], 'acme', ['a', 'b', 'c', 'd', 'e']]) {
      const answer = await call(ALL, {signature: sign(ADA, ACCOUNT), body: {user_id: ADA, account_id: ACCOUNT, connections}});
      expect([JSON.stringify(connections), answer.status, answer.body.error?.type]).toEqual([JSON.stringify(connections), 400, 'bad-request']);
    }
  });
});
