/** What a slot shows about its stored key, worked out from the list's summary alone. */
import type {SecretSummary} from '../secrets';

const EXPIRING_SOON_SECONDS = 7 * 24 * 3600;

export type KeyStatus =
  | {kind: 'not-set'}
  | {kind: 'set'; since: number}
  | {kind: 'expires'; since: number; at: number}
  | {kind: 'expiring-soon'; since: number; at: number};

export function keyStatus(secret: SecretSummary | null | undefined, now: number): KeyStatus {
  if (!secret) return {kind: 'not-set'};
  if (secret.expiresAt === null) return {kind: 'set', since: secret.created};
  const kind = secret.expiresAt - now <= EXPIRING_SOON_SECONDS ? 'expiring-soon' : 'expires';
  return {kind, since: secret.created, at: secret.expiresAt};
}

/** A day in UTC, the zone expiry dates are chosen in. */
export function formatDay(unixSeconds: number, locale: string): string {
  const date = new Date(unixSeconds * 1000);
  try {
    return new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeZone: 'UTC'}).format(date);
  } catch {
    // An unknown locale tag from the Dashboard should not take the page down.
    return date.toISOString().slice(0, 10);
  }
}

/** `mode` names where a missing key is missing: test and live mode keep separate keys. */
export function describeStatus(status: KeyStatus, locale: string, mode: 'test' | 'live'): string {
  switch (status.kind) {
    case 'not-set':
      return `Not set in ${mode} mode`;
    case 'set':
      return `Set on ${formatDay(status.since, locale)}`;
    case 'expires':
    case 'expiring-soon':
      return `Set on ${formatDay(status.since, locale)} · expires on ${formatDay(status.at, locale)}`;
  }
}
