/**
 * `stripe-apps-offline [--root DIR]`: previews the Stripe App in DIR (default:
 * the current folder) offline. Builds its views with the app's own SDK and
 * React, starts the local Stripe API (persistent, in KEYRING_DATA), the local
 * OAuth provider, the Acme stand-in and, when the app's package.json asks for
 * one, the app's own backend (appBackend.ts); rebuilds on every change.
 *
 *   --root DIR    the app's folder (holds stripe-app.json); default: the current folder
 *   PORT          preview port (default 4300)
 *   STORE_PORT    local Stripe API port (default 4310)
 *   OAUTH_PORT    local OAuth provider port (default 4320)
 *   ACME_PORT     the Acme stand-in's port (default 4340): Test key on a settings page can check keys against it
 *   BACKEND_PORT  the app backend's port (default 4330), when the app has one
 *   KEYRING_DATA  data folder (default DIR/.keyring)
 *   KEYRING_SEED  made-up Stripe objects (customers, payments, invoices, subscriptions, products…): "once" per data file (default), "reset", or "off"
 *   KEYRING_OAUTH_EXCHANGE     "backend": the Connections panel connects through the app backend as a
 *                              confidential client (the local provider's keyring-preview-backend); default "view"
 *   KEYRING_OAUTH_CLIENT_AUTH  with backend: "client_secret_post" instead of the default "client_secret_basic"
 *
 * stripe-app.local.json names the default ports; other ports move its URLs
 * with them (localPorts.ts), so setting the variable is enough.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {startAcmeStandIn, type RunningAcmeStandIn} from '../acme-api/standIn';
import {DEFAULT_PROVIDER_PORT, startOAuthProvider, type RunningOAuthProvider} from '../oauth-provider/provider';
import {LOCAL_CLIENT_SECRET, localBackendModeManifest, previewRedirectUris} from '../oauth-provider/constants';
import {DataFileError} from '../stripe-api/storage';
import {readAppBackendConfig, startAppBackend, type RunningAppBackend} from './appBackend';
import {loadManifest, type Manifest} from './manifest';
import {DEFAULT_LOCAL_PORTS} from './localPorts';
import {startPreview, type RunningPreview} from './server';

const USAGE = `Usage: stripe-apps-offline [start] [--root DIR]

Previews the Stripe App in DIR (default: the current folder) offline: its views
in a local Dashboard, a local Stripe API, a local OAuth provider, and the app's
backend when its package.json names one ("stripe-apps-offline": {"backend": {"command": "…"}}).
Ports and data: see the kit's README (PORT, STORE_PORT, OAUTH_PORT, BACKEND_PORT, KEYRING_DATA).
`;

/** The app's folder from the arguments; exits with a plain message on anything else. */
function parseArgs(argv: string[]): {root: string} {
  let root = process.env.APP_ROOT || process.cwd();
  const args = argv[0] === 'start' ? argv.slice(1) : argv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg === '--root' && args[i + 1]) root = args[++i];
    else if (arg.startsWith('--root=')) root = arg.slice('--root='.length);
    else {
      process.stderr.write(`stripe-apps-offline: unknown argument "${arg.slice(0, 60)}".

${USAGE}`);
      process.exit(2);
    }
  }
  root = path.resolve(root);
  if (!fs.existsSync(path.join(root, 'stripe-app.json'))) {
    process.stderr.write(`stripe-apps-offline: no stripe-app.json in ${root}. Run it in the app's folder, or pass --root DIR.
`);
    process.exit(2);
  }
  return {root};
}

/** Where the manifest sends OAuth, when that does not match the preview's own ports. */
function oauthMismatches(manifest: Manifest, previewOrigin: string, providerOrigin: string): string[] {
  const oauth = (manifest.constants?.oauth ?? {}) as {authorizeUrl?: unknown; redirectUris?: {test?: unknown}};
  const problems: string[] = [];
  const origin = (value: unknown) => {
    try {
      return new URL(String(value)).origin;
    } catch {
      return '';
    }
  };
  if (origin(oauth.authorizeUrl) !== providerOrigin) problems.push(`constants.oauth.authorizeUrl is not on the local provider (${providerOrigin})`);
  if (origin(oauth.redirectUris?.test) !== previewOrigin) problems.push(`constants.oauth.redirectUris does not return to this preview (${previewOrigin})`);
  return problems;
}

