/**
 * The views' Secret Store module over the SDK's own path: createHttpClient →
 * stripe → the host endpoint's stripeApiFetch → the real local Secret Store as
 * a UI-extension caller.
 */
import {createHttpClient} from '@stripe/ui-extension-sdk/http_client';
import Stripe from 'stripe';
import {createExtensionStripe, createSecretStore, SecretStoreError, SECRETS_PER_SCOPE} from '../../src/secrets';
import {DEFAULT_IDENTITY, installHostEndpoint, uninstallHostEndpoint, type InstalledHost} from '../support/hostEndpoint';
import {startTestStore, type TestSecretStore} from 'stripe-apps-offline/testing';

let store: TestSecretStore;
let host: InstalledHost;
const context = {userContext: {id: DEFAULT_IDENTITY.user}} as Parameters<typeof createSecretStore>[0];
const backend = () => store.backend(undefined, {stripeAccount: DEFAULT_IDENTITY.account});

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  uninstallHostEndpoint();
  await store.close();
});
beforeEach(() => {
  host = installHostEndpoint(store);
});

/** Calls `run` and returns what it threw (failing the test when it did not throw). */
async function thrown(run: () => Promise<unknown>): Promise<SecretStoreError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(SecretStoreError);
    return e as SecretStoreError;
  }
  throw new Error('expected a SecretStoreError');
}

test('set, find, reveal, list and delete in the account scope, seen by the backend', async () => {
  const secrets = createSecretStore(context);
  const saved = await secrets.account.set('module_account_key', 'sk_test_from_view', {expiresAt: new Date(Date.now() + 3600_000)});
  expect(saved).toMatchObject({name: 'module_account_key', livemode: false});
  expect(saved.expiresAt).toBeGreaterThan(Date.now() / 1000);
  expect(saved).not.toHaveProperty('payload');

  const fromBackend = await backend().apps.secrets.find({name: 'module_account_key', scope: {type: 'account'}, expand: ['payload']});
  expect(fromBackend.payload).toBe('sk_test_from_view');
  expect(fromBackend.id).toBe(saved.id);

  expect(await secrets.account.find('module_account_key')).toEqual(saved);
  expect(await secrets.account.reveal('module_account_key')).toBe('sk_test_from_view');
  expect((await secrets.account.list()).map((s) => s.name)).toContain('module_account_key');
  expect(await secrets.account.delete('module_account_key')).toBe(true);
  expect(await secrets.account.find('module_account_key')).toBeNull();
  expect(await secrets.account.reveal('module_account_key')).toBeNull();
  expect(await secrets.account.delete('module_account_key')).toBe(false);
});

test('the requests go through the host endpoint, and only reveal asks for a payload', async () => {
  const secrets = createSecretStore(context);
  await secrets.account.set('counted', 'v');
  host.requests.length = 0;
  await secrets.account.list();
  await secrets.account.find('counted');
  expect(host.requests).toMatchObject([
    {method: 'GET', path: '/v1/apps/secrets', status: 200},
    {method: 'GET', path: '/v1/apps/secrets/find', status: 200},
  ]);
  expect(host.requests.map((r) => r.query).join('&')).not.toContain('expand');
  await secrets.account.reveal('counted');
  expect(host.requests[2].query).toContain('expand[0]=payload');
  await secrets.account.delete('counted');
});

test('the signed-in user scope is the user from userContext, and nobody else sees it', async () => {
  const secrets = createSecretStore(context);
  await secrets.signedInUser.set('personal_token', 'mine');
  const own = await backend().apps.secrets.find({name: 'personal_token', scope: {type: 'user', user: DEFAULT_IDENTITY.user}, expand: ['payload']});
  expect(own.payload).toBe('mine');
  await expect(backend().apps.secrets.find({name: 'personal_token', scope: {type: 'account'}})).rejects.toMatchObject({statusCode: 404});

  // Another Dashboard user of the same account, through the same module, sees nothing.
  installHostEndpoint(store, {user: 'usr_other'});
  const theirs = createSecretStore({userContext: {id: 'usr_other'}} as typeof context);
  expect(await theirs.signedInUser.find('personal_token')).toBeNull();
  expect(await theirs.signedInUser.list()).toEqual([]);
  await theirs.signedInUser.set('personal_token', 'theirs');

  installHostEndpoint(store);
  expect(await secrets.signedInUser.reveal('personal_token')).toBe('mine');
});

