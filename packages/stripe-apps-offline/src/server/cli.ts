/**
 * `stripe-apps-offline [--root DIR]`: previews the Stripe App in DIR (default:
 * the current folder) offline. Builds its views with the app's own SDK and
 * React, starts the local Stripe API (persistent, in KEYRING_DATA), the local
 * OAuth provider and, when the app's package.json declares them, the app's own
 * backend (appBackend.ts) and its stand-ins for third parties (standIns.ts);
 * rebuilds on every change.
 *
 *   --root DIR    the app's folder (holds stripe-app.json); default: the current folder
 *   --manifest DIR  read stripe-app.json and stripe-app.local.json from DIR instead (an app's tests
 *                   run its views on a manifest of their own); also APP_MANIFEST, as APP_ROOT for --root
 *   PORT          preview port (default 4300)
 *   STORE_PORT    local Stripe API port (default 4310)
 *   OAUTH_PORT    local OAuth provider port (default 4320)
 *   <NAME>_PORT   a stand-in's port (ACME_PORT for "acme"; default: the port its package.json entry names)
 *   BACKEND_PORT  the app backend's port (default 4330), when the app has one
 *   KEYRING_DATA  data folder (default DIR/.keyring)
 *   KEYRING_SEED  made-up Stripe objects (customers, payments, invoices, subscriptions, products…): "once" per data file (default), "reset", or "off"
 *   KEYRING_OAUTH_EXCHANGE     "view" or "backend": overrides every connection's exchange mode
 *                              (constants.connections[].exchange); backend runs the app backend as a confidential
 *                              client (the local provider's keyring-preview-backend)
 *   KEYRING_OAUTH_CLIENT_AUTH  overrides every connection's clientAuth ("client_secret_basic" or "client_secret_post")
 *
 * The app's constants.connections run as declared, pointed at the local provider
 * (localOAuth.ts): its name, scopes, exchange mode and client authentication
 * stay the app's; a local file that changes them is named at start-up.
 * stripe-app.local.json names the default ports; other ports move its URLs
 * with them (localPorts.ts), so setting the variable is enough.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {startOAuthProvider} from '../oauth-provider/provider';
import {LOCAL_CLIENT_SECRET, previewRedirectUris, providerIdentity} from '../oauth-provider/constants';
import {connectionBlocks, connectionInLayer, localTarget, oauthBehaviour} from './localOAuth';
import {DataFileError} from '../stripe-api/storage';
import {readAppBackendConfig, startAppBackend} from './appBackend';
import {loadManifest, type Manifest} from './manifest';
import {DEFAULT_LOCAL_PORTS, type LocalPorts} from './localPorts';
import {startPreview, type RunningPreview} from './server';
import {portsInUse, startServices, type Service, type StartContext} from './services';
import {startAppProcess} from './appProcess';
import {KEY_SERVICES} from '../key-services';
import {startKeyServices} from '../key-services/server';
import {readStandIns, standInPortVariable} from './standIns';

const USAGE = `Usage: stripe-apps-offline [start] [--root DIR] [--manifest DIR]

Previews the Stripe App in DIR (default: the current folder) offline: its views
in a local Dashboard, a local Stripe API, a local OAuth provider, and the app's
backend when its package.json names one ("stripe-apps-offline": {"backend": {"command": "…"}}).
--manifest DIR reads stripe-app.json (and stripe-app.local.json) from DIR instead of the app's folder.
Ports and data: see the kit's README (PORT, STORE_PORT, OAUTH_PORT, BACKEND_PORT, KEYRING_DATA).
`;

/** The app's folder from the arguments; exits with a plain message on anything else. */
function parseArgs(argv: string[]): {root: string; manifestDir: string} {
  let root = process.env.APP_ROOT || process.cwd();
  let manifestDir: string | undefined = process.env.APP_MANIFEST || undefined;
  const args = argv[0] === 'start' ? argv.slice(1) : argv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg === '--root' && args[i + 1]) root = args[++i];
    else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
    else if (arg === '--manifest' && args[i + 1]) manifestDir = args[++i];
    else if (arg.startsWith('--manifest=')) manifestDir = arg.slice('--manifest='.length);
    else {
      process.stderr.write(`stripe-apps-offline: unknown argument "${arg.slice(0, 60)}".

${USAGE}`);
      process.exit(2);
    }
  }
  root = path.resolve(root);
  const from = path.resolve(root, manifestDir ?? '.');
  if (!fs.existsSync(path.join(from, 'stripe-app.json'))) {
    const hint = manifestDir === undefined ? "Run it in the app's folder, or pass --root DIR." : 'Check --manifest.';
    process.stderr.write(`stripe-apps-offline: no stripe-app.json in ${from}. ${hint}
`);
    process.exit(2);
  }
  return {root, manifestDir: from};
}

