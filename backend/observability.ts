/**
 * What ties one request's log line to what it did: a request id (the load
 * balancer's X-Request-Id when it sends a sane one, else a new one, echoed
 * back), the verified account, and Stripe's Request-Id of every call the
 * request made (stripe-node's `response` event, matched to the request by
 * AsyncLocalStorage, which Node has and Workers has with nodejs_compat).
 * Nothing here ever holds a body, a header's value other than those ids, a
 * key, a token or a signature.
 */
import {AsyncLocalStorage} from 'node:async_hooks';
import type Stripe from 'stripe';
import type {BackendLogEntry} from './app';

export interface RequestTrace {
  requestId: string;
  /** The verified account, once the signature says whose call it is. */
  accountId?: string;
  stripeRequestIds: string[];
}

const traces = new AsyncLocalStorage<RequestTrace>();

// Ids from a proxy are copied into logs: letters, digits and a few separators only, so none can forge a log line.
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && SANE_ID.test(header) ? header : `req_${crypto.randomUUID().replace(/-/g, '')}`;
}

export function withTrace<T>(trace: RequestTrace, run: () => Promise<T>): Promise<T> {
  return traces.run(trace, run);
}

export const currentTrace = (): RequestTrace | undefined => traces.getStore();

const traced = new WeakSet<Stripe>();

/** Each Stripe call's Request-Id, into the trace of the request that made it (a retry is a call of its own); once per client. */
export function traceStripeCalls(stripe: Stripe): void {
  if (traced.has(stripe)) return;
  traced.add(stripe);
  stripe.on('response', (event: {request_id?: string}) => {
    if (event.request_id) currentTrace()?.stripeRequestIds.push(event.request_id);
  });
}

/**
 * An error line on stderr (Node) or the Workers log, JSON like every other
 * line: the caller names what failed, never with a message that could quote
 * what was sent.
 */
export function logError(fields: {msg: string} & Record<string, unknown>): void {
  console.error(JSON.stringify({time: new Date().toISOString(), level: 'error', ...fields}));
}

/** A request's log entry as the one JSON line a log collector reads (Node's stdout, the Workers log): an answer of 500 or more is an error. */
export function requestLogLine(entry: BackendLogEntry): string {
  return JSON.stringify({time: new Date().toISOString(), level: entry.status >= 500 ? 'error' : 'info', msg: 'request', ...entry, ms: Math.round(entry.ms * 10) / 10});
}
