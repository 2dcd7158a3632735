/** A view's render error, sent by the preview runtime's boundary (runtime.tsx), drawn in the view's place. */
export function PreviewError({message, stack}: {message?: string; stack?: string}) {
  return (
    <div className="kr-banner kr-banner-critical kr-view-error" role="alert">
      <div className="kr-banner-body">
        <div className="kr-banner-title">The view crashed: {message}</div>
        {stack ? <pre>{stack}</pre> : null}
      </div>
    </div>
  );
}
