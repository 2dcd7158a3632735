/**
 * The signed-in user's OAuth connection, held by the backend: the same core
 * the views use (src/connections/connectionCore), over the backend's door to
 * the user's scope, and as a confidential client when constants.oauth.exchange
 * is "backend". So a backend copy takes the same refresh lease as a view or
 * another copy, saves rotations the same way, and writes the same payload.
 *
 * A fork's own backend code calls the provider as the user with
 *   const connection = userConnection(context);
 *   await connection.load();
 *   const response = await connection.fetchAsUser('https://api.acme.example/v1/things');
 * which refreshes when due and once more on a refused token.
 */
import {ConnectionGoneError, createConnectionCore, revokeConnection, type ConnectionCore, type ConnectionSecrets} from '../../src/connections/connectionCore';
import {ConnectionPayloadError, type ConnectionSummary, type StoredConnection} from '../../src/connections/storedConnection';
import {ProviderError, readOAuthProvider, type ClientCredentials, type Mode, type OAuthProviderConfig} from '../../src/oauth';
import type {ManifestConstants} from '../../src/manifestConstants';
import type {BackendConfig} from '../config';
import {BackendError} from '../errors';
import type {ScopedSecrets} from '../secrets';
import type {RouteContext} from '../routes/types';

/** constants.oauth read as the views read it; the backend's constants come from the manifest's JSON, so they are JSON. */
export const readBackendOAuthProvider = (config: BackendConfig) => readOAuthProvider(config.constants as ManifestConstants);

/** The provider from the backend's own manifest constants, never from a view. */
export function oauthProvider(config: BackendConfig): OAuthProviderConfig {
  const {provider, problems} = readBackendOAuthProvider(config);
  if (!provider) throw new BackendError('oauth-not-configured', `constants.oauth is not usable: ${problems.join(' ').slice(0, 500)}`);
  return provider;
}

/** The backend's client credentials: only in backend mode, and then the secret must be there (readConfig insists). */
export function clientCredentials(config: BackendConfig, provider: OAuthProviderConfig): ClientCredentials | null {
  if (provider.exchange !== 'backend') return null;
  if (!config.oauthClientSecret) throw new BackendError('oauth-not-configured', 'constants.oauth.exchange is "backend" but OAUTH_CLIENT_SECRET is not set.');
  return {method: provider.clientAuth ?? 'client_secret_basic', secret: config.oauthClientSecret};
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

/** The verified caller's own connection (RouteContext's scopes: never another user's). */
export function userConnection(context: Pick<RouteContext, 'config' | 'secrets'>, options: UserConnectionOptions = {}): ConnectionCore {
  const provider = oauthProvider(context.config);
  return createConnectionCore({
    secrets: connectionSecrets(context.secrets.signedInUser),
    provider,
    client: clientCredentials(context.config, provider),
    mode: options.mode ?? 'test',
    fetch: options.fetch,
  });
}

/**
 * For the uninstall webhook (createApp's `uninstall.revoke`): revokes a
 * connection at the provider as this app's OAuth client; false when the
 * provider did not confirm, or when constants.oauth is not usable.
 */
export function uninstallRevoker(config: BackendConfig, fetchImpl?: typeof fetch): (connection: StoredConnection) => Promise<boolean> {
  return async (connection) => {
    const {provider} = readBackendOAuthProvider(config);
    if (!provider || (provider.exchange === 'backend' && !config.oauthClientSecret)) return false;
    return (await revokeConnection(provider, connection, {fetch: fetchImpl, client: clientCredentials(config, provider)})) === 'revoked';
  };
}

/** What a view is told of a connection: a summary, never a token. */
export function summaryAnswer(summary: ConnectionSummary, providerName: string | null): Record<string, unknown> {
  return {
    connected: true,
    provider: providerName,
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
