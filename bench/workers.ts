/**
 * The backend as a Cloudflare Worker under workerd against the same backend
 * on Node, in the same run: one process each, answering the drawer's opening
 * call (a signed POST /v1/connections/status, one Secret Store list) from the
 * same closed loop of clients as the copies section. workerd here is the open
 * source runtime on this machine, not Cloudflare's network: the ratio says
 * what the runtime and stripe-node's worker build (fetch, SubtleCrypto) cost
 * against Node's, nothing about the edge.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startTestStore} from 'stripe-apps-offline/testing';
import {configFromEnv} from '../backend/config';
import {startBackendProcess} from '../ui-tests/support/backendProcess';
import {copyEnvironment} from '../ui-tests/support/copies';
import {startWorkerdBackend} from '../ui-tests/support/workerdBackend';
import {benchConstants, CLIENTS, DURATION_MS, ID, measure, SECRET, type Row} from './copies';

export async function benchWorkers(): Promise<string> {
  const store = await startTestStore();
  const constants = benchConstants();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-bench-workers-'));
  const rows: {runtime: string; row: Row}[] = [];
  try {
    const manifest = path.join(dir, 'stripe-app.json');
    fs.writeFileSync(manifest, JSON.stringify({id: 'com.example.bench', constants}));
    // One environment for both: Node reads it from its process, the Worker as its bindings.
    const env = copyEnvironment(store.url, SECRET, ID);
    const node = await startBackendProcess({...process.env, ...env, STRIPE_APP_MANIFEST: manifest, BACKEND_PORT: '0'});
    try {
      await measure(node.url, 1); // warm-up, discarded
      rows.push({runtime: 'Node (npm run backend)', row: await measure(node.url, 1)});
    } finally {
      node.child.kill('SIGTERM');
      await node.exited;
    }
    const worker = await startWorkerdBackend({...configFromEnv(env, constants), port: 0});
    try {
      await measure(worker.url, 1);
      rows.push({runtime: 'Worker under workerd', row: await measure(worker.url, 1)});
    } finally {
      await worker.close();
    }
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
    await store.close();
  }
  const one = rows[0].row;
  return [
    '## The backend as a Worker under workerd against Node, same run',
    '',
    `A signed POST /v1/connections/status (one Secret Store list each), ${CLIENTS} clients in a closed loop for ${DURATION_MS / 1000} s after a discarded run, straight to one process (no balancer), one local Secret Store behind it.`,
    '',
    '| runtime | req/s | p50 ms | p99 ms | failed | req/s vs Node | p99 vs Node |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(({runtime, row: r}) => `| ${runtime} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.failed} | ${(r.rps / one.rps).toFixed(2)}× | ${(r.p99 / one.p99).toFixed(2)}× |`),
    '',
    "workerd is Cloudflare's runtime run locally, not Cloudflare's network: the ratio is the runtime's cost on this machine.",
  ].join('\n');
}
