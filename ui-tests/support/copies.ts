/**
 * Several copies of the real backend (`npm run backend`'s own process each)
 * behind a real HAProxy, against one local Secret Store and one local OAuth
 * provider: what the README means by "more copies behind a load balancer".
 * HAProxy checks each copy's /readyz, balances round robin, and replays a
 * request whose copy died before answering on another (the refresh route is
 * safe to replay: it runs under the lease and re-reads the tokens).
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {freePort, LOCAL_CLIENT_SECRET} from 'stripe-apps-offline/testing';
import {clientSecretVariable} from '../../backend/config';
import {startBackendProcess, type BackendProcess} from './backendProcess';

/** Debian's haproxy (`.ci/run` installs it): where apt puts it, or on PATH. */
export function haproxyBinary(): string {
  for (const dir of ['/usr/sbin', '/usr/local/sbin', ...(process.env.PATH ?? '').split(':')]) {
    const file = path.join(dir, 'haproxy');
    if (dir && fs.existsSync(file)) return file;
  }
  throw new Error('haproxy is not installed: apt-get install haproxy (Debian), as .ci/run does.');
}

export interface Copy extends BackendProcess {
  name: string;
  port: number;
}

export interface Copies {
  /** The balancer's address: what the views would be given as backendUrl. */
  url: string;
  copies: Copy[];
  /** HAProxy's view of each copy ("UP"/"DOWN"), from its stats socket. */
  states(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `count` copies with one manifest's constants and environment, and HAProxy
 * in front; resolves once HAProxy sees every copy ready.
 */
export async function startCopies(options: {count: number; constants: Record<string, unknown>; env: Record<string, string>}): Promise<Copies> {
  // Before any copy starts, so a machine without HAProxy leaves no process behind.
  const haproxyFile = haproxyBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-copies-'));
  const manifest = path.join(dir, 'stripe-app.json');
  fs.writeFileSync(manifest, JSON.stringify({id: 'com.example.copies', constants: options.constants}));
  const env = {STRIPE_APP_MANIFEST: manifest, SHUTDOWN_GRACE_SECONDS: '2', ...options.env};
  const ports: number[] = [];
  for (let i = 0; i < options.count; i++) ports.push(await freePort());
  const copies: Copy[] = await Promise.all(
    ports.map(async (port, i) => ({name: `copy${i + 1}`, port, ...(await startBackendProcess({...process.env, ...env, BACKEND_PORT: String(port)}))})),
  );

  const port = await freePort();
  const stats = path.join(dir, 'haproxy.sock');
  const config = [
    'global',
    '  maxconn 2000',
    `  stats socket ${stats} level admin`,
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A request whose copy closed the connection without an answer is sent to another copy (the body is buffered for that).
    '  option http-buffer-request',
    '  retries 3',
    '  retry-on conn-failure empty-response',
    '  option redispatch 1',
    'frontend keyring',
    `  bind 127.0.0.1:${port}`,
    '  default_backend copies',
    'backend copies',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    '  default-server inter 300ms fall 2 rise 1',
    ...copies.map((c) => `  server ${c.name} 127.0.0.1:${c.port} check`),
    '',
  ].join('\n');
  const configFile = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(configFile, config);
  const haproxy = spawn(haproxyFile, ['-db', '-f', configFile], {stdio: ['ignore', 'pipe', 'pipe']});
  let haproxyOutput = '';
  haproxy.stdout?.on('data', (d: Buffer) => (haproxyOutput += d.toString()));
  haproxy.stderr?.on('data', (d: Buffer) => (haproxyOutput += d.toString()));
  const haproxyExited = new Promise<void>((resolve) => haproxy.on('exit', () => resolve()));

  const states = async (): Promise<Record<string, string>> => {
    const net = await import('node:net');
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.createConnection(stats, () => socket.write('show stat\n'));
      let out = '';
      socket.on('data', (d) => (out += d.toString()));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
    const rows = text.split('\n').filter((l) => l.startsWith('copies,copy'));
    // show stat's CSV: pxname, svname, … and the 18th column is the status.
    return Object.fromEntries(rows.map((r) => r.split(',')).map((cols) => [cols[1], cols[17]]));
  };
  await waitFor(
    async () => {
      if (haproxy.exitCode !== null) throw new Error(`haproxy stopped:\n${haproxyOutput}`);
      const now = await states().catch(() => ({}) as Record<string, string>);
      return copies.every((c) => now[c.name] === 'UP');
    },
    'HAProxy to see every copy ready',
  );

  return {
    url: `http://127.0.0.1:${port}`,
    copies,
    states,
    async close() {
      haproxy.kill('SIGTERM');
      for (const c of copies) if (c.child.exitCode === null) c.child.kill('SIGTERM');
      await Promise.all([haproxyExited, ...copies.map((c) => c.exited)]);
      fs.rmSync(dir, {recursive: true, force: true});
    },
  };
}

/** The environment every copy gets: the store, the signing secret, and the local provider's confidential client for `connectionId`. */
export function copyEnvironment(storeUrl: string, signingSecret: string, connectionId: string): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: 'sk_test_keyringCopies',
    STRIPE_APP_SIGNING_SECRET: signingSecret,
    STRIPE_WEBHOOK_SECRET: 'whsec_keyringCopies',
    STRIPE_API_BASE: storeUrl,
    [clientSecretVariable(connectionId)]: LOCAL_CLIENT_SECRET,
  };
}