async function main(): Promise<void> {
  const {root} = parseArgs(process.argv.slice(2));
  const port = Number(process.env.PORT || 4300);
  const storePort = Number(process.env.STORE_PORT || 4310);
  const oauthPort = Number(process.env.OAUTH_PORT || DEFAULT_PROVIDER_PORT);
  const backendPort = Number(process.env.BACKEND_PORT || DEFAULT_LOCAL_PORTS.backend);
  const acmePort = Number(process.env.ACME_PORT || DEFAULT_LOCAL_PORTS.acme);
  const localPorts = {preview: port, oauth: oauthPort, backend: backendPort, acme: acmePort};
  const appId = loadManifest(root).manifest.id;
  const manifestOverrides: {constants?: Record<string, unknown>} = {};
  const exchange = process.env.KEYRING_OAUTH_EXCHANGE === 'backend' ? 'backend' : 'view';
  if (exchange === 'backend') {
    const clientAuth = process.env.KEYRING_OAUTH_CLIENT_AUTH === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic';
    const [test, live] = previewRedirectUris(`http://127.0.0.1:${port}`, appId);
    const layer = localBackendModeManifest(`http://127.0.0.1:${oauthPort}`, {test, live}, `http://127.0.0.1:${backendPort}`, clientAuth) as {constants: {oauth: unknown}};
    // Only constants.oauth: the local layer already lists the backend and the provider in the CSP.
    manifestOverrides.constants = {oauth: layer.constants.oauth};
  }
  // One signing secret per run, shared by the preview's fetchStripeSignature and the backend: verification is real, never skipped.
  const signingSecret = `absec_${crypto.randomBytes(24).toString('base64url')}`;
  const data = process.env.KEYRING_DATA || path.join(root, '.keyring');
  const started = Date.now();
  let preview: RunningPreview | undefined;
  let provider: RunningOAuthProvider | undefined;
  let backend: RunningAppBackend | null = null;
  let acme: RunningAcmeStandIn | undefined;
  // The provider starts first; what it serves reaches the page's log once the preview is up (before that, no view runs).
  let recordServed: RunningPreview['recordServed'] = () => undefined;
  try {
    provider = await startOAuthProvider({
      port: oauthPort,
      redirectUris: previewRedirectUris(`http://127.0.0.1:${port}`, appId),
      log: (line) => process.stdout.write(`oauth: ${line}\n`),
      onServed: (served) => {
        // The same line as the backend's and the stand-in's, so the terminal has every request the page's log shows.
        process.stdout.write(`oauth: ${served.method} ${served.path} ${served.status} ${served.ms.toFixed(0)}ms\n`);
        recordServed('oauth-provider', served);
      },
    });
    preview = await startPreview({
      root,
      port,
      storePort,
      storeFile: data === ':memory:' ? data : path.resolve(data, 'secret-store.sqlite3'),
      watch: true,
      signingSecret,
      manifestOverrides,
      localPorts,
      seed: process.env.KEYRING_SEED === 'reset' ? 'reset' : process.env.KEYRING_SEED === 'off' ? 'off' : 'once',
      log: (line) => process.stdout.write(`${line}\n`),
    });
    recordServed = preview.recordServed;
    acme = await startAcmeStandIn({port: acmePort, log: (line) => process.stdout.write(`acme: ${line}\n`), onServed: (served) => recordServed('acme', served)});
    const backendConfig = readAppBackendConfig(root);
    if (backendConfig) {
      backend = await startAppBackend({
        ...backendConfig,
        root,
        port: backendPort,
        apiBase: preview.store.url,
        signingSecret,
        manifest: preview.manifest,
        env: exchange === 'backend' ? {OAUTH_CLIENT_SECRET: LOCAL_CLIENT_SECRET} : {},
        log: (line) => process.stdout.write(`backend: ${line}\n`),
        onServed: (served) => recordServed('backend', served),
      });
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    await Promise.allSettled([preview?.close(), provider?.close(), backend?.close(), acme?.close()]);
    if (e instanceof DataFileError) process.stderr.write(`${e.message}\n`);
    else if (err.code === 'EADDRINUSE') {
      process.stderr.write(`A port is already in use (preview ${port}, Secret Store ${storePort}, OAuth provider ${oauthPort}, backend ${backendPort}, Acme stand-in ${acmePort}). Set PORT, STORE_PORT, OAUTH_PORT, BACKEND_PORT or ACME_PORT.\n`);
    }
    else process.stderr.write(`The preview could not start: ${err.message}\n`);
    process.exit(1);
  }
  const [running, oauth, stand, app] = [preview, provider, acme, backend];
  const usesOAuth = Boolean(running.manifest.constants?.oauth);
  process.stdout.write(
    [
      `${preview.manifest.name} preview ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${preview.url}`,
      `  views:        ${preview.manifest.ui_extension.views.map((v) => `${v.component} (${v.viewport})`).join(', ')}`,
      `  Secret Store: ${preview.store.url} (backend: new Stripe('sk_test_local', {host: '127.0.0.1', port: ${preview.store.port}, protocol: 'http'}))`,
      `  OAuth provider: ${provider.issuer} (sign in with any user name and password)`,
      backend
        ? `  App backend:  ${backend.url} (the app's own, started by its package.json; signed calls from the views; reads the local Stripe API)`
        : `  App backend:  none (the app's package.json names no "stripe-apps-offline".backend command)`,
      usesOAuth && `  Connections:  ${exchange === 'backend' ? 'through the backend, as a confidential client (KEYRING_OAUTH_EXCHANGE=backend)' : 'in the view, as a public client with PKCE (KEYRING_OAUTH_EXCHANGE=backend switches)'}`,
      `  Acme stand-in: ${acme.url}/v1/ping (a stand-in for Acme's API: sk_test_abcdefgh works, sk_test_revoked123 is refused)`,
      ...(usesOAuth ? oauthMismatches(preview.manifest, preview.url, provider.issuer) : []).map((p) => `  warning: ${p}; edit stripe-app.local.json to match the ports in use.`),
      "  Editing a view's source rebuilds and reloads the open views. Ctrl-C stops.",
      '',
    ]
      .filter((line) => line !== false)
      .join('\n'),
  );
  const stop = (signal: string) => {
    process.stdout.write(`${signal}: stopping\n`);
    void Promise.all([running.close(), oauth.close(), app?.close(), stand.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
