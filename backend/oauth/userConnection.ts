/**
 * The signed-in user's OAuth connection, held by the backend: the same core
 * the views use (src/connections/connectionCore), over the backend's door to
 * the user's scope, and as a confidential client when the connection's
 * exchange is "backend". So a backend copy takes the same refresh lease as a view or
 * another copy, saves rotations the same way, and writes the same payload.
 *
 * A fork's own backend code calls the provider as the user with
 *   const connection = userConnection(context, 'github');
 *   await connection.load();
 *   const response = await connection.fetchAsUser('https://api.acme.example/v1/things');
 * which refreshes when due and once more on a refused token.
 */
import {ConnectionGoneError, createConnectionCore, revokeConnection, type ConnectionCore, type ConnectionSecrets} from '../../src/connections/connectionCore';
import {ConnectionPayloadError, type ConnectionSummary, type StoredConnection} from '../../src/connections/storedConnection';
import {ProviderError, readConnections, UserInputError, type ClientCredentials, type Mode, type OAuthProviderConfig} from '../../src/oauth';
import type {ManifestConstants} from '../../src/manifestConstants';
import {clientSecretVariable, type BackendConfig} from '../config';
import {BackendError} from '../errors';
import type {ScopedSecrets} from '../secrets';
import type {RouteContext} from '../routes/types';
import {timedFetch} from '../outbound';
import {currentTrace, logError} from '../observability';

/** constants.connections read as the views read them; the backend's constants come from the manifest's JSON, so they are JSON. */
export const readBackendConnections = (config: BackendConfig) => readConnections(config.constants as ManifestConstants);

/** Connection `connectionId` from the backend's own manifest constants, never from a view; a refusal naming what is wrong otherwise. */
export function oauthProvider(config: BackendConfig, connectionId: unknown): OAuthProviderConfig {
  const {connections, problems} = readBackendConnections(config);
  if (typeof connectionId !== 'string' || !connectionId) throw new BackendError('bad-request', 'connection must be the id of one of constants.connections.');
  const provider = connections.find((c) => c.id === connectionId);
  if (provider) return provider;
  if (problems.length > 0) throw new BackendError('oauth-not-configured', `constants.connections is not usable: ${problems.join(' ').slice(0, 500)}`);
  throw new BackendError('bad-request', `No connection "${connectionId.slice(0, 30)}" in constants.connections.`);
}

/** The backend's client credentials for a connection: only in backend mode, and then its secret must be there (readConfig insists). */
export function clientCredentials(config: BackendConfig, provider: OAuthProviderConfig): ClientCredentials | null {
  if (provider.exchange !== 'backend') return null;
  const secret = config.oauthClientSecrets?.[provider.id];
  if (!secret) throw new BackendError('oauth-not-configured', `Connection "${provider.id}" exchanges on the backend but ${clientSecretVariable(provider.id)} is not set.`);
  return {method: provider.clientAuth ?? 'client_secret_basic', secret};
}

/**
 * The backend's user scope in the shape the core and the lease expect. The
 * backend reads payloads, not expiry dates; that is enough for the lease, as
 * the Secret Store itself stops answering a secret once its expires_at passes.
 */
export function connectionSecrets(user: ScopedSecrets): ConnectionSecrets {
  return {
    find: async (name) => ((await user.read(name)) === null ? null : {expiresAt: null}),
    reveal: (name) => user.read(name),
    set: (name, value, {expiresAt}) => user.write(name, value, expiresAt === null ? {} : {expiresAt}),
    delete: (name) => user.remove(name),
  };
}

export interface UserConnectionOptions {
  /** The Dashboard mode whose return route a code to exchange was issued for. */
  mode?: Mode;
  fetch?: typeof fetch;
}

/** The verified caller's own connection `connectionId` (RouteContext's scopes: never another user's). */
export function userConnection(
  context: Pick<RouteContext, 'config' | 'secrets'> & Partial<Pick<RouteContext, 'caller' | 'events'>>,
  connectionId: unknown,
  options: UserConnectionOptions = {},
): ConnectionCore {
  const provider = oauthProvider(context.config, connectionId);
  const {caller, events} = context;
  return createConnectionCore({
    secrets: connectionSecrets(context.secrets.signedInUser),
    provider,
    client: clientCredentials(context.config, provider),
    mode: options.mode ?? 'test',
    fetch: options.fetch ?? timedFetch,
    // The caller is the verified one, so the event names only the user whose own token was refused.
    onRefreshRefused: caller && events?.reconnectNeeded
      ? async (error) => {
          try {
            await events.reconnectNeeded?.({accountId: caller.accountId, userId: caller.userId, connection: provider.id, ...(error.code ? {code: error.code} : {})});
          } catch (e) {
            logError({msg: 'reconnectNeeded hook failed', error: (e as Error)?.name ?? 'unknown', requestId: currentTrace()?.requestId});
          }
        }
      : undefined,
  });
}

/**
 * For the uninstall webhook (createApp's `uninstall.revoke`): revokes a user's
 * connection `connectionId` at its provider as this app's OAuth client; false
 * when the provider did not confirm, or when the connection is not usable.
 */
export function uninstallRevoker(config: BackendConfig, fetchImpl?: typeof fetch): (connectionId: string, connection: StoredConnection) => Promise<boolean> {
  return async (connectionId, connection) => {
    const provider = readBackendConnections(config).connections.find((c) => c.id === connectionId);
    if (!provider || (provider.exchange === 'backend' && !config.oauthClientSecrets?.[provider.id])) return false;
    return (await revokeConnection(provider, connection, {fetch: fetchImpl ?? timedFetch, client: clientCredentials(config, provider)})) === 'revoked';
  };
}

/** What a view is told of a connection: a summary, never a token. */
export function summaryAnswer(summary: ConnectionSummary, provider: OAuthProviderConfig): Record<string, unknown> {
  return {
    connected: true,
    connection: provider.id,
    provider: provider.name,
    account_name: summary.accountName,
    scopes: summary.scopes,
    access_token_expires_at: summary.accessTokenExpiresAt,
    refresh_token_expires_at: summary.refreshTokenExpiresAt,
    can_refresh: summary.canRefresh,
    connected_at: summary.connectedAt,
  };
}

/** The backend's refusal for what the core threw; the messages are written here, never a provider's. */
export function connectionFailure(error: unknown): unknown {
  if (error instanceof ConnectionGoneError) return new BackendError('not-connected', 'You have no stored connection.');
  if (error instanceof ConnectionPayloadError) return new BackendError('connection-unreadable', `The stored connection is ${error.kind}.`);
  // Our own words about what the user typed (a shop domain, never a secret): the panel shows them by the field.
  if (error instanceof UserInputError) return new BackendError('bad-request', error.message);
  if (!(error instanceof ProviderError)) return error;
  const detail = `${error.code ? ` (${error.code})` : ''}${error.status ? `, HTTP ${error.status}` : ''}`;
  switch (error.kind) {
    case 'invalid-grant':
      return new BackendError('provider-invalid-grant', `The OAuth provider refused the code or refresh token${detail}.`);
    case 'refused':
    case 'invalid-token':
      return new BackendError('provider-refused', `The OAuth provider refused the request${detail}.`);
    case 'unavailable':
      return new BackendError('provider-unavailable', `The OAuth provider did not answer properly${detail}.`);
    case 'network':
      return new BackendError('provider-unreachable', 'The OAuth provider could not be reached.');
  }
}
