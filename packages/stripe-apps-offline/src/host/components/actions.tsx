/** Host versions of Button and Banner. */
import type {BannerProps, ButtonProps as SdkButtonProps} from '@stripe/ui-extension-sdk/ui';
import type {ReactNode} from 'react';
import {BlockedNote, useLinkTarget} from './anchor';
import {useHostSettings} from './hostContext';
import {boxStyle, callRemote, PRESS} from './shared';

/** As the SDK declares it; the host's own chrome also passes host functions as onPress, and sometimes no children. */
type ButtonProps = Omit<SdkButtonProps, 'children' | 'onPress'> & {children?: ReactNode; onPress?: unknown};

export function Button({type = 'secondary', size = 'medium', css, pending, disabled, href, target, onPress, children}: ButtonProps) {
  const className = `kr-button kr-button-${type} kr-button-${size}${pending ? ' kr-pending' : ''}`;
  const style = boxStyle(css);
  const link = useLinkTarget('Button', disabled ? undefined : href);
  const {navigate} = useHostSettings();
  const press = () => callRemote(onPress, PRESS);
  if (link.kind === 'url' || link.kind === 'route') {
    return (
      <a
        className={className}
        style={style}
        href={link.kind === 'url' ? link.href : '#'}
        target={link.kind === 'url' ? target : undefined}
        rel="noreferrer noopener"
        onClick={(e) => {
          press();
          // A Dashboard route object is never turned into a URL: the page navigates as navigateToDashboardRoute does.
          if (link.kind === 'route') {
            e.preventDefault();
            navigate(link.route);
          }
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
        style={style}
        // A pending button stays focusable and ignores presses (as React Aria's isPending does): a `disabled`
        // one would drop the keyboard user's focus to the page body the moment they press it.
        disabled={disabled}
        aria-disabled={pending && !disabled ? true : undefined}
        aria-busy={pending ? true : undefined}
        // Presses cross to the iframe as plain objects: DOM events cannot be cloned.
        onClick={pending ? undefined : press}
      >
        {pending ? <span className="kr-spinner kr-spinner-inline" aria-hidden /> : null}
        {children}
      </button>
      {link.kind === 'blocked' ? <BlockedNote scheme={link.scheme} /> : null}
    </>
  );
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
