/**
 * `npm run stripe-api`: the local Stripe API (secrets and objects) in the foreground.
 *
 *   HOST          address to listen on (default 127.0.0.1: loopback only)
 *   PORT          port (default 4310)
 *   KEYRING_DATA  data folder (default ./.keyring), or :memory: for a store that forgets
 *   KEYRING_APP   app id whose secrets backend keys reach (default: stripe-app.json `id`)
 *   KEYRING_ACCOUNT   account a backend key acts on without Stripe-Account
 *   KEYRING_HOST_KEY  opens the extension door for a host that presents UI-extension callers
 *                     (they reach Stripe objects with the permissions stripe-app.json declares)
 *   KEYRING_SEED  once (default): a made-up data set (customers, products and prices,
 *                 subscriptions, invoices, payments, charges, refunds) on a new data file;
 *                 reset: seed them anew now (the account's objects are replaced); off: never
 *
 * One stdout line per request (method, path, status, time, request id, and a
 * note for a refused Host or an aborted upload); problems go to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import {DataFileError, MEMORY} from './storage';
import {DEFAULT_ACCOUNT, DEFAULT_APP, startSecretStore} from './server';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function readManifest(): {id?: unknown; permissions?: unknown} {
  try {
    return JSON.parse(fs.readFileSync(path.resolve('stripe-app.json'), 'utf8')) as {id?: unknown; permissions?: unknown};
  } catch {
    return {};
  }
}

function manifestAppId(): string | undefined {
  const {id} = readManifest();
  return typeof id === 'string' ? id : undefined;
}

/** The manifest's `permissions[].permission`, or null (objects shut to extensions) without a manifest. */
function manifestPermissions(): string[] | null {
  const {permissions} = readManifest();
  if (!Array.isArray(permissions)) return null;
  return permissions.flatMap((p: unknown) => {
    const name = (p as {permission?: unknown} | null)?.permission;
    return typeof name === 'string' ? [name] : [];
  });
}

function fail(message: string): never {
  process.stderr.write(`secret-store: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const host = process.env.HOST || '127.0.0.1';
  const portText = process.env.PORT || '4310';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, not "${portText}".`);
  const data = process.env.KEYRING_DATA || '.keyring';
  const file = data === MEMORY ? MEMORY : path.resolve(data, 'secret-store.sqlite3');
  const app = process.env.KEYRING_APP || manifestAppId() || DEFAULT_APP;
  const account = process.env.KEYRING_ACCOUNT || DEFAULT_ACCOUNT;
  const seed = process.env.KEYRING_SEED || 'once';
  if (seed !== 'once' && seed !== 'reset' && seed !== 'off') fail(`KEYRING_SEED must be once, reset or off, not "${seed}".`);

  let running;
  try {
    running = await startSecretStore({
      host,
      port,
      file,
      app,
      account,
      hostKey: process.env.KEYRING_HOST_KEY || null,
      permissions: manifestPermissions(),
      seed,
      onRequest: (e) =>
        process.stdout.write(`${e.method} ${e.path} ${e.status} ${e.ms.toFixed(1)}ms ${e.requestId}${e.note ? ` (${e.note})` : ''}\n`),
    });
  } catch (e) {
    if (e instanceof DataFileError) fail(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`${host}:${port} is already in use. Stop the other process or set PORT.`);
    if (code === 'EADDRNOTAVAIL') fail(`cannot listen on ${host}: no such address on this machine.`);
    throw e;
  }

  const {url} = running;
  const lines = [
    `Local Stripe API (Secret Store and objects) listening on ${url}`,
    `  data:    ${file === MEMORY ? 'in memory (forgotten on exit)' : file}`,
    `  app:     ${app}`,
    `  account: ${account} (send Stripe-Account to act on another)`,
    `  objects: the account's customers, products, prices, subscriptions, invoices and payments${seed === 'off' ? '' : ' (made-up ones seeded on a new file; KEYRING_SEED=reset seeds them anew)'}`,
    '',
    'Any Stripe client works against it; the key only sets the mode (sk_test_… or sk_live_…):',
    `  const stripe = new Stripe('sk_test_local', {host: '${running.host}', port: ${running.port}, protocol: 'http'});`,
    `  await stripe.apps.secrets.create({name: 'demo', payload: 'hello', scope: {type: 'account'}});`,
    `  curl -G ${url}/v1/apps/secrets -u sk_test_local: -d 'scope[type]=account'`,
    '',
    'Ctrl-C stops it.',
  ];
  if (!LOOPBACK.has(host)) {
    lines.unshift(`WARNING: listening on ${host}, not loopback: anyone who can reach this address can read every secret.`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the Secret Store.\n`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => fail(`could not start (${(e as Error)?.message ?? String(e)})`));
