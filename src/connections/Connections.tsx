/** The panel for one declared connection: the connection machine, the Connect link and the screens. */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useMemo} from 'react';
import type {OAuthProviderConfig} from '../oauth';
import {ConnectionPanel} from './ConnectionPanel';
import {useAuthorizeLink} from './useAuthorizeLink';
import {useConnection, type ConnectionOptions} from './useConnection';

interface Props {
  /** The drawer's context, its oauthContext only when the return is this connection's (useSignInReturn). */
  context: ExtensionContextValue;
  provider: OAuthProviderConfig;
  /** Called with the sign-in's state when the user opens the provider's page (the drawer records it when it has several connections). */
  onSignInStarted?(state: string): void;
  /** Timings; the defaults are the Dashboard's (tests pass shorter ones). */
  options?: ConnectionOptions;
}

export function Connections({context, provider, onSignInStarted, options}: Props) {
  const connection = useConnection(context, provider, options);
  const wantsLink = connection.state.status === 'not-connected' || connection.state.status === 'reconnect-needed';
  const link = useAuthorizeLink(provider, context.environment.mode, wantsLink);
  const opened = connection.authorizeOpened;
  const controls = useMemo(
    () => ({
      ...connection,
      authorizeOpened() {
        opened();
        if (link.status === 'ready') onSignInStarted?.(link.state);
      },
    }),
    [connection, opened, link, onSignInStarted],
  );
  return (
    <ConnectionPanel
      provider={provider.name}
      locale={context.userContext?.locale ?? 'en'}
      mode={context.environment.mode}
      connection={controls}
      link={link}
    />
  );
}
