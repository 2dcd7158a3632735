/**
 * A view's error, sent by the preview runtime (runtime.tsx), drawn in the
 * view's place: thrown while rendering, or while its module loaded.
 */
export function PreviewError({message, stack, phase}: {message?: string; stack?: string; phase?: 'load' | 'render'}) {
  return (
    <div className="kr-banner kr-banner-critical kr-view-error" role="alert">
      <div className="kr-banner-body">
        <div className="kr-banner-title">
          {phase === 'load' ? 'The view failed to load' : 'The view crashed'}: {message}
        </div>
        {stack ? <pre>{stack}</pre> : null}
      </div>
    </div>
  );
}
