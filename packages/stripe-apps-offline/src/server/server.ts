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
import {createHostGuard, quoteHost} from '../hostGuard';
import {readBody} from '../requestBody';
import {forwardAsExtension, type ExtensionIdentity, type ViewResponse} from '../stripe-api/extension-door';
import {DEFAULT_ACCOUNT, startSecretStore, type RunningSecretStore} from '../stripe-api/server';
import {LOCAL_ACCOUNT_NAME} from '../stripe-api/objects/account';
import type {LogEntry, LogService, OAuthReturn, PreviewConfig, PreviewProblem, PreviewUser, ServedRequest} from '../host/config';
import type {ViewBuildFailure} from '../host/buildFailures';
import {createBuilds, KIT_SRC} from './build';
import {describeFailure, failurePrinter, formatErrors} from './buildErrors';
import type {LocalPorts} from './localPorts';
import {loadManifest, type Manifest} from './manifest';
import {localTarget} from './localOAuth';
import {FULL_PAGE_VIEWPORT} from '../host/navigation';
import {VIEWPORTS} from '../host/viewports';
import {oauthContextForReturn, OAuthStates, ViewStateTooLargeError} from './oauthStates';
import {signForView} from './signature';
import {sourceMappedStack} from './sourceStack';

export const PREVIEW_USERS: PreviewUser[] = [
  {id: 'usr_PreviewAda0001', name: 'Ada Lovelace', email: 'ada@example.com', roles: [{id: 'admin', name: 'Administrator', type: 'builtIn'}]},
  {id: 'usr_PreviewBen0002', name: 'Ben Okafor', email: 'ben@example.com', roles: [{id: 'developer', name: 'Developer', type: 'builtIn'}]},
];
export const PREVIEW_ACCOUNT = {id: DEFAULT_ACCOUNT, name: LOCAL_ACCOUNT_NAME, country: 'US'};

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
  /**
   * The folder whose stripe-app.json (and stripe-app.local.json) the preview
   * reads, when not `root`: an app's tests preview its views on a manifest of
   * their own, so a fork's edits to its manifest do not change what they test.
   */
  manifestDir?: string;
  /** The local services' ports, when not the defaults stripe-app.local.json names: its URLs move with them. */
  localPorts?: Partial<LocalPorts>;
  /** The app's stand-ins, where they answer: the manifest's URLs on each one's origin are read moved to it (standIns.ts). */
  standIns?: readonly {standsInFor: string; url: string}[];
  /** Views beyond the manifest's, for the preview's own tests: built and shown like the app's. */
  extraViews?: {viewport: string; component: string; file: string}[];
  /** One line per request and rebuild (never a body or a token). */
  log?: (line: string) => void;
  /** Made-up Stripe objects (customers, payments, billing, catalog) for the preview account: once per data file (default), anew, or never. */
  seed?: 'once' | 'reset' | 'off';
  /** The app's signing secret for fetchStripeSignature (default: a new random one per run). */
  signingSecret?: string;
}

export interface RunningPreview {
  url: string;
  port: number;
  /** What fetchStripeSignature signs with: the app backend verifies with it. */
  signingSecret: string;
  store: RunningSecretStore;
  manifest: Manifest;
  requests: LogEntry[];
  /**
   * Into the page's request log: a request another local service (the OAuth
   * provider, the backend, the Acme stand-in) answered for a view. The
   * service says what it served; the path is cut at any query all the same.
   */
  recordServed(service: Exclude<LogService, 'stripe-api' | 'preview'>, served: ServedRequest): void;
  close(): Promise<void>;
}

// The return route's page carries a code and verifier: never cached, never framed, no referrer.
const HOST_PAGE_HEADERS = {'content-security-policy': "frame-ancestors 'none'", 'referrer-policy': 'no-referrer'};

