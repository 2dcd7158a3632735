/**
 * The preview page: a small Dashboard with the app's settings page, its drawer,
 * a switch between preview users and modes, and a log of the requests the
 * views made (method, path, status, time; never a body or a token).
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {createRoot} from 'react-dom/client';
import type {SearchParams} from '@stripe/ui-extension-sdk/types/global.navigation';
import {BuildErrorOverlay} from './BuildErrorOverlay';
import type {BuildFailures} from './buildFailures';
import type {LogEntry, PreviewConfig, PreviewProblem} from './config';
import {allowedImage, DrawerBrandContext, type DrawerBrand} from './components/hostContext';
import {onPreviewNotice} from './components/notices';
import {ExtensionView} from './ExtensionView';
import {appHrefOf, decodeAppRoute, describeRoute, encodeAppRoute, FULL_PAGE_VIEWPORT, isDashboardRoute, viewportsOfRoute} from './navigation';
import type {Session} from './platform';
import {useToasts} from './toasts';
import {placementOf, titleOf, type Placement} from './viewports';

declare global {
  interface Window {
    __KEYRING_PREVIEW__: PreviewConfig;
  }
}

const SETTINGS = 'settings';
const DRAWER = 'stripe.dashboard.drawer.default';

/**
 * A find that finds nothing is an answer, not a failure: it is how a view
 * learns a key or a connection is not there yet, on every load. Drawn plainly,
 * with a word saying so, so real errors stand out in red.
 */
/** How ?view= and the View picker name a view: its component, or Component@viewport for one declared in several viewports. */
function viewKey(views: PreviewConfig['views'], view: PreviewConfig['views'][number]): string {
  return views.filter((v) => v.component === view.component).length > 1 ? `${view.component}@${view.viewport}` : view.component;
}

function isExpectedOutcome(entry: LogEntry): boolean {
  return entry.service === 'secret-store' && entry.status === 404 && entry.method === 'GET' && entry.path === '/v1/apps/secrets/find';
}

