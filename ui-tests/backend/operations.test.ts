/**
 * The backend as a load balancer and an operator see it: /healthz and
 * /readyz; one JSON log entry per request that ties it to the Stripe calls
 * it made and holds no secret; Stripe's failures retried as stripe-node's
 * policy says, and a rate limit that outlasts them named to the view; and
 * SIGTERM, which stops taking connections, answers what is in flight within
 * a bound, then exits 0. Real parts throughout: the local Secret Store, the
 * Acme stand-in, the backend over HTTP, and `npm run backend`'s own process
 * for the signals. The jest project "backend on workerd" runs this file with
 * the backend as a Worker too; what only a Node process has (a lifecycle to
 * drain, signals) is Node's alone there.
 */
import type {ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {signForView, startTestStore} from 'stripe-apps-offline/testing';
import {createApp, READY_CACHE_MS, type BackendLogEntry} from '../../backend/app';
import {Lifecycle} from '../../backend/lifecycle';
import {createStripe} from '../../backend/secrets';
import {BACKEND_RUNTIME, startBackendUnderTest} from '../support/backendUnderTest';
import {startKeyTestRig, type KeyTestRig} from '../settings/keyTestRig';
import {startBackendProcess, type BackendProcess} from '../support/backendProcess';

jest.setTimeout(60_000);

/** Workers have no process to signal nor a lifecycle to drain: the platform retires an isolate itself (backend/worker.ts). */
const onNode = BACKEND_RUNTIME === 'node' ? {test, describe} : {test: test.skip, describe: describe.skip};

const SIGNING_SECRET = 'absec_operationsTests';
const ACCOUNT = 'acct_1OperationsAda1';
const USER = 'usr_OperationsAda';
const KEY = 'sk_test_OperationsGoodKey1';

let rig: KeyTestRig;
beforeAll(async () => {
  rig = await startKeyTestRig(SIGNING_SECRET);
  await rig.seedKey(ACCOUNT, 'acme_api_key', KEY);
});
afterAll(async () => {
  await rig?.close();
});
beforeEach(() => {
  rig.acme.simulate(null);
  rig.store.faults.clear();
  rig.logs.length = 0;
});

function signedCall(url: string, route: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}${route}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'stripe-signature': signForView({user: USER, account: ACCOUNT}, undefined, SIGNING_SECRET).header, ...headers},
    body: JSON.stringify({...body, user_id: USER, account_id: ACCOUNT}),
  });
}

