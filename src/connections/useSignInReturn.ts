/**
 * Which declared connection the Dashboard's OAuth return is for (signIns.ts),
 * with what the user typed before it (Shopify's shop), and the recorder the
 * panels call when a sign-in starts. With one connection that needs no input
 * the return is its own and nothing is recorded or read.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {OAuthProviderConfig} from '../oauth';
import {createSecretStore} from '../secrets';
import {recordedSignIn, rememberSignIn} from './signIns';

export type SignInReturn =
  /** No return, or one whose connection is known: `connection` gets the oauthContext, and `inputs` with it. */
  | {status: 'known'; connection: string | null; inputs?: Record<string, string>}
  | {status: 'reading'}
  /** A return that matches no recorded sign-in: nothing is exchanged. */
  | {status: 'unmatched'};

export function useSignInReturn(
  context: Pick<ExtensionContextValue, 'userContext' | 'environment' | 'oauthContext'>,
  connections: OAuthProviderConfig[],
): {signInReturn: SignInReturn; signInStarted?: (connectionId: string, state: string, inputs: Record<string, string>) => void} {
  // Recorded when a return could be another connection's, or needs what was typed before it.
  const recording = connections.length > 1 || connections.some((c) => c.userInputs);
  const state = context.oauthContext?.state;
  const returned = Boolean(context.oauthContext && (context.oauthContext.code || context.oauthContext.error));
  const secrets = useMemo(
    () => (recording ? createSecretStore(context).signedInUser : null),
    // One store per user and mode, as the panels' services.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [recording, context.userContext?.id, context.environment.mode],
  );
  const [signInReturn, setSignInReturn] = useState<SignInReturn>(() =>
    !returned ? {status: 'known', connection: null} : !recording ? {status: 'known', connection: connections[0]?.id ?? null} : {status: 'reading'},
  );
  useEffect(() => {
    if (signInReturn.status !== 'reading' || !secrets) return;
    let current = true;
    const answer = (found: {connection: string; inputs: Record<string, string>} | null) => {
      if (!current) return;
      setSignInReturn(found && connections.some((c) => c.id === found.connection) ? {status: 'known', ...found} : {status: 'unmatched'});
    };
    if (!state) answer(null);
    else recordedSignIn(secrets, state).then(answer, () => answer(null));
    return () => {
      current = false;
    };
  }, [signInReturn.status, secrets, state, connections]);

  const signInStarted = useCallback(
    (connectionId: string, started: string, inputs: Record<string, string>) => {
      // A failed record only costs this sign-in its return: the drawer then says it cannot tell, and nothing is exchanged.
      if (secrets) void rememberSignIn(secrets, started, connectionId, inputs).catch(() => undefined);
    },
    [secrets],
  );
  return {signInReturn, signInStarted: recording ? signInStarted : undefined};
}
