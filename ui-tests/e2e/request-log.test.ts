/**
 * The preview page's request log shows every request the views caused, as
 * `npm start` runs it: the real CLI as a child process (its OAuth provider,
 * backend and Acme stand-in in its own process, as a person runs them), on
 * free ports, driven in headless Chromium. After a connect and a disconnect,
 * the log names the OAuth provider's token, identity and revocation requests
 * and, in backend mode, the backend's signed calls, each with its service —
 * and holds none of the code, verifier, state, tokens, signatures or client
 * secret that went by (checked against the actual values, reported by name).
 */
import type {Browser, BrowserContext, Page, Request} from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import {LOCAL_CLIENT_SECRET, PREVIEW_ACCOUNT, PREVIEW_USERS, startKitCommand, type CliProcess} from 'stripe-apps-offline/testing';
import {storedConnection} from '../support/storedSecrets';
import manifest from '../fixtures/app/stripe-app.json';
import {consentAtProvider, FIXTURE_APP, launchBrowser, logInAtProvider, ROOT, screenshot} from './browser';

jest.setTimeout(120_000);

const [ADA] = PREVIEW_USERS;
// The app's own provider name: locally only its endpoints and client change (the kit's localOAuth.ts).
const PROVIDER = manifest.constants.connections[0].name;
const ID = manifest.constants.connections[0].id;

interface NpmStart {
  url: string;
  storePort: number;
  /** The OAuth provider's and the Acme stand-in's origins, as npm start printed them. */
  providerUrl: string;
  acmeUrl: string;
  cli: CliProcess;
}

/**
 * `npm start` itself (the kit's command on this app's folder), on free ports and an in-memory store, in the OAuth
 * mode given (none: the manifest's), on the tests' manifest or the one in `manifestDir`.
 */
async function npmStart(exchange: 'view' | 'backend' | undefined, manifestDir = FIXTURE_APP): Promise<NpmStart> {
  const started = await startKitCommand(ROOT, {...(exchange ? {KEYRING_OAUTH_EXCHANGE: exchange} : {}), APP_MANIFEST: manifestDir});
  expect(started.cli.output()).toContain('Keyring preview ready');
  return {url: started.url, storePort: started.ports.store, providerUrl: `http://127.0.0.1:${started.ports.oauth}`, acmeUrl: `http://127.0.0.1:${started.standInPorts.acme}`, cli: started.cli};
}

/** The tests' manifest in a folder of its own, its connection changed by `oauth` in stripe-app.json and by `localOAuth` in stripe-app.local.json. */
function manifestWith(oauth: Record<string, unknown>, localOAuth?: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-manifest-'));
  const base = JSON.parse(fs.readFileSync(path.join(FIXTURE_APP, 'stripe-app.json'), 'utf8')) as {constants: {connections: Record<string, unknown>[]}};
  const [connection] = base.constants.connections;
  base.constants.connections = [{...connection, ...oauth}];
  fs.writeFileSync(path.join(dir, 'stripe-app.json'), JSON.stringify(base));
  const local = JSON.parse(fs.readFileSync(path.join(FIXTURE_APP, 'stripe-app.local.json'), 'utf8')) as {constants: Record<string, unknown>};
  if (localOAuth) local.constants.connections = {[String(connection.id)]: localOAuth};
  fs.writeFileSync(path.join(dir, 'stripe-app.local.json'), JSON.stringify(local));
  return dir;
}

async function stop(started: NpmStart | undefined): Promise<void> {
  if (!started || started.cli.child.exitCode !== null) return;
  started.cli.child.kill('SIGTERM');
  await started.cli.exited;
}

/**
 * Every secret value the browser sent or was sent back with, by name: the
 * code and state of the return route, form and JSON fields of its POSTs, and
 * its signature and authorization headers.
 */
