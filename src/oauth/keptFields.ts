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

/**
 * The claims of the token answer's id_token, unverified. OpenID Connect Core
 * §3.1.3.7 lets a client that received it straight from the token endpoint
 * over TLS rely on that instead of the signature; the kept claims (Intuit's
 * realmid) only say where the user's own data is, never who may see it.
 */
function idTokenClaims(answer: unknown): Record<string, unknown> | undefined {
  const idToken = answer && typeof answer === 'object' ? (answer as {id_token?: unknown}).id_token : undefined;
  const payload = typeof idToken === 'string' ? idToken.split('.')[1] : undefined;
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(json);
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The kept fields `source` ("token", with its id_token, or "identity") gives from its answer; those it does not hold are left out. */
export function keptFrom(keep: ProviderQuirks['keep'], source: 'token' | 'identity', answer: unknown): Record<string, string> {
  const kept: Record<string, string> = {};
  const claims = source === 'token' ? idTokenClaims(answer) : undefined;
  for (const [name, from] of Object.entries(keep ?? {})) {
    const [where, path] = [from.slice(0, from.indexOf(':')), from.slice(from.indexOf(':') + 1)];
    const value = where === source ? at(answer, path) : where === 'idToken' && claims ? at(claims, path) : undefined;
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/** The value at a dotted path of an answer, for the identity's display name. */
export const textAt = at;
