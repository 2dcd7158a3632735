/**
 * The local Secret Store against the floor of this machine: a bare Node HTTP
 * server, in a process of its own like the store, answering a fixed JSON body of
 * the same size as the store's answer. Every figure is reported as a ratio to
 * the floor measured in the same run.
 */
import path from 'node:path';
import {CONCURRENCY, DURATION_MS, WARMUP_MS, floorRow, floorTableHead, fmt, measureAgainstFloor, measureAlone, ratio} from './floor';
import {runBatch, type LoadRequest} from './load';
import {benchTempDir} from './tempDir';
import {startBenchServer} from './servers';

const HEADERS = {authorization: 'Bearer sk_test_bench', 'stripe-version': '2025-01-27.acacia'};

type Operation = 'set' | 'find' | 'list';

// Each client writes to its own user scope, cycling over 10 names: every set
// after the first ten replaces, as a key rotation does, and no scope fills up.
const REQUESTS: Record<Operation, (w: number, i: number) => LoadRequest> = {
  set: (w, i) => ({
    method: 'POST',
    path: '/v1/apps/secrets',
    body: `name=bench_${i % 10}&payload=sk_test_${'p'.repeat(40)}${i}&scope[type]=user&scope[user]=usr_bench_${w}`,
  }),
  find: (_w, i) => ({method: 'GET', path: `/v1/apps/secrets/find?name=bench_${i % 10}&scope[type]=account&expand[]=payload`}),
  list: () => ({method: 'GET', path: '/v1/apps/secrets?scope[type]=account&limit=10'}),
};

export async function benchSecretStore(): Promise<string> {
  const temp = benchTempDir('keyring-bench-');
  const dir = temp.path;
  const store = await startBenchServer('store', path.join(dir, 'secret-store.sqlite3'));
  const floor = await startBenchServer('floor');
  const lines: string[] = [];
  try {
    // Ten account secrets for find and list to read.
    const accountSecrets = Array.from({length: 10}, (_, i): LoadRequest => ({
      method: 'POST',
      path: '/v1/apps/secrets',
      body: `name=bench_${i}&payload=sk_test_${'q'.repeat(40)}&scope[type]=account`,
    }));
    await runBatch(store.port, HEADERS, accountSecrets, 1);

    lines.push(
      '## Local Secret Store vs a bare Node server (the floor)',
      '',
      `Closed loop over keep-alive HTTP on 127.0.0.1, ${DURATION_MS / 1000} s per row after ${WARMUP_MS / 1000} s of warm-up. ` +
        'The store runs on a data file (WAL, synchronous=FULL: every set is on disk before it is answered). ' +
        'The floor answers the same request with a fixed JSON body of the same size.',
      '',
      ...floorTableHead('operation'),
    );
    for (const op of ['set', 'find', 'list'] as Operation[]) {
      for (const concurrency of CONCURRENCY) {
        const measured = await measureAgainstFloor({label: op, storePort: store.port, floorPort: floor.port, concurrency, headers: HEADERS, request: REQUESTS[op]});
        lines.push(floorRow(op, concurrency, measured));
      }
    }

    // List cost must not depend on what else the store holds.
    // The account's 10, plus 10 per set-benchmark client scope.
    const before = 10 + Math.max(...CONCURRENCY) * 10;
    const listSmall = await measureAlone(store.port, HEADERS, REQUESTS.list, 'list, small store');
    const others: LoadRequest[] = [];
    for (let u = 0; u < 1000; u++) {
      for (let n = 0; n < 10; n++) {
        others.push({method: 'POST', path: '/v1/apps/secrets', body: `name=other_${n}&payload=x&scope[type]=user&scope[user]=usr_elsewhere_${u}`});
      }
    }
    const t0 = performance.now();
    await runBatch(store.port, HEADERS, others);
    const populateSeconds = (performance.now() - t0) / 1000;
    process.stderr.write(`bench: 10,000 secrets stored elsewhere in ${populateSeconds.toFixed(1)} s\n`);
    const listLarge = await measureAlone(store.port, HEADERS, REQUESTS.list, 'list, large store');
    lines.push(
      '',
      '## List cost against the size of the store',
      '',
      'One client listing an account scope that holds 10 secrets, before and after 10,000 secrets were written to 1,000 other user scopes.',
      '',
      '| secrets elsewhere in the store | req/s | p50 ms | p99 ms |',
      '|---:|---:|---:|---:|',
      `| ${before.toLocaleString('en')} | ${fmt(listSmall.perSecond)} | ${fmt(listSmall.p50Ms, 3)} | ${fmt(listSmall.p99Ms, 3)} |`,
      `| ${(before + others.length).toLocaleString('en')} | ${fmt(listLarge.perSecond)} | ${fmt(listLarge.p50Ms, 3)} | ${fmt(listLarge.p99Ms, 3)} |`,
      '',
      `Large/small store: throughput ${ratio(listLarge.perSecond, listSmall.perSecond)}, p50 ${ratio(listLarge.p50Ms, listSmall.p50Ms)} ` +
        '(1.00× means the cost does not depend on the store size).',
    );
  } finally {
    await store.stop();
    await floor.stop();
    temp.remove();
  }
  return lines.join('\n');
}
