/**
 * The preview page: a small Dashboard with the app's settings page, its drawer,
 * a switch between preview users and modes, and a log of the requests the
 * views made (method, path, status, time; never a body or a token).
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {createRoot} from 'react-dom/client';
import type {SearchParams} from '@stripe/ui-extension-sdk/types/global.navigation';
import {BuildErrorOverlay} from './BuildErrorOverlay';
import {Drawer} from './page/Drawer';
import {ObjectPicker} from './page/ObjectPicker';
import {RequestLog} from './page/RequestLog';
import {ToastList} from './page/ToastList';
import {TopBar} from './page/TopBar';
import {viewKey} from './page/viewKey';
import type {BuildFailures} from './buildFailures';
import type {LogEntry, PreviewConfig, PreviewProblem} from './config';
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

function App({initial}: {initial: PreviewConfig}) {
  const [config, setConfig] = useState(initial);
  const params = new URLSearchParams(location.search);
  const opening = initial.opening;
  const [userId, setUserId] = useState(opening?.user ?? params.get('user') ?? initial.users[0].id);
  const [mode, setMode] = useState<'test' | 'live'>(opening?.mode ?? (params.get('mode') === 'live' ? 'live' : 'test'));
  const [drawerOpen, setDrawerOpen] = useState(params.get('drawer') !== 'closed' || opening !== undefined);
  const [log, setLog] = useState<LogEntry[]>(initial.recentRequests);
  const {toasts, show: toast, pressAction} = useToasts();
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
        <TopBar
          config={config}
          soloView={soloView}
          openView={openView}
          mode={mode}
          switchMode={switchMode}
          user={user}
          setUserId={setUserId}
          hasDrawer={Boolean(drawer)}
          drawerOpen={drawerOpen}
          toggleDrawer={() => setDrawerOpen((o) => !o)}
        />
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
          <RequestLog log={log} />
        </div>
        {drawer && drawerOpen ? (
          <Drawer
            key={`${user.id}/${mode}/${config.build}/${objectId}/drawer`}
            config={config}
            session={session}
            view={drawer}
            objectContext={objectContext}
            oauthContext={oauthContext}
            hooks={hooks}
          />
        ) : null}
      </div>
      <ToastList toasts={toasts} onAction={pressAction} />
    </div>
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
