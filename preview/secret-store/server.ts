/**
 * The HTTP face of the local Secret Store: Stripe's four `/v1/apps/secrets`
 * routes, Stripe's error shapes, `Request-Id` on every answer, idempotent
 * POSTs. Requests are handled one at a time to completion (SQLite is
 * synchronous), so two writes can never interleave.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {authenticate, authorizeScope, type Caller, type CallerConfig} from './callers';
import {ApiError, errors} from './errors';
import {faultError, FaultSwitch} from './faults';
import {parseDelete, parseFind, parseForm, parseList, parseSet} from './params';
import {newId, SecretStore, type StoredResponse} from './store';

export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_IDEMPOTENCY_KEY = 255;

export interface RequestLogEntry {
  method: string;
  /** The path without its query string: queries carry names, never payloads, but logs need neither. */
  path: string;
  status: number;
  ms: number;
  requestId: string;
  door: Caller['door'] | null;
}

export interface ServerOptions extends CallerConfig {
  store: SecretStore;
  /** Test-only failures on purpose (see faults.ts). */
  faults?: FaultSwitch;
  onRequest?: (entry: RequestLogEntry) => void;
}

type Route = 'list' | 'set' | 'find' | 'delete';

function route(method: string, path: string): Route | null {
  if (path === '/v1/apps/secrets') return method === 'GET' ? 'list' : method === 'POST' ? 'set' : null;
  if (path === '/v1/apps/secrets/find') return method === 'GET' ? 'find' : null;
  if (path === '/v1/apps/secrets/delete') return method === 'POST' ? 'delete' : null;
  return null;
}

function execute(store: SecretStore, caller: Caller, op: Route, params: Record<string, unknown>): StoredResponse {
  const {partition} = caller;
  switch (op) {
    case 'set': {
      const p = parseSet(params);
      authorizeScope(caller, p.scope);
      return {status: 200, body: store.set(partition, p)};
    }
    case 'find': {
      const p = parseFind(params);
      authorizeScope(caller, p.scope);
      const found = store.find(partition, p.scope, p.name, p.expandPayload);
      if (!found) throw errors.noSuchSecret(p.name);
      return {status: 200, body: found};
    }
    case 'delete': {
      const p = parseDelete(params);
      authorizeScope(caller, p.scope);
      const deleted = store.delete(partition, p.scope, p.name);
      if (!deleted) throw errors.noSuchSecret(p.name);
      return {status: 200, body: deleted};
    }
    case 'list': {
      const p = parseList(params);
      authorizeScope(caller, p.scope);
      return {status: 200, body: store.list(partition, p)};
    }
  }
}

/** Stable JSON (sorted keys), so two encodings of the same parameters compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function isFormContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** Reads the body up to the limit; past it, stops reading and reports `null`. */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export function createServer(options: ServerOptions): http.Server {
  const {store} = options;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = newId('req_', 14);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? '' : url.slice(q + 1);
    let door: Caller['door'] | null = null;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Request-Id': requestId,
      'Cache-Control': 'no-cache, no-store',
    };
    const stripeVersion = req.headers['stripe-version'];
    if (typeof stripeVersion === 'string') headers['Stripe-Version'] = stripeVersion;

    let result: StoredResponse;
    let closeAfter = false;
    const fault = options.faults?.take(method, path) ?? null;
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    try {
      if (fault) throw faultError(fault);
      const caller = authenticate(req.headers, options);
      door = caller.door;
      const op = route(method, path);
      if (!op) throw errors.unrecognizedUrl(method, path);
      const body = await readBody(req);
      if (body === null) {
        closeAfter = true;
        throw errors.bodyTooLarge(MAX_BODY_BYTES);
      }
      let params: Record<string, unknown>;
      if (method === 'GET') {
        if (body.length > 0) throw errors.getWithBody();
        params = parseForm(query);
      } else {
        if (body.length > 0 && !isFormContentType(req.headers['content-type'])) throw errors.contentType();
        params = parseForm(query, body.toString('utf8'));
      }
      const key = req.headers['idempotency-key'];
      if (method === 'POST' && typeof key === 'string' && key !== '') {
        if (key.length > MAX_IDEMPOTENCY_KEY) throw errors.idempotencyKeyTooLong();
        headers['Idempotency-Key'] = key;
        const fingerprint = crypto.createHash('sha256').update(`${method} ${path} ${canonical(params)}`).digest('hex');
        const outcome = store.idempotent(caller.partition, key, fingerprint, () => {
          try {
            return execute(store, caller, op, params);
          } catch (e) {
            // A missing secret is an outcome worth replaying; a refused request
            // saves nothing, so a corrected retry with the same key can succeed.
            if (e instanceof ApiError && e.status === 404) return {status: e.status, body: e.toBody()};
            throw e;
          }
        });
        if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
        result = outcome;
      } else {
        result = execute(store, caller, op, params);
      }
    } catch (e) {
      const error = e instanceof ApiError ? e : errors.internal();
      if (!(e instanceof ApiError)) {
        // The error's name only: a driver message could quote the statement's values.
        process.stderr.write(`secret-store: internal error (${(e as Error)?.name ?? 'unknown'}) on ${method} ${path} [${requestId}]\n`);
      }
      result = {status: error.status, body: error.toBody()};
    }
    if (closeAfter) headers.Connection = 'close';
    const json = JSON.stringify(result.body);
    headers['Content-Length'] = String(Buffer.byteLength(json));
    res.writeHead(result.status, headers);
    res.end(json, () => {
      if (closeAfter) req.destroy();
    });
    options.onRequest?.({
      method,
      path,
      status: result.status,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      requestId,
      door,
    });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, {'Content-Type': 'application/json'});
      res.end(JSON.stringify(errors.internal().toBody()));
    });
  });
}

export interface RunningSecretStore {
  url: string;
  host: string;
  port: number;
  store: SecretStore;
  server: http.Server;
  /** Makes requests fail on purpose (tests and the preview's own checks only). */
  faults: FaultSwitch;
  close(): Promise<void>;
}

export interface StartOptions extends Partial<CallerConfig> {
  host?: string;
  port?: number;
  /** SQLite file, or ':memory:' (the default) for tests. */
  file?: string;
  now?: () => number;
  onRequest?: (entry: RequestLogEntry) => void;
}

export const DEFAULT_APP = 'com.example.keyring';
export const DEFAULT_ACCOUNT = 'acct_1KeyringLocal000';

/** Starts a store and its server; resolves once it is listening. */
export async function startSecretStore(options: StartOptions = {}): Promise<RunningSecretStore> {
  const store = new SecretStore({file: options.file, now: options.now});
  const faults = new FaultSwitch();
  const server = createServer({
    store,
    faults,
    app: options.app ?? DEFAULT_APP,
    account: options.account ?? DEFAULT_ACCOUNT,
    hostKey: options.hostKey ?? null,
    onRequest: options.onRequest,
  });
  // Expired secrets already answer 404; the sweep only keeps them off the disk.
  const sweeper = setInterval(() => store.sweep(), 60_000);
  sweeper.unref();
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    clearInterval(sweeper);
    store.close();
    throw e;
  }
  const {port} = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    store,
    server,
    faults,
    async close() {
      clearInterval(sweeper);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
