/**
 * The app's own backend, when the app asks for one: a command the app names in
 * its package.json (`"stripe-apps-offline": {"backend": {"command": "…"}}`),
 * run as a child process in the app's folder. The kit never imports it: it
 * hands the backend what Stripe would (a secret key, the signing secret, where
 * the API is) through the environment, and stands in front of it on the port
 * the manifest's backend URL names, so each answer reaches the page's request
 * log as it does for every other local service.
 *
 * The environment the command gets (README, "The app's backend"):
 *   STRIPE_SECRET_KEY          a test key the local Stripe API accepts
 *   STRIPE_API_BASE            the local Stripe API (http://127.0.0.1:<port>)
 *   STRIPE_APP_SIGNING_SECRET  this run's signing secret: the views' fetchStripeSignature signs with it
 *   STRIPE_WEBHOOK_SECRET      a per-run webhook secret (nothing local sends events)
 *   STRIPE_APP_MANIFEST        the merged manifest (stripe-app.json + .local.json), as a file
 *   HOST, PORT, BACKEND_PORT   where to listen (an internal port; the kit answers the public one)
 *   OAUTH_CLIENT_SECRET        the local provider's client secret, when connections go through the backend
 */
import {spawn, type ChildProcess} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type {ServedRequest} from '../host/config';
import {freePort} from './localPorts';

export interface AppBackendConfig {
  /** A shell command, run in the app's folder. */
  command: string;
  /** How long to wait for it to listen (default 30 s). */
  readyTimeoutMs?: number;
}

/** The app's request for a backend, from its package.json; null when it asks for none. */
export function readAppBackendConfig(root: string): AppBackendConfig | null {
  const file = path.join(root, 'package.json');
  if (!fs.existsSync(file)) return null;
  let pkg: unknown;
  try {
    pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} could not be read as JSON: ${(e as Error).message}`);
  }
  const section = (pkg as Record<string, unknown>)['stripe-apps-offline'];
  if (section === undefined) return null;
  const backend = (section as {backend?: unknown} | null)?.backend;
  if (backend === undefined) return null;
  const command = (backend as {command?: unknown} | null)?.command;
  if (typeof command !== 'string' || !command.trim()) {
    throw new Error(`package.json "stripe-apps-offline".backend needs a "command" (a shell command that starts the app's backend), for example "node server.js".`);
  }
  const timeout = (backend as {readyTimeoutMs?: unknown}).readyTimeoutMs;
  return {command, ...(typeof timeout === 'number' && timeout > 0 ? {readyTimeoutMs: timeout} : {})};
}

export interface AppBackendOptions extends AppBackendConfig {
  root: string;
  /** The public port (the one the manifest's backendUrl names). */
  port: number;
  host?: string;
  apiBase: string;
  signingSecret: string;
  manifest: unknown;
  /** Extra variables (OAUTH_CLIENT_SECRET in backend-exchange mode). */
  env?: Record<string, string>;
  /** Each line the backend printed. */
  log?: (line: string) => void;
  /** Each request it answered (never a body or a query). */
  onServed?: (served: ServedRequest) => void;
}

export interface RunningAppBackend {
  url: string;
  port: number;
  close(): Promise<void>;
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({host, port});
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The command's whole process group: a shell, npm or tsx in between would otherwise outlive the kill. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export async function startAppBackend(options: AppBackendOptions): Promise<RunningAppBackend> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const innerPort = await freePort(host);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stripe-apps-offline-'));
  const manifestFile = path.join(dir, 'stripe-app.json');
  fs.writeFileSync(manifestFile, JSON.stringify(options.manifest, null, 2), {mode: 0o600});
  const child = spawn(options.command, {
    cwd: options.root,
    shell: true,
    // Its own process group, so stopping the kit stops everything the command started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      STRIPE_SECRET_KEY: 'sk_test_offlineAppBackend',
      STRIPE_API_BASE: options.apiBase,
      STRIPE_APP_SIGNING_SECRET: options.signingSecret,
      STRIPE_WEBHOOK_SECRET: `whsec_${crypto.randomBytes(24).toString('base64url')}`,
      STRIPE_APP_MANIFEST: manifestFile,
      HOST: host,
      PORT: String(innerPort),
      BACKEND_PORT: String(innerPort),
      ...options.env,
    },
  });
  const lines = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) log(line);
    });
  };
  // Whatever way the kit exits (but SIGKILL), the backend's group goes with it.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);
  lines(child.stdout);
  lines(child.stderr);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `was stopped by ${signal}` : `exited with code ${code}`)));
  const cleanUp = () => {
    process.removeListener('exit', onExit);
    fs.rmSync(dir, {recursive: true, force: true});
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30000);
  let exitedEarly: string | null = null;
  void exited.then((why) => (exitedEarly = why));
  while (!(await accepts(host, innerPort))) {
    if (exitedEarly || Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      cleanUp();
      throw new Error(
        exitedEarly
          ? `The app's backend (${options.command}) ${exitedEarly} before it listened on port ${innerPort}; its output is above.`
          : `The app's backend (${options.command}) did not listen on PORT (${innerPort}) within ${Math.round((options.readyTimeoutMs ?? 30000) / 1000)} s: it should listen on the HOST and PORT it is given.`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  // The public face: every request passed through as it is, and its answer's status recorded.
  const front = http.createServer((req, res) => {
    const started = performance.now();
    const upstream = http.request({host, port: innerPort, method: req.method, path: req.url, headers: req.headers}, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', () => {
        const status = answer.statusCode ?? 502;
        // A CORS preflight that succeeded is the browser's plumbing, not the view's call.
        if (req.method === 'OPTIONS' && status < 300) return;
        options.onServed?.({method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], status, ms: performance.now() - started});
      });
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, {'content-type': 'application/json'});
      res.end(JSON.stringify({error: {message: "The app's backend did not answer (it may have stopped: see the terminal)."}}));
      options.onServed?.({method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], status: 502, ms: performance.now() - started});
    });
    req.pipe(upstream);
  });
  try {
    await new Promise<void>((resolve, reject) => front.once('error', reject).listen(options.port, host, resolve));
  } catch (e) {
    killGroup(child, 'SIGKILL');
    cleanUp();
    throw e;
  }
  const {port} = front.address() as net.AddressInfo;
  void exited.then((why) => log(`the app's backend ${why}`));
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        front.close(() => resolve());
        front.closeAllConnections();
      });
      killGroup(child, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      if (!stopped) killGroup(child, 'SIGKILL');
      cleanUp();
    },
  };
}