function collectSecrets(context: BrowserContext): Map<string, Set<string>> {
  const secrets = new Map<string, Set<string>>();
  const keep = (name: string, value: string | null | undefined) => {
    // Short values (a "Bearer" scheme, a one-letter field) would match ordinary text; none of the real ones is short.
    if (!value || value.length < 8) return;
    if (!secrets.has(name)) secrets.set(name, new Set());
    secrets.get(name)?.add(value);
  };
  const SECRET_FIELDS = ['code', 'code_verifier', 'verifier', 'state', 'token', 'refresh_token', 'access_token', 'client_secret'];
  context.on('request', (request: Request) => {
    const url = new URL(request.url());
    for (const field of SECRET_FIELDS) keep(`query ${field}`, url.searchParams.get(field));
    const headers = request.headers();
    keep('stripe-signature header', headers['stripe-signature']);
    keep('authorization header', headers.authorization?.replace(/^(Bearer|Basic) /i, ''));
    const body = request.postData();
    if (!body) return;
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(body) as Record<string, unknown>;
    } catch {
      fields = Object.fromEntries(new URLSearchParams(body));
    }
    for (const field of SECRET_FIELDS) keep(`body ${field}`, typeof fields[field] === 'string' ? fields[field] : undefined);
    // The oauthContext the drawer hands the backend, nested.
    const nested = fields.oauthContext ?? fields.context;
    if (nested && typeof nested === 'object') {
      for (const [field, value] of Object.entries(nested)) if (SECRET_FIELDS.includes(field) && typeof value === 'string') keep(`body ${field}`, value);
    }
  });
  return secrets;
}

/** The names (never the values) of the secrets found in `text`. */
function secretsIn(text: string, secrets: Map<string, Set<string>>): string[] {
  return [...secrets].filter(([, values]) => [...values].some((v) => text.includes(v))).map(([name]) => name);
}

interface Row {
  service: string;
  user: string;
  method: string;
  path: string;
  status: string;
}

/** The page's request log as rows: service, user, method, path and status (the first word of its cell). */
async function logRows(page: Page): Promise<Row[]> {
  const headers = (await page.locator('[aria-label="Request log"] thead th').allInnerTexts()).map((h) => h.trim());
  const column = (name: string) => headers.indexOf(name);
  const cells = await page.locator('[aria-label="Request log"] tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return cells.map((c) => ({
    service: c[column('Service')],
    user: c[column('User')],
    method: c[column('Method')],
    path: c[column('Path')],
    status: c[column('Status')].split(' ')[0],
  }));
}

const line = (r: Row) => `${r.service} ${r.method} ${r.path} ${r.status}`;

/** Waits until the page's log holds every line of `expected` (it updates live), then returns its rows. */
async function logShows(page: Page, expected: string[]): Promise<Row[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = await logRows(page);
    const lines = rows.map(line);
    if (expected.every((e) => lines.includes(e))) return rows;
    if (Date.now() > deadline) return rows;
    await page.waitForTimeout(200);
  }
}

const drawerOf = (p: Page) => p.locator('[data-view="ConnectionsDrawer"]');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Connects Ada in a new tab from the page's drawer, then disconnects there; returns the tab and what was stored. */
async function connectAndDisconnect(started: NpmStart, context: BrowserContext, page: Page) {
  await page.goto(`${started.url}/?user=${ADA.id}&mode=test`);
  const [tab] = await Promise.all([context.waitForEvent('page'), drawerOf(page).getByRole('link', {name: `Connect to ${PROVIDER}`}).click()]);
  await logInAtProvider(tab, 'ada');
  await consentAtProvider(tab);
  await drawerOf(tab).getByText('Connected as ada').waitFor();
  const stripe = new Stripe('sk_test_requestLog', {host: '127.0.0.1', port: started.storePort, protocol: 'http', telemetry: false, stripeAccount: PREVIEW_ACCOUNT.id});
  const stored = await storedConnection(stripe, ADA.id);
  expect(stored !== null).toBe(true);
  await drawerOf(tab).getByRole('button', {name: `Disconnect from ${PROVIDER}…`}).click();
  await drawerOf(tab).getByRole('button', {name: `Disconnect from ${PROVIDER}`, exact: true}).click();
  await drawerOf(tab).getByText(`This app's access was revoked at ${PROVIDER}`).waitFor();
  return {tab, stored};
}

