/**
 * What the settings page last did, and how it went: the one message about an
 * action that the page shows, beside the key it was about. Any new action
 * (a save, even one refused on the page, a delete, a question, a test) takes
 * its place, so no message outlives the situation it describes: "all 10 are
 * in use" goes once a key is deleted, "saved" goes when the next save is
 * refused.
 */
import {useCallback, useRef, useState} from 'react';

export type Outcome =
  | {kind: 'done'; title: string}
  /** The failure's words are worked out when shown, so that a full scope names the keys that could go now. */
  | {kind: 'failed'; what: string; error: unknown};

export interface ShownOutcome {
  /** The slot's or the stored secret's name the action was about. */
  subject: string;
  outcome: Outcome;
  /** New for every report, so the same words reported twice still show as a new message. */
  id: number;
}

export interface LastOutcome {
  shown: ShownOutcome | null;
  /** A new outcome about `subject`, in place of whatever was shown. */
  report(subject: string, outcome: Outcome): void;
  /** A new action has begun: the old message no longer describes anything. */
  clear(): void;
}

export function useLastOutcome(): LastOutcome {
  const [shown, setShown] = useState<ShownOutcome | null>(null);
  const next = useRef(0);
  const report = useCallback((subject: string, outcome: Outcome) => {
    next.current += 1;
    setShown({subject, outcome, id: next.current});
  }, []);
  const clear = useCallback(() => setShown(null), []);
  return {shown, report, clear};
}
