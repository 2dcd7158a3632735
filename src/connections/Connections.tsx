/** The panel for one declared connection: the connection machine, the Connect link and the screens. */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useMemo} from 'react';
import type {OAuthProviderConfig} from '../oauth';
import {ConnectionPanel} from './ConnectionPanel';
import {useAuthorizeLink, type AuthorizeLink} from './useAuthorizeLink';
import {useConnection, type ConnectionOptions} from './useConnection';
import {UserInputFields} from './UserInputFields';
import {useUserInputs} from './useUserInputs';

interface Props {
  /** The drawer's context, its oauthContext only when the return is this connection's (useSignInReturn). */
  context: ExtensionContextValue;
  provider: OAuthProviderConfig;
  /**
   * Called with the sign-in's state and what the user typed for it when the
   * user opens the provider's page (the drawer records them when it has
   * several connections, or one that needs input).
   */
  onSignInStarted?(state: string, inputs: Record<string, string>): void;
  /** What the user typed before the sign-in this drawer returns from, as recorded (Shopify's shop). */
  signInInputs?: Record<string, string>;
  /** Timings; the defaults are the Dashboard's (tests pass shorter ones). */
  options?: ConnectionOptions;
}

export function Connections({context, provider, onSignInStarted, signInInputs, options}: Props) {
  const connection = useConnection(context, provider, options, signInInputs);
  const inputs = useUserInputs(provider);
  const wantsLink = connection.state.status === 'not-connected' || connection.state.status === 'reconnect-needed';
  const needsInput = inputs.fields.length > 0;
  // The link goes to this user's own URLs (Shopify's shop): none is made until the fields are right.
  const made = useAuthorizeLink(needsInput ? (inputs.ready?.provider ?? null) : provider, context.environment.mode, wantsLink && (!needsInput || inputs.ready !== null));
  const waitsForInput = needsInput && !inputs.ready;
  const {attempted} = inputs;
  const link: AuthorizeLink = useMemo(() => (waitsForInput ? {status: 'needs-input', attempted} : made), [waitsForInput, attempted, made]);
  const opened = connection.authorizeOpened;
  const values = inputs.ready?.values;
  const controls = useMemo(
    () => ({
      ...connection,
      authorizeOpened() {
        opened();
        if (link.status === 'ready') onSignInStarted?.(link.state, values ?? {});
      },
    }),
    [connection, opened, link, onSignInStarted, values],
  );
  return (
    <ConnectionPanel
      provider={provider.name}
      locale={context.userContext?.locale ?? 'en'}
      mode={context.environment.mode}
      connection={controls}
      link={link}
      fields={wantsLink && needsInput ? <UserInputFields provider={provider.name} inputs={inputs} /> : null}
    />
  );
}