describe('in view mode (the view exchanges its own code)', () => {
  let started: NpmStart;
  beforeAll(async () => {
    started = await npmStart('view');
  });
  afterAll(() => stop(started));

  test('the log shows the provider’s token, identity and revocation requests beside the Secret Store’s, each named by service, and no secret', async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const secrets = collectSecrets(context);
    const page = await context.newPage();
    const {tab, stored} = await connectAndDisconnect(started, context, page);

    const expected = [
      'oauth-provider POST /token 200',
      'oauth-provider GET /api/me 200',
      'oauth-provider POST /token/revocation 200',
      'stripe-api POST /v1/apps/secrets 200',
      'stripe-api POST /v1/apps/secrets/delete 200',
    ];
    // Both pages show the one log: the tab that came back from the provider, and the first.
    for (const p of [tab, page]) {
      const rows = await logShows(p, expected);
      expect(expected.filter((e) => !rows.map(line).includes(e))).toEqual([]);
      // The provider cannot tell which preview user called it; the Secret Store's rows name them.
      expect(rows.filter((r) => r.service === 'oauth-provider').every((r) => r.user === '—')).toBe(true);
      expect(rows.filter((r) => r.service === 'stripe-api' && r.method === 'POST').every((r) => r.user === ADA.id)).toBe(true);
      // The person's own pages at the provider (sign-in, consent) are not the views' calls.
      expect(rows.filter((r) => r.path.startsWith('/auth') || r.path.startsWith('/interaction'))).toEqual([]);
    }
    await screenshot(tab, 'request-log-view-mode');
    // The terminal has the provider's lines too, as it has the backend's and the stand-in's.
    expect(started.cli.output()).toMatch(/^oauth: POST \/token 200 \d+ms$/m);
    expect(started.cli.output()).toMatch(/^oauth: GET \/api\/me 200 \d+ms$/m);

    const values = new Map(secrets);
    values.set('access token', new Set([stored!.access_token]));
    if (stored!.refresh_token) values.set('refresh token', new Set([stored!.refresh_token]));
    // The sanity of the check itself: the code and the verifier did go by.
    expect(['query code', 'body code_verifier'].filter((name) => !values.has(name))).toEqual([]);
    const shown = [
      await page.locator('[aria-label="Request log"]').innerText(),
      await tab.locator('[aria-label="Request log"]').innerText(),
      started.cli.output(),
    ].join('\n');
    expect(secretsIn(shown, values)).toEqual([]);
    await context.close();
  });

  test('what a client puts in a query (a code, a key) reaches neither the log nor the terminal; the path and status do', async () => {
    const code = 'QueryCodeNeverLogged7431';
    const key = 'sk_test_QueryKeyNeverLogged';
    expect((await fetch(`${started.providerUrl}/token?code=${code}`, {method: 'POST'})).status).toBe(400);
    expect((await fetch(`${started.acmeUrl}/v1/ping?api_key=${key}`)).status).toBe(401);
    const page = await browser.newPage();
    await page.goto(`${started.url}/?drawer=closed`);
    const rows = await logShows(page, ['oauth-provider POST /token 400', 'acme GET /v1/ping 401']);
    expect(['oauth-provider POST /token 400', 'acme GET /v1/ping 401'].filter((e) => !rows.map(line).includes(e))).toEqual([]);
    const shown = `${await page.locator('[aria-label="Request log"]').innerText()}\n${started.cli.output()}`;
    expect(secretsIn(shown, new Map([['code', new Set([code])], ['key', new Set([key])]]))).toEqual([]);
    await page.close();
  });
});

