/** Host versions of the SDK's layout and display components. */
import type {ReactNode} from 'react';
import {SafeAnchor} from './anchor';
import {boxStyle, callRemote} from './shared';

type WithCss = {css?: Record<string, unknown>; children?: ReactNode};

export function Box({css, children}: WithCss) {
  return <div style={boxStyle(css)}>{children}</div>;
}

export function Inline({css, children}: WithCss) {
  return <span style={boxStyle(css)}>{children}</span>;
}

export function Divider() {
  return <hr className="kr-divider" />;
}

export function Spinner() {
  return <span className="kr-spinner" role="progressbar" aria-label="Loading" />;
}

export function Badge({type = 'neutral', children}: {type?: string; children?: ReactNode}) {
  return <span className={`kr-badge kr-badge-${type}`}>{children}</span>;
}

export function Link({href, target, external, onPress, children}: {href?: unknown; target?: string; external?: boolean; onPress?: unknown; children?: ReactNode}) {
  const content = (
    <>
      {children}
      {external ? ' ↗' : null}
    </>
  );
  return (
    <SafeAnchor
      component="Link"
      className="kr-link"
      href={href}
      target={target ?? (external ? '_blank' : undefined)}
      onPress={onPress}
      fallback={
        // No href: a link that only tells the view it was pressed.
        <a
          className="kr-link"
          href="#"
          onClick={(e) => {
            e.preventDefault();
            callRemote(onPress, {target: {}});
          }}
        >
          {content}
        </a>
      }
    >
      {content}
    </SafeAnchor>
  );
}

export function List({children}: {children?: ReactNode}) {
  return <ul className="kr-list">{children}</ul>;
}

export function ListItem({title, secondaryTitle, value, icon}: {title?: ReactNode; secondaryTitle?: ReactNode; value?: ReactNode; icon?: ReactNode}) {
  return (
    <li className="kr-list-item">
      {icon ? <span>{icon}</span> : null}
      <span className="kr-list-text">
        <span>{title}</span>
        {secondaryTitle ? <span className="kr-secondary">{secondaryTitle}</span> : null}
      </span>
      {value ? <span>{value}</span> : null}
    </li>
  );
}

export function FormFieldGroup({legend, description, layout, children}: {legend?: ReactNode; description?: ReactNode; layout?: string; children?: ReactNode}) {
  return (
    <fieldset className={`kr-fieldgroup kr-fieldgroup-${layout === 'horizontal' ? 'row' : 'column'}`}>
      {legend ? <legend>{legend}</legend> : null}
      {description ? <div className="kr-secondary">{description}</div> : null}
      {children}
    </fieldset>
  );
}
