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
 * A load balancer asks GET /healthz (the process answers) and GET /readyz (it
 * is not stopping, and the Secret Store answers). Each request is one log
 * entry (observability.ts): its id, route, status, duration, account and
 * Stripe's Request-Id of each call it made.
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
import {readUpTo} from './boundedBody';
import {Lifecycle} from './lifecycle';
import {uninstallRevoker} from './oauth/userConnection';
import {currentTrace, logError, requestIdFrom, traceStripeCalls, withTrace, type RequestTrace} from './observability';

export const MAX_BODY_BYTES = 64 * 1024;
export const WEBHOOK_PATH = '/v1/webhooks/stripe';

/** Every signed route the backend answers: each feature's table, in one place. */
export const ROUTES: Record<string, RouteHandler> = {
  ...connectionRoutes,
  ...keyRoutes,
};

export interface BackendLogEntry {
  /** The request's id, also in its X-Request-Id answer header. */
  requestId: string;
  method: string;
  /** The path only: never a query, a body or a header. */
  path: string;
  /** The route it matched ("/v1/keys/test"), or "(none)". */
  route: string;
  status: number;
  ms: number;
  /** The verified account, when the signature was good. */
  accountId?: string;
  /** Stripe's Request-Id of every call this request made to Stripe, in order. */
  stripeRequestIds: string[];
}

/** How long /readyz trusts its last look at the Secret Store: a probe every second does not cost a Stripe call each. */
export const READY_CACHE_MS = 5_000;

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
  const text = await readUpTo(c.req.raw.body, MAX_BODY_BYTES);
  if (text === null) throw tooLarge();
  return text;
}

/** Every refusal as JSON through the one mapper; an unexpected error is named (by its class only) on stderr. */
function errorAnswer(c: Context, e: unknown, route: string, headers: Record<string, string>): Response {
  const {status, body} = toErrorResponse(e);
  if (!(e instanceof BackendError)) {
    // Its class only: an error's message can quote what was sent.
    logError({msg: 'internal error', error: (e as Error)?.name ?? 'unknown', route, requestId: currentTrace()?.requestId});
  }
  // Hono types the status as a literal union; toErrorResponse only yields statuses from BackendError's table.
  return c.json(body, status as 400, headers);
}

export interface AppOptions {
  log?: (entry: BackendLogEntry) => void;
  /** Shared with the server, which drains it on SIGTERM (server.ts). */
  lifecycle?: Lifecycle;
  uninstall?: UninstallCleanup;
  /** Hooks for what happens to users' connections (routes/types.ts ConnectionEvents). */
  events?: ConnectionEvents;
}

/**
 * The hooks a deployed backend runs with, on Node (cli.ts) and on Workers
 * (worker.ts) alike: on uninstall, each user's tokens are revoked at the
 * provider as the app's OAuth client before they are deleted.
 */
export function deployedHooks(config: BackendConfig): Pick<AppOptions, 'uninstall'> {
  return {uninstall: {revoke: uninstallRevoker(config)}};
}

export function createApp(config: BackendConfig, stripe: Stripe, {log = () => undefined, uninstall, events, lifecycle = new Lifecycle()}: AppOptions = {}): Hono {
  const app = new Hono();
  traceStripeCalls(stripe);

  app.use(async (c, next) => {
    const started = performance.now();
    const trace: RequestTrace = {requestId: requestIdFrom(c.req.header('x-request-id')), stripeRequestIds: []};
    await withTrace(trace, next);
    c.res.headers.set('x-request-id', trace.requestId);
    // While stopping, keep-alive connections are closed after their answer, so the balancer reconnects elsewhere.
    if (lifecycle.draining) c.res.headers.set('connection', 'close');
    log({
      requestId: trace.requestId,
      method: c.req.method,
      path: c.req.path,
      route: c.req.routePath === '/*' || c.res.status === 404 ? '(none)' : c.req.routePath,
      status: c.res.status,
      ms: performance.now() - started,
      ...(trace.accountId ? {accountId: trace.accountId} : {}),
      stripeRequestIds: trace.stripeRequestIds,
    });
  });

  app.get('/healthz', (c) => c.json({status: 'alive'}));

  let lastReady: {at: number; ok: boolean} | null = null;
  app.get('/readyz', async (c) => {
    try {
      if (lifecycle.draining) throw new BackendError('not-ready', 'This copy is stopping.');
      if (!lastReady || performance.now() - lastReady.at > READY_CACHE_MS) {
        // The cheapest call that proves the key and the Secret Store both work: one name of the app's own account scope.
        const ok = await stripe.apps.secrets.list({scope: {type: 'account'}, limit: 1}).then(() => true, () => false);
        lastReady = {at: performance.now(), ok};
      }
      if (!lastReady.ok) throw new BackendError('not-ready', 'The Secret Store does not answer this copy.');
      return c.json({status: 'ready'});
    } catch (e) {
      return errorAnswer(c, e, 'GET /readyz', {});
    }
  });

  app.options('*', (c) => {
    const headers = corsFor(c);
    return c.body(null, headers['access-control-allow-origin'] ? 204 : 403, headers);
  });

  for (const [path, handle] of Object.entries(ROUTES)) {
    app.post(path, async (c) => {
      try {
        const call = await verifySignedCall(c.req.header('stripe-signature'), await readBody(c), config.signingSecrets);
        const trace = currentTrace();
        if (trace) trace.accountId = call.caller.accountId;
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
