/**
 * A user's connection between the provider's endpoints and their own Secret
 * Store scope, with nothing from the SDK or React: the view's connection
 * service wraps it (a public client, the scope through the Dashboard), and so
 * does the app backend (a confidential client, the scope through stripe-node).
 * Both therefore keep the same guarantees: one refresh at a time under the
 * lease, rotation saved, the stored tokens re-read before they are used up,
 * and a disconnect that deletes even when the provider does not confirm.
 *
 * The core holds the connection it last read or wrote, tokens included;
 * callers only ever get its summary.
 */
import {
  apiRequest,
  exchangeCode,
  fetchIdentity,
  forUser,
  identityFrom,
  identityInit,
  ProviderError,
  refreshTokens,
  refusesToken,
  revocationBearsAccessToken,
  revoke,
  type ClientCredentials,
  type Mode,
  type OAuthProviderConfig,
  type Revocation,
  UserInputError,
} from '../oauth';
import {DEFAULT_LEASE_TIMING, refreshLeaseName, underRefreshLease, type LeaseSecrets, type LeaseTiming} from './refreshLease';
import {
  ConnectionPayloadError,
  connectionSecretName,
  connectionFromTokens,
  needsRefresh,
  parseConnection,
  secretExpiryFrom,
  serializeConnection,
  summarize,
  type ConnectionSummary,
  type StoredConnection,
} from './storedConnection';

export type {Revocation} from '../oauth';

/** The stored connection is gone (disconnected in another tab, or expired), or none was loaded. */
export class ConnectionGoneError extends Error {
  readonly kind = 'gone';
  constructor() {
    super('No stored connection.');
    this.name = 'ConnectionGoneError';
  }
}

/** What the core needs of the signed-in user's scope. */
export interface ConnectionSecrets extends LeaseSecrets {
  set(name: string, value: string, options: {expiresAt: number | null}): Promise<unknown>;
}

export interface ConnectionCoreOptions {
  secrets: ConnectionSecrets;
  provider: OAuthProviderConfig;
  /** The Dashboard mode whose return route the code was issued for. */
  mode: Mode;
  /** A confidential client's credentials: the app backend only. */
  client?: ClientCredentials | null;
  fetch?: typeof fetch;
  lease?: Partial<LeaseTiming>;
  /** How long to wait for another holder's refresh before giving up. */
  waitForOtherRefreshMs?: number;
  /**
   * Told when the provider refuses the stored refresh token (invalid_grant,
   * not a timeout or a 5xx): the user must connect again. It runs before the
   * refusal is thrown, and what it throws is ignored.
   */
  onRefreshRefused?: (error: ProviderError) => void | Promise<void>;
  /**
   * The stored payload as a read shared with other connections already has it
   * (the drawer's one list, firstReads.ts), or null: then the first load makes
   * its own find. Used by the first load only.
   */
  firstRead?: () => Promise<string | null> | null;
}

export interface ConnectionCore {
  /** Reads the stored connection (one `find`); null when there is none. */
  load(): Promise<ConnectionSummary | null>;
  /**
   * Exchanges the code, learns who connected, stores the tokens. `inputs`: what
   * the user gave before connecting, for a provider that asks (Shopify's shop),
   * as the sign-in record kept it; checked here, kept with the tokens.
   */
  connect(grant: {code: string; verifier: string; inputs?: Record<string, string>}): Promise<ConnectionSummary>;
  /** What may be shown of the connection held now (null before a load, or after a disconnect). */
  summary(): ConnectionSummary | null;
  /** Refreshes now, unless another holder already did (then takes theirs). */
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
  /**
   * Revokes at the provider (when it can), then deletes the secret whatever the
   * provider said. `revokeAt`: where the user removes the app's access
   * themselves, for this user (Shopify's shop), when the app could not.
   */
  disconnect(): Promise<{revocation: Revocation; revokeAt?: string}>;
}

/** Revokes a connection's tokens as its provider takes it (oauth/revocation.ts); never throws (a failure is 'failed'). */
export function revokeConnection(
  provider: OAuthProviderConfig,
  connection: StoredConnection,
  options: {fetch?: typeof fetch; client?: ClientCredentials | null} = {},
): Promise<Revocation> {
  // The user's own URLs (Shopify's shop), checked: a stored value of the wrong form revokes nothing, anywhere.
  const endpoints = forUserOrNull(provider, connection.kept);
  return endpoints ? revoke(endpoints, connection, options) : Promise.resolve('failed');
}

/** The provider's URLs for a user, or null when what is kept is not of the inputs' form. */
function forUserOrNull(provider: OAuthProviderConfig, kept: Record<string, string> | undefined): OAuthProviderConfig | null {
  try {
    return forUser(provider, kept).provider;
  } catch (e) {
    if (e instanceof UserInputError) return null;
    throw e;
  }
}

/** Whether a stored connection already has this display name and these kept fields. */
const knows = (connection: StoredConnection, name: string, kept: Record<string, string>) =>
  connection.account_name === name && Object.entries(kept).every(([k, v]) => connection.kept?.[k] === v);

