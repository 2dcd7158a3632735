/**
 * The page's toasts, as the Dashboard runs them (docs.stripe.com/stripe-apps/components/toast):
 * showToast's controller updates and dismisses its own toast, an `action`
 * draws a button that calls the view's `onAction`, and a toast goes by itself
 * after 4 s, 6 s with an action, never while pending.
 */
import {release, retain} from '@remote-ui/rpc';
import {useCallback, useEffect, useRef, useState} from 'react';
import type {ToastHandle, ToastOptions} from './platform';
import {callRemote} from './components/shared';

export interface Toast {
  id: number;
  message: string;
  type?: string;
  action?: string;
}

/** Milliseconds a toast stays on its own, or null when it waits for the view (pending). */
export function toastTimeout(options: ToastOptions): number | null {
  if (options.type === 'pending') return null;
  return options.action ? 6000 : 4000;
}

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  // Per toast: its timer and the view's onAction. The proxy is retained while
  // the toast can still call it (remote-ui releases a call's function arguments
  // when the call returns) and released when the toast goes.
  const live = useRef(new Map<number, {timer?: ReturnType<typeof setTimeout>; onAction?: unknown}>());
  const nextId = useRef(1);

  const remove = useCallback((id: number) => {
    const entry = live.current.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    if (typeof entry.onAction === 'function') release(entry.onAction);
    live.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const apply = useCallback(
    (id: number, message: string, options: ToastOptions) => {
      const entry = live.current.get(id);
      if (!entry) return;
      clearTimeout(entry.timer);
      // Retain the new handler before releasing the old: an update often passes
      // the same function, whose proxy must not reach zero in between.
      if (typeof options.onAction === 'function') retain(options.onAction);
      if (typeof entry.onAction === 'function') release(entry.onAction);
      entry.onAction = options.onAction;
      const timeout = toastTimeout(options);
      entry.timer = timeout === null ? undefined : setTimeout(() => remove(id), timeout);
      const toast: Toast = {id, message, type: options.type, action: options.action};
      setToasts((list) => (list.some((t) => t.id === id) ? list.map((t) => (t.id === id ? toast : t)) : [...list, toast]));
    },
    [remove],
  );

  const show = useCallback(
    (message: string, options: ToastOptions = {}): ToastHandle => {
      const id = nextId.current++;
      live.current.set(id, {});
      apply(id, message, options);
      // Once the toast has gone (timed out, pressed, dismissed), its controller does nothing.
      return {update: (m, o = {}) => apply(id, m, o), dismiss: () => remove(id)};
    },
    [apply, remove],
  );

  /** The toast's action button: the view's onAction runs and the toast closes. */
  const pressAction = useCallback(
    (id: number) => {
      callRemote(live.current.get(id)?.onAction);
      remove(id);
    },
    [remove],
  );

  useEffect(() => {
    const entries = live.current;
    return () => {
      for (const id of [...entries.keys()]) {
        const entry = entries.get(id);
        clearTimeout(entry?.timer);
        if (typeof entry?.onAction === 'function') release(entry.onAction);
      }
      entries.clear();
    };
  }, []);

  return {toasts, show, pressAction};
}