/** Where the manifest sends each connection's sign-in, when that does not match the preview's own ports. */
function oauthMismatches(manifest: Manifest, previewOrigin: string, providerOrigin: string): string[] {
  const origin = (value: unknown) => {
    try {
      return new URL(String(value)).origin;
    } catch {
      return '';
    }
  };
  const shared = (manifest.constants?.redirectUris ?? {}) as {test?: unknown};
  return connectionBlocks(manifest).flatMap((c) => {
    const redirect = ((c.redirectUris ?? shared) as {test?: unknown}).test;
    return [
      ...(origin(c.authorizeUrl) !== providerOrigin ? [`the authorizeUrl of connection "${String(c.id)}" is not on the local provider (${providerOrigin})`] : []),
      ...(origin(redirect) !== previewOrigin ? [`the redirectUris of connection "${String(c.id)}" do not return to this preview (${previewOrigin})`] : []),
    ];
  });
}

/** A port from its variable, else `fallback`. */
function readPort(variable: string, fallback: number): number {
  return Number(process.env[variable] || fallback);
}

/** Each service's port: its variable, else the ports table's default. */
function portsFromEnvironment(): LocalPorts {
  return {
    preview: readPort('PORT', DEFAULT_LOCAL_PORTS.preview),
    store: readPort('STORE_PORT', DEFAULT_LOCAL_PORTS.store),
    oauth: readPort('OAUTH_PORT', DEFAULT_LOCAL_PORTS.oauth),
    backend: readPort('BACKEND_PORT', DEFAULT_LOCAL_PORTS.backend),
    keys: readPort('KEYS_PORT', DEFAULT_LOCAL_PORTS.keys),
  };
}

/** The kit's settings of the exchange mode from the environment, for every connection `ids`: an override layer over both manifest files. */
function exchangeOverrides(ids: string[]): {constants?: {connections: Record<string, Record<string, string>>}} {
  const change: Record<string, string> = {};
  const exchange = process.env.KEYRING_OAUTH_EXCHANGE;
  if (exchange) {
    if (exchange !== 'view' && exchange !== 'backend') fail(`KEYRING_OAUTH_EXCHANGE=${exchange.slice(0, 40)}: use view or backend (or leave it unset for the manifest's).`);
    change.exchange = exchange;
  }
  const clientAuth = process.env.KEYRING_OAUTH_CLIENT_AUTH;
  if (clientAuth) {
    if (clientAuth !== 'client_secret_basic' && clientAuth !== 'client_secret_post') {
      fail(`KEYRING_OAUTH_CLIENT_AUTH=${clientAuth.slice(0, 40)}: use client_secret_basic or client_secret_post (or leave it unset for the manifest's).`);
    }
    change.clientAuth = clientAuth;
  }
  return Object.keys(change).length > 0 ? {constants: {connections: Object.fromEntries(ids.map((id) => [id, change]))}} : {};
}

function fail(message: string): never {
  process.stderr.write(`stripe-apps-offline: ${message}\n`);
  process.exit(2);
}

/** What `read` returns; a mistake it names (in the manifest, in package.json) stops start-up with that message. */
function orFail<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    return fail((e as Error).message);
  }
}

/** Where the exchange mode in effect for connection `id` was set, for the terminal: the last layer that names it. */
function exchangeSource(manifestDir: string, id: string): string {
  if (process.env.KEYRING_OAUTH_EXCHANGE) return 'KEYRING_OAUTH_EXCHANGE';
  const local = path.join(manifestDir, 'stripe-app.local.json');
  if (!fs.existsSync(local)) return 'stripe-app.json';
  return connectionInLayer(JSON.parse(fs.readFileSync(local, 'utf8')), id)?.exchange !== undefined ? 'stripe-app.local.json' : 'stripe-app.json';
}