test('without a signed-in user, user-scoped calls fail as no-user and send nothing', async () => {
  const secrets = createSecretStore({userContext: undefined} as unknown as typeof context);
  for (const call of [() => secrets.signedInUser.set('x', 'y'), () => secrets.signedInUser.find('x'), () => secrets.signedInUser.list()]) {
    expect((await thrown(call)).kind).toBe('no-user');
  }
  expect(host.requests).toEqual([]);
});

test("a view's stripe client cannot reach another user's scope: the host refuses it as 403", async () => {
  // What a view could do by hand-building a scope, bypassing the module.
  const stripe = createExtensionStripe();
  const attempt = stripe.apps.secrets.list({scope: {type: 'user', user: 'usr_someone_else'}});
  await expect(attempt).rejects.toMatchObject({statusCode: 403, type: 'StripePermissionError'});
  await expect(
    stripe.apps.secrets.create({name: 'planted', payload: 'x', scope: {type: 'user', user: 'usr_someone_else'}}),
  ).rejects.toMatchObject({statusCode: 403});
  await expect(
    backend().apps.secrets.find({name: 'planted', scope: {type: 'user', user: 'usr_someone_else'}}),
  ).rejects.toMatchObject({statusCode: 404});
  expect(host.requests.map((r) => r.status)).toEqual([403, 403]);
});

test('a view cannot borrow another identity through headers it sends', async () => {
  const stripe = new Stripe('view_chosen_key', {
    httpClient: createHttpClient() as Stripe.HttpClient,
    stripeAccount: 'acct_other',
    telemetry: false,
  });
  await createSecretStore(context).account.set('whose', 'ours');
  // The Stripe-Account header and the key are the view's (the SDK itself refuses real-looking keys); the host ignores both.
  const found = await stripe.apps.secrets.find({name: 'whose', scope: {type: 'account'}, expand: ['payload']});
  expect(found.payload).toBe('ours');
});

test('a full scope is reported as scope-full, and replacing is still allowed', async () => {
  const scope = {type: 'user' as const, user: 'usr_full'};
  installHostEndpoint(store, {user: 'usr_full'});
  const full = createSecretStore({userContext: {id: 'usr_full'}} as typeof context);
  for (let i = 0; i < SECRETS_PER_SCOPE; i++) await backend().apps.secrets.create({name: `slot_${i}`, payload: 'p', scope});
  const error = await thrown(() => full.signedInUser.set('one_too_many', 'p'));
  expect(error.kind).toBe('scope-full');
  expect(error.message).toMatch(/at most 10/);
  await full.signedInUser.set('slot_3', 'replaced');
  expect(await full.signedInUser.reveal('slot_3')).toBe('replaced');
});

test('refused input never puts the value in the error', async () => {
  const secrets = createSecretStore(context);
  const value = 'sk_live_' + 'S3CRET'.repeat(900); // over 5000 characters
  const tooLong = await thrown(() => secrets.account.set('long', value));
  expect(tooLong).toMatchObject({kind: 'invalid', param: 'payload'});
  const past = await thrown(() => secrets.account.set('past', 'sk_live_S3CRET', {expiresAt: new Date(Date.now() - 1000)}));
  expect(past).toMatchObject({kind: 'invalid', param: 'expires_at'});
  for (const e of [tooLong, past]) {
    expect(e.message).not.toContain('S3CRET');
    expect(JSON.stringify(e)).not.toContain('S3CRET');
    expect(String(e.stack)).not.toContain('S3CRET');
  }
  // Refused before leaving the page: the store never saw either value.
  expect(host.requests).toEqual([]);
});

test('errors the store answers are typed by kind without copying its message', async () => {
  // The module's own checks are bypassed to see how a server-side refusal is typed.
  const stripe = createExtensionStripe();
  const error = await stripe.apps.secrets
    .create({name: 'x', payload: 'sk_live_S3CRET', scope: {type: 'account'}, expires_at: 1})
    .catch((e: unknown) => e);
  const {toSecretStoreError} = await import('../../src/secrets/errors');
  const typed = toSecretStoreError(error);
  expect(typed).toMatchObject({kind: 'invalid', param: 'expires_at', statusCode: 400});
  expect(typed.requestId).toMatch(/^req_/);
  expect(typed.message).not.toContain('S3CRET');
});

test('an unreachable store is a network error', async () => {
  const down = await startTestStore();
  installHostEndpoint(down);
  await down.close();
  const error = await thrown(() => createSecretStore(context).account.list());
  expect(error.kind).toBe('network');
});
