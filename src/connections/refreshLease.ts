/**
 * One refresh at a time per user and connection, across every open view.
 *
 * Providers that rotate refresh tokens treat a second use of the same refresh
 * token as theft and revoke the whole grant, so two drawers (two tabs) must
 * not both refresh. Views share nothing but the Secret Store, which has no
 * compare-and-set; this is a lease in the user's scope taken in three steps:
 * give up if another view holds it, write our id, wait, and read it back. Two
 * views that start together both write; only the last writer reads its own id.
 * A view that crashes holding the lease loses it when the secret expires.
 *
 * The wait is what makes it safe, so it bounds the write too: a taker whose
 * look and write together took longer than the wait gives up. Otherwise a
 * write delayed past another taker's read-back (a busy store) lets both
 * refresh, and a rotating provider revokes the grant
 * (ui-tests/connections/refreshLease.test.ts plays that race). With the bound, of two takers whose
 * looks both found the lease free, the later write always lands before the
 * earlier taker reads back. Every taker, view or backend, uses this one
 * constant, since the rule holds only between takers that share it.
 * The refresh itself re-reads the tokens inside the lease (see connectionCore).
 *
 * The app backend takes the same lease in the same scope (backend/oauth), so
 * a view, a backend, or several copies of the backend never refresh with one
 * refresh token twice. Only the scope's shape is needed, not the SDK.
 */
import {ProviderError} from '../oauth/providerErrors';

/** The lease of connection `id` in its user's scope: one per connection, so two providers renew independently. */
export function refreshLeaseName(connectionId: string): string {
  return `keyring_refresh_lease_${connectionId}`;
}

export interface LeaseTiming {
  /** How long a lease lasts if its holder never releases it. */
  leaseSeconds: number;
  /** How long to wait between writing our id and reading it back. */
  settleMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = {
  leaseSeconds: 30,
  // Above a look and a write to Stripe's Secret Store under load, whose latency is not documented: a guess with room.
  settleMs: 1500,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

interface Lease {
  release(): Promise<void>;
}

/** What the lease needs of a user's scope: the views' ScopedSecrets, or the backend's through an adapter. */
export interface LeaseSecrets {
  /** Whether the secret is there, and until when (null: until the store removes it). */
  find(name: string): Promise<{expiresAt: number | null} | null>;
  reveal(name: string): Promise<string | null>;
  set(name: string, value: string, options: {expiresAt: number}): Promise<unknown>;
  delete(name: string): Promise<unknown>;
}

function leaseId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The lease, or null when another view holds it. */
export async function acquireRefreshLease(secrets: LeaseSecrets, name: string, timing: LeaseTiming = DEFAULT_LEASE_TIMING): Promise<Lease | null> {
  const started = timing.now();
  const held = await secrets.find(name);
  const nowSeconds = Math.floor(timing.now() / 1000);
  if (held && (held.expiresAt === null || held.expiresAt > nowSeconds)) return null;
  const id = leaseId();
  await secrets.set(name, id, {expiresAt: nowSeconds + timing.leaseSeconds});
  // Slower than the wait: our write may have landed after another taker read its own id back (see above).
  if (timing.now() - started > timing.settleMs) return null;
  await timing.sleep(timing.settleMs);
  if ((await secrets.reveal(name)) !== id) return null;
  return {
    release: async () => {
      // Only our own: after a long stall the lease may have passed to another view.
      if ((await secrets.reveal(name)) === id) await secrets.delete(name);
    },
  };
}

/**
 * Runs `write` holding the lease. While another holder has it, waits and asks
 * `adopt` whether what that holder stored will do (a value: it will); gives up
 * as `unavailable` after `waitMs`.
 */
export async function underRefreshLease<T>(
  secrets: LeaseSecrets,
  name: string,
  timing: LeaseTiming,
  waitMs: number,
  write: () => Promise<T>,
  adopt: () => Promise<T | null>,
): Promise<T> {
  const deadline = timing.now() + waitMs;
  for (;;) {
    const lease = await acquireRefreshLease(secrets, name, timing);
    if (lease) {
      try {
        return await write();
      } finally {
        await lease.release().catch(() => undefined);
      }
    }
    await timing.sleep(250);
    const adopted = await adopt();
    if (adopted !== null) return adopted;
    if (timing.now() > deadline) throw new ProviderError('unavailable');
  }
}
