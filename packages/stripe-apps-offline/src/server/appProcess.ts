/**
 * A process of the app's own that the kit runs: the app's backend, or a
 * stand-in for one of its third parties. The app names a shell command; the
 * kit runs it in the app's folder on an internal port (HOST and PORT in its
 * environment), waits until it listens, and answers the public port itself,
 * passing every request through unchanged, so each answer reaches the page's
 * request log under the process's name as every other local service's does.
 * Stopping the kit stops the command's whole process group.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type {ServedRequest} from '../host/config';
import {freePort} from './localPorts';

/** The app's package.json section for the kit ("stripe-apps-offline"), where it names its processes; undefined when it has none. */
export function readKitSection(root: string): unknown {
  const file = path.join(root, 'package.json');
  if (!fs.existsSync(file)) return undefined;
  let pkg: unknown;
  try {
    pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} could not be read as JSON: ${(e as Error).message}`);
  }
  return (pkg as Record<string, unknown>)['stripe-apps-offline'];
}

export interface AppProcessOptions {
  /** What the messages call it ("the app's backend", "the Acme stand-in"). */
  title: string;
  /** A shell command, run in `root`. */
  command: string;
  root: string;
  /** The public port; 0 for any free one. */
  port: number;
  host?: string;
  /** Variables on top of the kit's own environment (HOST and PORT are always the internal ones). */
  env?: Record<string, string>;
  /** Other variables that also name the internal port (the backend's BACKEND_PORT). */
  portAliases?: string[];
  /** How long to wait for it to listen (default 30 s). */
  readyTimeoutMs?: number;
  /** Each line it printed. */
  log?: (line: string) => void;
  /** Each request it answered (never a body or a query). */
  onServed?: (served: ServedRequest) => void;
  /** What the front answers when the process does not (it stopped). */
  unavailableBody?: string;
}

export interface RunningAppProcess {
  url: string;
  port: number;
  /** Stops answering, then the process (SIGTERM, SIGKILL after 5 s). */
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

export async function startAppProcess(options: AppProcessOptions): Promise<RunningAppProcess> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const innerPort = await freePort(host);
  const child = spawn(options.command, {
    cwd: options.root,
    shell: true,
    // Its own process group, so stopping the kit stops everything the command started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...options.env,
      HOST: host,
      PORT: String(innerPort),
      ...Object.fromEntries((options.portAliases ?? []).map((name) => [name, String(innerPort)])),
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
  // Whatever way the kit exits (but SIGKILL), the command's group goes with it.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);
  lines(child.stdout);
  lines(child.stderr);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `was stopped by ${signal}` : `exited with code ${code}`)));
  const cleanUp = () => process.removeListener('exit', onExit);

  const timeout = options.readyTimeoutMs ?? 30000;
  const deadline = Date.now() + timeout;
  let exitedEarly: string | null = null;
  void exited.then((why) => (exitedEarly = why));
  while (!(await accepts(host, innerPort))) {
    if (exitedEarly || Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      cleanUp();
      throw new Error(
        exitedEarly
          ? `${capitalised(options.title)} (${options.command}) ${exitedEarly} before it listened on port ${innerPort}; its output is above.`
          : `${capitalised(options.title)} (${options.command}) did not listen on PORT (${innerPort}) within ${Math.round(timeout / 1000)} s: it should listen on the HOST and PORT it is given.`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  // The public face: every request passed through as it is, and its answer's status recorded.
  const front = http.createServer((req, res) => {
    const started = performance.now();
    const served = (status: number) => options.onServed?.({method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], status, ms: performance.now() - started});
    const upstream = http.request({host, port: innerPort, method: req.method, path: req.url, headers: req.headers}, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', () => {
        const status = answer.statusCode ?? 502;
        // A CORS preflight that succeeded is the browser's plumbing, not the view's call.
        if (req.method === 'OPTIONS' && status < 300) return;
        served(status);
      });
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, {'content-type': 'application/json'});
      res.end(options.unavailableBody ?? JSON.stringify({error: {message: `${capitalised(options.title)} did not answer (it may have stopped: see the terminal).`}}));
      served(502);
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
  void exited.then((why) => log(`${options.title} ${why}`));
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

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
