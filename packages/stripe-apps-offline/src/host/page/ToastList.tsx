/** The Dashboard's toasts: each announced as a status, its action a real button. */
import type {Toast} from '../toasts';

export function ToastList({toasts, onAction}: {toasts: Toast[]; onAction(id: number): void}) {
  return (
    <div className="kr-toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`kr-toast kr-toast-${t.type ?? 'default'}`} role="status">
          {t.type === 'pending' ? <span className="kr-spinner kr-spinner-small" aria-hidden /> : null}
          <span>{t.message}</span>
          {t.action ? (
            <button type="button" className="kr-toast-action" onClick={() => onAction(t.id)}>
              {t.action}
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
