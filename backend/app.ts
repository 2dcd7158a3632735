/**
 * The app backend's HTTP face (Hono): one table of routes, each a signed call
 * from a view. For every request, in order:
 *
 *   CORS         answers the sandboxed iframe (Origin: null) and nobody else
 *   body         JSON, at most MAX_BODY_BYTES (read as it streams; 413 past it)
 *   signature    verifySignedCall: Stripe-Signature over {user_id, account_id}
 *   scopes       secretsFor(the verified caller): its account and its own user only
 *   route        the handler from ROUTES; errors go through toErrorResponse
 *
 * Stripe's own events arrive apart from these, at WEBHOOK_PATH, verified on the
 * raw body with the webhook signing secret (and with no CORS: no view calls it).
 *
 * Stateless: everything lives in the Secret Store, so any number of copies
 * can answer the same views.
 */
import {Hono, type Context} from 'hono';
import type Stripe from 'stripe';
import type {BackendConfig} from './config';
import {BackendError, toErrorResponse} from './errors';
import {connectionRoutes} from './routes/connections';
import {keyRoutes} from './routes/keys';
import type {ConnectionEvents} from './routes/types';
import {handleStripeWebhook, type UninstallCleanup} from './routes/webhooks';
import type {RouteHandler} from './routes/types';
import {secretsFor} from './secrets';
import {verifySignedCall} from './signedCall';

export const MAX_BODY_BYTES = 64 * 1024;
export const WEBHOOK_PATH = '/v1/webhooks/stripe';

/** Every signed route the backend answers: each feature's table, in one place. */
export const ROUTES: Record<string, RouteHandler> = {
  ...connectionRoutes,
  ...keyRoutes,
};

export interface BackendLogEntry {
  method: string;
  /** The path only: never a query, a body or a header. */
  path: string;
  status: number;
  ms: number;
}

// The sandboxed iframe's origin is opaque, so browsers send "null": the only origin answered.
const CORS_HEADERS = {
  'access-control-allow-origin': 'null',
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': 'Content-Type, Stripe-Signature',
  'access-control-max-age': '600',
  vary: 'Origin',
};

function corsFor(c: Context): Record<string, string> {
  return c.req.header('origin') === 'null' ? CORS_HEADERS : {};
}

const tooLarge = () => new BackendError('too-large', `The body is over ${MAX_BODY_BYTES} bytes.`);

/**
 * The body as text, read as it streams and dropped once it passes the limit:
 * a chunked body declares no length, and must not be held whole before it is
 * refused (nothing is verified until it is read). Web streams only, so the
 * same code runs on Node and on Workers.
 */
async function readBody(c: Context): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder().decode(whole);
}

/** Every refusal as JSON through the one mapper; an unexpected error is named (by its class only) on stderr. */
function errorAnswer(c: Context, e: unknown, route: string, headers: Record<string, string>): Response {
  const {status, body} = toErrorResponse(e);
  if (!(e instanceof BackendError)) process.stderr.write(`backend: internal error (${(e as Error)?.name ?? 'unknown'}) on ${route}\n`);
  // Hono types the status as a literal union; toErrorResponse only yields statuses from BackendError's table.
  return c.json(body, status as 400, headers);
}

export interface AppOptions {
  log?: (entry: BackendLogEntry) => void;
  uninstall?: UninstallCleanup;
  /** Hooks for what happens to users' connections (routes/types.ts ConnectionEvents). */
  events?: ConnectionEvents;
}

export function createApp(config: BackendConfig, stripe: Stripe, {log = () => undefined, uninstall, events}: AppOptions = {}): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    log({method: c.req.method, path: c.req.path, status: c.res.status, ms: performance.now() - started});
  });

  app.options('*', (c) => {
    const headers = corsFor(c);
    return c.body(null, headers['access-control-allow-origin'] ? 204 : 403, headers);
  });

  for (const [path, handle] of Object.entries(ROUTES)) {
    app.post(path, async (c) => {
      try {
        const call = verifySignedCall(c.req.header('stripe-signature'), await readBody(c), config.signingSecrets);
        const answer = await handle({...call, config, secrets: secretsFor(stripe, call.caller), events});
        return c.json(answer, 200, corsFor(c));
      } catch (e) {
        return errorAnswer(c, e, `POST ${path}`, corsFor(c));
      }
    });
  }

  app.post(WEBHOOK_PATH, async (c) => {
    try {
      return c.json(await handleStripeWebhook(await readBody(c), c.req.header('stripe-signature'), config, stripe, uninstall));
    } catch (e) {
      return errorAnswer(c, e, `POST ${WEBHOOK_PATH}`, {});
    }
  });

  app.notFound((c) => errorAnswer(c, new BackendError('not-found', `No such route: ${c.req.method} ${c.req.path.slice(0, 100)}`), 'not found', corsFor(c)));
  return app;
}
