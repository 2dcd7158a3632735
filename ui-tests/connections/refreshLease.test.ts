/**
 * The refresh lease on its own, with a fake clock and an in-memory scope: one
 * holder at a time, taken in three steps (look, write, wait and read back).
 */
import {acquireRefreshLease, DEFAULT_LEASE_TIMING, refreshLeaseName, type LeaseTiming} from '../../src/connections/refreshLease';

const REFRESH_LEASE_SECRET = refreshLeaseName('acme');
import {fakeClock, type FakeClock} from '../support/fakeClock';
import {memorySecrets, type MemorySecrets} from '../support/memorySecrets';

let clock: FakeClock;
let scope: MemorySecrets;
let timing: LeaseTiming;

beforeEach(() => {
  clock = fakeClock();
  scope = memorySecrets(clock);
  timing = {...DEFAULT_LEASE_TIMING, now: clock.now, sleep: clock.sleep};
});

test('a free lease is taken by writing, waiting settleMs and reading back; releasing deletes it', async () => {
  const lease = await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing);
  expect(lease).not.toBeNull();
  expect(scope.calls).toEqual([`find ${REFRESH_LEASE_SECRET}`, `set ${REFRESH_LEASE_SECRET}`, `reveal ${REFRESH_LEASE_SECRET}`]);
  expect(clock.slept).toEqual([timing.settleMs]);
  const held = await scope.find(REFRESH_LEASE_SECRET);
  expect(held?.expiresAt).toBe(Math.floor((clock.now() - timing.settleMs) / 1000) + timing.leaseSeconds);
  await lease!.release();
  expect(await scope.find(REFRESH_LEASE_SECRET)).toBeNull();
});

test('a lease another view holds is not taken, and nothing is written', async () => {
  const other = await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing);
  scope.calls.length = 0;
  expect(await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing)).toBeNull();
  expect(scope.calls).toEqual([`find ${REFRESH_LEASE_SECRET}`]);
  await other!.release();
});

test('a lease whose holder vanished is free again once it expires', async () => {
  expect(await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing)).not.toBeNull();
  clock.advance(timing.leaseSeconds * 1000);
  expect(await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing)).not.toBeNull();
});

test('two views that start together: only the last writer reads its own id back', async () => {
  const results = await Promise.all([acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing), acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing)]);
  expect(results.filter((lease) => lease !== null)).toHaveLength(1);
});

test('releasing after a long stall leaves the lease that passed to another view alone', async () => {
  const stalled = await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing);
  clock.advance(timing.leaseSeconds * 1000);
  const next = await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing);
  await stalled!.release();
  expect(await scope.find(REFRESH_LEASE_SECRET)).not.toBeNull();
  await next!.release();
  expect(await scope.find(REFRESH_LEASE_SECRET)).toBeNull();
});

test('a taker whose write lands after the other taker read back gives up: it looked and wrote slower than the wait', async () => {
  // Both look while the lease is free; the first writes at once, the second's write is held up in a busy store.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const slowScope = {
    ...scope,
    set: async (name: string, value: string, options: {expiresAt: number}) => {
      await held;
      return scope.set(name, value, options);
    },
  };
  const slow = acquireRefreshLease(slowScope, REFRESH_LEASE_SECRET, timing);
  const first = await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, timing);
  expect(first).not.toBeNull();
  // The slow write lands only now, after the first read its own id back and went on to refresh.
  clock.advance(1);
  release();
  expect(await slow).toBeNull();
});
