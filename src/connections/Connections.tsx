/** The panel for one configured provider: the connection machine, the Connect link and the screens. */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import type {OAuthProviderConfig} from '../oauth';
import {ConnectionPanel} from './ConnectionPanel';
import {useAuthorizeLink} from './useAuthorizeLink';
import {useConnection, type ConnectionOptions} from './useConnection';

interface Props {
  context: ExtensionContextValue;
  provider: OAuthProviderConfig;
  /** Timings; the defaults are the Dashboard's (tests pass shorter ones). */
  options?: ConnectionOptions;
}

export function Connections({context, provider, options}: Props) {
  const connection = useConnection(context, provider, options);
  const wantsLink = connection.state.status === 'not-connected' || connection.state.status === 'reconnect-needed';
  const link = useAuthorizeLink(provider, context.environment.mode, wantsLink);
  return (
    <ConnectionPanel
      provider={provider.name}
      locale={context.userContext?.locale ?? 'en'}
      mode={context.environment.mode}
      connection={connection}
      link={link}
    />
  );
}
