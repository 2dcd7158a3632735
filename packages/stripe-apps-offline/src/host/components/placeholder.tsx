/**
 * What an SDK component the preview does not implement renders as: a visible,
 * labelled box with what the component carries (its text props, its fragment
 * props such as a title, and its children), so the rest of the view still
 * works and the developer sees exactly what is missing.
 */
import {isValidElement, type ComponentType, type ReactNode} from 'react';

type PlaceholderProps = {children?: ReactNode} & Record<string, unknown>;

const cache = new Map<string, ComponentType<PlaceholderProps>>();
/** Added to every component by the SDK: not content. */
const SDK_PROPS = new Set(['wrappedComponentName', 'sdkVersion', 'schemaVersion', 'children']);

/** Props worth showing: text, numbers, and fragments (which arrive as elements). */
function carried(props: PlaceholderProps): [string, ReactNode][] {
  return Object.entries(props)
    .filter(([key]) => !SDK_PROPS.has(key))
    .flatMap(([key, value]): [string, ReactNode][] => {
      if (typeof value === 'string' || typeof value === 'number') return [[key, String(value)]];
      if (isValidElement(value)) return [[key, value]];
      return [];
    });
}

export function placeholderFor(type: string): ComponentType<PlaceholderProps> {
  let component = cache.get(type);
  if (!component) {
    const Placeholder = (props: PlaceholderProps) => {
      const content = carried(props);
      return (
        <div className="kr-placeholder" data-component={type} role="note">
          <div className="kr-placeholder-label">{type} is not available in the offline preview</div>
          {content.length ? (
            <dl className="kr-placeholder-props">
              {content.map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {props.children}
        </div>
      );
    };
    Placeholder.displayName = `Placeholder(${type})`;
    component = Placeholder;
    cache.set(type, component);
  }
  return component;
}
