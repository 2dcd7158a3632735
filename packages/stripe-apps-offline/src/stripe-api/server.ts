/**
 * The HTTP face of the local Stripe API: the one route table (routes.ts: the
 * Secret Store's four routes and the Stripe objects'), Stripe's error shapes, `Request-Id` on every answer, idempotent
 * POSTs. Requests are handled one at a time to completion (SQLite is
 * synchronous), so two writes can never interleave.
 *
 * Order matters: a request naming the store by a foreign Host (DNS rebinding,
 * hostGuard.ts) is refused with 421 before its key, body or route is looked
 * at; then the caller is authenticated, the body read and checked as UTF-8,
 * the parameters parsed and the scope authorised, and only then is an
 * idempotency key (the caller's own) looked up for a replay. A client that
 * hangs up mid-upload is logged as aborted; a full or failing disk is named in
 * the log and to the caller.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {createHostGuard, quoteHost} from '../hostGuard';
import {ClientAborted, readBody} from '../requestBody';
import {authenticate, type Caller, type CallerConfig} from './callers';
import {ApiError, errors} from './errors';
import {faultError, FaultSwitch} from './faults';
import {parseForm} from './params';
import {matchRoute, prepareRoute} from './routes';
import {storageFailure} from './storage';
import {newId, StripeStore, type StoredResponse} from './store';

export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_IDEMPOTENCY_KEY = 255;

const toStderr = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

export interface RequestLogEntry {
  method: string;
  /** The path without its query string: queries carry names, never payloads, but logs need neither. */
  path: string;
  /** The status answered; 499 (nginx's "client closed request") when the client left before an answer. */
  status: number;
  ms: number;
  requestId: string;
  door: Caller['door'] | null;
  /** A short remark fit for a log line (a refused Host, an aborted upload); never a value from the request body. */
  note?: string;
}

export interface ServerOptions extends CallerConfig {
  store: StripeStore;
  /** The address it was told to bind: answered as a Host name besides the loopback names. */
  host: string;
  /** Test-only failures on purpose (see faults.ts). */
  faults?: FaultSwitch;
  onRequest?: (entry: RequestLogEntry) => void;
  /** Where problems go, one line each (default: stderr). */
  log?: (line: string) => void;
}

/** Whose idempotency keys these are: a backend key's, or one extension user's (never a space in it). */
function idempotencyCaller(caller: Caller): string {
  return caller.door === 'backend' ? 'backend' : `extension:${caller.user}`;
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

const UTF8 = new TextDecoder('utf-8', {fatal: true});

/** Raw bytes as text, refusing invalid UTF-8 instead of turning it into U+FFFD. */
function utf8(bytes: Buffer, where: 'body' | 'query string'): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw errors.notUtf8(where);
  }
}

/**
 * The query string as UTF-8. Node's parser refuses raw bytes over 0x7f in a
 * request line before it gets here; should one pass (Node reads them as
 * latin1), it is checked like a body rather than taken as latin1.
 */
function queryText(query: string): string {
  return /[\u0080-\uffff]/.test(query) ? utf8(Buffer.from(query, 'latin1'), 'query string') : query;
}

