/**
 * Waits for a view to catch up with real HTTP: `update()` flushes one timer
 * tick, and a round trip to the local Secret Store takes several. The
 * assertion may be async (reading the store back); it is awaited each time.
 *
 * When it still fails at the deadline, its error is thrown with how long was
 * waited and cut to SHOWN_CHARS: a failed `toContain` on a view's text, or a
 * matcher that prints the rendered tree, would otherwise fill the screen and
 * hide what was expected.
 */
export const SHOWN_CHARS = 2500;

export async function until(update: () => Promise<void>, assertion: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await update();
    try {
      await assertion();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw shortened(e, timeoutMs);
    }
  }
}

function shortened(error: unknown, waitedMs: number): unknown {
  if (!(error instanceof Error)) return error;
  const original = error.message;
  const cut = original.length > SHOWN_CHARS ? `${original.slice(0, SHOWN_CHARS)}\n… (${original.length - SHOWN_CHARS} more characters left out)` : original;
  error.message = `Still failing after ${waitedMs / 1000} s of waiting:\n${cut}`;
  // jest prints the stack, which begins with the message as it was.
  if (error.stack) error.stack = error.stack.replace(original, error.message);
  return error;
}
