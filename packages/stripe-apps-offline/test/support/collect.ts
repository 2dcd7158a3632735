/** Every item of a stripe-node auto-paging list, in order (the tests compare whole lists, page by page). */
export async function collect<T>(list: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) out.push(item);
  return out;
}