export function createServer(options: ServerOptions): http.Server {
  const {store} = options;
  const log = options.log ?? toStderr;
  // The port is known once listening (port 0 in tests): the guard asks for it per request.
  const hostGuard = createHostGuard(options.host, () => {
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = newId('req_', 14);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? '' : url.slice(q + 1);
    let door: Caller['door'] | null = null;
    let note: string | undefined;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Request-Id': requestId,
      'Cache-Control': 'no-cache, no-store',
    };
    const logged = (status: number) =>
      options.onRequest?.({
        method,
        // A refused request's path is the caller's text: bounded like an echoed name.
        path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
        status,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        requestId,
        door,
        ...(note === undefined ? {} : {note}),
      });

    let result: StoredResponse;
    let closeAfter = false;
    if (!hostGuard.allows(req)) {
      // Before the key, the body and the route: a rebound page learns nothing, not even whether its key has the right shape.
      note = `refused Host "${quoteHost(req)}"`;
      result = {status: 421, body: errors.misdirected(hostGuard.describe(), quoteHost(req)).toBody()};
      closeAfter = true;
    } else {
      const stripeVersion = req.headers['stripe-version'];
      if (typeof stripeVersion === 'string') headers['Stripe-Version'] = stripeVersion;
      const fault = options.faults?.take(method, path) ?? null;
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      try {
        if (fault) throw faultError(fault);
        const caller = authenticate(req.headers, options);
        door = caller.door;
        const match = matchRoute(method, path);
        if (!match) throw errors.unrecognizedUrl(method, path);
        const body = await readBody(req, MAX_BODY_BYTES);
        if (body === null) {
          closeAfter = true;
          throw errors.bodyTooLarge(MAX_BODY_BYTES);
        }
        let params: Record<string, unknown>;
        if (method === 'GET') {
          if (body.length > 0) throw errors.getWithBody();
          params = parseForm(queryText(query));
        } else {
          if (body.length > 0 && !isFormContentType(req.headers['content-type'])) throw errors.contentType();
          params = parseForm(queryText(query), utf8(body, 'body'));
        }
        // Parsed and authorised before any replay: a key never lets a caller past the scope check.
        const {run, payload} = prepareRoute(store, caller, options.permissions ?? null, match, params);
        const key = req.headers['idempotency-key'];
        if (method === 'POST' && typeof key === 'string' && key !== '') {
          if (key.length > MAX_IDEMPOTENCY_KEY) throw errors.idempotencyKeyTooLong();
          headers['Idempotency-Key'] = key;
          const fingerprint = crypto.createHash('sha256').update(`${method} ${path} ${canonical(params)}`).digest('hex');
          const request = {partition: caller.partition, caller: idempotencyCaller(caller), key, fingerprint, payload};
          const outcome = store.idempotent(request, () => {
            try {
              return run();
            } catch (e) {
              // A missing secret (or object) is an outcome worth replaying; a refused request
              // saves nothing, so a corrected retry with the same key can succeed.
              if (e instanceof ApiError && e.status === 404) return {status: e.status, body: e.toBody()};
              throw e;
            }
          });
          if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
          result = outcome;
        } else {
          result = run();
        }
      } catch (e) {
        if (e instanceof ClientAborted) {
          // Nobody to answer and nothing was stored: a log line, not an internal error.
          note = 'aborted by the client before its body was complete';
          logged(499);
          return;
        }
        let error: ApiError;
        if (e instanceof ApiError) {
          error = e;
        } else {
          const failure = storageFailure(e, store.file);
          if (failure) {
            log(`secret-store: ${failure.log} on ${method} ${path} [${requestId}]`);
            error = failure.error;
          } else {
            // The error's name only: a driver message could quote the statement's values.
            log(`secret-store: internal error (${(e as Error)?.name ?? 'unknown'}) on ${method} ${path} [${requestId}]`);
            error = errors.internal();
          }
        }
        result = {status: error.status, body: error.toBody()};
      }
    }
    if (closeAfter) headers.Connection = 'close';
    const json = JSON.stringify(result.body);
    headers['Content-Length'] = String(Buffer.byteLength(json));
    res.writeHead(result.status, headers);
    res.end(json, () => {
      if (closeAfter) req.destroy();
    });
    logged(result.status);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(500, {'Content-Type': 'application/json'});
      res.end(JSON.stringify(errors.internal().toBody()));
    });
  });
  // What Node's parser refuses (a raw non-ASCII byte in the request line, a broken header) gets Stripe's shape too.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const json = JSON.stringify((tooLarge ? errors.headersTooLarge() : errors.unparsable()).toBody());
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
  return server;
}

export interface RunningSecretStore {
  url: string;
  host: string;
  port: number;
  store: StripeStore;
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
  /** Problems and start-up changes (a tightened folder, a full disk), one line each (default: stderr). */
  log?: (line: string) => void;
  /**
   * A made-up, consistent data set (objects/seed.ts) for the store's own account, in
   * both modes: `once` on the first start of a data file, `reset` anew on
   * this start, `off` (the default) never.
   */
  seed?: 'once' | 'reset' | 'off';
}

export const DEFAULT_APP = 'com.example.keyring';
export const DEFAULT_ACCOUNT = 'acct_1KeyringLocal000';

/** Starts a store and its server; resolves once it is listening. */
export async function startSecretStore(options: StartOptions = {}): Promise<RunningSecretStore> {
  const log = options.log ?? toStderr;
  const store = new StripeStore({file: options.file, now: options.now, log});
  const seed = options.seed ?? 'off';
  if (seed !== 'off') {
    try {
      for (const livemode of [false, true]) {
        store.seed({app: options.app ?? DEFAULT_APP, account: options.account ?? DEFAULT_ACCOUNT, livemode}, seed);
      }
    } catch (e) {
      store.close();
      throw e;
    }
  }
  const faults = new FaultSwitch();
  const host = options.host ?? '127.0.0.1';
  const server = createServer({
    store,
    host,
    faults,
    app: options.app ?? DEFAULT_APP,
    account: options.account ?? DEFAULT_ACCOUNT,
    hostKey: options.hostKey ?? null,
    permissions: options.permissions ?? null,
    onRequest: options.onRequest,
    log,
  });
  // Expired secrets already answer 404; the sweep takes them, payloads included, off the disk.
  const sweeper = setInterval(() => {
    try {
      store.sweep();
    } catch (e) {
      // A busy or full disk now: the next sweep tries again; the store keeps serving.
      const failure = storageFailure(e, store.file);
      log(`secret-store: expiry sweep failed (${failure?.log ?? (e as Error)?.name ?? 'unknown'}); retrying in a minute.`);
    }
  }, 60_000);
  sweeper.unref();
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
