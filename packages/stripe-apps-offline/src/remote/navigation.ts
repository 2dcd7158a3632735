/**
 * What the Dashboard injects into an app's sandbox for the SDK's router and
 * `useStorage` (`globalThis.__extRouter`, `globalThis.__memoryStorage`): the
 * SDK's navigation entry throws without the first, and `useStorage` falls back
 * to a `sessionStorage` the sandbox cannot open without the second.
 */
import type {ExtensionRouter, HrefListener, MatchedRoute, NavigationOptions, RouteDescriptor, RoutesConfig, SearchParams} from '@stripe/ui-extension-sdk/types/global.navigation';

/** What the view tells the host when its own route changes. */
export type HrefReport = (href: string, searchParams: SearchParams, replace: boolean) => void;

type Segment = {kind: 'static'; text: string} | {kind: 'param'; name: string; optional: boolean} | {kind: 'wildcard'; optional: boolean};

function parsePattern(key: string, path: string): Segment[] {
  if (!path.startsWith('/') || path.slice(1).includes('//')) {
    throw new Error(`Route "${key}" has the path "${path}": paths must start with "/" and have no empty segments.`);
  }
  const parts = path.split('/').filter(Boolean);
  return parts.map((part, i) => {
    if (part === '*' || part === '*?') {
      if (i !== parts.length - 1) throw new Error(`Route "${key}" has a wildcard before its last segment ("${path}").`);
      return {kind: 'wildcard', optional: part === '*?'};
    }
    if (part.startsWith(':')) {
      const optional = part.endsWith('?');
      const name = part.slice(1, optional ? -1 : undefined);
      if (!/^\w+$/.test(name)) throw new Error(`Route "${key}" has a parameter "${part}": names are letters, digits and underscores.`);
      return {kind: 'param', name, optional};
    }
    return {kind: 'static', text: part};
  });
}

function match(segments: Segment[], parts: string[]): Record<string, string | undefined> | null {
  const params: Record<string, string | undefined> = {};
  let at = 0;
  for (const segment of segments) {
    if (segment.kind === 'wildcard') {
      const rest = parts.slice(at);
      if (!rest.length && !segment.optional) return null;
      params['*'] = rest.length ? rest.join('/') : undefined;
      return params;
    }
    const part = parts[at];
    if (segment.kind === 'static') {
      if (part !== segment.text) return null;
      at += 1;
    } else if (part === undefined) {
      if (!segment.optional) return null;
    } else {
      params[segment.name] = part;
      at += 1;
    }
  }
  return at === parts.length ? params : null;
}

const splitHref = (href: string) =>
  href
    .split('?')[0]
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));

export function createExtRouter(initialHref: string, initialSearch: SearchParams, report: HrefReport): ExtensionRouter & {fromHost(href: string, searchParams: SearchParams): void} {
  let href = initialHref;
  let searchParams = initialSearch;
  const listeners = new Set<HrefListener>();

  const setHref = (next: string, options: NavigationOptions & {searchParams?: SearchParams} = {}) => {
    href = next;
    searchParams = options.searchParams ?? {};
    // The SDK reads href and searchParams through useSyncExternalStore: listeners must see the new values.
    for (const listener of [...listeners]) listener({href, options, searchParams});
    if (!options.remote) report(href, searchParams, options.replace ?? false);
  };

  const createPathSegments = (config: RoutesConfig, route: RouteDescriptor): string[] => {
    const definition = config[route.key];
    if (!definition) throw new Error(`No route named "${route.key}" is registered with NavigationProvider.`);
    const out: string[] = [];
    for (const segment of parsePattern(route.key, definition.path)) {
      if (segment.kind === 'static') out.push(segment.text);
      else {
        const value = route.params?.[segment.kind === 'param' ? segment.name : '*'];
        if (value === undefined || value === '') {
          if (!segment.optional) throw new Error(`Route "${route.key}" needs the parameter "${segment.kind === 'param' ? segment.name : '*'}".`);
        } else out.push(...(segment.kind === 'wildcard' ? value.split('/') : [value]));
      }
    }
    return out;
  };

  return {
    getHref: () => href,
    setHref,
    listenToHref(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setRoute(config, route, options) {
      setHref(`/${createPathSegments(config, route).map(encodeURIComponent).join('/')}`, {...options, searchParams: route.searchParams});
    },
    createPathSegments,
    getMatchedRoute(config, target): MatchedRoute | null {
      const parts = splitHref(target);
      for (const [key, routeDefinition] of Object.entries(config)) {
        const routeParams = match(parsePattern(key, routeDefinition.path), parts);
        if (routeParams) return {key, routeDefinition, routeParams};
      }
      return null;
    },
    registerRoutes: () => undefined,
    validateRoutes(config) {
      for (const [key, definition] of Object.entries(config)) parsePattern(key, definition.path);
      return config;
    },
    getSearchParams: () => searchParams,
    /** Back or forward in the host page: the view follows without reporting it back. */
    fromHost(next, nextSearch) {
      setHref(next, {remote: true, replace: true, searchParams: nextSearch});
    },
  };
}

/**
 * `useStorage`'s store: synchronous, as the hook reads it, seeded by the host
 * with the values every view of this app shares, and written through to the
 * host so the other open views see each change.
 */
export function createMemoryStorage(initial: Record<string, string>, write: (key: string, value: string | null) => void) {
  const values = new Map(Object.entries(initial));
  const storage = {
    get length() {
      return values.size;
    },
    key: (index: number) => [...values.keys()][index] ?? null,
    getItem: (key: string) => values.get(key) ?? null,
    setItem(key: string, value: string) {
      values.set(key, String(value));
      write(key, String(value));
    },
    removeItem(key: string) {
      values.delete(key);
      write(key, null);
    },
    clear() {
      for (const key of [...values.keys()]) storage.removeItem(key);
    },
    /** Another view changed a value: this one hears the `storage` event useStorage listens for. */
    fromHost(key: string, value: string | null) {
      const oldValue = values.get(key) ?? null;
      if (value === null) values.delete(key);
      else values.set(key, value);
      // StorageEvent insists on a real Storage as storageArea, so the fields are set on a plain event.
      const event = Object.assign(new Event('storage'), {key, newValue: value, oldValue, storageArea: storage});
      dispatchEvent(event);
    },
  };
  return storage;
}
