/**
 * A deleted secret leaves no copy behind: after a delete, a replacement or an
 * expiry sweep, the payload's bytes are nowhere in the store's files (the
 * database, its WAL, idempotency records). Each test first checks that a live
 * payload IS found, so "absent" means gone and not "never looked in the right
 * place". Assertions are booleans: a failure never prints a payload.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';

let dir: string;
let store: TestSecretStore;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-remnants-'));
  store = await startTestStore({file: path.join(dir, 'secret-store.sqlite3')});
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, {recursive: true, force: true});
});

const account = {type: 'account' as const};
const FORM = {'content-type': 'application/x-www-form-urlencoded'};

/** Distinctive and random: it cannot turn up in a file by chance. */
const newPayload = () => `REMNANT_${crypto.randomBytes(20).toString('hex')}`;

/** Whether any file in the data folder holds the payload's bytes (looked for while the store is running). */
function onDisk(payload: string): boolean {
  const needle = Buffer.from(payload, 'utf8');
  return fs.readdirSync(dir).some((name) => {
    const file = path.join(dir, name);
    return fs.statSync(file).isFile() && fs.readFileSync(file).includes(needle);
  });
}

async function setRaw(name: string, payload: string, options: {expand: boolean; key?: string; expiresAt?: number}): Promise<number> {
  let body = `name=${name}&payload=${payload}&scope[type]=account`;
  if (options.expand) body += '&expand[]=payload';
  if (options.expiresAt !== undefined) body += `&expires_at=${options.expiresAt}`;
  const headers: Record<string, string> = {...FORM};
  if (options.key) headers['idempotency-key'] = options.key;
  const {status} = await store.raw('/v1/apps/secrets', {method: 'POST', headers, body});
  return status;
}

test.each([
  ['with expand[]=payload and an Idempotency-Key', {expand: true, key: 'remnant-idem-1'}],
  ['with an Idempotency-Key, not expanded', {expand: false, key: 'remnant-idem-2'}],
  ['plain, without either', {expand: false}],
])('a deleted secret (%s) leaves no copy of its payload in the data files', async (_what, options) => {
  const payload = newPayload();
  expect(await setRaw('gone', payload, options)).toBe(200);
  // Ballast around it, so the secret shares its page with rows that stay.
  for (let i = 0; i < 5; i++) await store.backend().apps.secrets.create({name: `stay${i}`, payload: `kept-${i}`, scope: account});
  expect(onDisk(payload)).toBe(true);

  const deleted = await store.raw('/v1/apps/secrets/delete', {method: 'POST', headers: {...FORM, 'idempotency-key': 'remnant-del'}, body: 'name=gone&scope[type]=account'});
  expect(deleted.status).toBe(200);
  expect(onDisk(payload)).toBe(false);
  // The rest is intact.
  const kept = await store.backend().apps.secrets.find({name: 'stay4', scope: account, expand: ['payload']});
  expect(kept.payload).toBe('kept-4');
});

test('a replaced secret leaves no copy of its old payload; the new one is readable', async () => {
  const old = newPayload();
  const replacement = newPayload();
  expect(await setRaw('rotated', old, {expand: true, key: 'remnant-rot-1'})).toBe(200);
  expect(onDisk(old)).toBe(true);
  expect(await setRaw('rotated', replacement, {expand: true, key: 'remnant-rot-2'})).toBe(200);
  expect(onDisk(old)).toBe(false);
  const found = await store.backend().apps.secrets.find({name: 'rotated', scope: account, expand: ['payload']});
  expect(found.payload === replacement).toBe(true);
});

test('an expired secret leaves no copy of its payload once swept', async () => {
  const payload = newPayload();
  const expiresAt = store.store.now() + 60;
  expect(await setRaw('brief', payload, {expand: true, key: 'remnant-exp', expiresAt})).toBe(200);
  expect(onDisk(payload)).toBe(true);
  store.advanceClock(120);
  store.store.sweep();
  expect(onDisk(payload)).toBe(false);
});

test('an idempotent replay of an expanded set still answers the payload, and it is still gone after the delete', async () => {
  const payload = newPayload();
  const body = `name=replayed&payload=${payload}&scope[type]=account&expand[]=payload`;
  const first = await store.raw('/v1/apps/secrets', {method: 'POST', headers: {...FORM, 'idempotency-key': 'remnant-replay'}, body});
  const again = await store.raw('/v1/apps/secrets', {method: 'POST', headers: {...FORM, 'idempotency-key': 'remnant-replay'}, body});
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(JSON.stringify(again.body) === JSON.stringify(first.body)).toBe(true);
  expect(again.body.payload === payload).toBe(true);

  await store.backend().apps.secrets.deleteWhere({name: 'replayed', scope: account});
  expect(onDisk(payload)).toBe(false);
  // A replay after the delete is still the first answer (the set did happen), rebuilt from the request.
  const late = await store.raw('/v1/apps/secrets', {method: 'POST', headers: {...FORM, 'idempotency-key': 'remnant-replay'}, body});
  expect(late.headers.get('idempotent-replayed')).toBe('true');
  expect(JSON.stringify(late.body) === JSON.stringify(first.body)).toBe(true);
  expect(onDisk(payload)).toBe(false);
});
