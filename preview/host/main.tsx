/**
 * The preview page: a small Dashboard with the app's settings page, its drawer,
 * a switch between preview users and modes, and a log of the requests the
 * views made (method, path, status, time; never a body or a token).
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {createRoot} from 'react-dom/client';
import type {LogEntry, PreviewConfig} from './config';
import {onBlockedUrl} from './components/urls';
import {ExtensionView} from './ExtensionView';
import type {Session} from './platform';

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
  const [toasts, setToasts] = useState<{id: number; message: string; type?: string}[]>([]);

  const user = config.users.find((u) => u.id === userId) ?? config.users[0];
  const session = useMemo<Session>(() => ({user, mode}), [user, mode]);

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
    history.replaceState(null, '', url);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `params` and `opening` are fixed for the page's life
  }, [user.id, mode]);

  useEffect(() => {
    const events = new EventSource(`/__preview/events?token=${encodeURIComponent(config.token)}`);
    events.addEventListener('log', (e) => setLog((l) => [...l.slice(-199), JSON.parse((e as MessageEvent<string>).data) as LogEntry]));
    events.addEventListener('rebuilt', (e) => {
      const build = Number((e as MessageEvent<string>).data);
      setConfig((c) => ({...c, build}));
    });
    return () => events.close();
  }, [config.token]);

  const hooks = useMemo(
    () => ({
      toast: (message: string, type?: string) => {
        const id = Date.now() + Math.random();
        setToasts((t) => [...t, {id, message, type}]);
        setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 4000);
      },
    }),
    [],
  );
  const view = useCallback((viewport: string) => config.views.find((v) => v.viewport === viewport), [config.views]);
  // ?view=Component shows that view alone, in the page's main area (used to time one view at a time).
  const only = params.get('view');
  const soloView = only ? config.views.find((v) => v.component === only) : undefined;
  const settings = soloView ?? view(SETTINGS);
  const drawer = soloView ? undefined : view(DRAWER);

  // The Dashboard hands oauthContext to the drawer it reopens, and to no later
  // one: once that drawer goes (closed, another user or mode, a rebuild), it is dropped.
  const drawerKey = `${user.id}/${mode}/${config.build}/${drawerOpen}`;
  const oauthFor = useRef<string | null>(opening ? drawerKey : null);
  useEffect(() => {
    if (oauthFor.current !== drawerKey) oauthFor.current = null;
  }, [drawerKey]);
  const oauthContext = opening && oauthFor.current === drawerKey ? opening.oauthContext : undefined;

  return (
    <div className="kr-dashboard">
      <header className="kr-topbar">
        <strong>{config.app.name}</strong>
        <span className="kr-secondary">offline preview · {config.account.name} ({config.account.id})</span>
        <span className="kr-spacer" />
        <label>
          User{' '}
          <select aria-label="Preview user" value={user.id} onChange={(e) => setUserId(e.target.value)}>
            {config.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          Mode{' '}
          <select aria-label="Mode" value={mode} onChange={(e) => setMode(e.target.value === 'live' ? 'live' : 'test')}>
            <option value="test">Test mode</option>
            <option value="live">Live mode</option>
          </select>
        </label>
        {drawer ? (
          <button type="button" className="kr-button kr-button-secondary" onClick={() => setDrawerOpen((o) => !o)}>
            {drawerOpen ? 'Close drawer' : 'Open drawer'}
          </button>
        ) : null}
      </header>
      {mode === 'test' ? <div className="kr-test-ribbon">Test mode</div> : null}
      <div className="kr-body">
        <main className="kr-page" aria-label="App settings page">
          <h1>{config.app.name} settings</h1>
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
        {drawer && drawerOpen ? (
          <aside className="kr-drawer" aria-label="Drawer">
            <ExtensionView
              key={`${user.id}/${mode}/${config.build}/drawer`}
              config={config}
              session={session}
              component={drawer.component}
              viewport={DRAWER}
              oauthContext={oauthContext}
              hooks={hooks}
            />
          </aside>
        ) : null}
      </div>
      <section className="kr-log" aria-label="Request log">
        <h3>Requests from the views</h3>
        <table>
          <tbody>
            {log
              .slice()
              .reverse()
              .map((entry, i) => (
                <tr key={`${entry.at}-${i}`} className={entry.status >= 400 ? 'kr-log-error' : undefined}>
                  <td>{new Date(entry.at).toLocaleTimeString()}</td>
                  <td>{entry.user}</td>
                  <td>{entry.mode}</td>
                  <td>{entry.method}</td>
                  <td>{entry.path}</td>
                  <td>{entry.status}</td>
                  <td>{entry.ms.toFixed(0)} ms</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <div className="kr-toasts" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`kr-toast kr-toast-${t.type ?? 'default'}`} role="status">
            {t.message}
          </div>
        ))}
      </div>
    </div>
  );
}

// Read once, then gone from the page: on the OAuth return route the config
// holds a code and its verifier, which belong in memory, not in the DOM.
const initialConfig = window.__KEYRING_PREVIEW__;
document.getElementById('kr-config')?.remove();
delete (window as Partial<Window>).__KEYRING_PREVIEW__;

// A view's link the host refused to draw live also gets a line in the terminal, where the developer looks.
onBlockedUrl((component, scheme) => {
  void fetch('/__preview/report', {
    method: 'POST',
    headers: {'content-type': 'application/json', 'x-keyring-preview-token': initialConfig.token},
    body: JSON.stringify({component, scheme}),
  }).catch(() => undefined);
});

const rootElement = document.getElementById('root');
if (rootElement) createRoot(rootElement).render(<App initial={initialConfig} />);
