/**
 * The signed-in user's connection: the provider's endpoints on one side, their
 * own Secret Store scope on the other. The service holds the connection it
 * last read or wrote, tokens included, so callers (the panel, or a view of
 * your own) pass nothing back in and only ever see its summary.
 *
 *   const connection = createConnectionService(context, provider);
 *   if (await connection.load()) {
 *     const response = await connection.fetchAsUser('https://api.acme.example/v1/things');
 *   }
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {exchangeCode, fetchIdentity, identityFrom, ProviderError, refreshTokens, revokeToken, type Mode, type OAuthProviderConfig} from '../oauth';
import {createSecretStore, SecretStoreError, type ScopedSecrets} from '../secrets';
import {acquireRefreshLease, DEFAULT_LEASE_TIMING, type LeaseTiming} from './refreshLease';
import {
  CONNECTION_SECRET,
  connectionFromTokens,
  needsRefresh,
  parseConnection,
  secretExpiry,
  serializeConnection,
  summarize,
  type ConnectionSummary,
  type StoredConnection,
} from './storedConnection';

export interface ConnectionServiceOptions {
  /** The signed-in user's scope; built from the context when absent. */
  secrets?: ScopedSecrets;
  fetch?: typeof fetch;
  lease?: Partial<LeaseTiming>;
  /** How long a view waits for another view's refresh before giving up. */
  waitForOtherRefreshMs?: number;
}

type Revocation = 'revoked' | 'failed' | 'not-supported';

/** The stored connection is gone (disconnected in another tab, or expired), or none was loaded. */
export class ConnectionGoneError extends Error {
  readonly kind = 'gone';
  constructor() {
    super('No stored connection.');
    this.name = 'ConnectionGoneError';
  }
}

export interface ConnectionService {
  /** Reads the stored connection (one `find`); null when there is none. */
  load(): Promise<ConnectionSummary | null>;
  /** Exchanges the code, learns who connected, stores the tokens. */
  connect(grant: {code: string; verifier: string}): Promise<ConnectionSummary>;
  /** What the panel may show of the connection held now (null before a load, or after a disconnect). */
  summary(): ConnectionSummary | null;
  /** Refreshes now, unless another view already did (then takes theirs). */
  refresh(): Promise<ConnectionSummary>;
  /** Refreshes only when the access token is about to run out. */
  fresh(): Promise<ConnectionSummary>;
  /**
   * A request to the provider's API with the user's access token, refreshing
   * first when due and once more if the provider refuses the token.
   */
  fetchAsUser(url: string, init?: RequestInit): Promise<Response>;
  /** Asks the provider who is connected (refreshing as fetchAsUser does) and saves the name when it changed. */
  verify(): Promise<ConnectionSummary>;
  /** Revokes at the provider (when it can), then deletes the secret whatever the provider said. */
  disconnect(): Promise<{revocation: Revocation}>;
}

