/**
 * "Test key" on the settings page: the view names a slot, the app backend
 * reads the account's key and asks the third party (POST /v1/keys/test).
 * The key never passes through the view; only the outcome comes back.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {BackendCallError, createBackendClient} from '../appBackend';
import type {KeyTestAnswer, KeyTestResult} from './keyChecks';

/** Asks the backend to test the stored key of slot `name`. */
export type TestKey = (name: string) => Promise<KeyTestAnswer>;

const RESULTS: readonly KeyTestResult[] = ['works', 'refused', 'unreachable', 'not-set'];

function isKeyTestAnswer(value: unknown): value is KeyTestAnswer {
  const v = value as Partial<KeyTestAnswer> | null;
  return (
    !!v &&
    RESULTS.includes(v.result as KeyTestResult) &&
    typeof v.checked_at === 'number' &&
    (v.status === undefined || (Number.isInteger(v.status) && v.status >= 100 && v.status <= 599))
  );
}

export function useKeyTester(context: Parameters<typeof createBackendClient>[0]): TestKey {
  return useCallback(
    async (name: string) => {
      // Built per call from the current context: the signed-in user and the backend's address are read as they are now.
      const answer = await createBackendClient(context).call<unknown>('/v1/keys/test', {name});
      // Only a well-formed outcome is shown; anything else is treated as a backend that did not answer properly.
      if (!isKeyTestAnswer(answer)) throw new BackendCallError('unavailable');
      return {result: answer.result, status: answer.status, checked_at: answer.checked_at};
    },
    [context],
  );
}

export type KeyTestState =
  | {phase: 'idle'}
  | {phase: 'running'}
  | {phase: 'answered'; answer: KeyTestAnswer}
  | {phase: 'failed'; error: unknown};

/**
 * One slot's test. The outcome belongs to the stored secret it was run
 * against: once that secret is replaced or deleted, it is no longer shown.
 */
export function useKeyTest(test: (() => Promise<KeyTestAnswer>) | undefined, secretId: string | null) {
  const [state, setState] = useState<{of: string | null; state: KeyTestState}>({of: null, state: {phase: 'idle'}});
  // A second press before the re-render must see the first.
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async () => {
    if (!test || running.current) return;
    running.current = true;
    const of = secretId;
    setState({of, state: {phase: 'running'}});
    let next: KeyTestState;
    try {
      next = {phase: 'answered', answer: await test()};
    } catch (error) {
      next = {phase: 'failed', error};
    } finally {
      running.current = false;
    }
    if (mounted.current) setState({of, state: next});
  }, [test, secretId]);

  return {state: state.of === secretId ? state.state : ({phase: 'idle'} as const), run};
}
