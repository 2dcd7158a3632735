/**
 * The page's build error overlay, as Vite and Next draw one: when a view this
 * page shows does not build, each error with where it is (file:line:column),
 * what esbuild said, and the code around it with the column marked. The last
 * good build stays underneath; the overlay goes by itself when the next build
 * succeeds. Everything in it is text from the server, drawn as text.
 */
import {useEffect, useMemo, useRef, useState, type KeyboardEvent} from 'react';
import type {BuildError, BuildFailures} from './buildFailures';

export interface ErrorOnPage {
  error: BuildError;
  /** The views on the page that it breaks. */
  views: string[];
}

const where = (error: BuildError) => (error.file === null ? null : `${error.file}:${error.line}:${error.column}`);

/**
 * The errors of the views this page shows, each once: a file several views
 * import breaks every one of them, with the same error. Views elsewhere in the
 * app are left to their own pages and to the terminal, as Vite reports only
 * the modules the page loads.
 */
export function errorsOnPage(failures: BuildFailures, components: string[]): {errors: ErrorOnPage[]; more: number} {
  const byKey = new Map<string, ErrorOnPage>();
  let more = 0;
  for (const component of components) {
    const failure = Object.hasOwn(failures, component) ? failures[component] : undefined;
    if (!failure) continue;
    more = Math.max(more, failure.more);
    for (const error of failure.errors) {
      const key = `${where(error) ?? ''}\n${error.text}`;
      const seen = byKey.get(key);
      if (seen) seen.views.push(component);
      else byKey.set(key, {error, views: [component]});
    }
  }
  return {errors: [...byKey.values()], more};
}

/**
 * The frame's lines (blocks: copied, they are lines), the error line and its
 * marker set apart for the eye; the ">" and "^" say the same in the text.
 */
function CodeFrame({error}: {error: BuildError}) {
  return (
    <pre className="kr-code-frame" aria-label={`Code around line ${error.line}`}>
      {error.frame.split('\n').map((line, i) => (
        <span key={i} className={line.startsWith('>') ? 'kr-code-line-error' : /^\s+\d*\s*\|\s*\^+$/.test(line) ? 'kr-code-line-marker' : undefined}>
          {line}
        </span>
      ))}
    </pre>
  );
}

export function BuildErrorOverlay({failures, components}: {failures: BuildFailures; components: string[]}) {
  const {errors, more} = useMemo(() => errorsOnPage(failures, components), [failures, components]);
  // Dismissed for these errors only: a build that fails differently shows the overlay again.
  const signature = useMemo(() => JSON.stringify(errors.map(({error}) => [where(error), error.text])), [errors]);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const reopenButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'overlay' | 'reopen' | null>(null);
  const open = errors.length > 0 && dismissed !== signature;

  // A new failure is news: the overlay takes the focus, unless the developer is using a control on the page.
  useEffect(() => {
    if (open && (document.activeElement === null || document.activeElement === document.body)) dismissButton.current?.focus();
  }, [open, signature]);
  // After Dismiss or Show, the focus goes to the control that brings the other state back.
  useEffect(() => {
    if (focusNext.current === 'overlay') dismissButton.current?.focus();
    if (focusNext.current === 'reopen') reopenButton.current?.focus();
    focusNext.current = null;
  });

  if (!errors.length) return null;
  const count = errors.length + more;
  const label = `${count} build error${count === 1 ? '' : 's'}`;
  if (!open) {
    return (
      <button
        ref={reopenButton}
        type="button"
        className="kr-button kr-build-overlay-reopen"
        onClick={() => {
          focusNext.current = 'overlay';
          setDismissed(null);
        }}
      >
        Show {label}
      </button>
    );
  }
  const dismiss = () => {
    focusNext.current = 'reopen';
    setDismissed(signature);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    dismiss();
  };
  const views = [...new Set(errors.flatMap((e) => e.views))];
  return (
    <div className="kr-build-overlay" role="dialog" aria-modal="false" aria-labelledby="kr-build-overlay-title" aria-describedby="kr-build-overlay-summary" onKeyDown={onKeyDown}>
      <div className="kr-build-overlay-head">
        <h2 id="kr-build-overlay-title">Build failed</h2>
        <button ref={dismissButton} type="button" className="kr-button kr-button-secondary" onClick={dismiss}>
          Dismiss build errors
        </button>
      </div>
      <p id="kr-build-overlay-summary">
        {views.join(', ')} did not build: {label}. The page keeps each view&apos;s last good build, if it had one. Save a fix and this closes by itself as the views reload.
      </p>
      <ol className="kr-build-errors">
        {errors.map(({error, views: broken}) => (
          <li key={`${where(error) ?? ''}\n${error.text}`} className="kr-build-error">
            <div className="kr-build-error-where">
              {where(error) ? <code>{where(error)}</code> : null}
              {views.length > 1 ? <span className="kr-build-error-views">in {broken.join(', ')}</span> : null}
            </div>
            <p className="kr-build-error-text">{error.text}</p>
            {error.notes.length ? (
              <ul className="kr-build-error-notes">
                {error.notes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
              </ul>
            ) : null}
            {error.frame ? <CodeFrame error={error} /> : null}
          </li>
        ))}
      </ol>
      {more ? <p className="kr-build-error-more">…and {more} more, not shown.</p> : null}
    </div>
  );
}
