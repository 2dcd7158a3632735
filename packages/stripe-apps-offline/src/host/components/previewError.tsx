/**
 * A view's error, sent by the preview runtime (runtime.tsx), drawn in the
 * view's place: thrown while rendering, or while its module loaded.
 */
import {useEffect, useState} from 'react';
import {useHostSettings} from './hostContext';

export function PreviewError({message, stack, phase}: {message?: string; stack?: string; phase?: 'load' | 'render'}) {
  const {sourceStack} = useHostSettings();
  // Drawn at once as the view sent it, then with its frames pointing at the developer's files.
  const [shown, setShown] = useState(stack);
  useEffect(() => {
    setShown(stack);
    if (!stack) return undefined;
    let current = true;
    void sourceStack(stack).then((mapped) => {
      if (current) setShown(mapped);
    });
    return () => {
      current = false;
    };
  }, [stack, sourceStack]);
  return (
    <div className="kr-banner kr-banner-critical kr-view-error" role="alert">
      <div className="kr-banner-body">
        <div className="kr-banner-title">
          {phase === 'load' ? 'The view failed to load' : 'The view crashed'}: {message}
        </div>
        {shown ? <pre>{shown}</pre> : null}
      </div>
    </div>
  );
}