async function main(): Promise<void> {
  const {root, manifestDir} = parseArgs(process.argv.slice(2));
  const ports = portsFromEnvironment();
  const standIns = orFail(() => readStandIns(root).map((s) => ({...s, port: readPort(standInPortVariable(s.name), s.port)})));
  const standInUrls = standIns.map((s) => ({standsInFor: s.standsInFor, url: `http://127.0.0.1:${s.port}`}));
  const declared = orFail(() => connectionBlocks(loadManifest(manifestDir).manifest).map((c) => c.id as string));
  const manifestOverrides = exchangeOverrides(declared);
  // The manifest as the preview will run it, read once here for what the provider and the backend must agree on.
  const effective = orFail(() =>
    loadManifest(manifestDir, manifestOverrides, {localPorts: ports, standIns: standInUrls, localProvider: localTarget(ports), keyServices: `http://127.0.0.1:${ports.keys}`}),
  );
  const appId = effective.manifest.id;
  const connections = connectionBlocks(effective.manifest).map((c) => ({id: c.id as string, ...oauthBehaviour(c)}));
  const inBackend = connections.filter((c) => c.exchange === 'backend');
  // One signing secret per run, shared by the preview's fetchStripeSignature and the backend: verification is real, never skipped.
  const signingSecret = `absec_${crypto.randomBytes(24).toString('base64url')}`;
  const data = process.env.KEYRING_DATA || path.join(root, '.keyring');
  const out = (line: string) => process.stdout.write(`${line}\n`);

  // Every local service, in the order they start; each says where it is once all are up.
  const SERVICES: Service[] = [
    {
      name: 'OAuth provider',
      port: ports.oauth,
      portVariable: 'OAUTH_PORT',
      async start(context) {
        const provider = await startOAuthProvider({
          port: ports.oauth,
          redirectUris: previewRedirectUris(`http://127.0.0.1:${ports.preview}`, appId),
          log: (line) => out(`oauth: ${line}`),
          // The app's name on the consent page, its provider's on the pages, its scopes grantable: what the Dashboard user would see.
          clientName: effective.manifest.name,
          ...providerIdentity(connections),
          onServed: (served) => {
            // The same line as the backend's and the stand-in's, so the terminal has every request the page's log shows.
            out(`oauth: ${served.method} ${served.path} ${served.status} ${served.ms.toFixed(0)}ms`);
            context.recordServed('oauth-provider', served);
          },
        });
        return {url: provider.issuer, info: `  OAuth provider: ${provider.issuer} (sign in with any user name and password)`, stop: () => provider.close()};
      },
    },
    {
      name: 'key services',
      port: ports.keys,
      portVariable: 'KEYS_PORT',
      async start(context) {
        // Stand-ins for the services the app's key presets check (key-services/): a preset slot's Test comes here.
        const services = await startKeyServices({
          port: ports.keys,
          onServed: (served) => {
            out(`keys: ${served.method} ${served.path} ${served.status} ${served.ms.toFixed(0)}ms`);
            context.recordServed('key-services', {method: served.method, path: served.path, status: served.status, ms: served.ms});
          },
        });
        return {url: services.url, info: `  key services: ${services.url}/as/<preset>/ (stand-ins for ${Object.keys(KEY_SERVICES).join(', ')}: a key of the service's form works, one holding "revoked" is refused, "outage" gets 503)`, stop: () => services.close()};
      },
    },
    {
      name: 'preview',
      port: ports.preview,
      portVariable: 'PORT',
      async start(context) {
        const preview = await startPreview({
          root,
          manifestDir,
          port: ports.preview,
          storePort: ports.store,
          storeFile: data === ':memory:' ? data : path.resolve(data, 'secret-store.sqlite3'),
          watch: true,
          signingSecret,
          manifestOverrides,
          localPorts: ports,
          standIns: standInUrls,
          seed: process.env.KEYRING_SEED === 'reset' ? 'reset' : process.env.KEYRING_SEED === 'off' ? 'off' : 'once',
          log: out,
        });
        context.preview = preview;
        const views = preview.manifest.ui_extension.views.map((v) => `${v.component} (${v.viewport})`).join(', ');
        return {
          url: preview.url,
          info: [
            `  views:        ${views}`,
            `  Stripe API:   ${preview.store.url} (secrets and objects; a backend: new Stripe('sk_test_local', {host: '127.0.0.1', port: ${preview.store.port}, protocol: 'http'}))`,
          ].join('\n'),
          stop: () => preview.close(),
        };
      },
    },
    {
      name: 'Stripe API',
      port: ports.store,
      portVariable: 'STORE_PORT',
      // Started by the preview (it holds the host key of the views' door); listed for its port.
      start: async () => null,
    },
    // One service per stand-in the app declares, each like the backend: its command behind a front that logs its answers.
    ...standIns.map(
      (standIn): Service => ({
        name: `${standIn.name} stand-in`,
        port: standIn.port,
        portVariable: standInPortVariable(standIn.name),
        async start(context) {
          const running = await startAppProcess({
            title: `the ${standIn.name} stand-in`,
            command: standIn.command,
            root,
            port: standIn.port,
            readyTimeoutMs: standIn.readyTimeoutMs,
            log: (line) => out(`${standIn.name}: ${line}`),
            onServed: (served) => context.recordServed(standIn.name, served),
          });
          return {url: running.url, info: `  ${standIn.name} stand-in: ${running.url} (for ${standIn.standsInFor}: the manifest's URLs there come here)`, stop: () => running.close()};
        },
      }),
    ),
    {
      name: 'backend',
      port: ports.backend,
      portVariable: 'BACKEND_PORT',
      async start(context) {
        const config = readAppBackendConfig(root);
        if (!config || !context.preview) return {url: '', info: `  App backend:  none (the app's package.json names no "stripe-apps-offline".backend command)`, stop: async () => undefined};
        const backend = await startAppBackend({
          ...config,
          root,
          port: ports.backend,
          apiBase: context.preview.store.url,
          signingSecret,
          manifest: context.preview.manifest,
          // Each backend-mode connection's client secret, as a deployed backend gets it (OAUTH_CLIENT_SECRET_<ID>).
          env: Object.fromEntries(inBackend.map((c) => [`OAUTH_CLIENT_SECRET_${c.id.toUpperCase()}`, LOCAL_CLIENT_SECRET])),
          log: (line) => out(`backend: ${line}`),
          onServed: (served) => context.recordServed('backend', served),
        });
        return {url: backend.url, info: `  App backend:  ${backend.url} (the app's own, started by its package.json; signed calls from the views; reads the local Stripe API)`, stop: () => backend.close()};
      },
    },
  ];

  const started = Date.now();
  const context: StartContext = {
    preview: null,
    // What the provider serves reaches the page's log once the preview is up (before that, no view runs).
    recordServed: (service, served) => context.preview?.recordServed(service, served),
    log: out,
  };
  let services;
  try {
    services = await startServices(SERVICES, context);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof DataFileError) process.stderr.write(`${e.message}\n`);
    else if (err.code === 'EADDRINUSE') process.stderr.write(`${portsInUse(SERVICES)}\n`);
    else process.stderr.write(`The preview could not start: ${err.message}\n`);
    process.exit(1);
  }
  const preview = context.preview as RunningPreview | null;
  if (!preview) throw new Error('the preview service did not start');
  const usesOAuth = connections.length > 0;
  out(
    [
      `${preview.manifest.name} preview ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${preview.url}`,
      ...services.lines,
      ...(usesOAuth
        ? [
            ...connections.map(
              (c) =>
                `  Connections:  ${c.name} ("${c.id}", at the local stand-in), ${c.exchange === 'backend' ? 'through the backend, as a confidential client' : 'in the view, as a public client with PKCE'} (exchange "${c.exchange}" from ${exchangeSource(manifestDir, c.id)})`,
            ),
            ...effective.notices.map((notice) => `  warning: ${notice}`),
            ...(inBackend.length > 0 && !readAppBackendConfig(root)
              ? [`  warning: ${inBackend.map((c) => `"${c.id}"`).join(', ')} exchange on the backend but package.json names no "stripe-apps-offline".backend command, so Connect cannot finish; add one, or set KEYRING_OAUTH_EXCHANGE=view.`]
              : []),
            ...oauthMismatches(preview.manifest, preview.url, `http://127.0.0.1:${ports.oauth}`).map((p) => `  warning: ${p}; edit stripe-app.local.json to match the ports in use.`),
          ]
        : []),
      "  Editing a view's source rebuilds and reloads the open views. Ctrl-C stops.",
      '',
    ].join('\n'),
  );
  const running = services;
  const stop = (signal: string) => {
    out(`${signal}: stopping`);
    void running.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
