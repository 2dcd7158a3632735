/**
 * Every call the backend makes leaves with a bound: Stripe's through
 * stripe-node's own timeout and retries, a provider's or a key check's
 * through fetch with an abort signal. A view waits on each, so none may
 * hang for stripe-node's default 80 s.
 */

/** Longest a provider's token, identity or revocation call may take. */
export const OUTBOUND_TIMEOUT_MS = 10_000;

/** stripe-node's settings for the backend's client (README, "Retries and rate limits"). */
export const STRIPE_CLIENT_SETTINGS = {
  // Per attempt; with the retries below a view waits at most about 3 × 10 s plus the backoff.
  timeout: 10_000,
  // stripe-node retries a connection error, a 409, a 5xx, and whatever Stripe marks Stripe-Should-Retry: true,
  // after 0.5 s then 1 s (doubling, jittered to between half and all of it, at most 5 s); every POST carries an
  // idempotency key it makes, so a retried write happens once.
  maxNetworkRetries: 2,
} as const;

/** fetch, with the call aborted after OUTBOUND_TIMEOUT_MS (or the caller's own signal, whichever comes first). */
export const timedFetch: typeof fetch = (input, init) => {
  const bound = AbortSignal.timeout(OUTBOUND_TIMEOUT_MS);
  return fetch(input, {...init, signal: init?.signal ? AbortSignal.any([init.signal, bound]) : bound});
};
