/**
 * Data files from before the Stripe objects (and from the first slice of
 * them, customers and payment intents only) open, keep what they hold and gain
 * the newer tables; object writes survive `kill -9` like secrets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Stripe from 'stripe';
import {startTestStore} from '../../src/testing/localSecretStore';
import {killIfRunning} from '../../src/testing/cliProcess';
import {startSecretStoreProcess, type StoreProcess} from '../../src/testing/secretStoreProcess';

const SCHEME = 'customers, payment_intents, products, prices, subscriptions, invoices, charges, refunds, balance_transactions/3';

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
  expect(db.prepare("SELECT value FROM meta WHERE key = 'objects'").pluck().get()).toBe(SCHEME);
  db.close();
});

/** The first slice's tables (commit 85a172b): customers and payment intents, marked `/2`, seeded. */
function writeFileFromFirstSlice(file: string): void {
  writeFileFromBefore(file);
  const db = new Database(file);
  db.exec(`
CREATE TABLE customers (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account TEXT NOT NULL, livemode INTEGER NOT NULL, email TEXT, created INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX customers_by_partition ON customers (account, livemode, seq);
CREATE INDEX customers_by_email ON customers (account, livemode, email, seq);
CREATE TABLE payment_intents (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account TEXT NOT NULL, livemode INTEGER NOT NULL, customer TEXT, created INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX payment_intents_by_partition ON payment_intents (account, livemode, seq);
CREATE INDEX payment_intents_by_customer ON payment_intents (account, livemode, customer, seq);
INSERT INTO meta VALUES ('objects', 'customers, payment_intents/2'), ('seeded acct_1KeyringLocal000 test', '1700000000');
`);
  const customer = {id: 'cus_OldSlice0000001', object: 'customer', created: 1700000000, email: 'old@example.com', name: 'From the first slice', metadata: {}, livemode: false};
  db.prepare(
    "INSERT INTO customers (id, account, livemode, email, created, body) VALUES (?, 'acct_1KeyringLocal000', 0, ?, ?, ?)",
  ).run(customer.id, customer.email, customer.created, JSON.stringify(customer));
  db.close();
}

test('a file from the first slice of objects opens, keeps its customers, and gains the other objects', async () => {
  fs.mkdirSync(path.join(dir, 'data'), {mode: 0o700});
  const file = path.join(dir, 'data', 'secret-store.sqlite3');
  writeFileFromFirstSlice(file);

  // `once`: the file was seeded before, so nothing is replaced; the new tables start empty.
  let store = await startTestStore({file, seed: 'once', log: () => undefined});
  const stripe = store.backend();
  expect(await stripe.customers.retrieve('cus_OldSlice0000001')).toMatchObject({name: 'From the first slice'});
  expect((await stripe.products.list()).data).toEqual([]);
  const product = await stripe.products.create({name: 'After the upgrade'});
  const price = await stripe.prices.create({product: product.id, currency: 'usd', unit_amount: 500});
  expect((await stripe.apps.secrets.list({scope: {type: 'account'}})).data.map((s) => s.id)).toEqual(['appsecret_old1']);
  await store.close();

  store = await startTestStore({file, log: () => undefined});
  expect(await store.backend().prices.retrieve(price.id, {expand: ['product']})).toMatchObject({product: {id: product.id, name: 'After the upgrade'}});
  await store.close();
  const db = new Database(file, {readonly: true});
  expect(db.prepare("SELECT value FROM meta WHERE key = 'objects'").pluck().get()).toBe(SCHEME);
  db.close();

  // `reset` replaces the first slice's data set with the whole one.
  store = await startTestStore({file, seed: 'reset', log: () => undefined});
  expect((await store.backend().subscriptions.list()).data.length).toBeGreaterThan(0);
  await expect(store.backend().customers.retrieve('cus_OldSlice0000001')).rejects.toMatchObject({statusCode: 404});
  await store.close();
});

test('a migration that fails midway leaves the file as it was', async () => {
  fs.mkdirSync(path.join(dir, 'data'), {mode: 0o700});
  const file = path.join(dir, 'data', 'secret-store.sqlite3');
  writeFileFromFirstSlice(file);
  // A table in the way of the migration (as a half-written older attempt or another tool might leave): its index cannot be made.
  const db = new Database(file);
  db.exec('CREATE TABLE products (seq INTEGER PRIMARY KEY, other TEXT)');
  db.close();
  await expect(startTestStore({file, log: () => undefined})).rejects.toThrow(/Cannot use the Secret Store data file/);
  const after = new Database(file, {readonly: true});
  expect(after.prepare("SELECT value FROM meta WHERE key = 'objects'").pluck().get()).toBe('customers, payment_intents/2');
  const tables = after.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  expect(tables).not.toContain('prices');
  expect(tables).not.toContain('deleted_objects');
  after.close();
});

test('product, price and metadata writes answered are on disk: they survive kill -9', async () => {
  const data = path.join(dir, 'data');
  running = await startSecretStoreProcess({KEYRING_DATA: data});
  const client = (p: StoreProcess) =>
    new Stripe('sk_test_objects', {host: '127.0.0.1', port: p.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false});
  const product = await client(running).products.create({name: 'Durable plan', metadata: {tier: 'gold'}});
  const price = await client(running).prices.create({product: product.id, currency: 'eur', unit_amount: 1200, recurring: {interval: 'month'}});
  await client(running).products.update(product.id, {default_price: price.id, description: 'kept'});
  const [intent] = (await client(running).paymentIntents.list({limit: 1})).data;
  await client(running).paymentIntents.update(intent.id, {metadata: {order: '42'}});
  running.child.kill('SIGKILL');
  await running.exited;
  running = await startSecretStoreProcess({KEYRING_DATA: data});
  expect(await client(running).products.retrieve(product.id)).toMatchObject({default_price: price.id, description: 'kept', metadata: {tier: 'gold'}});
  expect(await client(running).prices.retrieve(price.id)).toMatchObject({currency: 'eur', unit_amount: 1200, recurring: {interval: 'month'}});
  expect(await client(running).paymentIntents.retrieve(intent.id)).toMatchObject({metadata: {order: '42'}});
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
