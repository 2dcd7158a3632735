/**
 * The drawer's first look at the user's connections: one list of the user's
 * scope with its payloads, shared by every panel, instead of one find per
 * connection. Each connection's secret is answered from it once (its panel's
 * first load); every later read asks the Secret Store again, so a panel never
 * acts on a copy older than its own last read.
 *
 * Only for a drawer whose connections are all view-mode: the list carries
 * every payload of the scope, and a backend-mode connection's tokens must
 * never reach the view (its panel asks the backend instead).
 */
import type {OAuthProviderConfig} from '../oauth';
import type {ScopedSecrets} from '../secrets';
import {connectionSecretName} from './storedConnection';

export interface FirstReads {
  /** The payload of `name` from the one list, the first time it is asked for; null once it was (read it yourself then). */
  take(name: string): Promise<string | null> | null;
}

export function createFirstReads(secrets: Pick<ScopedSecrets, 'revealAll'>, names: string[]): FirstReads {
  const untaken = new Set(names);
  let listing: Promise<Map<string, string>> | null = null;
  return {
    take(name) {
      if (!untaken.delete(name)) return null;
      listing ??= secrets.revealAll();
      return listing.then((all) => all.get(name) ?? null);
    },
  };
}

/** The first reads for a drawer's connections, or null when one of them keeps its tokens on the backend (or there is nothing to share). */
export function firstReadsFor(connections: OAuthProviderConfig[], secrets: () => Pick<ScopedSecrets, 'revealAll'>): FirstReads | null {
  if (connections.length === 0 || connections.some((c) => c.exchange === 'backend')) return null;
  return createFirstReads(secrets(), connections.map((c) => connectionSecretName(c.id)));
}
