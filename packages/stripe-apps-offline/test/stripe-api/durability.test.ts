/**
 * The store as a user runs it (`npm run stripe-api`): data on disk survives
 * restarts and `kill -9`, signals stop it cleanly, an existing data folder is
 * tightened to its owner, and a data file it cannot trust stops start-up
 * without being touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import Database from 'better-sqlite3';
import {killIfRunning} from '../../src/testing/cliProcess';
import {spawnSecretStore, startSecretStoreProcess, type StoreProcess} from '../../src/testing/secretStoreProcess';

let dir: string;
let running: StoreProcess | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-durability-'));
});
afterEach(async () => {
  await killIfRunning(running);
  running = null;
  fs.rmSync(dir, {recursive: true, force: true});
});

const dataDir = () => path.join(dir, 'data');
const dataFile = () => path.join(dataDir(), 'secret-store.sqlite3');
const client = (p: StoreProcess) =>
  new Stripe('sk_test_durability', {host: '127.0.0.1', port: p.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false});

test('prints its URL and an example, stops cleanly on SIGTERM and SIGINT, and keeps data across restarts', async () => {
  running = await startSecretStoreProcess({KEYRING_DATA: dataDir()});
  expect(running.output()).toContain("new Stripe('sk_test_local', {host: '127.0.0.1'");
  await client(running).apps.secrets.create({name: 'kept', payload: 'across restarts', scope: {type: 'account'}});
  running.child.kill('SIGTERM');
  expect(await running.exited).toEqual({code: 0, signal: null});
  expect(running.output()).toContain('SIGTERM: stopping');

  running = await startSecretStoreProcess({KEYRING_DATA: dataDir()});
  const found = await client(running).apps.secrets.find({name: 'kept', scope: {type: 'account'}, expand: ['payload']});
  expect(found.payload).toBe('across restarts');
  running.child.kill('SIGINT');
  expect(await running.exited).toEqual({code: 0, signal: null});
});

test('the data folder and file are readable by their owner only', async () => {
  running = await startSecretStoreProcess({KEYRING_DATA: dataDir()});
  expect(fs.statSync(dataFile()).mode & 0o777).toBe(0o600);
  expect(fs.statSync(dataDir()).mode & 0o777).toBe(0o700);
});

test('an existing data folder others can read is tightened to 0700 on start, and says so', async () => {
  fs.mkdirSync(dataDir(), {mode: 0o755});
  fs.chmodSync(dataDir(), 0o755); // the umask may have taken bits off
  running = await startSecretStoreProcess({KEYRING_DATA: dataDir()});
  expect(fs.statSync(dataDir()).mode & 0o777).toBe(0o700);
  expect(running.output()).toMatch(/tightened the data folder .* from 0755 to 0700/);

  // And an existing data file loosened while the store was stopped.
  running.child.kill('SIGTERM');
  await running.exited;
  fs.chmodSync(dataFile(), 0o644);
  running = await startSecretStoreProcess({KEYRING_DATA: dataDir()});
  expect(fs.statSync(dataFile()).mode & 0o777).toBe(0o600);
  expect(running.output()).toMatch(/tightened the data file .* from 0644 to 0600/);
});

test('a crash (kill -9) in the middle of a burst loses no acknowledged write', async () => {
  running = await startSecretStoreProcess({KEYRING_DATA: dataDir()});
  const stripe = client(running);
  const acknowledged = new Map<string, string>();
  let killed = false;
  const writers = Array.from({length: 32}, async (_, w) => {
    for (let i = 0; !killed && i < 1000; i++) {
      const user = `usr_w${w}_${Math.floor(i / 10)}`;
      const name = `k${i % 10}`;
      const payload = `value-${w}-${i}`;
      try {
        await stripe.apps.secrets.create({name, payload, scope: {type: 'user', user}});
        acknowledged.set(`${user}/${name}`, payload);
        if (acknowledged.size >= 300 && !killed) {
          killed = true;
          running?.child.kill('SIGKILL');
        }
      } catch {
        return; // the store died: this writer's in-flight request was never acknowledged
      }
    }
  });
  await Promise.all(writers);
  expect(await running.exited).toMatchObject({signal: 'SIGKILL'});
  expect(acknowledged.size).toBeGreaterThanOrEqual(300);

  running = await startSecretStoreProcess({KEYRING_DATA: dataDir()});
  const after = client(running);
  const missing: string[] = [];
  for (const [where, payload] of acknowledged) {
    const [user, name] = where.split('/');
    const found = await after.apps.secrets.find({name, scope: {type: 'user', user}, expand: ['payload']}).catch(() => null);
    if (found?.payload !== payload) missing.push(where);
  }
  expect(missing).toEqual([]);
});

test.each([
  ['a file that is not a database', () => fs.writeFileSync(dataFile(), 'this is not sqlite '.repeat(500)), /not a SQLite database/],
  [
    "another program's SQLite database",
    () => {
      const db = new Database(dataFile());
      db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
      db.close();
    },
    /not a Keyring Secret Store/,
  ],
  [
    'a truncated Keyring store',
    () => {
      const db = new Database(dataFile());
      db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('format', 'keyring-secret-store/1')");
      db.close();
      const bytes = fs.readFileSync(dataFile());
      fs.writeFileSync(dataFile(), Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(bytes.length - 100, 0xff)]));
    },
    /Cannot use the Secret Store data file/,
  ],
])('%s stops start-up with a clear message and is left untouched', async (_what, make, message) => {
  fs.mkdirSync(dataDir(), {recursive: true});
  make();
  const before = fs.readFileSync(dataFile());
  const started = spawnSecretStore({KEYRING_DATA: dataDir()});
  const {code} = await started.exited;
  expect(code).toBe(1);
  expect(started.output()).toMatch(message);
  expect(started.output()).toContain('left untouched');
  expect(fs.readFileSync(dataFile()).equals(before)).toBe(true);
});

test.each([
  ['the data file', () => dataFile()],
  ["the data file's write-ahead log", () => `${dataFile()}-wal`],
])('%s as a symbolic link stops start-up before anything is touched: the file it points at keeps its mode and bytes', async (_what, linkPath) => {
  fs.mkdirSync(dataDir(), {recursive: true, mode: 0o700});
  // Somewhere else on the machine, readable by others: a link must not make the store chmod or write it.
  const elsewhere = path.join(dir, 'elsewhere.txt');
  fs.writeFileSync(elsewhere, 'not the store\n');
  fs.chmodSync(elsewhere, 0o644);
  fs.symlinkSync(elsewhere, linkPath());
  const started = spawnSecretStore({KEYRING_DATA: dataDir()});
  const {code} = await started.exited;
  expect(code).toBe(1);
  expect(started.output()).toContain('is a symbolic link');
  expect(started.output()).toContain('left untouched');
  expect(fs.statSync(elsewhere).mode & 0o777).toBe(0o644);
  expect(fs.readFileSync(elsewhere, 'utf8')).toBe('not the store\n');
});

test('a port in use is reported plainly', async () => {
  running = await startSecretStoreProcess({KEYRING_DATA: dataDir()});
  const second = spawnSecretStore({KEYRING_DATA: path.join(dir, 'other'), PORT: String(running.port)});
  expect((await second.exited).code).toBe(1);
  expect(second.output()).toMatch(/already in use/);
});
