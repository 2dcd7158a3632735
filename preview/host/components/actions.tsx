/** Host versions of Button and Banner. */
import type {ReactNode} from 'react';
import {BlockedNote, useLinkTarget} from './anchor';
import {callRemote} from './shared';

interface ButtonProps {
  type?: 'primary' | 'secondary' | 'destructive';
  size?: string;
  pending?: boolean;
  disabled?: boolean;
  href?: unknown;
  target?: string;
  onPress?: unknown;
  children?: ReactNode;
}

export function Button({type = 'secondary', pending, disabled, href, target, onPress, children}: ButtonProps) {
  const className = `kr-button kr-button-${type}${pending ? ' kr-pending' : ''}`;
  const link = useLinkTarget('Button', disabled ? undefined : href);
  const press = () => callRemote(onPress, {target: {}});
  if (link.kind === 'url' || link.kind === 'route') {
    return (
      <a
        className={className}
        href={link.kind === 'url' ? link.href : '#'}
        target={link.kind === 'url' ? target : undefined}
        rel="noreferrer noopener"
        onClick={(e) => {
          // A Dashboard route has nowhere to go in the preview: only the view hears the press.
          if (link.kind === 'route') e.preventDefault();
          press();
        }}
      >
        {children}
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled || pending}
        aria-busy={pending ? true : undefined}
        // Presses cross to the iframe as plain objects: DOM events cannot be cloned.
        onClick={press}
      >
        {pending ? <span className="kr-spinner kr-spinner-inline" aria-hidden /> : null}
        {children}
      </button>
      {link.kind === 'blocked' ? <BlockedNote scheme={link.scheme} /> : null}
    </>
  );
}

interface BannerProps {
  type?: 'default' | 'caution' | 'critical';
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  onDismiss?: unknown;
}

export function Banner({type = 'default', title, description, actions, onDismiss}: BannerProps) {
  return (
    <div className={`kr-banner kr-banner-${type}`} role={type === 'critical' ? 'alert' : 'status'}>
      <div className="kr-banner-body">
        {title ? <div className="kr-banner-title">{title}</div> : null}
        {description ? <div className="kr-banner-description">{description}</div> : null}
        {actions ? <div className="kr-banner-actions">{actions}</div> : null}
      </div>
      {onDismiss ? (
        <button type="button" className="kr-banner-dismiss" aria-label="Dismiss" onClick={() => callRemote(onDismiss)}>
          ×
        </button>
      ) : null}
    </div>
  );
}