describe('in backend mode (KEYRING_OAUTH_EXCHANGE=backend)', () => {
  let started: NpmStart;
  beforeAll(async () => {
    started = await npmStart('backend');
  });
  afterAll(() => stop(started));

  test('the log shows the backend’s signed calls and the provider requests the backend made, each named by service, and no secret', async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const secrets = collectSecrets(context);
    const page = await context.newPage();
    const {tab, stored} = await connectAndDisconnect(started, context, page);

    const expected = [
      'backend POST /v1/connection/exchange 200',
      'backend POST /v1/connection/disconnect 200',
      'oauth-provider POST /token 200',
      'oauth-provider GET /api/me 200',
      'oauth-provider POST /token/revocation 200',
    ];
    const rows = await logShows(tab, expected);
    expect(expected.filter((e) => !rows.map(line).includes(e))).toEqual([]);
    // The drawer's first look at its backend-mode connections is one call for all of them.
    expect(rows.some((r) => r.service === 'backend' && r.path === '/v1/connections/status')).toBe(true);
    // A preflight that succeeded is the browser's plumbing, not a call of the view's.
    expect(rows.filter((r) => r.method === 'OPTIONS')).toEqual([]);
    // The drawer itself never read or wrote the Secret Store in backend mode.
    expect(rows.filter((r) => r.service === 'stripe-api' && r.path.startsWith('/v1/apps/secrets') && r.method === 'POST')).toEqual([]);
    await screenshot(tab, 'request-log-backend-mode');

    const values = new Map(secrets);
    values.set('access token', new Set([stored!.access_token]));
    if (stored!.refresh_token) values.set('refresh token', new Set([stored!.refresh_token]));
    values.set('client secret', new Set([LOCAL_CLIENT_SECRET]));
    expect(['query code', 'stripe-signature header'].filter((name) => !values.has(name))).toEqual([]);
    const shown = [await page.locator('[aria-label="Request log"]').innerText(), await tab.locator('[aria-label="Request log"]').innerText(), started.cli.output()].join('\n');
    expect(secretsIn(shown, values)).toEqual([]);
    await context.close();
  });
});

describe('a manifest that declares the backend exchange, with nothing else set', () => {
  let started: NpmStart;
  beforeAll(async () => {
    started = await npmStart(undefined, manifestWith({exchange: 'backend', clientAuth: 'client_secret_post'}));
  });
  afterAll(() => stop(started));

  test('the terminal, the drawer and the backend agree: Connect goes through the backend, sending the secret as the manifest says', async () => {
    expect(started.cli.output()).toContain(`Connections:  ${PROVIDER} ("${ID}", at the local stand-in), through the backend, as a confidential client (exchange "backend" from stripe-app.json)`);
    expect(started.cli.output()).not.toContain('warning:');
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    const {tab} = await connectAndDisconnect(started, context, page);
    const rows = await logShows(tab, ['backend POST /v1/connection/exchange 200']);
    expect(rows.map(line)).toContain('backend POST /v1/connection/exchange 200');
    // The app's own clientAuth reached the local provider: the secret in the form, not as Basic.
    expect(started.cli.output()).toMatch(/^oauth: token request: client keyring-preview-backend-post auth post → 200$/m);
    await context.close();
  });
});

test('a local file that changes the exchange mode is named at start-up, with its fix, and the terminal says where the mode came from', async () => {
  const started = await npmStart(undefined, manifestWith({exchange: 'backend'}, {exchange: 'view'}));
  try {
    expect(started.cli.output()).toContain('in the view, as a public client with PKCE (exchange "view" from stripe-app.local.json)');
    expect(started.cli.output()).toContain(
      `warning: stripe-app.local.json sets the exchange of connection "${ID}" to "view", stripe-app.json says "backend": locally the code is exchanged otherwise than in the Dashboard. Remove it from stripe-app.local.json to run as the app ships.`,
    );
  } finally {
    await stop(started);
  }
});
