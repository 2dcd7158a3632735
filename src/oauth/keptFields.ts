/**
 * The fields a provider's API needs beside the tokens (a preset's `keep`):
 * read from the token answer or the identity answer by a dotted path, kept
 * as short strings in the stored connection, and filled into `{name}` of the
 * provider's apiBase.
 */
import type {ProviderQuirks} from './providerQuirks';

/** A kept value's length at most: the whole connection must fit one secret's 5000 characters. */
const MAX_KEPT_LENGTH = 300;

/** The value at a dotted path ("team.id", "0.tenantId"), as a string when it is a string or a number. */
function at(answer: unknown, path: string): string | undefined {
  let value: unknown = answer;
  for (const step of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = Object.hasOwn(value, step) ? (value as Record<string, unknown>)[step] : undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' && value.length <= MAX_KEPT_LENGTH ? value : undefined;
}

/** The kept fields `source` ("token" or "identity") gives from its answer; those it does not hold are left out. */
export function keptFrom(keep: ProviderQuirks['keep'], source: 'token' | 'identity', answer: unknown): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, from] of Object.entries(keep ?? {})) {
    const [where, path] = [from.slice(0, from.indexOf(':')), from.slice(from.indexOf(':') + 1)];
    if (where !== source) continue;
    const value = at(answer, path);
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/** The value at a dotted path of an answer, for the identity's display name. */
export const textAt = at;
