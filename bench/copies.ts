/**
 * The backend behind HAProxy: one copy alone against three copies, in the
 * same run, each answering the drawer's opening call (a signed POST
 * /v1/connections/status, one Secret Store list) under a closed loop of 32
 * clients. On a 2-core machine the ratio shows what the balancer and the
 * shared Secret Store cost, not scale-out.
 */
import os from 'node:os';
import Stripe from 'stripe';
import {localBackendModeManifest, startTestStore} from 'stripe-apps-offline/testing';
import {copyEnvironment, startCopies} from '../ui-tests/support/copies';
import {FIXTURE_CONNECTION, REDIRECTS} from '../ui-tests/support/fixtureConnection';

export const SECRET = 'absec_benchCopies0123456789';
const ACCOUNT = 'acct_1BenchCopies001';
export const CLIENTS = 32;
export const DURATION_MS = 5000;
export const ID = FIXTURE_CONNECTION.id;

/** The fixture's connection in backend mode (the provider is never called by this route). */
export function benchConstants(): Record<string, unknown> {
  const layer = localBackendModeManifest('http://127.0.0.1:9', REDIRECTS, 'http://127.0.0.1:1', [ID], 'client_secret_basic') as {constants: {connections: Record<string, unknown>}};
  return {connections: [layer.constants.connections[ID]]};
}

export interface Row {
  copies: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

/** The drawer's opening call from CLIENTS users in a closed loop for DURATION_MS; also used by workers.ts. */
export async function measure(url: string, copies: number): Promise<Row> {
  const users = Array.from({length: CLIENTS}, (_, i) => `usr_BenchCopies${String(i).padStart(3, '0')}`);
  const signatures = users.map((user) => Stripe.webhooks.generateTestHeaderString({payload: JSON.stringify({user_id: user, account_id: ACCOUNT}), secret: SECRET}));
  const times: number[] = [];
  let failed = 0;
  const end = Date.now() + DURATION_MS;
  await Promise.all(
    users.map(async (user, i) => {
      while (Date.now() < end) {
        const started = performance.now();
        const response = await fetch(`${url}/v1/connections/status`, {
          method: 'POST',
          headers: {'content-type': 'application/json', 'stripe-signature': signatures[i]},
          body: JSON.stringify({connections: [ID], user_id: user, account_id: ACCOUNT}),
        }).catch(() => null);
        await response?.arrayBuffer();
        if (response?.status === 200) times.push(performance.now() - started);
        else failed++;
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {copies, rps: times.length / (DURATION_MS / 1000), p50: at(0.5), p99: at(0.99), failed};
}

export async function benchCopies(): Promise<string> {
  const store = await startTestStore();
  const constants = benchConstants();
  const rows: Row[] = [];
  try {
    for (const count of [1, 3]) {
      const copies = await startCopies({count, constants, env: copyEnvironment(store.url, SECRET, ID)});
      try {
        await measure(copies.url, count); // warm-up, discarded
        rows.push(await measure(copies.url, count));
      } finally {
        await copies.close();
      }
    }
  } finally {
    await store.close();
  }
  const [one] = rows;
  return [
    '## Backend copies behind HAProxy: three against one, same run',
    '',
    `A signed POST /v1/connections/status (one Secret Store list each) through HAProxy, ${CLIENTS} clients in a closed loop for ${DURATION_MS / 1000} s after a discarded run, one copy then three (\`npm run backend\`'s own processes), one local Secret Store behind them.`,
    '',
    '| copies | req/s | per copy req/s | p50 ms | p99 ms | failed | req/s vs one copy | per copy vs one copy | p99 vs one copy |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.copies} | ${r.rps.toFixed(0)} | ${(r.rps / r.copies).toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.failed} | ${(r.rps / one.rps).toFixed(2)}× | ${(r.rps / r.copies / one.rps).toFixed(2)}× | ${(r.p99 / one.p99).toFixed(2)}× |`),
    '',
    `Machine: ${os.cpus().length} cores shared by the copies, HAProxy, the store and the clients: a ratio near 1.00× says the balancer and the shared store add little; it cannot show scale-out here.`,
  ].join('\n');
}
