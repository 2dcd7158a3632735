/**
 * The app backend: what a signed call costs against the same route with no
 * signature check, measured in the same run (each in a process of its own,
 * one at a time, against one local Secret Store). The route reads the
 * caller's connection: one Secret Store find per call.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import {runLoad, type LoadRequest, type LoadResult} from './load';
import {startBenchServer} from './servers';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS || 3000);
const WARMUP_MS = 500;
const CONCURRENCY = [1, 32];
const ACCOUNT = 'acct_1KeyringLocal000';

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

export async function benchBackend(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-bench-backend-'));
  const secret = `absec_${crypto.randomBytes(16).toString('hex')}`;
  const store = await startBenchServer('store', path.join(dir, 'secret-store.sqlite3'));
  const lines = [
    '## App backend: a signed call against the same route unsigned',
    '',
    `POST /v1/connection/status (one Secret Store find per call), closed loop over keep-alive HTTP, ${DURATION_MS / 1000} s per row after ${WARMUP_MS / 1000} s of warm-up. ` +
      "Signed: Stripe-Signature checked with stripe-node's helper on every call (one signature per client, as it stays valid for 300 s). " +
      'Unsigned: the same handler and store access with the caller read from the body (a bench-only server).',
    '',
    '| clients | signed req/s | unsigned req/s | signed/unsigned | signed p50 ms | signed p99 ms | unsigned p50 ms | unsigned p99 ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  // One user per client; each signature is what fetchStripeSignature() would hand that user.
  const request = (w: number): LoadRequest => {
    const payload = JSON.stringify({user_id: `usr_bench${w}`, account_id: ACCOUNT});
    const signature = Stripe.webhooks.generateTestHeaderString({payload, secret});
    return {method: 'POST', path: '/v1/connection/status', body: payload, headers: {'content-type': 'application/json', 'stripe-signature': signature}};
  };
  try {
    for (const concurrency of CONCURRENCY) {
      const requests = Array.from({length: concurrency}, (_, w) => request(w));
      const measure = async (kind: 'backend' | 'backend-unsigned'): Promise<LoadResult> => {
        const server = await startBenchServer(kind, String(store.port), secret);
        try {
          const result = await runLoad({port: server.port, concurrency, durationMs: DURATION_MS, warmupMs: WARMUP_MS, headers: {}, request: (w) => requests[w]});
          if (result.failures > 0) throw new Error(`${kind} at ${concurrency} clients: ${result.failures} requests failed`);
          return result;
        } finally {
          await server.stop();
        }
      };
      const signed = await measure('backend');
      const unsigned = await measure('backend-unsigned');
      lines.push(
        `| ${concurrency} | ${fmt(signed.perSecond)} | ${fmt(unsigned.perSecond)} | ${ratio(signed.perSecond, unsigned.perSecond)} | ${fmt(signed.p50Ms, 2)} | ${fmt(signed.p99Ms, 2)} | ${fmt(unsigned.p50Ms, 2)} | ${fmt(unsigned.p99Ms, 2)} |`,
      );
      process.stderr.write(`bench: backend ×${concurrency} done\n`);
    }
  } finally {
    await store.stop();
    fs.rmSync(dir, {recursive: true, force: true});
  }
  return lines.join('\n');
}
