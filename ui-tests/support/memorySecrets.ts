/**
 * One Secret Store scope in memory, for unit tests of code that takes a
 * ScopedSecrets: as the real store, a secret past its expires_at is gone, and
 * every call answers asynchronously so concurrent callers interleave.
 */
import type {ScopedSecrets, SecretSummary} from '../../src/secrets';

interface Entry {
  summary: SecretSummary;
  value: string;
}

export interface MemorySecrets extends ScopedSecrets {
  /** Every call made, as "method name", in order. */
  calls: string[];
  /** Whether `name` holds `value` now (a boolean, so a failing test prints no value). */
  holds(name: string, value: string): boolean;
}

export function memorySecrets(clock: {now(): number}): MemorySecrets {
  const entries = new Map<string, Entry>();
  const calls: string[] = [];
  let created = 0;
  const live = (name: string): Entry | null => {
    const entry = entries.get(name);
    if (entry && entry.summary.expiresAt !== null && entry.summary.expiresAt <= clock.now() / 1000) entries.delete(name);
    return entries.get(name) ?? null;
  };
  const call = async (what: string) => {
    calls.push(what);
    await Promise.resolve();
  };
  return {
    owner: 'signed-in-user',
    calls,
    holds: (name, value) => live(name)?.value === value,
    async set(name, value, options = {}) {
      await call(`set ${name}`);
      const expiresAt = options.expiresAt == null ? null : options.expiresAt instanceof Date ? options.expiresAt.getTime() / 1000 : options.expiresAt;
      const summary = {id: `appsecret_${++created}`, name, created: Math.floor(clock.now() / 1000), expiresAt, livemode: false};
      entries.set(name, {summary, value});
      return summary;
    },
    async find(name) {
      await call(`find ${name}`);
      return live(name)?.summary ?? null;
    },
    async reveal(name) {
      await call(`reveal ${name}`);
      return live(name)?.value ?? null;
    },
    async list() {
      await call('list');
      return [...entries.keys()].map(live).filter((e): e is Entry => e !== null).map((e) => e.summary);
    },
    async revealAll() {
      await call('revealAll');
      return new Map([...entries.keys()].map(live).filter((e): e is Entry => e !== null).map((e) => [e.summary.name, e.value]));
    },
    async delete(name) {
      await call(`delete ${name}`);
      return live(name) !== null && entries.delete(name);
    },
  };
}
