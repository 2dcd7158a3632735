/**
 * The local provider's storage: oidc-provider's adapter interface over plain
 * maps, in memory, each entry kept until it expires. oidc-provider's own
 * development adapter keeps only the 1000 most recent entries (an LRU), so a
 * few hundred users' sessions, grants and tokens pushed refresh tokens out
 * and the provider answered invalid_grant to a token it had just issued (the
 * backend-copies test with 200 users found it). Expired entries are swept as
 * they are touched and once a minute.
 */
import type {Adapter, AdapterPayload} from 'oidc-provider';

interface Entry<T> {
  value: T;
  /** Epoch ms; Infinity when it never expires. */
  expiresAt: number;
}

/** Models whose entries belong to a grant, and go with it when it is revoked. */
const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode']);

export function createMemoryAdapter(): {adapter: (model: string) => Adapter; size(): number; stop(): void} {
  const entries = new Map<string, Entry<AdapterPayload>>();
  const sessionsByUid = new Map<string, string>();
  const byUserCode = new Map<string, string>();
  const grants = new Map<string, Set<string>>();

  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.value;
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    for (const [grant, members] of grants) {
      for (const key of members) if (!entries.has(key)) members.delete(key);
      if (members.size === 0) grants.delete(grant);
    }
  }, 60_000);
  sweep.unref();

  class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const key = this.key(id);
      entries.set(key, {value: payload, expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity});
      if (this.model === 'Session' && payload.uid) sessionsByUid.set(payload.uid, id);
      if (payload.userCode) byUserCode.set(payload.userCode, id);
      if (GRANTABLE.has(this.model) && payload.grantId) {
        const members = grants.get(payload.grantId) ?? new Set<string>();
        members.add(key);
        grants.set(payload.grantId, members);
      }
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return live(this.key(id));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = sessionsByUid.get(uid);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = byUserCode.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id: string): Promise<void> {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      const key = this.key(id);
      const payload = live(key);
      entries.delete(key);
      if (payload?.uid && sessionsByUid.get(payload.uid) === id) sessionsByUid.delete(payload.uid);
      if (payload?.userCode && byUserCode.get(payload.userCode) === id) byUserCode.delete(payload.userCode);
      if (payload?.grantId) grants.get(payload.grantId)?.delete(key);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of grants.get(grantId) ?? []) entries.delete(key);
      grants.delete(grantId);
    }
  }

  return {adapter: (model) => new MemoryAdapter(model), size: () => entries.size, stop: () => clearInterval(sweep)};
}
