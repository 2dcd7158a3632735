/**
 * A full disk: SQLite answers SQLITE_FULL. The caller gets a Stripe-shaped 500
 * that says the local store's disk is full (never a payload), the log names
 * what happened and the data file, and nothing acknowledged before is lost.
 *
 * The full disk is real to SQLite: `PRAGMA max_page_count` on the store's own
 * connection (the test-only `capPagesForTests`, in-process like faults.ts)
 * stops the file growing, so SQLite fails exactly as it does on a full disk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';

let dir: string;
let file: string;
let store: TestSecretStore;
const logged: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-full-'));
  file = path.join(dir, 'secret-store.sqlite3');
  store = await startTestStore({file, log: (line) => logged.push(line)});
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, {recursive: true, force: true});
});

const FORM = {'content-type': 'application/x-www-form-urlencoded'};
const big = (n: number) => `${n}_${crypto.randomBytes(2400).toString('hex')}`.slice(0, 4900);

test('a write on a full disk is refused with a clear 500; earlier writes are intact; space again means writes again', async () => {
  const stripe = store.backend();
  const acknowledged = new Map<string, string>();
  for (let i = 0; i < 5; i++) {
    const payload = big(i);
    await stripe.apps.secrets.create({name: `before${i}`, payload, scope: {type: 'user', user: `usr_${i}`}});
    acknowledged.set(`usr_${i}`, payload);
  }

  store.store.capPagesForTests(1); // SQLite rounds up to the pages the file already has
  let refused: {status: number; body: Record<string, unknown>} | null = null;
  let refusedPayload = '';
  for (let i = 0; i < 200 && refused === null; i++) {
    const payload = big(1000 + i);
    const answer = await store.raw('/v1/apps/secrets', {
      method: 'POST',
      headers: {...FORM, 'idempotency-key': `full-${i}`},
      body: `name=after&payload=${payload}&scope[type]=user&scope[user]=usr_full_${i}&expand[]=payload`,
    });
    if (answer.status === 200) acknowledged.set(`usr_full_${i}`, payload);
    else {
      refused = answer;
      refusedPayload = payload;
    }
  }
  expect(refused?.status).toBe(500);
  const error = (refused?.body.error ?? {}) as {type?: string; message?: string};
  expect(error.type).toBe('api_error');
  expect(error.message).toMatch(/disk is full/i);
  expect(JSON.stringify(refused?.body).includes(refusedPayload)).toBe(false);

  expect(logged.some((line) => line.includes('out of disk space') && line.includes(file))).toBe(true);
  expect(logged.some((line) => line.includes('internal error (SqliteError)'))).toBe(false);
  expect(logged.some((line) => line.includes(refusedPayload))).toBe(false);

  store.store.capPagesForTests(null);
  const lost: string[] = [];
  for (const [user, payload] of acknowledged) {
    const name = user.startsWith('usr_full_') ? 'after' : `before${user.slice(4)}`;
    const found = await stripe.apps.secrets.find({name, scope: {type: 'user', user}, expand: ['payload']}).catch(() => null);
    if (found?.payload !== payload) lost.push(user);
  }
  expect(lost).toEqual([]);
  await stripe.apps.secrets.create({name: 'after_space', payload: 'fine', scope: {type: 'account'}});
});
