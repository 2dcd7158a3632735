/**
 * One refresh at a time per user, across every open view.
 *
 * Providers that rotate refresh tokens treat a second use of the same refresh
 * token as theft and revoke the whole grant, so two drawers (two tabs) must
 * not both refresh. Views share nothing but the Secret Store, which has no
 * compare-and-set; this is a lease in the user's scope taken in three steps:
 * give up if another view holds it, write our id, wait, and read it back. Two
 * views that start together both write; only the last writer reads its own id.
 * A view that crashes holding the lease loses it when the secret expires.
 * The refresh itself re-reads the tokens inside the lease (see connectionService).
 */
import type {ScopedSecrets} from '../secrets';

export const REFRESH_LEASE_SECRET = 'keyring_oauth_refresh_lease';

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
  settleMs: 400,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

interface Lease {
  release(): Promise<void>;
}

function leaseId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The lease, or null when another view holds it. */
export async function acquireRefreshLease(secrets: ScopedSecrets, timing: LeaseTiming = DEFAULT_LEASE_TIMING): Promise<Lease | null> {
  const held = await secrets.find(REFRESH_LEASE_SECRET);
  const nowSeconds = Math.floor(timing.now() / 1000);
  if (held && (held.expiresAt === null || held.expiresAt > nowSeconds)) return null;
  const id = leaseId();
  await secrets.set(REFRESH_LEASE_SECRET, id, {expiresAt: nowSeconds + timing.leaseSeconds});
  await timing.sleep(timing.settleMs);
  if ((await secrets.reveal(REFRESH_LEASE_SECRET)) !== id) return null;
  return {
    release: async () => {
      // Only our own: after a long stall the lease may have passed to another view.
      if ((await secrets.reveal(REFRESH_LEASE_SECRET)) === id) await secrets.delete(REFRESH_LEASE_SECRET);
    },
  };
}
