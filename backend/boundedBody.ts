/**
 * A body read as it streams and dropped once it passes a bound, with web
 * streams only (Node and Workers alike): a chunked body declares no length,
 * and must not be held whole before it is refused. The signed routes read
 * their request with it, a key check's rule the third party's answer.
 */

/** The text of `stream`, or null (the rest cancelled) once it passes `maxBytes`; `signal` cuts it where it is. */
export async function readUpTo(stream: ReadableStream<Uint8Array> | null, maxBytes: number, signal?: AbortSignal): Promise<string | null> {
  if (!stream) return '';
  const reader = stream.getReader();
  signal?.addEventListener('abort', () => void reader.cancel().catch(() => undefined), {once: true});
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder().decode(whole);
}
