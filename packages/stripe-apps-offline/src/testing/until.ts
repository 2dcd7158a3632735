/**
 * Waits for a view to catch up with real HTTP: `update()` flushes one timer
 * tick, and a round trip to the local Secret Store takes several. The
 * assertion may be async (reading the store back); it is awaited each time.
 */
export async function until(update: () => Promise<void>, assertion: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await update();
    try {
      await assertion();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}