export function createConnectionService(
  context: Pick<ExtensionContextValue, 'userContext' | 'environment'>,
  provider: OAuthProviderConfig,
  options: ConnectionServiceOptions = {},
): ConnectionService {
  const secrets = options.secrets ?? createSecretStore(context).signedInUser;
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timing: LeaseTiming = {...DEFAULT_LEASE_TIMING, ...options.lease};
  const mode: Mode = context.environment.mode;
  const nowSeconds = () => Math.floor(timing.now() / 1000);
  let current: StoredConnection | null = null;

  const held = (): StoredConnection => {
    if (!current) throw new ConnectionGoneError();
    return current;
  };

  const keep = (connection: StoredConnection): ConnectionSummary => {
    current = connection;
    return summarize(connection);
  };

  const save = async (connection: StoredConnection): Promise<ConnectionSummary> => {
    const expiry = secretExpiry(connection);
    // An expiry too close to now would be refused, and the connection is about to end anyway.
    await secrets.set(CONNECTION_SECRET, serializeConnection(connection), {expiresAt: expiry !== null && expiry > nowSeconds() + 60 ? expiry : null});
    return keep(connection);
  };

  const read = async (): Promise<StoredConnection | null> => {
    const payload = await secrets.reveal(CONNECTION_SECRET);
    return payload === null ? null : parseConnection(payload);
  };

  const readOrGone = async (): Promise<StoredConnection> => {
    const latest = await read();
    if (!latest) {
      current = null;
      throw new ConnectionGoneError();
    }
    return latest;
  };

  /**
   * Runs `write` while holding the refresh lease, so no other view rotates the
   * tokens between our read and our write. When another view holds it, waits
   * for that view's result; `adopt` says whether what it stored will do.
   */
  const underLease = async (write: () => Promise<ConnectionSummary>, adopt: (latest: StoredConnection) => boolean): Promise<ConnectionSummary> => {
    const deadline = timing.now() + (options.waitForOtherRefreshMs ?? 15_000);
    for (;;) {
      const lease = await acquireRefreshLease(secrets, timing);
      if (lease) {
        try {
          return await write();
        } finally {
          await lease.release().catch(() => undefined);
        }
      }
      await timing.sleep(250);
      const latest = await readOrGone();
      if (adopt(latest)) return keep(latest);
      if (timing.now() > deadline) throw new ProviderError('unavailable');
    }
  };

  const refresh = async (): Promise<ConnectionSummary> => {
    const before = held();
    return underLease(
      async () => {
        // Another view may have refreshed since `before` was read: its tokens win.
        const latest = await readOrGone();
        if (latest.refresh_token !== before.refresh_token) return keep(latest);
        if (latest.refresh_token === null) throw new ProviderError('invalid-grant');
        const tokens = await refreshTokens(provider, latest.refresh_token, fetchImpl);
        return save(
          connectionFromTokens(tokens, {
            now: nowSeconds(),
            requestedScopes: provider.scopes,
            refreshTokenLifetimeSeconds: provider.refreshTokenLifetimeSeconds,
            previous: latest,
          }),
        );
      },
      (latest) => latest.refresh_token !== before.refresh_token || latest.access_token !== before.access_token,
    );
  };

  const fresh = async (): Promise<ConnectionSummary> => {
    const connection = held();
    return needsRefresh(connection, nowSeconds()) && connection.refresh_token ? refresh() : summarize(connection);
  };

  const fetchAsUser = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const call = async (connection: StoredConnection) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${connection.access_token}`);
      try {
        return await fetchImpl(url, {...init, headers});
      } catch {
        throw new ProviderError('network');
      }
    };
    await fresh();
    const response = await call(held());
    if (response.status !== 401 || !held().refresh_token) return response;
    await refresh();
    return call(held());
  };

  /** Stores a new display name without touching tokens another view may have rotated meanwhile. */
  const saveAccountName = (name: string): Promise<ConnectionSummary> =>
    underLease(
      async () => save({...(await readOrGone()), account_name: name}),
      (latest) => latest.account_name === name,
    );

  const revokeAll = async (connection: StoredConnection): Promise<Revocation> => {
    const {revocationUrl} = provider;
    if (!revocationUrl) return 'not-supported';
    const withUrl = {...provider, revocationUrl};
    try {
      // The refresh token first: revoking it ends the grant at most providers.
      if (connection.refresh_token) await revokeToken(withUrl, connection.refresh_token, 'refresh_token', fetchImpl);
      await revokeToken(withUrl, connection.access_token, 'access_token', fetchImpl);
      return 'revoked';
    } catch {
      return 'failed';
    }
  };

  return {
    async load() {
      const connection = await read();
      current = connection;
      return connection ? summarize(connection) : null;
    },

    summary: () => (current ? summarize(current) : null),
    refresh,
    fresh,
    fetchAsUser,

    async connect(grant) {
      if (!context.userContext?.id) throw new SecretStoreError('no-user');
      const tokens = await exchangeCode(provider, mode, grant, fetchImpl);
      let accountName: string | null = null;
      if (provider.identityUrl) {
        // Who connected is a nicety: the connection works without it.
        accountName = await fetchIdentity(provider.identityUrl, tokens.access_token, fetchImpl).then(
          (identity) => identity?.name ?? null,
          () => null,
        );
      }
      const connection = connectionFromTokens(tokens, {
        now: nowSeconds(),
        requestedScopes: provider.scopes,
        refreshTokenLifetimeSeconds: provider.refreshTokenLifetimeSeconds,
        accountName,
      });
      try {
        return await save(connection);
      } catch (e) {
        // Tokens nobody can find again should not stay valid at the provider.
        await revokeAll(connection);
        throw e;
      }
    },

    async verify() {
      if (!provider.identityUrl) return fresh();
      const identity = await identityFrom(await fetchAsUser(provider.identityUrl, {headers: {accept: 'application/json'}}));
      // An answer that names nobody leaves the name we have.
      if (!identity || identity.name === held().account_name) return summarize(held());
      return saveAccountName(identity.name);
    },

    async disconnect() {
      // The stored tokens, not the ones held here: another view may have refreshed.
      const latest = (await read().catch(() => null)) ?? held();
      const revocation = await revokeAll(latest);
      await secrets.delete(CONNECTION_SECRET);
      current = null;
      return {revocation};
    },
  };
}
