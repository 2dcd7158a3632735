/**
 * What an SDK component the preview does not implement renders as: a visible,
 * labelled box with the component's children, so the rest of the view still
 * works and the developer sees exactly what is missing.
 */
import type {ComponentType, ReactNode} from 'react';

const cache = new Map<string, ComponentType<{children?: ReactNode}>>();

export function placeholderFor(type: string): ComponentType<{children?: ReactNode}> {
  let component = cache.get(type);
  if (!component) {
    const Placeholder = ({children}: {children?: ReactNode}) => (
      <div className="kr-placeholder" data-component={type} role="note">
        <div className="kr-placeholder-label">{type} is not available in the Keyring preview</div>
        {children}
      </div>
    );
    Placeholder.displayName = `Placeholder(${type})`;
    component = Placeholder;
    cache.set(type, component);
  }
  return component;
}
