/**
 * The backend as a Cloudflare Worker, run by workerd from npm (the runtime
 * Cloudflare runs, open source): bundled as `npm run build:worker` bundles it
 * but with the test's manifest, configured through real bindings, with the
 * compatibility date and flags of backend/wrangler.toml. It answers on a real
 * port with the same RunningBackend face as Node's startBackend, so the same
 * route tests drive both.
 *
 * Secrets reach the Worker as workerd's `fromEnvironment` bindings, read
 * from the child's environment: none is written to the config file on disk.
 */
import {spawn} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type {AppOptions, BackendLogEntry} from '../../backend/app';
import {bundleWorker, workerCompatibility, type WorkerBundle} from '../../backend/buildWorker';
import {clientSecretVariable, type BackendConfig} from '../../backend/config';
import type {RunningBackend} from '../../backend/server';

// The workerd package's main answers where its platform's binary is; it ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WORKERD_BINARY = (require('workerd') as {default: string}).default;

const bundles = new Map<string, Promise<WorkerBundle>>();
const START_TIMEOUT_MS = 20_000;

/** One bundle per manifest for the whole test file: esbuild takes a few hundred ms. */
export function workerBundleFor(constants: Record<string, unknown>): Promise<WorkerBundle> {
  const key = JSON.stringify(constants);
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = bundleWorker({constants});
    bundles.set(key, bundle);
  }
  return bundle;
}

/** What readConfig would have read from process.env, as the Worker's bindings. */
function bindingsFor(config: BackendConfig): Record<string, string> {
  const [signing, previous] = config.signingSecrets;
  const [webhook, webhookPrevious] = config.webhookSecrets ?? [];
  return {
    STRIPE_SECRET_KEY: config.secretKey,
    STRIPE_APP_SIGNING_SECRET: signing,
    ...(previous ? {STRIPE_APP_SIGNING_SECRET_PREVIOUS: previous} : {}),
    // A Worker must have one; a test's config without one refuses every event, as a secret nobody knows does.
    STRIPE_WEBHOOK_SECRET: webhook ?? `whsec_${crypto.randomBytes(24).toString('base64url')}`,
    ...(webhookPrevious ? {STRIPE_WEBHOOK_SECRET_PREVIOUS: webhookPrevious} : {}),
    ...(config.apiBase ? {STRIPE_API_BASE: config.apiBase.href} : {}),
    ...Object.fromEntries(Object.entries(config.oauthClientSecrets ?? {}).map(([id, secret]) => [clientSecretVariable(id), secret])),
  };
}

function capnpConfig(bindingNames: string[], port: number, compatibility: {date: string; flags: string[]}): string {
  const q = (s: string) => JSON.stringify(s);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "backend", worker = .backend),
    # The local Secret Store, provider and stand-ins are on loopback: workerd's default network refuses private addresses.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = ${q(`127.0.0.1:${port}`)}, http = (), service = "backend")],
);
const backend :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = ${q(compatibility.date)},
  compatibilityFlags = [${compatibility.flags.map(q).join(', ')}],
  bindings = [${bindingNames.map((name) => `(name = ${q(name)}, fromEnvironment = ${q(name)})`).join(', ')}],
  globalOutbound = "internet",
);
`;
}

/**
 * Starts the Worker for `config` under workerd; resolves once it listens.
 * Only `log` of AppOptions can cross into another runtime: the Worker makes
 * its own hooks (worker.ts), and a test that passes others is told so.
 */
export async function startWorkerdBackend(
  config: BackendConfig,
  options: AppOptions = {},
  /** Bindings to change from what `config` makes: undefined leaves one out (a Worker deployed without it). */
  bindingChanges: Record<string, string | undefined> = {},
): Promise<RunningBackend> {
  const unsupported = (['events', 'uninstall', 'lifecycle'] as const).filter((k) => options[k] !== undefined);
  if (unsupported.length) throw new Error(`startWorkerdBackend: ${unsupported.join(', ')} cannot reach into workerd; the Worker makes its own (backend/worker.ts). Run that case on Node only.`);
  const {code} = await workerBundleFor(config.constants);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-workerd-'));
  const bindings = Object.fromEntries(Object.entries({...bindingsFor(config), ...bindingChanges}).filter((e): e is [string, string] => e[1] !== undefined));
  fs.writeFileSync(path.join(dir, 'worker.js'), code);
  fs.writeFileSync(path.join(dir, 'config.capnp'), capnpConfig(Object.keys(bindings), config.port, workerCompatibility()));

  const child = spawn(WORKERD_BINARY, ['serve', path.join(dir, 'config.capnp'), '--control-fd=3'], {
    // Only what the Worker is given: the test process's own environment stays out.
    env: {PATH: process.env.PATH ?? '', ...bindings},
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const [, out, err, control] = child.stdio;
  if (!out || !err || !control) throw new Error('workerd was started without its pipes.');
  let stderr = '';
  // The Worker's request lines go to `log` as Node's server hands them over; anything else it prints is passed on.
  readline.createInterface({input: out}).on('line', (line) => {
    let entry: (BackendLogEntry & {msg?: string}) | null = null;
    try {
      entry = JSON.parse(line) as BackendLogEntry & {msg?: string};
    } catch {
      // Not a log line of the backend's: printed as it came.
    }
    if (entry?.msg === 'request') options.log?.(entry);
    else process.stdout.write(`${line}\n`);
  });
  readline.createInterface({input: err}).on('line', (line) => {
    stderr += `${line}\n`;
    process.stderr.write(`${line}\n`);
  });
  const port = await new Promise<number>((resolve, reject) => {
    // Slot 3 is a pipe the child writes its control events to, so the parent's end is readable.
    readline.createInterface({input: control as NodeJS.ReadableStream}).on('line', (line) => {
      const event = JSON.parse(line) as {event?: string; port?: number};
      if (event.event === 'listen' && event.port) resolve(event.port);
    });
    void exited.then(() => reject(new Error(`workerd exited before it listened:\n${stderr.slice(0, 2000)}`)));
    // A runtime that neither listens nor exits would hold the test until Jest's timeout, and outlive it.
    const silent = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`workerd did not listen within ${START_TIMEOUT_MS} ms:\n${stderr.slice(0, 2000)}`));
    }, START_TIMEOUT_MS);
    void exited.then(() => clearTimeout(silent));
    control.once('data', () => clearTimeout(silent));
  }).catch((e: unknown) => {
    fs.rmSync(dir, {recursive: true, force: true});
    throw e;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      child.kill('SIGTERM');
      // workerd stops at once on SIGTERM; if it ever does not, it is not left behind.
      const stubborn = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(stubborn);
      fs.rmSync(dir, {recursive: true, force: true});
      return true;
    },
  };
}
