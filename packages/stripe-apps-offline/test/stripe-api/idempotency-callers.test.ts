/**
 * An Idempotency-Key belongs to one caller: a backend key (its partition), or
 * one UI-extension user (the partition plus the user). Another caller sending
 * the same key gets its own answer, never the first caller's, and the scope
 * check runs before anything is replayed.
 */
import crypto from 'node:crypto';
import {forwardAsExtension, type ExtensionIdentity} from '../../src/stripe-api/extension-door';
import {DEFAULT_ACCOUNT, DEFAULT_APP} from '../../src/stripe-api/server';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';

let store: TestSecretStore;
beforeAll(async () => {
  store = await startTestStore();
});
afterAll(() => store.close());

// The same partition as the backend key's, so only the caller tells them apart.
const identity = (user: string): ExtensionIdentity => ({app: DEFAULT_APP, account: DEFAULT_ACCOUNT, user, mode: 'test'});

interface Answer {
  status: number;
  json: {id?: string; payload?: string; deleted?: boolean; error?: {type: string; code?: string}};
  replayed: boolean;
}

async function asUser(user: string, path: string, body: string, idempotencyKey: string): Promise<Answer> {
  const response = await forwardAsExtension({storeUrl: store.url, hostKey: store.hostKey}, identity(user), path, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': idempotencyKey},
    body,
  });
  return {status: response.status, json: (response.json ?? {}) as Answer['json'], replayed: response.headers['idempotent-replayed'] === 'true'};
}

async function asBackend(path: string, body: string, idempotencyKey: string): Promise<Answer> {
  const raw = await store.raw(path, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': idempotencyKey},
    body,
  });
  return {status: raw.status, json: raw.body as Answer['json'], replayed: raw.headers.get('idempotent-replayed') === 'true'};
}

const freshKey = () => `idem_${crypto.randomBytes(8).toString('hex')}`;
const secretOf = (n: number) => `s3cret_${n}_${crypto.randomBytes(12).toString('hex')}`;

test("another user sending the first user's key and request gets a 403, not the first user's secret", async () => {
  const key = freshKey();
  const payload = secretOf(1);
  const body = `name=token&payload=${payload}&scope[type]=user&scope[user]=usr_a&expand[]=payload`;
  const first = await asUser('usr_a', '/v1/apps/secrets', body, key);
  expect(first.status).toBe(200);

  const stolen = await asUser('usr_b', '/v1/apps/secrets', body, key);
  expect(stolen.status).toBe(403);
  expect(stolen.replayed).toBe(false);
  expect(JSON.stringify(stolen.json).includes(payload)).toBe(false);

  // The owner still gets its replay.
  const again = await asUser('usr_a', '/v1/apps/secrets', body, key);
  expect(again).toMatchObject({status: 200, replayed: true});
  expect(again.json.id).toBe(first.json.id);
});

test('the same key used by two users for their own writes is two separate writes', async () => {
  const key = freshKey();
  const a = await asUser('usr_a', '/v1/apps/secrets', `name=own&payload=${secretOf(2)}&scope[type]=user&scope[user]=usr_a`, key);
  const b = await asUser('usr_b', '/v1/apps/secrets', `name=own&payload=${secretOf(3)}&scope[type]=user&scope[user]=usr_b`, key);
  expect(a.status).toBe(200);
  expect(b).toMatchObject({status: 200, replayed: false});
  await expect(store.backend().apps.secrets.find({name: 'own', scope: {type: 'user', user: 'usr_b'}})).resolves.toMatchObject({
    id: b.json.id,
  });
});

test("a 404 stored for one user's delete is not replayed to another user's delete", async () => {
  const key = freshKey();
  const body = 'name=shared_404&scope[type]=account';
  const missing = await asUser('usr_a', '/v1/apps/secrets/delete', body, key);
  expect(missing.status).toBe(404);

  await store.backend().apps.secrets.create({name: 'shared_404', payload: secretOf(4), scope: {type: 'account'}});
  const deleted = await asUser('usr_b', '/v1/apps/secrets/delete', body, key);
  expect(deleted).toMatchObject({status: 200, replayed: false, json: {deleted: true}});
  await expect(store.backend().apps.secrets.find({name: 'shared_404', scope: {type: 'account'}})).rejects.toMatchObject({statusCode: 404});
});

test("a backend key and an extension user with the same key each get their own answer", async () => {
  const key = freshKey();
  const body = `name=both&payload=${secretOf(5)}&scope[type]=account&expand[]=payload`;
  const backend = await asBackend('/v1/apps/secrets', body, key);
  expect(backend.status).toBe(200);
  const extension = await asUser('usr_a', '/v1/apps/secrets', body, key);
  expect(extension).toMatchObject({status: 200, replayed: false});
  expect(extension.json.id).not.toBe(backend.json.id);

  // And the other way round: an extension's stored 404 does not stop the backend's delete.
  const other = freshKey();
  const gone = await asUser('usr_a', '/v1/apps/secrets/delete', 'name=later&scope[type]=account', other);
  expect(gone.status).toBe(404);
  await store.backend().apps.secrets.create({name: 'later', payload: secretOf(6), scope: {type: 'account'}});
  const backendDelete = await asBackend('/v1/apps/secrets/delete', 'name=later&scope[type]=account', other);
  expect(backendDelete).toMatchObject({status: 200, replayed: false});
});

test('a backend key acting on another account (Stripe-Account) does not share keys with the default account', async () => {
  const key = freshKey();
  const body = 'name=acct_scoped&scope[type]=account';
  expect((await asBackend('/v1/apps/secrets/delete', body, key)).status).toBe(404);
  await store.backend(undefined, {stripeAccount: 'acct_other'}).apps.secrets.create({name: 'acct_scoped', payload: secretOf(7), scope: {type: 'account'}});
  const raw = await store.raw('/v1/apps/secrets/delete', {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key, 'stripe-account': 'acct_other'},
    body,
  });
  expect(raw.status).toBe(200);
});
