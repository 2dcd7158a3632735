/** Host versions of the SDK's root views. */
import type {
  DetailPageProps,
  FullPageViewProps,
  OnboardingViewProps,
  OverviewPageProps,
  PageModuleProps,
  PlatformConfigurationViewProps,
} from '@stripe/ui-extension-sdk/ui';
import {useContext, useEffect, useRef, useState, type ReactNode} from 'react';
import {Button} from './actions';
import {SafeAnchor} from './anchor';
import {DrawerBrandContext} from './hostContext';
import {Badge, Spinner, TaskList, TaskListItem} from './layout';
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
    // Untitled, as in the Dashboard: the settings page's own heading names it once.
    <section className="kr-settings-view" aria-label="Settings">
      {statusMessage || onSave ? (
        <header className="kr-view-header kr-view-header-end">
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
      ) : null}
      <div ref={form}>{children}</div>
    </section>
  );
}

interface ContextViewProps {
  brandColor?: string;
  brandIcon?: string;
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

export function ContextView({title, description, children, actions, banner, primaryAction, secondaryAction, footerContent, externalLink, brandColor, brandIcon}: ContextViewProps) {
  const setBrand = useContext(DrawerBrandContext);
  useEffect(() => {
    if (!setBrand || (!brandColor && !brandIcon)) return;
    setBrand({color: brandColor, icon: brandIcon});
    return () => setBrand(null);
  }, [setBrand, brandColor, brandIcon]);
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
            <SafeAnchor component="ContextView externalLink" className="kr-link kr-external-link" href={externalLink.href} target="_blank" fallback={null}>
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

export function FullPageView({pageAction, children}: FullPageViewProps) {
  return (
    <section className="kr-full-page-view" aria-label="Full page">
      {pageAction ? (
        <header className="kr-view-header">
          <span className="kr-spacer" />
          <Button type="primary" onPress={pageAction.onPress}>
            {pageAction.label}
          </Button>
        </header>
      ) : null}
      <div className="kr-view-body">{children}</div>
    </section>
  );
}

function PageActions({actions}: {actions?: {label: string; onPress: unknown; type?: 'primary' | 'secondary' | 'destructive'; disabled?: boolean}[]}) {
  if (!actions?.length) return null;
  return (
    <div className="kr-view-actions">
      {actions.map((a, i) => (
        <Button key={i} type={a.type} disabled={a.disabled} onPress={a.onPress}>
          {a.label}
        </Button>
      ))}
    </div>
  );
}

function Columns({primary, secondary, pending}: {primary: ReactNode; secondary?: ReactNode; pending?: boolean}) {
  if (pending) return <Spinner size="large" />;
  return (
    <div className={`kr-columns${secondary ? ' kr-columns-two' : ''}`}>
      <div className="kr-column-primary">{primary}</div>
      {secondary ? <aside className="kr-column-secondary">{secondary}</aside> : null}
    </div>
  );
}

export function DetailPage({title, description, breadcrumbs, actions, primaryColumn, secondaryColumn, pending}: DetailPageProps) {
  return (
    <section className="kr-detail-page" aria-label={title}>
      {breadcrumbs?.length ? (
        <nav aria-label="Breadcrumbs" className="kr-breadcrumbs">
          {breadcrumbs.map((crumb, i) => (
            <span key={i}>
              {/* A breadcrumb's route is a Dashboard route object: SafeAnchor draws it as one. */}
              <SafeAnchor component="DetailPage breadcrumb" className="kr-link" href={crumb.route} fallback={crumb.label}>
                {crumb.label}
              </SafeAnchor>
              <span aria-hidden> / </span>
            </span>
          ))}
        </nav>
      ) : null}
      <header className="kr-view-header">
        <div>
          <h1 className="kr-page-title">{title}</h1>
          {description ? <div className="kr-secondary">{description}</div> : null}
        </div>
        <span className="kr-spacer" />
        <PageActions actions={actions} />
      </header>
      <Columns primary={primaryColumn} secondary={secondaryColumn} pending={pending} />
    </section>
  );
}

export function OverviewPage({primaryColumn, secondaryColumn, pending}: OverviewPageProps) {
  return (
    <section className="kr-overview-page" aria-label="Overview">
      <Columns primary={primaryColumn} secondary={secondaryColumn} pending={pending} />
    </section>
  );
}

export function PageModule({title, subtitle, extraActions, children}: PageModuleProps) {
  return (
    <section className="kr-page-module" aria-label={title}>
      <header className="kr-view-header">
        <div>
          <h2>{title}</h2>
          {subtitle ? <div className="kr-secondary">{subtitle}</div> : null}
        </div>
        <span className="kr-spacer" />
        <PageActions actions={extraActions} />
      </header>
      {children}
    </section>
  );
}

export function OnboardingView({title, description, tasks, completed, pending, error, children}: OnboardingViewProps) {
  return (
    <section className="kr-context-view kr-onboarding-view" aria-label={title}>
      <header className="kr-view-header">
        <div>
          <h2>{title}</h2>
          {description ? <div className="kr-secondary">{description}</div> : null}
        </div>
        {completed ? <Badge type="positive">Complete</Badge> : null}
      </header>
      {error ? <div className="kr-view-banner">{error}</div> : null}
      {pending ? <Spinner /> : null}
      <TaskList>
        {(tasks ?? []).map((task, i) => (
          <TaskListItem key={i} {...task} />
        ))}
      </TaskList>
      <div className="kr-view-body">{children}</div>
    </section>
  );
}

/** Like SettingsView: the host draws the submit button and collects the named fields inside. */
export function PlatformConfigurationView({onSubmit, children}: PlatformConfigurationViewProps) {
  const form = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState(false);
  return (
    <form
      ref={form}
      className="kr-settings-view"
      aria-label="Platform configuration"
      onSubmit={(e) => {
        e.preventDefault();
        const values: Record<string, string> = {};
        new FormData(e.currentTarget).forEach((value, key) => {
          if (typeof value === 'string') values[key] = value;
        });
        setDone(false);
        callRemote(onSubmit, {values, successCallback: () => setDone(true)});
      }}
    >
      <div className="kr-view-body">{children}</div>
      <footer className="kr-view-footer">
        {done ? (
          <span className="kr-status-message" role="status">
            Saved
          </span>
        ) : null}
        <button type="submit" className="kr-button kr-button-primary">
          Submit
        </button>
      </footer>
    </form>
  );
}
