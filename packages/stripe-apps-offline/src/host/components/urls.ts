/**
 * Which view-supplied `href`s the host may draw as live links.
 *
 * The host page holds the preview's token and can read every preview user's
 * secrets, so a `javascript:` URL drawn as it came would run a view's code
 * there on one click (React 18 still renders such URLs, with a warning). The
 * host draws only web and mail links, plus the SDK's Dashboard route
 * descriptors (objects with a `name`, which it never turns into a URL), and
 * follows Dashboard URLs of pages it stands in for as those routes;
 * anything else is drawn inert, with a note the developer can see and a line
 * in the terminal.
 */

import {routeOfDashboardUrl} from '../navigation';
import {reportOnce} from './notices';

const ALLOWED_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

export type LinkTarget =
  | {kind: 'none'}
  | {kind: 'url'; href: string}
  | {kind: 'route'; name: string; route: unknown}
  | {kind: 'blocked'; scheme: string};

export function classifyHref(href: unknown): LinkTarget {
  if (href === undefined || href === null || href === '') return {kind: 'none'};
  if (typeof href === 'object' && typeof (href as {name?: unknown}).name === 'string') {
    return {kind: 'route', name: (href as {name: string}).name, route: href};
  }
  if (typeof href !== 'string') return {kind: 'blocked', scheme: 'not a URL'};
  let parsed: URL;
  try {
    // Parsed as the browser would follow it: tabs, newlines and leading blanks go,
    // so "java\tscript:" is still seen as javascript:.
    parsed = new URL(href, location.href);
  } catch {
    return {kind: 'blocked', scheme: 'not a URL'};
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return {kind: 'blocked', scheme: parsed.protocol};
  // A Dashboard page the preview stands in for: followed here, as the Dashboard
  // opens it in the same tab (the real one is out of an offline preview's reach).
  const route = routeOfDashboardUrl(parsed);
  if (route) return {kind: 'route', name: route.name, route};
  return {kind: 'url', href: parsed.href};
}

/** Once per component and scheme, however often the view re-renders. */
export function reportBlockedUrl(component: string, scheme: string): void {
  reportOnce({kind: 'blocked-url', component, scheme});
}

export function blockedUrlNote(scheme: string): string {
  return scheme === 'not a URL'
    ? 'link drawn inert by the preview: not a valid URL'
    : `link drawn inert by the preview: ${scheme} URLs are not allowed`;
}
