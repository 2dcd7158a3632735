/**
 * Time for unit tests of code that takes `now` and `sleep` (LeaseTiming):
 * sleeping moves the clock instead of waiting, and yields once so that other
 * work in flight (a second view) gets its turn.
 */
export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  /** Every sleep asked for, in order. */
  slept: number[];
}

export function fakeClock(startMs = 1_800_000_000_000): FakeClock {
  let now = startMs;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
      await Promise.resolve();
    },
    advance: (ms) => {
      now += ms;
    },
    slept,
  };
}
