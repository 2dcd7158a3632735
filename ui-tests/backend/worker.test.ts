/**
 * What is the Worker's own, beside the route tests the jest project "backend
 * on workerd" runs again under workerd: the bundle `npm run build:worker`
 * makes (the worker builds of stripe-node and Hono, nothing from Node the
 * runtime lacks), and a Worker deployed without a binding it needs, which
 * says which one on every answer and in its log, and never a value.
 */
import {signForView, startTestStore, type TestSecretStore} from 'stripe-apps-offline/testing';
import {bundleWorker, workerCompatibility} from '../../backend/buildWorker';
import type {BackendConfig} from '../../backend/config';
import manifest from '../fixtures/app/stripe-app.json';
import {startWorkerdBackend} from '../support/workerdBackend';

const SIGNING_SECRET = 'absec_workerTests';
const SECRET_KEY = 'sk_test_workerTestsKey';

let store: TestSecretStore;
beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  await store?.close();
});

const config = (): BackendConfig => ({secretKey: SECRET_KEY, signingSecrets: [SIGNING_SECRET], apiBase: new URL(store.url), host: '127.0.0.1', port: 0, constants: manifest.constants});

describe("npm run build:worker's bundle", () => {
  test("has stripe-node's worker build (fetch and SubtleCrypto), this app's manifest, and imports nothing from Node but what Workers provide", async () => {
    const {code, inputs} = await bundleWorker();
    expect(inputs).toContain('node_modules/stripe/esm/stripe.esm.worker.js');
    expect(inputs).not.toContain('node_modules/stripe/esm/stripe.esm.node.js');
    expect(inputs).toContain('stripe-app.json');
    // Bare imports left in the bundle are the runtime's to provide: with Node.js compatibility, node:async_hooks (AsyncLocalStorage).
    const imported = [...code.matchAll(/^import\s.*?from\s*"([^"]+)";?$/gm)].map((m) => m[1]);
    expect([...new Set(imported)]).toEqual(['node:async_hooks']);
    // What the issue cares about most: no Node HTTP client or file access came along.
    expect(inputs.some((file) => /stripe\/esm\/net\/NodeHttpClient|readConfig\.ts|backend\/server\.ts/.test(file))).toBe(false);
  });

  test('its compatibility date is one this workerd runs, and Node.js compatibility is on by that date', () => {
    const {date, flags} = workerCompatibility();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the workerd package ships no types
    const supported = (require('workerd') as {compatibilityDate: string}).compatibilityDate;
    expect(date <= supported).toBe(true);
    // Cloudflare turns nodejs_compat on by default from 2026-08-04; an older date would have to list it.
    expect(date >= '2026-08-04' || flags.includes('nodejs_compat')).toBe(true);
  });
});

describe('a Worker deployed without a binding it needs', () => {
  test('answers every call with a 500 that names the missing variable, logs the same, and shows no value', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const worker = await startWorkerdBackend(config(), {}, {STRIPE_APP_SIGNING_SECRET: undefined});
    try {
      const signed = signForView({user: 'usr_WorkerAda', account: 'acct_1WorkerTests01'}, undefined, SIGNING_SECRET).header;
      const answers = await Promise.all([
        fetch(`${worker.url}/healthz`),
        fetch(`${worker.url}/v1/keys/test`, {method: 'POST', headers: {'content-type': 'application/json', 'stripe-signature': signed}, body: JSON.stringify({name: 'acme_api_key', user_id: 'usr_WorkerAda', account_id: 'acct_1WorkerTests01'})}),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(500);
        const body = (await answer.json()) as {error: {type: string; message: string}};
        expect(body.error.type).toBe('misconfigured');
        expect(body.error.message).toMatch(/^The app backend is not configured: STRIPE_APP_SIGNING_SECRET is not set/);
        expect(JSON.stringify(body)).not.toContain(SECRET_KEY);
      }
      await new Promise((r) => setTimeout(r, 200));
      const logged = written.join('');
      expect(logged).toContain('"variable":"STRIPE_APP_SIGNING_SECRET"');
      expect(logged).not.toContain(SECRET_KEY);
    } finally {
      spy.mockRestore();
      await worker.close();
    }
  });

  test('a malformed secret key is named too, without echoing it', async () => {
    const worker = await startWorkerdBackend(config(), {}, {STRIPE_SECRET_KEY: 'pk_test_notASecretKey123'});
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const answer = await fetch(`${worker.url}/readyz`);
      const text = await answer.text();
      expect(answer.status).toBe(500);
      expect(text).toContain('STRIPE_SECRET_KEY does not look like a Stripe secret key');
      expect(text).not.toContain('pk_test_notASecretKey123');
    } finally {
      jest.restoreAllMocks();
      await worker.close();
    }
  });
});
