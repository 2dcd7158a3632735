/**
 * The preview server: serves the host page and the view bundles, starts the
 * local Secret Store, and answers the host's platform calls. The host page
 * proves itself with a per-run token; the views' iframes (opaque origins, under
 * a CSP that does not list this server) cannot reach it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type {AddressInfo} from 'node:net';
import {forwardAsExtension, type ExtensionIdentity} from '../secret-store/extension-door';
import {DEFAULT_ACCOUNT, startSecretStore, type RunningSecretStore} from '../secret-store/server';
import type {LogEntry, OAuthReturn, PreviewConfig, PreviewUser} from '../host/config';
import {createBuilds} from './build';
import {loadManifest, type Manifest} from './manifest';
import {oauthContextForReturn, OAuthStates} from './oauthStates';

export const PREVIEW_USERS: PreviewUser[] = [
  {id: 'usr_PreviewAda0001', name: 'Ada Lovelace', email: 'ada@keyring.example', roles: [{id: 'admin', name: 'Administrator', type: 'builtIn'}]},
  {id: 'usr_PreviewBen0002', name: 'Ben Okafor', email: 'ben@keyring.example', roles: [{id: 'developer', name: 'Developer', type: 'builtIn'}]},
];
export const PREVIEW_ACCOUNT = {id: DEFAULT_ACCOUNT, name: 'Keyring Local', country: 'US'};

export interface PreviewOptions {
  root: string;
  host?: string;
  port?: number;
  /** Secret Store data file, or ':memory:'. */
  storeFile: string;
  storePort?: number;
  minify?: boolean;
  watch?: boolean;
  /**
   * Merged over stripe-app.json and stripe-app.local.json, as a third layer:
   * the tests use it to point OAuth at a provider on a port of their own.
   */
  manifestOverrides?: Record<string, unknown>;
  /** Views beyond the manifest's, for the preview's own tests: built and shown like the app's. */
  extraViews?: {viewport: string; component: string; file: string}[];
  /** One line per request and rebuild (never a body or a token). */
  log?: (line: string) => void;
}

export interface RunningPreview {
  url: string;
  port: number;
  store: RunningSecretStore;
  manifest: Manifest;
  requests: LogEntry[];
  close(): Promise<void>;
}

// The return route's page carries a code and verifier: never cached, never framed, no referrer.
const HOST_PAGE_HEADERS = {'content-security-policy': "frame-ancestors 'none'", 'referrer-policy': 'no-referrer'};

