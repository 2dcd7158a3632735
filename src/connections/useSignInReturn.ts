/**
 * Which declared connection the Dashboard's OAuth return is for (signIns.ts),
 * and the recorder the panels call when a sign-in starts. With one connection
 * the return is its own and nothing is recorded or read.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {OAuthProviderConfig} from '../oauth';
import {createSecretStore} from '../secrets';
import {connectionOfSignIn, rememberSignIn} from './signIns';

export type SignInReturn =
  /** No return, or one whose connection is known: `connection` gets the oauthContext. */
  | {status: 'known'; connection: string | null}
  | {status: 'reading'}
  /** A return that matches no recorded sign-in: nothing is exchanged. */
  | {status: 'unmatched'};

export function useSignInReturn(
  context: Pick<ExtensionContextValue, 'userContext' | 'environment' | 'oauthContext'>,
  connections: OAuthProviderConfig[],
): {signInReturn: SignInReturn; signInStarted?: (connectionId: string, state: string) => void} {
  const several = connections.length > 1;
  const state = context.oauthContext?.state;
  const returned = Boolean(context.oauthContext && (context.oauthContext.code || context.oauthContext.error));
  const secrets = useMemo(
    () => (several ? createSecretStore(context).signedInUser : null),
    // One store per user and mode, as the panels' services.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [several, context.userContext?.id, context.environment.mode],
  );
  const [signInReturn, setSignInReturn] = useState<SignInReturn>(() =>
    !returned ? {status: 'known', connection: null} : !several ? {status: 'known', connection: connections[0]?.id ?? null} : {status: 'reading'},
  );
  useEffect(() => {
    if (signInReturn.status !== 'reading' || !secrets) return;
    let current = true;
    const answer = (connection: string | null) => {
      if (!current) return;
      setSignInReturn(connection && connections.some((c) => c.id === connection) ? {status: 'known', connection} : {status: 'unmatched'});
    };
    if (!state) answer(null);
    else connectionOfSignIn(secrets, state).then(answer, () => answer(null));
    return () => {
      current = false;
    };
  }, [signInReturn.status, secrets, state, connections]);

  const signInStarted = useCallback(
    (connectionId: string, started: string) => {
      // A failed record only costs this sign-in its return: the drawer then says it cannot tell, and nothing is exchanged.
      if (secrets) void rememberSignIn(secrets, started, connectionId).catch(() => undefined);
    },
    [secrets],
  );
  return {signInReturn, signInStarted: several ? signInStarted : undefined};
}
