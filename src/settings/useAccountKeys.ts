/**
 * The account's stored keys for the settings page: one list request on load,
 * then kept up to date from the answers to saves and deletes (no re-fetch).
 */
import {useCallback, useEffect, useReducer, useRef, useState} from 'react';
import {createSecretStore, type ScopeContext, type ScopedSecrets, type SecretSummary} from '../secrets';

type AccountKeysState =
  | {phase: 'loading'}
  | {phase: 'failed'; error: unknown}
  | {phase: 'ready'; secrets: SecretSummary[]};

type Action =
  | {type: 'load'}
  | {type: 'loaded'; secrets: SecretSummary[]}
  | {type: 'load-failed'; error: unknown}
  | {type: 'saved'; secret: SecretSummary}
  | {type: 'deleted'; name: string};

function reducer(state: AccountKeysState, action: Action): AccountKeysState {
  switch (action.type) {
    case 'load':
      return {phase: 'loading'};
    case 'loaded':
      return {phase: 'ready', secrets: action.secrets};
    case 'load-failed':
      return {phase: 'failed', error: action.error};
    case 'saved':
      if (state.phase !== 'ready') return state;
      // A replacement is a new secret, so it moves to the front, as in Stripe's newest-first list.
      return {phase: 'ready', secrets: [action.secret, ...state.secrets.filter((s) => s.name !== action.secret.name)]};
    case 'deleted':
      if (state.phase !== 'ready') return state;
      return {phase: 'ready', secrets: state.secrets.filter((s) => s.name !== action.name)};
  }
}

export interface AccountKeys {
  state: AccountKeysState;
  reload(): void;
  /** Saves and records the answer; rejects with what Stripe said (the state is then unchanged). */
  save(name: string, value: string, expiresAt: number | null): Promise<SecretSummary>;
  remove(name: string): Promise<void>;
}

export function useAccountKeys(context: ScopeContext): AccountKeys {
  // Created once per mounted view: the account scope does not depend on who is signed in.
  const [secrets] = useState<ScopedSecrets>(() => createSecretStore(context).account);
  const [state, dispatch] = useReducer(reducer, {phase: 'loading'});
  const [attempt, setAttempt] = useState(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    dispatch({type: 'load'});
    secrets.list().then(
      (list) => current && dispatch({type: 'loaded', secrets: list}),
      (error: unknown) => current && dispatch({type: 'load-failed', error}),
    );
    return () => {
      current = false;
    };
  }, [secrets, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const save = useCallback(
    async (name: string, value: string, expiresAt: number | null) => {
      const saved = await secrets.set(name, value, {expiresAt});
      if (mounted.current) dispatch({type: 'saved', secret: saved});
      return saved;
    },
    [secrets],
  );

  const remove = useCallback(
    async (name: string) => {
      // false means it was already gone (another user, or it expired): the outcome the user wanted.
      await secrets.delete(name);
      if (mounted.current) dispatch({type: 'deleted', name});
    },
    [secrets],
  );

  return {state, reload, save, remove};
}