describe('health and readiness', () => {
  test('/healthz says the process answers; /readyz says the Secret Store answers it too', async () => {
    const health = await fetch(`${rig.backend.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, {status: 'alive'}]);
    const ready = await fetch(`${rig.backend.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, {status: 'ready'}]);
  });

  test('a copy whose Secret Store does not answer is alive but not ready, and says why', async () => {
    const gone = await startTestStore();
    await gone.close();
    const backend = await startBackendUnderTest({secretKey: 'sk_test_operations', signingSecrets: [SIGNING_SECRET], apiBase: new URL(gone.url), host: '127.0.0.1', port: 0, constants: {}});
    try {
      expect((await fetch(`${backend.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${backend.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([503, {error: {type: 'not-ready', message: 'The Secret Store does not answer this copy.'}}]);
    } finally {
      await backend.close();
    }
  });

  onNode.test('a copy that is stopping is not ready, whatever the Secret Store says', async () => {
    const lifecycle = new Lifecycle();
    const config = {secretKey: 'sk_test_operations', signingSecrets: [SIGNING_SECRET], apiBase: new URL(rig.store.url), host: '127.0.0.1', port: 0, constants: {}};
    const app = createApp(config, createStripe(config), {lifecycle});
    expect((await app.request('/readyz')).status).toBe(200);
    await lifecycle.drain(0);
    const stopping = await app.request('/readyz');
    expect([stopping.status, await stopping.json()]).toEqual([503, {error: {type: 'not-ready', message: 'This copy is stopping.'}}]);
    expect(READY_CACHE_MS).toBeGreaterThan(0);
  });
});

describe('one log entry per request', () => {
  test('its id (echoed as X-Request-Id), route, status, duration, verified account and the Request-Id of each Stripe call it made; no secret', async () => {
    const response = await signedCall(rig.backend.url, '/v1/keys/test', {name: 'acme_api_key'});
    expect(response.status).toBe(200);
    const entry = rig.logs.find((e) => e.path === '/v1/keys/test') as BackendLogEntry;
    expect(entry).toMatchObject({method: 'POST', route: '/v1/keys/test', status: 200, accountId: ACCOUNT, requestId: response.headers.get('x-request-id')});
    expect(entry.ms).toBeGreaterThan(0);
    // One find of the key: its Request-Id is the one the Secret Store answered with.
    expect(entry.stripeRequestIds).toHaveLength(1);
    expect(entry.stripeRequestIds[0]).toMatch(/^req_[A-Za-z0-9]+$/);
    const line = JSON.stringify(entry);
    for (const secret of [KEY, SIGNING_SECRET, 'sk_test_keyTests', 'stripe-signature', 'v1=']) expect(line).not.toContain(secret);
  });

  test("a proxy's X-Request-Id is kept when it is a plain id, and replaced when it could forge a log line", async () => {
    const kept = await signedCall(rig.backend.url, '/v1/keys/test', {name: 'acme_api_key'}, {'x-request-id': 'lb-7f3a9c21-0001'});
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a9c21-0001');
    const forged = await signedCall(rig.backend.url, '/v1/keys/test', {name: 'acme_api_key'}, {'x-request-id': 'x" level=error msg=forged'});
    expect(forged.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(rig.logs.map((e) => e.requestId)).toEqual(['lb-7f3a9c21-0001', forged.headers.get('x-request-id')]);
  });

  test('an unsigned or unknown call is logged without an account, as route "(none)" when nothing matched', async () => {
    await fetch(`${rig.backend.url}/v1/keys/test`, {method: 'POST', body: '{}'});
    await fetch(`${rig.backend.url}/v1/nothing`, {method: 'POST', body: '{}'});
    expect(rig.logs.map(({route, status, accountId, stripeRequestIds}) => ({route, status, accountId, stripeRequestIds}))).toEqual([
      {route: '/v1/keys/test', status: 401, accountId: undefined, stripeRequestIds: []},
      {route: '(none)', status: 404, accountId: undefined, stripeRequestIds: []},
    ]);
  });
});

describe("Stripe's failures", () => {
  test('a 500 from the Secret Store is retried (stripe-node, with an idempotency key on writes): the view never sees it', async () => {
    rig.store.faults.inject({fault: {kind: 'server-error'}, path: '/v1/apps/secrets/find', times: 1});
    const response = await signedCall(rig.backend.url, '/v1/keys/test', {name: 'acme_api_key'});
    expect([response.status, ((await response.json()) as {result: string}).result]).toEqual([200, 'works']);
    // The fault was used up: the first find got the 500, the retry the key.
    expect(rig.store.faults.take('GET', '/v1/apps/secrets/find')).toBeNull();
    // stripe-node reports the answer that counted, so the log names that one.
    expect(rig.logs[0].stripeRequestIds).toHaveLength(1);
  });

  test("a rate limit that outlasts the retries reaches the view as Stripe's limit, with what to do, not as a broken store", async () => {
    rig.store.faults.inject({fault: {kind: 'rate-limited'}, path: '/v1/apps/secrets/find'});
    const response = await signedCall(rig.backend.url, '/v1/keys/test', {name: 'acme_api_key'});
    expect([response.status, await response.json()]).toEqual([
      503,
      {error: {type: 'store-rate-limited', message: 'Stripe is limiting how fast this account may call it. Try again in a few seconds.'}},
    ]);
  });
});

onNode.describe('SIGTERM', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  /** A third party that takes `delayMs` to answer 200, and says when a request has arrived. */
  async function slowService(delayMs: number): Promise<{url: string; arrived: Promise<void>; close(): Promise<void>}> {
    let arrive = () => undefined as void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const timers = new Set<NodeJS.Timeout>();
    const server = http.createServer((_req, res) => {
      arrive();
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.writeHead(200, {'content-type': 'application/json'}).end('{}');
      }, delayMs);
      timers.add(timer);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/ping`;
    const close = () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    };
    return {url, arrived, close};
  }

  /** `npm run backend`'s own process, on a free port, with this rig's store, its key check of acme_api_key sent to `checkUrl`. */
  async function startProcess(env: Record<string, string>, checkUrl = 'https://api.acme.example/v1/ping'): Promise<BackendProcess> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-ops-'));
    const manifest = path.join(dir, 'stripe-app.json');
    const keyChecks = {...(rig.constants.keyChecks as Record<string, object>), acme_api_key: {service: 'Acme', url: checkUrl, present: 'bearer', timeoutSeconds: 10}};
    fs.writeFileSync(manifest, JSON.stringify({id: 'com.example.ops', constants: {...rig.constants, keyChecks}}));
    const started = await startBackendProcess({...process.env, STRIPE_SECRET_KEY: 'sk_test_operations', STRIPE_APP_SIGNING_SECRET: SIGNING_SECRET, STRIPE_WEBHOOK_SECRET: 'whsec_operations', STRIPE_API_BASE: rig.store.url, STRIPE_APP_MANIFEST: manifest, BACKEND_PORT: '0', ...env});
    child = started.child;
    return started;
  }

  const lines = (output: string) => output.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

  test('stops taking connections, answers the request in flight, then exits 0; every line it printed is JSON', async () => {
    const slow = await slowService(1500);
    const running = await startProcess({SHUTDOWN_GRACE_SECONDS: '10'}, slow.url);
    const inFlight = signedCall(running.url, '/v1/keys/test', {name: 'acme_api_key'});
    // The check is at the third party when the signal comes.
    await slow.arrived;
    child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    const answer = await inFlight;
    expect([answer.status, ((await answer.json()) as {result: string}).result]).toEqual([200, 'works']);
    expect(await running.exited).toBe(0);
    const printed = lines(running.output());
    expect(printed.map((l) => l.msg)).toEqual([expect.stringMatching(/^App backend listening on/), 'SIGTERM: stopping; requests in flight have 10 s', 'request', 'stopped: every request in flight was answered']);
    expect(printed[2]).toMatchObject({level: 'info', route: '/v1/keys/test', status: 200, accountId: ACCOUNT});
    await slow.close();
  });

  test('a request slower than the bound is cut at it, and the process still exits 0, saying so', async () => {
    const slow = await slowService(4000);
    const running = await startProcess({SHUTDOWN_GRACE_SECONDS: '0.5'}, slow.url);
    const inFlight = signedCall(running.url, '/v1/keys/test', {name: 'acme_api_key'}).then(
      (r) => r.status,
      () => 'cut',
    );
    await slow.arrived;
    const signalled = Date.now();
    child?.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(3000);
    expect(await inFlight).toBe('cut');
    expect(lines(running.output()).at(-1)).toMatchObject({level: 'warn', msg: 'stopped: requests still in flight were cut at the bound'});
    await slow.close();
  });

  test('a bound that is not a number of seconds stops start-up, naming the variable', async () => {
    await expect(startProcess({SHUTDOWN_GRACE_SECONDS: 'soon'})).rejects.toThrow(/SHUTDOWN_GRACE_SECONDS must be a number of seconds from 0 to 600, not "soon"/);
  });
});
