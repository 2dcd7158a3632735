/**
 * The two steps of anything that cannot be undone: ask, then confirm or
 * cancel. Used with ConfirmDestructive, which shows `phase` and wires the buttons.
 */
import {useCallback, useRef, useState} from 'react';

type ConfirmPhase = 'idle' | 'asking' | 'running';

export interface Confirmation {
  phase: ConfirmPhase;
  ask(): void;
  cancel(): void;
  /** Runs the action; a second press while it runs does nothing. */
  confirm(): void;
}

/**
 * `action` settles the outcome itself (showing a failure is the caller's job);
 * it resolves 'ask-again' to keep the question on screen for a retry, anything
 * else to close it.
 */
export function useConfirm(action: () => Promise<unknown>): Confirmation {
  const [phase, setPhase] = useState<ConfirmPhase>('idle');
  // State updates land after a re-render; a second press in the same tick must see the first.
  const running = useRef(false);

  const confirm = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setPhase('running');
    action().then(
      (outcome) => setPhase(outcome === 'ask-again' ? 'asking' : 'idle'),
      () => setPhase('asking'),
    ).finally(() => {
      running.current = false;
    });
  }, [action]);

  return {
    phase,
    ask: useCallback(() => setPhase('asking'), []),
    cancel: useCallback(() => setPhase('idle'), []),
    confirm,
  };
}
