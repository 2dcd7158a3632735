/**
 * Starts several things of a suite's set-up at once, all or none.
 *
 * `await Promise.all([launchBrowser(), startTestPreview()])` rejects as soon as one
 * fails, before the others have started: their results are never assigned, so the
 * suite's afterAll cannot close them, and a preview's server or an OAuth provider's
 * child process keeps the test process alive after the run ("Jest did not exit").
 */
export interface Closable {
  close(): Promise<unknown>;
}

/** Waits for every start; if any failed, closes those that started and throws the first failure. */
export async function startAll<T extends readonly Closable[]>(...starts: {[K in keyof T]: Promise<T[K]>}): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<Closable>).value) as unknown as T;
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  // A failure to close is reported beside the set-up's own, which stays the error thrown.
  const closing = await Promise.allSettled(started.map((s) => s.close()));
  for (const c of closing) if (c.status === 'rejected') console.error('startAll: closing after a failed set-up failed too:', c.reason);
  throw failed.reason;
}
