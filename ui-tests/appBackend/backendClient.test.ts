/**
 * The views' signed calls, end to end without a browser: the SDK's
 * fetchStripeSignature (answered by the host, as the Dashboard does, signing
 * with the app's signing secret) → createBackendClient → the real backend,
 * which verifies with stripe-node and reads the real local Secret Store.
 */
import {createBackendClient, BackendCallError} from '../../src/appBackend';
import manifest from '../fixtures/app/stripe-app.json';
import {CONNECTION_SECRET, FIXTURE_CONNECTION} from '../support/fixtureConnection';
import {startBackend, type RunningBackend} from '../../backend/server';
import {DEFAULT_IDENTITY, installHostEndpoint, TEST_SIGNING_SECRET, uninstallHostEndpoint} from '../support/hostEndpoint';
import {startTestStore, type TestSecretStore} from 'stripe-apps-offline/testing';

let store: TestSecretStore;
let backend: RunningBackend;

const start = (signingSecrets: string[]) =>
  startBackend({secretKey: 'sk_test_backendClient', signingSecrets, apiBase: new URL(store.url), host: '127.0.0.1', port: 0, constants: manifest.constants});

beforeAll(async () => {
  store = await startTestStore();
  backend = await start([TEST_SIGNING_SECRET]);
});
afterAll(async () => {
  uninstallHostEndpoint();
  await backend?.close();
  await store?.close();
});
beforeEach(() => {
  installHostEndpoint(store);
});

type Context = Parameters<typeof createBackendClient>[0];
const contextFor = (backendUrl: string | undefined, user = DEFAULT_IDENTITY.user): Context =>
  ({
    userContext: {id: user, account: {id: DEFAULT_IDENTITY.account}},
    environment: {constants: backendUrl === undefined ? {} : {backendUrl}},
  }) as unknown as Context;

async function failure(run: () => Promise<unknown>): Promise<BackendCallError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(BackendCallError);
    return e as BackendCallError;
  }
  throw new Error('expected a BackendCallError');
}

test("a signed call reaches the backend as the signed-in user and reads that user's connection", async () => {
  const client = createBackendClient(contextFor(backend.url));
  expect(await client.call('/v1/connection/status', {connection: FIXTURE_CONNECTION.id})).toEqual({connected: false, connection: FIXTURE_CONNECTION.id});
  await store
    .backend(undefined, {stripeAccount: DEFAULT_IDENTITY.account})
    .apps.secrets.create({
      name: CONNECTION_SECRET,
      scope: {type: 'user', user: DEFAULT_IDENTITY.user},
      payload: JSON.stringify({version: 1, access_token: 'at_client_test', refresh_token: null, token_type: 'Bearer', scope: 'read', access_token_expires_at: null, refresh_token_expires_at: null, connected_at: 1, account_name: 'ada'}),
    });
  expect(await client.call('/v1/connection/status', {connection: FIXTURE_CONNECTION.id})).toMatchObject({connected: true, account_name: 'ada'});
});

test('a body that names another user is overwritten with the signed-in one', async () => {
  const client = createBackendClient(contextFor(backend.url));
  // Were user_id taken from the body, the signature (over the real user) would not match: a 401.
  expect(await client.call('/v1/connection/status', {connection: FIXTURE_CONNECTION.id, user_id: 'usr_somebodyElse', account_id: 'acct_somebodyElse'})).toHaveProperty('connected');
});

test.each<[string, string, () => Context]>([
  ['no backendUrl in constants', 'not-configured', () => contextFor(undefined)],
  ['a backendUrl that is plain http to another machine', 'not-configured', () => contextFor('http://backend.example')],
  ['no signed-in user', 'no-user', () => ({...contextFor(backend.url), userContext: undefined}) as unknown as Context],
  ['a backend that is not running', 'network', () => contextFor('http://127.0.0.1:9')],
])('%s: a BackendCallError of kind %s', async (_what, kind, context) => {
  const error = await failure(() => createBackendClient(context()).call('/v1/connection/status'));
  expect(error.kind).toBe(kind);
});

test('a backend with another signing secret refuses the signature: kind "signature", in words written by the view', async () => {
  const other = await start(['absec_anotherAppsSecret']);
  try {
    const error = await failure(() => createBackendClient(contextFor(other.url)).call('/v1/connection/status'));
    expect(error.kind).toBe('signature');
    expect(error.code).toBe('bad-signature');
    expect(error.message).toBe('The app backend did not accept this session. Reload the page and try again.');
  } finally {
    await other.close();
  }
});

test('an unknown route is "refused", carrying only the backend\'s code', async () => {
  const error = await failure(() => createBackendClient(contextFor(backend.url)).call('/v1/no-such-route'));
  expect(error.kind).toBe('refused');
  expect(error.code).toBe('not-found');
});