function App({initial}: {initial: PreviewConfig}) {
  const [config, setConfig] = useState(initial);
  const params = new URLSearchParams(location.search);
  const opening = initial.opening;
  const [userId, setUserId] = useState(opening?.user ?? params.get('user') ?? initial.users[0].id);
  const [mode, setMode] = useState<'test' | 'live'>(opening?.mode ?? (params.get('mode') === 'live' ? 'live' : 'test'));
  const [drawerOpen, setDrawerOpen] = useState(params.get('drawer') !== 'closed' || opening !== undefined);
  const [log, setLog] = useState<LogEntry[]>(initial.recentRequests);
  const {toasts, show: toast, pressAction} = useToasts();
  // The drawer view's ContextView brandColor and brandIcon, if it gives them (components/views.tsx).
  const [brand, setBrand] = useState<DrawerBrand | null>(null);
  const brandIcon = brandIconSrc(brand?.icon, config.imageSrc);
  // Where navigateToDashboardRoute or a route link last sent the user: the Dashboard would open that page.
  const [dashboardRoute, setDashboardRoute] = useState<string | null>(null);
  // The solo view's own route (its SDK router's href), kept in the address as ?route=.
  const [appRoute, setAppRoute] = useState(() => decodeAppRoute(params.get('route')));
  // Apart from config: a failed build must not restart the views, which keep their last good build.
  const [buildFailures, setBuildFailures] = useState<BuildFailures>(initial.buildFailures);

  const user = config.users.find((u) => u.id === userId) ?? config.users[0];
  const session = useMemo<Session>(() => ({user, mode}), [user, mode]);

  const view = useCallback((viewport: string) => config.views.find((v) => v.viewport === viewport), [config.views]);
  // ?view=Component shows that view alone, placed where the Dashboard puts its viewport;
  // a component declared for several viewports is told apart as Component@viewport.
  const only = params.get('view');
  const soloView = only ? config.views.find((v) => viewKey(config.views, v) === only) ?? config.views.find((v) => v.component === only) : undefined;
  // The route is the full page's business (where the SDK's router belongs); other views show it once they move off "/".
  const showsRoute = Boolean(soloView && (soloView.viewport === FULL_PAGE_VIEWPORT || encodeAppRoute(appRoute.href, appRoute.searchParams) !== '/'));
  const placement: Placement | null = soloView ? placementOf(soloView.viewport) : null;
  const inDrawer = placement?.kind === 'drawer';
  const settings = soloView ? (inDrawer ? undefined : soloView) : view(SETTINGS);
  const drawer = soloView ? (inDrawer ? soloView : undefined) : view(DRAWER);
  const objectKind = placement && (placement.kind === 'drawer' || placement.kind === 'page-module') ? placement.object : undefined;
  const [objectId, setObjectId] = useState(params.get('object') ?? objectKind?.samples[mode] ?? '');
  // Switching mode moves the picker from one mode's starting object to the other's (an id names an object in one
  // mode only); an object the user picked stays, and a view then gets Stripe's 404 for it, as in the Dashboard.
  const switchMode = (next: 'test' | 'live') => {
    setMode(next);
    if (objectKind) setObjectId((id) => (id === objectKind.samples[mode] ? objectKind.samples[next] : id));
  };
  // The Dashboard hands a detail page's views the object on that page; other views get null.
  const objectContext = useMemo(() => (objectKind && objectId ? {id: objectId, object: objectKind.object} : null), [objectKind, objectId]);

  // Keep the address bar in step, so a reload keeps who and which mode. On the
  // OAuth return route this also drops the code from the address bar, so a
  // reload does not hand it to the view again.
  useEffect(() => {
    const url = new URL('/', location.href);
    for (const key of ['view', 'drawer']) {
      const value = params.get(key);
      if (value !== null && !opening) url.searchParams.set(key, value);
    }
    url.searchParams.set('user', user.id);
    url.searchParams.set('mode', mode);
    if (objectContext) url.searchParams.set('object', objectContext.id);
    if (showsRoute) url.searchParams.set('route', encodeAppRoute(appRoute.href, appRoute.searchParams));
    history.replaceState(null, '', url);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `params` and `opening` are fixed for the page's life
  }, [user.id, mode, objectContext, appRoute]);

  // Back and forward move the view's route, as in the Dashboard.
  useEffect(() => {
    const onPop = () => setAppRoute(decodeAppRoute(new URLSearchParams(location.search).get('route')));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    const events = new EventSource(`/__preview/events?token=${encodeURIComponent(config.token)}`);
    events.addEventListener('log', (e) => setLog((l) => [...l.slice(-199), JSON.parse((e as MessageEvent<string>).data) as LogEntry]));
    events.addEventListener('rebuilt', (e) => {
      // A view that never built before has no problem any more, and loads.
      const {build, problems} = JSON.parse((e as MessageEvent<string>).data) as {build: number; problems: PreviewProblem[]};
      setConfig((c) => ({...c, build, problems}));
    });
    events.addEventListener('build-failures', (e) => setBuildFailures(JSON.parse((e as MessageEvent<string>).data) as BuildFailures));
    return () => events.close();
  }, [config.token]);

  const report = useCallback(
    (kind: 'dashboard' | 'app', route: string) => {
      void fetch('/__preview/navigation', {
        method: 'POST',
        headers: {'content-type': 'application/json', 'x-keyring-preview-token': config.token},
        body: JSON.stringify({user: user.id, mode, kind, route}),
      }).catch(() => undefined);
    },
    [config.token, user.id, mode],
  );
  const fullPage = config.views.find((v) => v.viewport === FULL_PAGE_VIEWPORT);
  /** Loads a view on a page of its own (or the settings page and drawer for ""), for this user and mode. */
  const openView = useCallback(
    (component: string, more: {route?: string; object?: string} = {}) => {
      const url = new URL('/', location.href);
      if (component) url.searchParams.set('view', component);
      url.searchParams.set('user', user.id);
      url.searchParams.set('mode', mode);
      if (more.route) url.searchParams.set('route', more.route);
      if (more.object) url.searchParams.set('object', more.object);
      location.assign(url);
    },
    [user.id, mode],
  );
  const onAppRoute = useCallback(
    (href: string, searchParams: SearchParams, replace: boolean) => {
      const next = {href, searchParams};
      setAppRoute(next);
      const url = new URL(location.href);
      url.searchParams.set('route', encodeAppRoute(href, searchParams));
      if (replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      report('app', encodeAppRoute(href, searchParams));
    },
    [report],
  );
  const navigate = useCallback(
    (route: unknown) => {
      if (!isDashboardRoute(route)) {
        toast('Not a Dashboard route', {type: 'caution'});
        return;
      }
      const app = appHrefOf(route);
      report('dashboard', describeRoute(route));
      if (app && fullPage) {
        // One of this app's own full-page routes: the Dashboard opens the app's page at it.
        if (soloView === fullPage) onAppRoute(app.href, app.searchParams, false);
        else openView(viewKey(config.views, fullPage), {route: encodeAppRoute(app.href, app.searchParams)});
        return;
      }
      // A Dashboard page where the app has a view: open that view there, on the route's object.
      const page = viewportsOfRoute(route);
      const there = page && config.views.find((v) => page.viewports.includes(v.viewport));
      if (page && there) {
        openView(viewKey(config.views, there), {object: page.objectId});
        return;
      }
      setDashboardRoute(describeRoute(route));
    },
    [toast, report, fullPage, soloView, onAppRoute, openView, config.views],
  );
  const hooks = useMemo(() => ({toast, navigate}), [toast, navigate]);

  // The Dashboard hands oauthContext to the drawer it reopens, and to no later
  // one: once that drawer goes (closed, another user or mode, a rebuild), it is dropped.
  const drawerKey = `${user.id}/${mode}/${config.build}/${drawerOpen}`;
  const oauthFor = useRef<string | null>(opening ? drawerKey : null);
  useEffect(() => {
    if (oauthFor.current !== drawerKey) oauthFor.current = null;
  }, [drawerKey]);
  const oauthContext = opening && oauthFor.current === drawerKey ? opening.oauthContext : undefined;

  const titles = titleOf(config.app.name, soloView);
  useEffect(() => {
    document.title = titles.document;
  }, [titles.document]);

  return (
    <div className={`kr-dashboard kr-mode-${mode}`}>
      <BuildErrorOverlay failures={buildFailures} components={[settings, drawer].flatMap((v) => (v ? [v.component] : []))} />
      <div className="kr-frame-top">
        <header className="kr-topbar">
          <div className="kr-account" title={`${config.account.name} (${config.account.id})`}>
            <span className="kr-account-tile" aria-hidden="true">
              {config.account.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="kr-account-text">
              <strong>{config.account.name}</strong>
              <span className="kr-secondary">
                {config.account.id} · offline preview of {config.app.name}
              </span>
            </span>
          </div>
          <div className="kr-topbar-controls">
            <label className="kr-header-field">
              <span className="kr-header-label">View</span>
              <select
                className="kr-header-select kr-header-select-view"
                aria-label="View"
                value={soloView ? viewKey(config.views, soloView) : ''}
                onChange={(e) => {
                  // A view of its own is a page of its own: load it, as the Dashboard navigates.
                  openView(e.target.value);
                }}
              >
                <option value="">Settings page and drawer</option>
                {config.views.map((v) => (
                  <option key={`${v.component}@${v.viewport}`} value={viewKey(config.views, v)}>
                    {v.component} ({v.viewport})
                  </option>
                ))}
              </select>
            </label>
            <label className="kr-header-toggle">
              <span>Test mode</span>
              {/* The Dashboard's "Test mode" toggle: a real checkbox, so Space flips it and it keeps the browser's semantics. */}
              <input
                type="checkbox"
                role="switch"
                className="kr-switch kr-switch-test"
                checked={mode === 'test'}
                onChange={(e) => switchMode(e.target.checked ? 'test' : 'live')}
              />
            </label>
            <label className="kr-header-field kr-user-switch">
              <span className="kr-avatar" aria-hidden="true">
                {initialsOf(user.name)}
              </span>
              <select className="kr-header-select" aria-label="Preview user" value={user.id} onChange={(e) => setUserId(e.target.value)}>
                {config.users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.id})
                  </option>
                ))}
              </select>
            </label>
            {drawer ? (
              <button
                type="button"
                className="kr-button kr-button-secondary kr-drawer-toggle"
                aria-expanded={drawerOpen}
                aria-controls="kr-drawer"
                onClick={() => setDrawerOpen((o) => !o)}
              >
                {drawerOpen ? 'Close drawer' : 'Open drawer'}
              </button>
            ) : null}
          </div>
        </header>
        {mode === 'test' ? (
          <div className="kr-test-ribbon">
            <span>Test mode</span>
          </div>
        ) : null}
      </div>
      <div className="kr-body">
        <div className="kr-main">
          {dashboardRoute ? (
            <div className="kr-route-bar" role="status" aria-label="Dashboard route">
              <span>
                The Dashboard would now open <strong>{dashboardRoute}</strong> (there is no Dashboard page here to show).
              </span>
              <button type="button" className="kr-button kr-button-secondary" onClick={() => setDashboardRoute(null)}>
                Back to the app
              </button>
            </div>
          ) : null}
          {showsRoute ? (
            <div className="kr-route-bar kr-app-route" aria-label="App route">
              App route <code>{encodeAppRoute(appRoute.href, appRoute.searchParams)}</code>
            </div>
          ) : null}
          {config.problems.length ? (
            <section className="kr-problems" aria-label="Problems">
              {config.problems.map((p, i) => (
                <div key={i} className="kr-banner kr-banner-caution" role="alert">
                  <pre>{p.message}</pre>
                </div>
              ))}
            </section>
          ) : null}
          {placement && placement.kind !== 'settings' ? (
            <main className="kr-page" aria-label={`${placement.kind === 'page' ? placement.page : 'Dashboard page'} (stand-in)`}>
              <h1>{titles.heading}</h1>
              {objectKind ? <ObjectPicker kind={objectKind.object} id={objectId} onOpen={setObjectId} /> : null}
              {placement.kind === 'drawer' ? (
                <p className="kr-secondary">A stand-in for this Dashboard page: the app&apos;s view is in the drawer.</p>
              ) : (
                <section className={placement.kind === 'page-module' ? 'kr-page-module' : undefined} aria-label={soloView?.component}>
                  {soloView ? (
                    <ExtensionView
                      key={`${user.id}/${mode}/${config.build}/${objectId}/page`}
                      config={config}
                      session={session}
                      component={soloView.component}
                      viewport={soloView.viewport}
                      objectContext={objectContext}
                      hooks={hooks}
                      route={appRoute}
                      onRouteChange={onAppRoute}
                    />
                  ) : null}
                </section>
              )}
            </main>
          ) : soloView && !placement ? (
            <main className="kr-page" aria-label="Unknown viewport">
              <h1>{titles.heading}</h1>
              <div className="kr-banner kr-banner-critical" role="alert">
                {soloView.component}&apos;s viewport &quot;{soloView.viewport}&quot; is not one Stripe&apos;s manifest schema knows: the Dashboard would not show it. It is drawn here on a plain page.
              </div>
              <ExtensionView key={`${user.id}/${mode}/${config.build}/unknown`} config={config} session={session} component={soloView.component} viewport={soloView.viewport} hooks={hooks} />
            </main>
          ) : (
            <main className="kr-page" aria-label="App settings page">
              <h1>{titles.heading}</h1>
              {settings ? (
                <ExtensionView
                  key={`${user.id}/${mode}/${config.build}/settings`}
                  config={config}
                  session={session}
                  component={settings.component}
                  viewport={settings.viewport}
                  hooks={hooks}
                />
              ) : (
                <p className="kr-secondary">stripe-app.json declares no settings view.</p>
              )}
            </main>
          )}
          <section className="kr-log" aria-label="Request log">
            <h2>Requests from the views</h2>
            {/* Focusable, so a keyboard can scroll the log's overflow (a long path, many requests). */}
            <div className="kr-log-scroll" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Service</th>
                    <th scope="col">User</th>
                    <th scope="col">Mode</th>
                    <th scope="col">Method</th>
                    <th scope="col">Path</th>
                    <th scope="col">Status</th>
                    <th scope="col">Duration</th>
                  </tr>
                </thead>
                <tbody>
                  {log
                    .slice()
                    .reverse()
                    .map((entry, i) => {
                      const expected = isExpectedOutcome(entry);
                      return (
                        <tr key={`${entry.at}-${i}`} className={entry.status >= 400 && !expected ? 'kr-log-error' : undefined}>
                          <td>{new Date(entry.at).toLocaleTimeString()}</td>
                          <td>{entry.service}</td>
                          {/* The provider, the backend and the stand-in are called directly: they cannot tell which preview user called. */}
                          <td>{entry.user ?? '—'}</td>
                          <td>{entry.mode ?? '—'}</td>
                          <td>{entry.method}</td>
                          <td>{entry.path}</td>
                          <td>
                            {entry.status}
                            {expected ? <span className="kr-secondary"> (none yet: expected)</span> : null}
                          </td>
                          <td>{entry.ms.toFixed(0)} ms</td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          </section>
        </div>
        {drawer && drawerOpen ? (
          <aside className="kr-drawer" id="kr-drawer" aria-label="Drawer">
            {/* The column reaches the page's foot; its content stays in the window under the top bar, scrolling on its own. */}
            <div className="kr-drawer-inner">
              <header className="kr-drawer-header">
                <span className="kr-app-tile" aria-hidden="true" style={brand?.color ? {background: brand.color} : undefined}>
                  {brandIcon ? <img src={brandIcon} alt="" /> : config.app.name.slice(0, 1).toUpperCase()}
                </span>
                <strong>{config.app.name}</strong>
              </header>
              <DrawerBrandContext.Provider value={setBrand}>
                <ExtensionView
                  key={`${user.id}/${mode}/${config.build}/${objectId}/drawer`}
                  config={config}
                  session={session}
                  component={drawer.component}
                  viewport={drawer.viewport}
                  objectContext={objectContext}
                  oauthContext={oauthContext}
                  hooks={hooks}
                />
              </DrawerBrandContext.Provider>
            </div>
          </aside>
        ) : null}
      </div>
      <div className="kr-toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`kr-toast kr-toast-${t.type ?? 'default'}`} role="status">
            {t.type === 'pending' ? <span className="kr-spinner kr-spinner-small" aria-hidden /> : null}
            <span>{t.message}</span>
            {t.action ? (
              <button type="button" className="kr-toast-action" onClick={() => pressAction(t.id)}>
                {t.action}
              </button>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * Where the drawer's tile loads a view's brandIcon from: SVG markup becomes a
 * data URL; a URL only from where an Img may load (data: always). Drawn as an
 * <img>, so an SVG's scripts never run in this page.
 */
function brandIconSrc(icon: string | undefined, imageSrc: string[]): string | null {
  if (!icon) return null;
  if (icon.trimStart().startsWith('<')) return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(icon)}`;
  return allowedImage(imageSrc, icon) ? icon : null;
}

/** The avatar's letters: "Ada Lovelace" → "AL". */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}

/** The object a detail page shows: its id, from a simple picker (the view restarts with it, as on a new page). */
function ObjectPicker({kind, id, onOpen}: {kind: string; id: string; onOpen(id: string): void}) {
  const [text, setText] = useState(id);
  return (
    <form
      className="kr-object-picker"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen(text.trim());
      }}
    >
      <label>
        {kind} id{' '}
        <input className="kr-input" aria-label="Object in context" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="kr-button kr-button-secondary">
        Open
      </button>
    </form>
  );
}

// Read once, then gone from the page: on the OAuth return route the config
// holds a code and its verifier, which belong in memory, not in the DOM.
const initialConfig = window.__KEYRING_PREVIEW__;
document.getElementById('kr-config')?.remove();
delete (window as Partial<Window>).__KEYRING_PREVIEW__;

// A view's link the host refused to draw live, or a css key it left out, also gets a line in the terminal, where the developer looks.
onPreviewNotice((notice) => {
  void fetch('/__preview/report', {
    method: 'POST',
    headers: {'content-type': 'application/json', 'x-keyring-preview-token': initialConfig.token},
    body: JSON.stringify(notice),
  }).catch(() => undefined);
});

const rootElement = document.getElementById('root');
if (rootElement) createRoot(rootElement).render(<App initial={initialConfig} />);
