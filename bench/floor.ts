/**
 * What the sections that measure the local Secret Store against the floor (a
 * bare Node server in its own process, bench/server-process.ts) share: the
 * run's settings and figures' format (the backend section's too), one row
 * measured against the floor, and how rows are written. Machines are noisy, so each figure is paired with the floor
 * measured right after it in the same run.
 */
import {runLoad, type LoadRequest, type LoadResult} from './load';

export const DURATION_MS = Number(process.env.BENCH_DURATION_MS || 3000);
export const WARMUP_MS = 500;
export const CONCURRENCY = [1, 32];

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

export interface AgainstFloor {
  real: LoadResult;
  base: LoadResult;
}

/** The same requests a floor answers: same method, headers and request body, an answer of `bytes` bytes. */
function floorOf(request: (w: number, i: number) => LoadRequest, bytes: number): (w: number, i: number) => LoadRequest {
  return (w, i) => ({...request(w, i), path: `/floor?bytes=${bytes}`});
}

/** Runs `request` against the store, then the same load against the floor with answers of the size the store gave. */
export async function measureAgainstFloor(options: {
  label: string;
  storePort: number;
  floorPort: number;
  concurrency: number;
  headers: Record<string, string>;
  request: (w: number, i: number) => LoadRequest;
}): Promise<AgainstFloor> {
  const load = {concurrency: options.concurrency, durationMs: DURATION_MS, warmupMs: WARMUP_MS, headers: options.headers};
  const real = await runLoad({...load, port: options.storePort, request: options.request});
  // A figure made of error answers would flatter the store: the section stops instead.
  if (real.failures > 0) throw new Error(`${options.label} at ${options.concurrency} clients: ${real.failures} requests failed`);
  const base = await runLoad({...load, port: options.floorPort, request: floorOf(options.request, real.responseBytes)});
  process.stderr.write(`bench: ${options.label} ×${options.concurrency} done\n`);
  return {real, base};
}

/** The head of a table of `floorRow`s; `what` names the first column. */
export function floorTableHead(what: string): string[] {
  return [
    `| ${what} | clients | store req/s | floor req/s | store/floor | store p50 ms | store p99 ms | floor p50 ms | floor p99 ms |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
}

export function floorRow(label: string, concurrency: number, {real, base}: AgainstFloor): string {
  return `| ${label} | ${concurrency} | ${fmt(real.perSecond)} | ${fmt(base.perSecond)} | ${ratio(real.perSecond, base.perSecond)} | ${fmt(real.p50Ms, 3)} | ${fmt(real.p99Ms, 3)} | ${fmt(base.p50Ms, 3)} | ${fmt(base.p99Ms, 3)} |`;
}

/** One client, the store alone: for comparing the store with itself (list cost against what it holds), or a discarded warm-up run. */
export async function measureAlone(
  port: number,
  headers: Record<string, string>,
  request: (w: number, i: number) => LoadRequest,
  label: string,
  durationMs = DURATION_MS,
): Promise<LoadResult> {
  const result = await runLoad({port, concurrency: 1, durationMs, warmupMs: WARMUP_MS, headers, request});
  if (result.failures > 0) throw new Error(`${label}: ${result.failures} requests failed`);
  return result;
}
