/**
 * Waits for a view to catch up with real HTTP: `update()` flushes one timer
 * tick, and a round trip to the local Secret Store takes several.
 */
export async function until(update: () => Promise<void>, assertion: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await update();
    try {
      assertion();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}
