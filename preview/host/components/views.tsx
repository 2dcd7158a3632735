/** Host versions of the SDK's root views. */
import {useRef, type ReactNode} from 'react';
import {Button} from './actions';
import {SafeAnchor} from './anchor';
import {callRemote} from './shared';

export function SettingsView({onSave, statusMessage, children}: {onSave?: unknown; statusMessage?: string; children?: ReactNode}) {
  const form = useRef<HTMLDivElement>(null);
  // The SDK forwards only onSave and statusMessage: the host draws the Save button
  // and collects {name: value} from the named fields inside the view.
  const save = () => {
    const values: Record<string, string> = {};
    form.current?.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]').forEach((el) => {
      if (el instanceof HTMLInputElement && el.type === 'checkbox') values[el.name] = el.checked ? 'on' : '';
      else values[el.name] = el.value;
    });
    callRemote(onSave, values);
  };
  return (
    <section className="kr-settings-view" aria-label="Settings">
      <header className="kr-view-header">
        <h2>Settings</h2>
        {statusMessage ? (
          <span className="kr-status-message" role="status">
            {statusMessage}
          </span>
        ) : null}
        {onSave ? (
          <Button type="primary" onPress={save}>
            Save
          </Button>
        ) : null}
      </header>
      <div ref={form}>{children}</div>
    </section>
  );
}

interface ContextViewProps {
  title?: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  banner?: ReactNode;
  primaryAction?: ReactNode;
  secondaryAction?: ReactNode;
  footerContent?: ReactNode;
  externalLink?: {href: string; label: string};
}

export function ContextView({title, description, children, actions, banner, primaryAction, secondaryAction, footerContent, externalLink}: ContextViewProps) {
  return (
    <section className="kr-context-view" aria-label="App drawer">
      <header className="kr-view-header">
        <div>
          <h2>{title}</h2>
          {description ? <div className="kr-secondary">{description}</div> : null}
        </div>
        {actions ? <div className="kr-view-actions">{actions}</div> : null}
      </header>
      {banner ? <div className="kr-view-banner">{banner}</div> : null}
      <div className="kr-view-body">{children}</div>
      {primaryAction || secondaryAction || footerContent || externalLink ? (
        <footer className="kr-view-footer">
          {footerContent}
          {externalLink ? (
            <SafeAnchor component="ContextView externalLink" href={externalLink.href} target="_blank" fallback={null}>
              {externalLink.label} ↗
            </SafeAnchor>
          ) : null}
          {secondaryAction}
          {primaryAction}
        </footer>
      ) : null}
    </section>
  );
}

export function SignInView({title, description, descriptionActionLabel, descriptionActionContents, footerContent, children, primaryAction, secondaryAction, brandColor}: {
  title?: ReactNode;
  description?: ReactNode;
  descriptionActionLabel?: ReactNode;
  descriptionActionContents?: ReactNode;
  footerContent?: ReactNode;
  children?: ReactNode;
  primaryAction?: {label: string; href?: string; onPress?: unknown};
  secondaryAction?: {label: string; href?: string; onPress?: unknown};
  brandColor?: string;
}) {
  const action = (a: {label: string; href?: string; onPress?: unknown} | undefined, type: 'primary' | 'secondary') =>
    a ? (
      <Button type={type} href={a.href} target={a.href ? '_top' : undefined} onPress={a.onPress}>
        {a.label}
      </Button>
    ) : null;
  return (
    <section className="kr-context-view kr-sign-in-view" aria-label="Sign in" style={brandColor ? {borderTop: `4px solid ${brandColor}`} : undefined}>
      <h2>{title}</h2>
      {description ? <div className="kr-secondary">{description}</div> : null}
      {descriptionActionLabel ? <div className="kr-secondary">{descriptionActionLabel}</div> : null}
      {descriptionActionContents}
      <div className="kr-view-body">{children}</div>
      <div className="kr-sign-in-actions">
        {action(primaryAction, 'primary')}
        {action(secondaryAction, 'secondary')}
      </div>
      {footerContent ? <footer className="kr-view-footer">{footerContent}</footer> : null}
    </section>
  );
}
