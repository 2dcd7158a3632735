/**
 * The one place the host turns a view's `href` into a link: every component
 * that takes one (Link, Button, ContextView's externalLink, SignInView's
 * actions) draws it through here, so the URL rule in urls.ts cannot be missed.
 */
import {useEffect, type ReactNode} from 'react';
import {useHostSettings} from './hostContext';
import {callRemote} from './shared';
import {blockedUrlNote, classifyHref, reportBlockedUrl, type LinkTarget} from './urls';

interface AnchorProps {
  /** Which SDK component asked, for the terminal line. */
  component: string;
  href: unknown;
  target?: string;
  className?: string;
  onPress?: unknown;
  children?: ReactNode;
  /** Drawn when there is no href at all. */
  fallback: ReactNode;
}

export function useLinkTarget(component: string, href: unknown): LinkTarget {
  const link = classifyHref(href);
  const blockedScheme = link.kind === 'blocked' ? link.scheme : null;
  useEffect(() => {
    if (blockedScheme) reportBlockedUrl(component, blockedScheme);
  }, [component, blockedScheme]);
  return link;
}

export function BlockedNote({scheme}: {scheme: string}) {
  return (
    <span className="kr-blocked-note" role="note">
      {' '}({blockedUrlNote(scheme)})
    </span>
  );
}

export function SafeAnchor({component, href, target, className, onPress, children, fallback}: AnchorProps) {
  const link = useLinkTarget(component, href);
  const {navigate} = useHostSettings();
  const press = () => callRemote(onPress, {target: {}});
  switch (link.kind) {
    case 'none':
      return <>{fallback}</>;
    case 'url':
      return (
        <a className={className} href={link.href} target={target} rel="noreferrer noopener" onClick={press}>
          {children}
        </a>
      );
    case 'route':
      // A Dashboard route object is never turned into a URL: the page navigates as navigateToDashboardRoute does.
      return (
        <a
          className={className}
          href="#"
          data-route={link.name}
          onClick={(e) => {
            e.preventDefault();
            press();
            navigate(link.route);
          }}
        >
          {children}
        </a>
      );
    case 'blocked':
      return (
        <span className={`${className ?? ''} kr-blocked-link`}>
          {children}
          <BlockedNote scheme={link.scheme} />
        </span>
      );
  }
}
