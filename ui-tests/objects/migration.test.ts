/**
 * Data files from before the Stripe objects open, keep their secrets and gain
 * the customers table; customer writes survive `kill -9` like secrets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Stripe from 'stripe';
import {startTestStore} from '../support/localSecretStore';
import {killIfRunning} from '../support/cliProcess';
import {startSecretStoreProcess, type StoreProcess} from '../support/secretStoreProcess';

let dir: string;
let running: StoreProcess | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-objects-'));
});
afterEach(async () => {
  await killIfRunning(running);
  running = null;
  fs.rmSync(dir, {recursive: true, force: true});
});

/** The layout the store wrote before it kept Stripe objects (commit 4598209), byte for byte in what matters: tables and meta. */
function writeFileFromBefore(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE secrets (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, app TEXT NOT NULL, account TEXT NOT NULL,
  livemode INTEGER NOT NULL, scope_type TEXT NOT NULL, scope_user TEXT NOT NULL, name TEXT NOT NULL,
  payload TEXT NOT NULL, created INTEGER NOT NULL, expires_at INTEGER,
  UNIQUE (app, account, livemode, scope_type, scope_user, name)
);
CREATE INDEX secrets_by_scope ON secrets (app, account, livemode, scope_type, scope_user, seq);
CREATE INDEX secrets_by_expiry ON secrets (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE idempotency (
  app TEXT NOT NULL, account TEXT NOT NULL, livemode INTEGER NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL, body TEXT NOT NULL, created INTEGER NOT NULL, PRIMARY KEY (app, account, livemode, key)
);
CREATE INDEX idempotency_by_age ON idempotency (created);
INSERT INTO meta VALUES ('format', 'keyring-secret-store/1'), ('idempotency', 'per-caller, payload-free');
`);
  db.prepare(
    `INSERT INTO secrets (id, app, account, livemode, scope_type, scope_user, name, payload, created, expires_at)
     VALUES ('appsecret_old1', 'com.example.keyring', 'acct_1KeyringLocal000', 0, 'account', '', 'api_key', 'from before', 1700000000, NULL)`,
  ).run();
  db.close();
}

test('a file from before opens, keeps its secrets, and gains customers that persist', async () => {
  fs.mkdirSync(path.join(dir, 'data'), {mode: 0o700});
  const file = path.join(dir, 'data', 'secret-store.sqlite3');
  writeFileFromBefore(file);

  let store = await startTestStore({file, log: () => undefined});
  const found = await store.backend().apps.secrets.find({name: 'api_key', scope: {type: 'account'}, expand: ['payload']});
  expect(found).toMatchObject({id: 'appsecret_old1', payload: 'from before'});
  const customer = await store.backend().customers.create({name: 'After the upgrade'});
  await store.close();

  store = await startTestStore({file, log: () => undefined});
  expect(await store.backend().customers.retrieve(customer.id)).toMatchObject({name: 'After the upgrade'});
  expect((await store.backend().apps.secrets.list({scope: {type: 'account'}})).data.map((s) => s.id)).toEqual(['appsecret_old1']);
  await store.close();

  const db = new Database(file, {readonly: true});
  expect(db.prepare("SELECT value FROM meta WHERE key = 'objects'").pluck().get()).toBe('customers, payment_intents/2');
  db.close();
});

test('a customer write answered is on disk: it survives kill -9', async () => {
  const data = path.join(dir, 'data');
  running = await startSecretStoreProcess({KEYRING_DATA: data});
  const client = (p: StoreProcess) =>
    new Stripe('sk_test_objects', {host: '127.0.0.1', port: p.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false});
  const c = await client(running).customers.create({name: 'Durable', metadata: {tier: 'gold'}});
  await client(running).customers.update(c.id, {email: 'durable@example.com'});
  running.child.kill('SIGKILL');
  await running.exited;
  running = await startSecretStoreProcess({KEYRING_DATA: data});
  expect(await client(running).customers.retrieve(c.id)).toMatchObject({name: 'Durable', email: 'durable@example.com', metadata: {tier: 'gold'}});
});