const FRAME_HTML = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>extension realm</title></head><body><script src="${script}"></script></body></html>`;

/** A view's module, as `stripe apps` finds it: src/views/<Component> with a TypeScript or JavaScript extension. */
function viewFile(root: string, component: string): string {
  const base = path.join(root, 'src/views', component);
  return ['.tsx', '.ts', '.jsx', '.js'].map((ext) => base + ext).find((file) => fs.existsSync(file)) ?? `${base}.tsx`;
}

/** What in the manifest the Dashboard would refuse, said plainly; none of it stops the preview. */
function manifestProblems(manifest: Manifest): PreviewProblem[] {
  const problems: PreviewProblem[] = [];
  if (!Array.isArray(manifest.permissions)) {
    problems.push({message: 'stripe-app.json has no "permissions" list: the Dashboard needs one (it may be empty). The views run with no permissions.'});
  }
  for (const v of manifest.ui_extension.views) {
    if (!(VIEWPORTS as readonly string[]).includes(v.viewport) && v.viewport !== FULL_PAGE_VIEWPORT) {
      problems.push({component: v.component, message: `stripe-app.json puts ${v.component} in the viewport "${v.viewport}", which Stripe's manifest schema does not know.`});
    }
  }
  return problems;
}

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
    // The iframe's own rights, again in the document: opened as a tab (a view can
    // link to its frame URL), it still runs at an opaque origin, not as this server.
    'sandbox allow-scripts',
  ].join('; ');
}

/**
 * What the Dashboard itself answers on a view's stripeApiFetch, before Stripe's
 * API: the SDK's getDashboardUserEmail (SDK 8 and later) asks GET /v1/user/email
 * for the signed-in user's email. Null: a call for the local Stripe API.
 */