export function createConnectionCore(options: ConnectionCoreOptions): ConnectionCore {
  const {secrets, provider, mode} = options;
  const client = options.client ?? null;
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timing: LeaseTiming = {...DEFAULT_LEASE_TIMING, ...options.lease};
  const waitMs = options.waitForOtherRefreshMs ?? 15_000;
  const nowSeconds = () => Math.floor(timing.now() / 1000);
  // This connection's own secret in the user's scope: another connection's tokens are never read or written here.
  const secretName = connectionSecretName(provider.id);
  let current: StoredConnection | null = null;

  const held = (): StoredConnection => {
    if (!current) throw new ConnectionGoneError();
    return current;
  };

  /**
   * The provider's URLs for this connection's user (Shopify's shop, kept with
   * the tokens), checked again: the stored value could have been written by
   * anything that writes the user's scope, and the client secret follows it.
   */
  const endpointsOf = (connection: StoredConnection): OAuthProviderConfig => {
    const endpoints = forUserOrNull(provider, connection.kept);
    if (!endpoints) throw new ConnectionPayloadError('unreadable');
    return endpoints;
  };

  const keep = (connection: StoredConnection): ConnectionSummary => {
    current = connection;
    return summarize(connection);
  };

  const save = async (connection: StoredConnection): Promise<ConnectionSummary> => {
    await secrets.set(secretName, serializeConnection(connection), {expiresAt: secretExpiryFrom(connection, nowSeconds())});
    return keep(connection);
  };

  const read = async (): Promise<StoredConnection | null> => {
    const payload = await secrets.reveal(secretName);
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
   * Runs `write` under the refresh lease, so no other holder rotates the
   * tokens between our read and our write; `adopt` says whether what another
   * holder stored meanwhile will do.
   */
  const underLease = (write: () => Promise<ConnectionSummary>, adopt: (latest: StoredConnection) => boolean) =>
    underRefreshLease(secrets, refreshLeaseName(provider.id), timing, waitMs, write, async () => {
      const latest = await readOrGone();
      return adopt(latest) ? keep(latest) : null;
    });

  const refresh = async (): Promise<ConnectionSummary> => {
    const before = held();
    return underLease(
      async () => {
        // Another holder may have refreshed since `before` was read: its tokens win.
        const latest = await readOrGone();
        if (latest.refresh_token !== before.refresh_token) return keep(latest);
        if (latest.refresh_token === null) throw new ProviderError('invalid-grant');
        const tokens = await refreshTokens(endpointsOf(latest), latest.refresh_token, fetchImpl, client).catch(async (e: unknown) => {
          if (e instanceof ProviderError && e.kind === 'invalid-grant') await Promise.resolve(options.onRefreshRefused?.(e)).catch(() => undefined);
          throw e;
        });
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
      // The provider's token header and API headers; a relative URL against its API base (Salesforce's instance_url).
      const request = apiRequest(endpointsOf(connection), connection, url, init);
      try {
        return await fetchImpl(...request);
      } catch {
        throw new ProviderError('network');
      }
    };
    await fresh();
    const response = await call(held());
    if (!refusesToken(provider, response.status) || !held().refresh_token) return response;
    await refresh();
    return call(held());
  };

  /** Stores a new display name (and kept fields) without touching tokens another holder may have rotated meanwhile. */
  const saveIdentity = (name: string, kept: Record<string, string>): Promise<ConnectionSummary> =>
    underLease(
      async () => {
        const latest = await readOrGone();
        const merged = {...latest.kept, ...kept};
        return save({...latest, account_name: name, ...(Object.keys(merged).length > 0 ? {kept: merged} : {})});
      },
      (latest) => knows(latest, name, kept),
    );

  const revokeAll = (connection: StoredConnection) => revokeConnection(provider, connection, {fetch: fetchImpl, client});

  return {
    async load() {
      const shared = options.firstRead?.() ?? null;
      const connection = shared ? await shared.then((payload) => (payload === null ? null : parseConnection(payload))) : await read();
      current = connection;
      return connection ? summarize(connection) : null;
    },

    summary: () => (current ? summarize(current) : null),
    refresh,
    fresh,
    fetchAsUser,

    async connect(grant) {
      // A value of the wrong form is refused before the code (or a client secret) goes anywhere.
      const user = forUser(provider, grant.inputs);
      const tokens = await exchangeCode(user.provider, mode, grant, fetchImpl, client);
      const {identityUrl} = user.provider;
      // Who connected is a nicety: the connection works without it (the kept fields it gives are learnt again by a check).
      const identity = identityUrl ? await fetchIdentity({...user.provider, identityUrl}, tokens.access_token, fetchImpl).catch(() => null) : null;
      const connection = connectionFromTokens(tokens, {
        now: nowSeconds(),
        requestedScopes: provider.scopes,
        refreshTokenLifetimeSeconds: provider.refreshTokenLifetimeSeconds,
        accountName: identity?.name ?? null,
        kept: {...user.values, ...identity?.kept},
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
      const {identityUrl} = endpointsOf(held());
      if (!identityUrl) return fresh();
      const identity = await identityFrom(await fetchAsUser(identityUrl, identityInit(provider)), provider);
      // An answer that names nobody leaves the name we have.
      const name = identity.name ?? held().account_name;
      if (name === null || knows(held(), name, identity.kept)) return summarize(held());
      return saveIdentity(name, identity.kept);
    },

    async disconnect() {
      // The stored tokens, not the ones held here: another holder may have refreshed.
      let latest = (await read().catch(() => null)) ?? held();
      if (revocationBearsAccessToken(provider) && latest.refresh_token && needsRefresh(latest, nowSeconds())) {
        // The access token itself authenticates the revocation (Dropbox's): an expired one revokes nothing, so renew it first.
        current = latest;
        await refresh().catch(() => undefined);
        latest = current ?? latest;
      }
      const revocation = await revokeAll(latest);
      await secrets.delete(secretName);
      current = null;
      const revokeAt = revocation === 'revoked' ? undefined : forUserOrNull(provider, latest.kept)?.revokeAt;
      return {revocation, ...(revokeAt ? {revokeAt} : {})};
    },
  };
}
