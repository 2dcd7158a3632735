/** Compares an answer's shape with Stripe's own example object (../shared/reference/stripe-fixtures3.json). */
import {readSharedReference} from '../../src/testing/sharedReference';
import {declaredProperties} from '../../src/stripe-api/objects/shapes';

export type Fixtures = Record<string, Record<string, unknown>>;

/** Stripe's example objects by resource name, or null (and a SKIPPED line) without the shared reference. */
export function loadFixtures(): Fixtures | null {
  const file = readSharedReference('stripe-fixtures3.json') as {resources: Fixtures} | null;
  return file ? file.resources : null;
}

/**
 * Same keys; where both values are non-null, the same kind (string, number,
 * boolean, array, object). A key the example lacks is fine when the pinned
 * `stripe` types declare it, and one it has when they do not: the examples come from an older spec than the
 * types, and stripe-types.test.ts checks every declared property.
 */
export function shapeDifferences(answer: unknown, example: Record<string, unknown>): string[] {
  // Through JSON: what the client hands back carries a few non-enumerable helpers (lastResponse).
  const ours = JSON.parse(JSON.stringify(answer)) as Record<string, unknown>;
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const out: string[] = [];
  for (const key of new Set([...Object.keys(ours), ...Object.keys(example)])) {
    // A key the example has and the types no longer declare (an invoice's top-level subscription) is gone from the API.
    if (!(key in ours)) {
      const declared = declaredProperties(String(ours.object ?? example.object));
      if (declared.size === 0 || declared.has(key)) out.push(`missing ${key}`);
    }
    else if (!(key in example) && !declaredProperties(String(ours.object)).has(key)) out.push(`extra ${key}`);
    else if (ours[key] !== null && example[key] !== null && kind(ours[key]) !== kind(example[key])) {
      out.push(`${key}: ${kind(ours[key])} vs ${kind(example[key])}`);
    }
  }
  return out;
}