function dashboardAnswer(identity: ExtensionIdentity, method: string, apiPath: string): ViewResponse | null {
  if (method !== 'GET' || apiPath !== '/v1/user/email') return null;
  const user = PREVIEW_USERS.find((u) => u.id === identity.user);
  const ok = Boolean(user);
  const json = ok ? {email: user?.email} : {error: {type: 'invalid_request_error', message: 'No Dashboard user is signed in.'}};
  return {json, headers: {}, ok, redirected: false, status: ok ? 200 : 401, statusText: ok ? 'OK' : 'Unauthorized', type: 'basic', url: ''};
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? (() => undefined);
  const {manifest} = loadManifest(options.manifestDir ?? options.root, options.manifestOverrides, {
    localPorts: options.localPorts,
    standIns: options.standIns,
    // Connect goes to the local provider and returns here; a test's overrides can still send it elsewhere.
    localProvider: localTarget({...options.localPorts, preview: options.port || options.localPorts?.preview}),
  });
  const extraViews = options.extraViews ?? [];
  const declared = [
    // An extra view takes its viewport from the app's view (one view per viewport, as in the Dashboard).
    ...manifest.ui_extension.views
      .filter((v) => !extraViews.some((extra) => extra.viewport === v.viewport))
      .map((v) => ({...v, file: viewFile(options.root, v.component)})),
    ...extraViews,
  ];
  // What the preview cannot use is said on the page and in the terminal; the rest still runs.
  const problems: PreviewProblem[] = manifestProblems(manifest);
  for (const v of declared) {
    if (!fs.existsSync(v.file)) {
      problems.push({component: v.component, unavailable: true, message: `${path.relative(options.root, v.file)} not found: stripe-app.json names the component ${v.component} for the viewport ${v.viewport}.`});
    }
  }
  const views = declared.filter((v) => fs.existsSync(v.file));
  const components = views.map((v) => v.component);
  const outdir = path.join(options.root, '.build/preview', options.minify ? 'min' : 'dev');
  const hostKey = crypto.randomBytes(24).toString('base64url');
  const token = crypto.randomBytes(24).toString('base64url');
  const signingSecret = options.signingSecret ?? `absec_${crypto.randomBytes(24).toString('base64url')}`;
  const bindHost = options.host ?? '127.0.0.1';
  const store = await startSecretStore({
    host: '127.0.0.1',
    port: options.storePort ?? 0,
    file: options.storeFile,
    app: manifest.id,
    account: PREVIEW_ACCOUNT.id,
    hostKey,
    // The Dashboard lets a view read Stripe objects only with the permissions its manifest declares.
    permissions: Array.isArray(manifest.permissions) ? manifest.permissions.map((p) => p.permission) : [],
    seed: options.seed ?? 'once',
  });
  const oauthStates = new OAuthStates();
  const requests: LogEntry[] = [];
  const listeners = new Set<http.ServerResponse>();
  let build = Date.now();
  let rebuildTimer: NodeJS.Timeout | null = null;

  const broadcast = (event: string, data: string) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${data}\n\n`);
  };
  /** Into the page's request log (the last 1000) and to every open page. */
  const record = (entry: LogEntry) => {
    requests.push(entry);
    if (requests.length > 1000) requests.shift();
    broadcast('log', JSON.stringify(entry));
  };

  // The views whose latest build failed (the page's overlay), and those of them with no good build to show at all.
  const buildFailures = new Map<string, ViewBuildFailure>();
  const neverBuilt = new Set<string>();
  const currentProblems = (): PreviewProblem[] => [
    ...problems,
    ...[...buildFailures]
      .filter(([component]) => neverBuilt.has(component))
      .map(([component, failure]) => ({component, unavailable: true, message: `${component} did not build:\n${describeFailure(failure)}`})),
  ];
  // What one change did: esbuild rebuilds each view's bundle on its own, and the page and the terminal hear of it once.
  const changed = {built: new Set<string>(), failed: new Set<string>()};
  const printFailure = failurePrinter();
  const reportChange = () => {
    const failed = [...changed.failed].flatMap((component) => {
      const failure = buildFailures.get(component);
      return failure ? [{component, failure}] : [];
    });
    const built = changed.built.size > 0;
    changed.built.clear();
    changed.failed.clear();
    const printed = printFailure(failed);
    if (printed) log(printed);
    if (built) {
      build = Date.now();
      log('rebuilt views');
      broadcast('rebuilt', JSON.stringify({build, problems: currentProblems()}));
    }
    broadcast('build-failures', JSON.stringify(Object.fromEntries(buildFailures)));
  };

  const builds = await createBuilds({
    root: options.root,
    outdir,
    // One bundle per component, however many viewports it is declared for.
    views: views.filter((v, i) => views.findIndex((w) => w.component === v.component) === i),
    minify: options.minify,
    onRebuilt: (component, failure) => {
      if (failure) {
        buildFailures.set(component, failure);
        changed.built.delete(component);
        changed.failed.add(component);
      } else {
        buildFailures.delete(component);
        neverBuilt.delete(component);
        changed.failed.delete(component);
        changed.built.add(component);
      }
      if (rebuildTimer) clearTimeout(rebuildTimer);
      rebuildTimer = setTimeout(reportChange, 50);
    },
  });
  try {
    const {failed} = await builds.start(options.watch ?? false);
    for (const problem of problems) log(`problem: ${problem.message}`);
    for (const {component, failure} of failed) {
      buildFailures.set(component, failure);
      neverBuilt.add(component);
      log(`problem: ${component} did not build:\n${formatErrors(failure)}`);
    }
  } catch (e) {
    await builds.dispose();
    await store.close();
    throw e;
  }
  const hostJs = () => fs.readFileSync(path.join(outdir, 'host.js'));
  const styles = fs.readFileSync(path.join(KIT_SRC, 'host/styles.css'), 'utf8');

  const config = (opening?: OAuthReturn): PreviewConfig => ({
    token,
    app: {id: manifest.id, name: manifest.name, version: manifest.version},
    account: PREVIEW_ACCOUNT,
    users: PREVIEW_USERS,
    views: declared.map(({viewport, component}) => ({viewport, component})),
    problems: currentProblems(),
    buildFailures: Object.fromEntries(buildFailures),
    constants: manifest.constants ?? null,
    permissions: Array.isArray(manifest.permissions) ? manifest.permissions.map((p) => p.permission) : [],
    connectSrc: manifest.ui_extension.content_security_policy?.['connect-src'] ?? [],
    imageSrc: manifest.ui_extension.content_security_policy?.['image-src'] ?? [],
    recentRequests: requests.slice(-200),
    build,
    ...(opening ? {opening} : {}),
  });

  const readJson = async (req: http.IncomingMessage): Promise<Record<string, unknown>> => {
    const body = await readBody(req, 1024 * 1024);
    if (body === null) throw new Error('body too large');
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  };

  // Set once the server listens (port 0 picks one); read on every request.
  let port = 0;
  const hostGuard = createHostGuard(bindHost, () => port);
  /** The origins this page can be opened at: the loopback names and the bind address, with this port. */
  const ownOrigins = () => new Set(hostGuard.describe().split(', ').map((name) => `http://${name}`));

  /** The host page's own calls: its token, from one of this server's own origins (never a view's opaque one). */
  const fromHostPage = (req: http.IncomingMessage): boolean => {
    const given = String(req.headers['x-keyring-preview-token'] ?? '');
    const sameOrigin = req.headers.origin === undefined || ownOrigins().has(req.headers.origin);
    // Compared as hashes: equal lengths in characters can differ in bytes (non-ASCII), which timingSafeEqual throws on.
    const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
    return sameOrigin && crypto.timingSafeEqual(digest(given), digest(token));
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
  const sendJson = (res: http.ServerResponse, status: number, body: unknown) => send(res, status, 'application/json', JSON.stringify(body));

  const hostPage = (opening?: OAuthReturn) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${manifest.name} · offline preview</title><style>${styles}</style></head><body><div id="root"></div><script id="kr-config">window.__KEYRING_PREVIEW__=${JSON.stringify(config(opening)).replace(/</g, '\\u003c')}</script><script src="/__preview/host.js"></script></body></html>`;

  /**
   * The Dashboard's OAuth return route: the drawer reopens for the user and
   * mode that started the sign-in, with {code, verifier, state} when the state
   * is one this host issued to them in this mode and not yet redeemed, else only {error}.
   */
  const returnFromProvider = (url: URL, mode: 'test' | 'live'): OAuthReturn => {
    const {issued, oauthContext} = oauthContextForReturn(oauthStates, url, mode);
    if (!issued) {
      log(`OAuth return (${mode}): state not issued by this preview or already used, drawer opened with an error`);
      return {user: PREVIEW_USERS[0].id, mode, oauthContext};
    }
    log(`OAuth return (${mode}) for ${issued.identity.user}: ${oauthContext.code ? 'code' : `error ${oauthContext.error}`}`);
    return {user: issued.identity.user, mode, oauthContext};
  };

  /** The view's request, made as a UI extension of the page's chosen user and mode, and logged (path only). */
  const forwardApiCall = async (identity: ExtensionIdentity, body: Record<string, unknown>) => {
    const started = performance.now();
    const apiPath = String(body.path ?? '');
    const init = {method: String(body.method ?? 'GET'), headers: (body.headers ?? {}) as object, body: typeof body.body === 'string' ? body.body : undefined};
    let answer: ViewResponse;
    try {
      answer = dashboardAnswer(identity, init.method, apiPath.split('?')[0]) ?? (await forwardAsExtension({storeUrl: store.url, hostKey}, identity, apiPath, init));
    } catch {
      // The view sees what the Dashboard shows when Stripe is unreachable: a failed request.
      answer = {json: {error: {type: 'api_error', message: 'The local Secret Store could not be reached.'}}, headers: {}, ok: false, redirected: false, status: 502, statusText: 'Bad Gateway', type: 'basic', url: ''};
    }
    const entry: LogEntry = {
      at: Date.now(),
      service: 'stripe-api',
      user: identity.user,
      mode: identity.mode,
      method: init.method,
      // Paths only: a query names secrets and scopes, and the log needs neither.
      path: apiPath.split('?')[0],
      status: answer.status,
      ms: performance.now() - started,
    };
    record(entry);
    log(`${entry.method} ${entry.path} ${entry.status} ${entry.ms.toFixed(0)}ms (${entry.user}, ${entry.mode})`);
    return answer;
  };

  const signatureFor = (identity: ExtensionIdentity, additional: unknown): string => {
    const {header, overrode} = signForView(identity, additional, signingSecret);
    if (overrode) log('fetchStripeSignature: the view named user_id/account_id in its payload; signed the signed-in user and account instead');
    return header;
  };

  interface Call {
    req: http.IncomingMessage;
    res: http.ServerResponse;
    url: URL;
    /** The route pattern's groups. */
    match: RegExpExecArray;
  }
  type Handler = (call: Call) => void | Promise<void>;
  /** A platform call from the host page on behalf of the view of `identity`. */
  type PlatformHandler = (call: Call, identity: ExtensionIdentity, body: Record<string, unknown>) => void | Promise<void>;

  /** A call only the host page may make: its token and one of this server's origins, before the body is read. */
  const hostPageCall =
    (handle: (call: Call, body: Record<string, unknown>) => void | Promise<void>): Handler =>
    async (call) => {
      if (!fromHostPage(call.req)) return sendJson(call.res, 403, {error: 'not the preview host page'});
      return handle(call, await readJson(call.req));
    };

  /** A host-page call on behalf of a view: who the page says is signed in, too. */
  const platformCall = (handle: PlatformHandler): Handler =>
    hostPageCall((call, body) => {
      const identity = identityFor(body);
      if (!identity) return sendJson(call.res, 400, {error: 'unknown preview user or mode'});
      return handle(call, identity, body);
    });

  const html = (res: http.ServerResponse, page: string) => send(res, 200, 'text/html; charset=utf-8', page, HOST_PAGE_HEADERS);

  // Every route the preview answers, in one table: method, path, handler.
  // css keys the SDK does not have that a view used, named in the terminal once per run (the report route).
  const reportedCssKeys = new Set<string>();
  const ROUTES: {method: 'GET' | 'POST'; path: RegExp; handle: Handler}[] = [
    {method: 'GET', path: /^\/$/, handle: ({res}) => html(res, hostPage())},
    {
      method: 'GET',
      path: /^\/(test\/)?apps-oauth\/([^/]+)$/,
      handle: ({res, url, match}) => {
        if (decodeURIComponent(match[2]) !== manifest.id) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
        return html(res, hostPage(returnFromProvider(url, match[1] ? 'test' : 'live')));
      },
    },
    {method: 'GET', path: /^\/favicon\.ico$/, handle: ({res}) => send(res, 204, 'image/x-icon', '')},
    {method: 'GET', path: /^\/__preview\/host\.js$/, handle: ({res}) => send(res, 200, 'text/javascript; charset=utf-8', hostJs())},
    {
      method: 'GET',
      path: /^\/__preview\/frame\/([A-Za-z0-9_]+)$/,
      handle: ({req, res, match}) => {
        if (!components.includes(match[1])) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
        // The name the page was opened at (already checked by the host guard), so localhost works too.
        const origin = `http://${String(req.headers.host).toLowerCase()}`;
        const script = `${origin}/__preview/views/${match[1]}.js?build=${build}`;
        return send(res, 200, 'text/html; charset=utf-8', FRAME_HTML(script), {'content-security-policy': cspFor(manifest, origin)});
      },
    },
    {
      method: 'GET',
      path: /^\/__preview\/views\/([A-Za-z0-9_]+)\.js$/,
      handle: ({res, match}) => {
        if (!components.includes(match[1])) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
        return send(res, 200, 'text/javascript; charset=utf-8', fs.readFileSync(path.join(outdir, 'views', `${match[1]}.js`)));
      },
    },
    {
      method: 'GET',
      path: /^\/__preview\/events$/,
      handle: ({req, res, url}) => {
        if (url.searchParams.get('token') !== token) return send(res, 403, 'text/plain', 'forbidden');
        res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive'});
        res.write(': connected\n\n');
        // The page's config may predate a build that failed or recovered while it loaded.
        res.write(`event: build-failures\ndata: ${JSON.stringify(Object.fromEntries(buildFailures))}\n\n`);
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
      },
    },
    {
      method: 'POST',
      path: /^\/__preview\/api$/,
      handle: platformCall(async ({res}, identity, body) => sendJson(res, 200, await forwardApiCall(identity, body))),
    },
    {
      method: 'POST',
      path: /^\/__preview\/oauth\/state$/,
      handle: platformCall(({res}, identity, body) => {
        try {
          return sendJson(res, 200, oauthStates.issue(identity, String(body.state ?? '')));
        } catch (e) {
          if (e instanceof ViewStateTooLargeError) {
            log(`createOAuthState refused: ${e.message}`);
            return sendJson(res, 413, {error: e.message});
          }
          throw e;
        }
      }),
    },
    {
      method: 'POST',
      path: /^\/__preview\/signature$/,
      handle: platformCall(({res}, identity, body) => sendJson(res, 200, signatureFor(identity, body.additionalPayload))),
    },
    {
      method: 'POST',
      path: /^\/__preview\/navigation$/,
      handle: platformCall(({res}, identity, body) => {
        // A route as the page describes it; no control characters or line breaks, so it cannot forge terminal lines.
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        const route = String(body.route ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?').slice(0, 200);
        const dashboard = body.kind === 'dashboard';
        const entry: LogEntry = {at: Date.now(), service: 'preview', user: identity.user, mode: identity.mode, method: dashboard ? 'NAVIGATE' : 'ROUTE', path: route, status: 200, ms: 0};
        record(entry);
        log(dashboard ? `navigateToDashboardRoute: ${route} (${entry.user}, ${entry.mode})` : `app route: ${route} (${entry.user}, ${entry.mode})`);
        return send(res, 204, 'text/plain', '');
      }),
    },
    {
      method: 'POST',
      path: /^\/__preview\/stack$/,
      // The host page asks, since only this server has the bundles' source maps.
      handle: hostPageCall(({res}, body) => sendJson(res, 200, {stack: sourceMappedStack(String(body.stack ?? ''), {outdir, root: options.root})})),
    },
    {
      method: 'POST',
      path: /^\/__preview\/report$/,
      handle: hostPageCall(({res}, body) => {
        if (body.kind === 'css-key') {
          // A key name only (checked, so it cannot forge a terminal line), once per run however often pages report it.
          const key = String(body.key);
          if (/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(key) && !reportedCssKeys.has(key)) {
            reportedCssKeys.add(key);
            log(`a view's css uses "${key}", which @stripe/ui-extension-sdk's css prop does not have: the preview leaves it out (older SDKs had layout and background; see the SDK's style docs)`);
          }
          return send(res, 204, 'text/plain', '');
        }
        // Both come from the host's own code, but are checked before they reach the terminal.
        const component = /^[A-Za-z ]{1,40}$/.test(String(body.component)) ? String(body.component) : 'component';
        const scheme = /^([a-z][a-z0-9+.-]{0,30}:|not a URL)$/.test(String(body.scheme)) ? String(body.scheme) : 'unsafe';
        log(`blocked a ${scheme === 'not a URL' ? 'malformed' : scheme} URL in a view's ${component}: drawn inert (only https:, http: and mailto: links are drawn)`);
        return send(res, 204, 'text/plain', '');
      }),
    },
  ];

  const server = http.createServer((req, res) => {
    void (async () => {
      // Before anything else: a name that is not ours is a DNS-rebinding page, and gets no page, token or answer.
      if (!hostGuard.allows(req)) {
        log(`refused ${req.method} for Host "${quoteHost(req)}": this preview answers only at ${hostGuard.describe()}`);
        return send(
          res,
          421,
          'text/plain; charset=utf-8',
          `This offline preview answers only at ${hostGuard.describe()}. Other host names are refused, so a web page cannot reach it through DNS rebinding.`,
        );
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      for (const route of ROUTES) {
        const match = route.path.exec(url.pathname);
        if (match && req.method === route.method) return route.handle({req, res, url, match});
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'preview server error');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4300, bindHost, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}`;

  return {
    url: origin,
    port,
    signingSecret,
    store,
    manifest,
    requests,
    recordServed(service, served) {
      record({
        at: Date.now(),
        service,
        method: /^[A-Z]{1,10}$/.test(served.method) ? served.method : 'OTHER',
        // Never a query (codes, states and verifiers travel there), nor anything that could forge a line.
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        path: served.path.split('?')[0].replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?').slice(0, 200),
        status: served.status,
        ms: served.ms,
      });
    },
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