const FRAME_HTML = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>extension realm</title></head><body><script src="${script}"></script></body></html>`;

function cspFor(manifest: Manifest, origin: string): string {
  const csp = manifest.ui_extension.content_security_policy ?? {};
  const connect = csp['connect-src']?.length ? csp['connect-src'].join(' ') : "'none'";
  const images = ['data:', ...(csp['image-src'] ?? [])].join(' ');
  return [
    "default-src 'none'",
    `script-src ${origin}/__preview/views/`,
    `connect-src ${connect}`,
    `img-src ${images}`,
    "style-src 'unsafe-inline'",
  ].join('; ');
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? (() => undefined);
  const {manifest} = loadManifest(options.root, options.manifestOverrides);
  const extraViews = options.extraViews ?? [];
  const views = [
    // An extra view takes its viewport from the app's view (one view per viewport, as in the Dashboard).
    ...manifest.ui_extension.views
      .filter((v) => !extraViews.some((extra) => extra.viewport === v.viewport))
      .map((v) => ({...v, file: path.join(options.root, 'src/views', `${v.component}.tsx`)})),
    ...extraViews,
  ];
  const components = views.map((v) => v.component);
  const outdir = path.join(options.root, '.build/preview', options.minify ? 'min' : 'dev');
  const hostKey = crypto.randomBytes(24).toString('base64url');
  const token = crypto.randomBytes(24).toString('base64url');
  const signingSecret = crypto.randomBytes(32);
  const store = await startSecretStore({
    host: '127.0.0.1',
    port: options.storePort ?? 0,
    file: options.storeFile,
    app: manifest.id,
    account: PREVIEW_ACCOUNT.id,
    hostKey,
  });
  const oauthStates = new OAuthStates();
  const requests: LogEntry[] = [];
  const listeners = new Set<http.ServerResponse>();
  let build = Date.now();
  let rebuildTimer: NodeJS.Timeout | null = null;

  const broadcast = (event: string, data: string) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${data}\n\n`);
  };

  const builds = await createBuilds({
    root: options.root,
    outdir,
    views,
    minify: options.minify,
    onRebuilt: (ok, errors) => {
      if (!ok) {
        log(`build failed: ${errors.join('; ')}`);
        return;
      }
      // One change can rebuild several views: tell the page once.
      if (rebuildTimer) clearTimeout(rebuildTimer);
      rebuildTimer = setTimeout(() => {
        build = Date.now();
        log('rebuilt views');
        broadcast('rebuilt', String(build));
      }, 50);
    },
  });
  try {
    await builds.start(options.watch ?? false);
  } catch (e) {
    await builds.dispose();
    await store.close();
    throw e;
  }
  const hostJs = () => fs.readFileSync(path.join(outdir, 'host.js'));
  const styles = fs.readFileSync(path.join(options.root, 'preview/host/styles.css'), 'utf8');

  let origin = '';
  const config = (opening?: OAuthReturn): PreviewConfig => ({
    token,
    app: {id: manifest.id, name: manifest.name, version: manifest.version},
    account: PREVIEW_ACCOUNT,
    users: PREVIEW_USERS,
    views: views.map(({viewport, component}) => ({viewport, component})),
    constants: manifest.constants ?? null,
    permissions: manifest.permissions.map((p) => p.permission),
    connectSrc: manifest.ui_extension.content_security_policy?.['connect-src'] ?? [],
    recentRequests: requests.slice(-200),
    build,
    ...(opening ? {opening} : {}),
  });

  const readJson = async (req: http.IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 1024 * 1024) throw new Error('body too large');
      chunks.push(chunk as Buffer);
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  };

  /** The host page's own calls: its token, from its own origin (never a view's opaque one). */
  const fromHostPage = (req: http.IncomingMessage): boolean => {
    const given = String(req.headers['x-keyring-preview-token'] ?? '');
    const sameOrigin = req.headers.origin === undefined || req.headers.origin === origin;
    return sameOrigin && given.length === token.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token));
  };

  const identityFor = (body: Record<string, unknown>): ExtensionIdentity | null => {
    const user = PREVIEW_USERS.find((u) => u.id === body.user);
    const mode = body.mode === 'live' ? 'live' : body.mode === 'test' ? 'test' : null;
    return user && mode ? {app: manifest.id, account: PREVIEW_ACCOUNT.id, user: user.id, mode} : null;
  };

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, {'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers});
    res.end(body);
  };

  const hostPage = (opening?: OAuthReturn) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${manifest.name} · Keyring preview</title><style>${styles}</style></head><body><div id="root"></div><script id="kr-config">window.__KEYRING_PREVIEW__=${JSON.stringify(config(opening)).replace(/</g, '\\u003c')}</script><script src="/__preview/host.js"></script></body></html>`;

  /**
   * The Dashboard's OAuth return route: the drawer reopens for the user and
   * mode that started the sign-in, with {code, verifier, state} when the state
   * is one this host issued to them in this mode, else only {error}.
   */
  const returnFromProvider = (url: URL, mode: 'test' | 'live'): OAuthReturn => {
    const {issued, oauthContext} = oauthContextForReturn(oauthStates, url, mode);
    if (!issued) {
      log(`OAuth return (${mode}): state not issued by this preview, drawer opened with an error`);
      return {user: PREVIEW_USERS[0].id, mode, oauthContext};
    }
    log(`OAuth return (${mode}) for ${issued.identity.user}: ${oauthContext.code ? 'code' : `error ${oauthContext.error}`}`);
    return {user: issued.identity.user, mode, oauthContext};
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1');
      const route = url.pathname;
      if (req.method === 'GET' && route === '/') return send(res, 200, 'text/html; charset=utf-8', hostPage(), HOST_PAGE_HEADERS);
      const oauthReturn = /^\/(test\/)?apps-oauth\/([^/]+)$/.exec(route);
      if (req.method === 'GET' && oauthReturn && decodeURIComponent(oauthReturn[2]) === manifest.id) {
        return send(res, 200, 'text/html; charset=utf-8', hostPage(returnFromProvider(url, oauthReturn[1] ? 'test' : 'live')), HOST_PAGE_HEADERS);
      }
      if (req.method === 'GET' && route === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      if (req.method === 'GET' && route === '/__preview/host.js') return send(res, 200, 'text/javascript; charset=utf-8', hostJs());
      const frame = /^\/__preview\/frame\/([A-Za-z0-9_]+)$/.exec(route);
      if (req.method === 'GET' && frame && components.includes(frame[1])) {
        const script = `${origin}/__preview/views/${frame[1]}.js?build=${build}`;
        return send(res, 200, 'text/html; charset=utf-8', FRAME_HTML(script), {'content-security-policy': cspFor(manifest, origin)});
      }
      const bundle = /^\/__preview\/views\/([A-Za-z0-9_]+)\.js$/.exec(route);
      if (req.method === 'GET' && bundle && components.includes(bundle[1])) {
        return send(res, 200, 'text/javascript; charset=utf-8', fs.readFileSync(path.join(outdir, 'views', `${bundle[1]}.js`)));
      }
      if (req.method === 'GET' && route === '/__preview/events') {
        if (url.searchParams.get('token') !== token) return send(res, 403, 'text/plain', 'forbidden');
        res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'});
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return undefined;
      }
      if (req.method === 'POST' && route.startsWith('/__preview/')) {
        if (!fromHostPage(req)) return send(res, 403, 'application/json', JSON.stringify({error: 'not the preview host page'}));
        const body = await readJson(req);
        const identity = identityFor(body);
        if (!identity) return send(res, 400, 'application/json', JSON.stringify({error: 'unknown preview user or mode'}));

        if (route === '/__preview/api') {
          const started = performance.now();
          const apiPath = String(body.path ?? '');
          const init = {method: String(body.method ?? 'GET'), headers: (body.headers ?? {}) as object, body: typeof body.body === 'string' ? body.body : undefined};
          let answer;
          try {
            answer = await forwardAsExtension({storeUrl: store.url, hostKey}, identity, apiPath, init);
          } catch {
            // The view sees what the Dashboard shows when Stripe is unreachable: a failed request.
            answer = {json: {error: {type: 'api_error', message: 'The local Secret Store could not be reached.'}}, headers: {}, ok: false, redirected: false, status: 502, statusText: 'Bad Gateway', type: 'basic', url: ''};
          }
          const entry: LogEntry = {
            at: Date.now(),
            user: identity.user,
            mode: identity.mode,
            method: init.method,
            // Paths only: a query names secrets and scopes, and the log needs neither.
            path: apiPath.split('?')[0],
            status: answer.status,
            ms: performance.now() - started,
          };
          requests.push(entry);
          if (requests.length > 1000) requests.shift();
          broadcast('log', JSON.stringify(entry));
          log(`${entry.method} ${entry.path} ${entry.status} ${entry.ms.toFixed(0)}ms (${entry.user}, ${entry.mode})`);
          return send(res, 200, 'application/json', JSON.stringify(answer));
        }
        if (route === '/__preview/oauth/state') {
          return send(res, 200, 'application/json', JSON.stringify(oauthStates.issue(identity, String(body.state ?? ''))));
        }
        if (route === '/__preview/signature') {
          const payload = JSON.stringify({user_id: identity.user, account_id: identity.account, ...(body.additionalPayload ?? {})});
          const timestamp = Math.floor(Date.now() / 1000);
          const signature = crypto.createHmac('sha256', signingSecret).update(`${timestamp}.${payload}`).digest('hex');
          return send(res, 200, 'application/json', JSON.stringify(`t=${timestamp},v1=${signature}`));
        }
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'preview server error');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4300, options.host ?? '127.0.0.1', () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  origin = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url: origin,
    port,
    store,
    manifest,
    requests,
    async close() {
      if (rebuildTimer) clearTimeout(rebuildTimer);
      for (const res of listeners) res.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await builds.dispose();
      await store.close();
    },
  };
}
