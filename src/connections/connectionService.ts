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
import type {OAuthProviderConfig} from '../oauth';
import {createSecretStore, SecretStoreError, type ScopedSecrets} from '../secrets';
import {createConnectionCore, type ConnectionCore, type ConnectionCoreOptions} from './connectionCore';

export {ConnectionGoneError} from './connectionCore';

export interface ConnectionServiceOptions extends Pick<ConnectionCoreOptions, 'fetch' | 'lease' | 'waitForOtherRefreshMs' | 'firstRead'> {
  /** The signed-in user's scope; built from the context when absent. */
  secrets?: ScopedSecrets;
}

/** The user's connection as the view holds it, tokens included (view mode: the view is the OAuth client). */
export type ConnectionService = ConnectionCore;

/** What the Connections panel needs of a connection, whichever side holds the tokens. */
export type PanelConnection = Omit<ConnectionService, 'fetchAsUser'>;

export function createConnectionService(
  context: Pick<ExtensionContextValue, 'userContext' | 'environment'>,
  provider: OAuthProviderConfig,
  options: ConnectionServiceOptions = {},
): ConnectionService {
  const core = createConnectionCore({
    ...options,
    secrets: options.secrets ?? createSecretStore(context).signedInUser,
    provider,
    mode: context.environment.mode,
  });
  return {
    ...core,
    async connect(grant) {
      if (!context.userContext?.id) throw new SecretStoreError('no-user');
      return core.connect(grant);
    },
  };
}
