/**
 * Two store processes on one data folder (two terminals, or the preview and
 * `npm run stripe-api`): SQLite serialises their writes, and every write
 * either succeeds or is never acknowledged. Write transactions take the lock
 * up front (BEGIN IMMEDIATE), so a busy file waits (busy_timeout) instead of
 * failing with SQLITE_BUSY.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import {killIfRunning} from '../../src/testing/cliProcess';
import {startSecretStoreProcess, type StoreProcess} from '../../src/testing/secretStoreProcess';

let dir: string;
const processes: StoreProcess[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-two-'));
});
afterEach(async () => {
  for (const p of processes.splice(0)) await killIfRunning(p);
  fs.rmSync(dir, {recursive: true, force: true});
});

const client = (p: StoreProcess) =>
  new Stripe('sk_test_twoProcesses', {host: '127.0.0.1', port: p.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false});

test('concurrent writes through two processes on one data file: none fails, every acknowledged write reads back', async () => {
  const env = {KEYRING_DATA: path.join(dir, 'data')};
  // One after the other: two processes creating a new file at once is a different question.
  processes.push(await startSecretStoreProcess(env));
  processes.push(await startSecretStoreProcess(env));
  const clients = processes.map(client);

  const WRITERS_PER_PROCESS = 6;
  const WRITES_PER_WRITER = 30;
  const acknowledged = new Map<string, string>();
  const failures: string[] = [];
  const writers = clients.flatMap((stripe, p) =>
    Array.from({length: WRITERS_PER_PROCESS}, async (_, w) => {
      const user = `usr_p${p}_w${w}`;
      for (let i = 0; i < WRITES_PER_WRITER; i++) {
        // Names repeat, so replacements (delete + insert) and deletes are part of the load.
        const name = `k${i % 8}`;
        const payload = `value-${p}-${w}-${i}`;
        try {
          if (i % 7 === 6) {
            await stripe.apps.secrets.deleteWhere({name, scope: {type: 'user', user}});
            acknowledged.set(`${user}/${name}`, '');
          } else {
            await stripe.apps.secrets.create({name, payload, scope: {type: 'user', user}});
            acknowledged.set(`${user}/${name}`, payload);
          }
        } catch (e) {
          const err = e as {statusCode?: number; type?: string};
          // A delete of a name not written yet is a 404 by design, not a failure.
          if (err.statusCode === 404) acknowledged.set(`${user}/${name}`, '');
          else failures.push(`${err.type ?? 'error'} ${err.statusCode ?? ''}`);
        }
      }
    }),
  );
  await Promise.all(writers);
  expect(failures).toEqual([]);
  expect(acknowledged.size).toBe(2 * WRITERS_PER_PROCESS * 8);

  const wrong: string[] = [];
  for (const [where, payload] of acknowledged) {
    const [user, name] = where.split('/');
    for (const stripe of clients) {
      const found = await stripe.apps.secrets.find({name, scope: {type: 'user', user}, expand: ['payload']}).catch(() => null);
      if ((found?.payload ?? '') !== payload) wrong.push(where);
    }
  }
  expect(wrong).toEqual([]);
  // Neither process logged an internal error.
  expect(processes.some((p) => p.output().includes('internal error'))).toBe(false);
});
