/**
 * A real local Secret Store for a test file: in memory, on a free loopback
 * port, with a clock the test can move forward.
 */
import crypto from 'node:crypto';
import Stripe from 'stripe';
import {startSecretStore, type RunningSecretStore, type StartOptions} from '../../preview/secret-store/server';

export interface TestSecretStore extends RunningSecretStore {
  hostKey: string;
  /** Moves the store's clock forward (expiry tests). */
  advanceClock(seconds: number): void;
  /** A backend caller: the real `stripe` client with a secret key. */
  backend(key?: string, options?: {stripeAccount?: string}): Stripe;
  /** Raw HTTP, for what no client would send. */
  raw(path: string, init?: RequestInit & {key?: string | null}): Promise<{status: number; body: RawBody; headers: Headers}>;
}

// A shape loose enough for any answer; tests assert on the fields they need.
export type RawBody = {error?: {type: string; message: string; code?: string; param?: string}} & Record<string, unknown>;

export const TEST_KEY = 'sk_test_keyringTests';

export async function startTestStore(options: StartOptions = {}): Promise<TestSecretStore> {
  let offset = 0;
  const hostKey = `kh_${crypto.randomBytes(12).toString('hex')}`;
  const running = await startSecretStore({hostKey, now: () => Date.now() / 1000 + offset, ...options});
  return {
    ...running,
    hostKey,
    advanceClock(seconds) {
      offset += seconds;
    },
    backend(key = TEST_KEY, {stripeAccount} = {}) {
      return new Stripe(key, {
        host: running.host,
        port: running.port,
        protocol: 'http',
        maxNetworkRetries: 0,
        telemetry: false,
        stripeAccount,
      });
    },
    async raw(path, init = {}) {
      const {key = TEST_KEY, ...rest} = init;
      const headers = new Headers(rest.headers);
      if (key !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
      const response = await fetch(`${running.url}${path}`, {...rest, headers});
      const text = await response.text();
      let body: RawBody;
      try {
        body = JSON.parse(text) as RawBody;
      } catch {
        body = {text};
      }
      return {status: response.status, body, headers: response.headers};
    },
  };
}
