/**
 * A user's connection: the provider's token endpoint on one side, their own
 * Secret Store scope on the other. Every operation takes and returns the
 * stored connection; the panel keeps it out of rendered state.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {createSecretStore, SecretStoreError, type ScopedSecrets} from '../secrets';
import {
  CONNECTION_SECRET,
  connectionFromTokens,
  needsRefresh,
  parseConnection,
  secretExpiry,
  serializeConnection,
  type StoredConnection,
} from './storedConnection';
import {fetchIdentity, identityFrom} from '../oauth';
import {ProviderError} from '../oauth';
import type {Mode, OAuthProviderConfig} from '../oauth';
import {acquireRefreshLease, DEFAULT_LEASE_TIMING, type LeaseTiming} from './refreshLease';
import {exchangeCode, refreshTokens, revokeToken} from '../oauth';

export interface ConnectionServiceOptions {
  /** The signed-in user's scope; built from the context when absent. */
  secrets?: ScopedSecrets;
  fetch?: typeof fetch;
  lease?: Partial<LeaseTiming>;
  /** How long a view waits for another view's refresh before trying itself. */
  waitForOtherRefreshMs?: number;
}

export type Revocation = 'revoked' | 'failed' | 'not-supported';

export class ConnectionGoneError extends Error {
  constructor() {
    super('The connection was removed, perhaps in another tab.');
    this.name = 'ConnectionGoneError';
  }
}

export interface ConnectionService {
  /** The stored connection, or null (one `find`). */
  load(): Promise<StoredConnection | null>;
  /** Exchanges the code, learns who connected, stores the tokens. */
  connect(grant: {code: string; verifier: string}): Promise<StoredConnection>;
  /** Refreshes now, unless another view already did (then returns theirs). */
  refresh(current: StoredConnection): Promise<StoredConnection>;
  /** Refreshes only when the access token is about to run out. */
  fresh(current: StoredConnection): Promise<StoredConnection>;
  /**
   * A request to the provider's API with the user's access token, refreshing
   * first when due and once more if the provider refuses the token.
   */
  fetchAsUser(current: StoredConnection, url: string, init?: RequestInit): Promise<{response: Response; connection: StoredConnection}>;
  /** Asks the provider who is connected (refreshing as fetchAsUser does). */
  verify(current: StoredConnection): Promise<{connection: StoredConnection; accountName: string | null}>;
  /** Revokes at the provider (when it can), then deletes the secret whatever the provider said. */
  disconnect(current: StoredConnection): Promise<{revocation: Revocation}>;
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

  const save = async (connection: StoredConnection): Promise<StoredConnection> => {
    const expiry = secretExpiry(connection);
    // An expiry too close to now would be refused, and the connection is about to end anyway.
    await secrets.set(CONNECTION_SECRET, serializeConnection(connection), {expiresAt: expiry !== null && expiry > nowSeconds() + 60 ? expiry : null});
    return connection;
  };

  const load = async (): Promise<StoredConnection | null> => {
    const payload = await secrets.reveal(CONNECTION_SECRET);
    return payload === null ? null : parseConnection(payload);
  };

  const refreshInsideLease = async (current: StoredConnection): Promise<StoredConnection> => {
    // Another view may have refreshed since `current` was read: its tokens win.
    const latest = await load();
    if (!latest) throw new ConnectionGoneError();
    if (latest.refresh_token !== current.refresh_token) return latest;
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
  };

  const refresh = async (current: StoredConnection): Promise<StoredConnection> => {
    const deadline = timing.now() + (options.waitForOtherRefreshMs ?? 15_000);
    for (;;) {
      const lease = await acquireRefreshLease(secrets, timing);
      if (lease) {
        try {
          return await refreshInsideLease(current);
        } finally {
          await lease.release().catch(() => undefined);
        }
      }
      // Another view is refreshing: use its result as soon as it is stored.
      await timing.sleep(250);
      const latest = await load();
      if (!latest) throw new ConnectionGoneError();
      if (latest.refresh_token !== current.refresh_token || latest.access_token !== current.access_token) return latest;
      if (timing.now() > deadline) throw new ProviderError('unavailable');
    }
  };

  const fresh = (current: StoredConnection) => (needsRefresh(current, nowSeconds()) && current.refresh_token ? refresh(current) : Promise.resolve(current));

  const fetchAsUser: ConnectionService['fetchAsUser'] = async (current, url, init = {}) => {
    const call = async (connection: StoredConnection) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${connection.access_token}`);
      try {
        return await fetchImpl(url, {...init, headers});
      } catch {
        throw new ProviderError('network');
      }
    };
    let connection = await fresh(current);
    let response = await call(connection);
    if (response.status === 401 && connection.refresh_token) {
      connection = await refresh(connection);
      response = await call(connection);
    }
    return {response, connection};
  };

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
    load,
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

    async verify(current) {
      if (!provider.identityUrl) return {connection: await fresh(current), accountName: current.account_name};
      const {response, connection} = await fetchAsUser(current, provider.identityUrl, {headers: {accept: 'application/json'}});
      const identity = await identityFrom(response);
      return {connection, accountName: identity?.name ?? null};
    },

    async disconnect(current) {
      // The stored tokens, not the ones this view read: another view may have refreshed.
      const latest = (await load().catch(() => null)) ?? current;
      const revocation = await revokeAll(latest);
      await secrets.delete(CONNECTION_SECRET);
      return {revocation};
    },
  };
}
