/**
 * A real local Secret Store for a test file: in memory, on a free loopback
 * port, with a clock the test can move forward.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import Stripe from 'stripe';
import {startSecretStore, type RunningSecretStore, type StartOptions} from '../stripe-api/server';

export interface TestSecretStore extends RunningSecretStore {
  hostKey: string;
  /** Moves the store's clock forward (expiry tests). */
  advanceClock(seconds: number): void;
  /** A backend caller: the real `stripe` client with a secret key. */
  backend(key?: string, options?: {stripeAccount?: string}): Stripe;
  /** Raw HTTP, for what no client would send (a Buffer body goes out byte for byte, invalid UTF-8 included). */
  raw(path: string, init?: {method?: string; headers?: Record<string, string>; body?: string | Buffer; key?: string | null}): Promise<{status: number; body: RawBody; headers: Headers}>;
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
    raw(path, init = {}) {
      const {key = TEST_KEY, method = 'GET', body} = init;
      const headers = new Headers(init.headers);
      if (key !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
      // Node's client sends a GET body without framing unless told its length.
      if (body !== undefined) headers.set('content-length', String(Buffer.byteLength(body)));
      // node:http rather than fetch: fetch refuses some of what these tests must send (a GET with a body).
      return new Promise((resolve, reject) => {
        const request = http.request(
          `${running.url}${path}`,
          {method, headers: Object.fromEntries(headers.entries())},
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              let parsed: RawBody;
              try {
                parsed = JSON.parse(text) as RawBody;
              } catch {
                parsed = {text};
              }
              const responseHeaders = new Headers();
              for (const [name, value] of Object.entries(response.headers)) {
                if (typeof value === 'string') responseHeaders.set(name, value);
              }
              resolve({status: response.statusCode ?? 0, body: parsed, headers: responseHeaders});
            });
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    },
  };
}
