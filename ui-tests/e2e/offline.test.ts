/**
 * No request leaves 127.0.0.1 during a full run of the local stack: the
 * preview with stripe-app.local.json on this run's ports (as `npm start`
 * reads it), the local OAuth provider, the app backend and the Acme stand-in,
 * driven in headless Chromium through saving and testing a key, connecting in
 * the provider's tab, disconnecting, and the gallery view (every component).
 *
 * Watched two ways: Playwright sees every request of every page, frame and
 * tab of the browser context; and Chromium's own net log (`--log-net-log`)
 * records every URL and host name the browser itself touched, its background
 * services included, while `--host-resolver-rules` makes any name other than
 * the loopback ones fail to resolve, so an outside request would fail loudly
 * rather than pass on a machine that happens to be online.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import manifest from '../fixtures/app/stripe-app.json';
import type {RunningBackend} from '../../backend/server';
import {previewRedirectUris, PREVIEW_USERS, startPreview, type RunningPreview, startTestProvider, type TestProvider} from 'stripe-apps-offline/testing';
import {startAcmeStandIn, type RunningAcmeStandIn} from '../../stand-ins/acme/standIn';
import {startLocalBackend} from '../support/localBackend';
import {consentAtProvider, FIXTURE_APP, freePort, launchBrowser, logInAtProvider, ROOT, screenshot} from './browser';

jest.setTimeout(120_000);

const [ADA] = PREVIEW_USERS;
// The app's own provider name: locally only its endpoints and client change (the kit's localOAuth.ts).
const PROVIDER = manifest.constants.connections[0].name;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Schemes that name no host on any network. */
const NOT_NETWORK = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-error:']);
// The kit's gallery view (every SDK component): the app's own views plus everything a fork might draw.
const GALLERY = {viewport: 'stripe.dashboard.home.overview', component: 'Gallery', file: path.join(ROOT, 'packages/stripe-apps-offline/test/e2e/views/Gallery.tsx')};

let browser: Browser;
let netLog: string;
let preview: RunningPreview;
let provider: TestProvider;
let backend: RunningBackend;
let acme: RunningAcmeStandIn;
let context: BrowserContext;
/** Every URL a page, frame or tab of the context asked for. */
let requested: string[];

/** The host of a URL that reaches a network, or null (data:, blob:, about:…). */
function networkHost(url: string): string | null {
  const parsed = new URL(url);
  return NOT_NETWORK.has(parsed.protocol) ? null : parsed.host.replace(/:\d+$/, '');
}

const outside = (urls: string[]) => [...new Set(urls.map(networkHost).filter((host): host is string => host !== null && !LOOPBACK.has(host)))];

/** Net error -105: the name did not resolve (here: --host-resolver-rules refused it). */
const ERR_NAME_NOT_RESOLVED = -105;

/**
 * Chromium's own background services, which call Google whatever page is
 * open (Playwright's switches do not silence them all in Chromium 156): the
 * component updater, the Google account check and the autofill server, the
 * last asked about the settings page's password field, and (Chromium 150)
 * the Android check-in. They are the
 * browser's, not the app's; the test requires that each of them failed to
 * resolve, so nothing reached them.
 */
const CHROMIUM_SERVICES = new Set(['update.googleapis.com', 'accounts.google.com', 'content-autofill.googleapis.com', 'android.clients.google.com']);

interface NetLogRequest {
  url: string;
  /** The net error it ended with (0 or absent: it got an answer). */
  error?: number;
}

/** Every URL request in Chromium's net log (complete once the browser has closed), with the error it ended with. */
function netLogRequests(file: string): NetLogRequest[] {
  const log = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    constants: {logEventTypes: Record<string, number>};
    events: {type: number; source: {id: number}; params?: {url?: string; net_error?: number}}[];
  };
  const alive = log.constants.logEventTypes.REQUEST_ALIVE;
  const requests = new Map<number, NetLogRequest>();
  for (const event of log.events) {
    const request = requests.get(event.source.id);
    if (event.type === alive && event.params?.url && !request) requests.set(event.source.id, {url: event.params.url});
    else if (request && event.params?.net_error !== undefined) request.error = event.params.net_error;
  }
  return [...requests.values()];
}

beforeAll(async () => {
  const [port, backendPort] = [await freePort(), await freePort()];
  const [test, live] = previewRedirectUris(`http://127.0.0.1:${port}`, manifest.id);
  netLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-netlog-')), 'netlog.json');
  [browser, provider, acme] = await Promise.all([
    launchBrowser([`--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`, `--log-net-log=${netLog}`, '--net-log-capture-mode=Default']),
    startTestProvider({redirectUris: [test, live]}),
    startAcmeStandIn({port: 0}),
  ]);
  // stripe-app.local.json itself, its URLs moved to this run's ports, and Acme's to the stand-in: what `npm start` serves.
  preview = await startPreview({
    root: ROOT,
    manifestDir: FIXTURE_APP,
    port,
    storeFile: ':memory:',
    localPorts: {preview: port, oauth: Number(new URL(provider.issuer).port), backend: backendPort},
    standIns: [{standsInFor: 'https://api.acme.example', url: acme.url}],
    extraViews: [GALLERY],
  });
  backend = await startLocalBackend(preview, {port: backendPort});
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([preview?.close(), provider?.close(), backend?.close(), acme?.close()]);
  // It holds the return route's URL, code included.
  if (netLog) fs.rmSync(path.dirname(netLog), {recursive: true, force: true});
});
beforeEach(async () => {
  context = await browser.newContext({viewport: {width: 1280, height: 900}});
  requested = [];
  context.on('request', (request) => requested.push(request.url()));
});
afterEach(async () => {
  await context.close();
});

const settingsOf = (p: Page) => p.locator('[data-view="AppSettings"]');
const drawerOf = (p: Page) => p.locator('[data-view="ConnectionsDrawer"]');

test('the watch itself: a request to an outside host is seen by both watchers and fails to resolve', async () => {
  const page = await context.newPage();
  await page.goto(`${preview.url}/?drawer=closed`);
  const failure = await page.evaluate(() =>
    fetch('http://outside.keyring.example/probe', {mode: 'no-cors'}).then(
      () => 'answered',
      (e: Error) => e.name,
    ),
  );
  expect(failure).toBe('TypeError');
  expect(outside(requested)).toEqual(['outside.keyring.example']);
});

test('save and test a key, connect, disconnect and open the gallery: every request stays on 127.0.0.1', async () => {
  const page = await context.newPage();
  await page.goto(`${preview.url}/?user=${ADA.id}&mode=test`);

  // The settings page: save a key, then test it through the backend against the Acme stand-in.
  await settingsOf(page).getByLabel('Acme API key', {exact: true}).fill('sk_test_offlineRunKey42');
  await settingsOf(page).getByRole('button', {name: 'Save Acme API key'}).click();
  await settingsOf(page).getByRole('status').filter({hasText: 'Acme API key saved'}).waitFor();
  await settingsOf(page).getByRole('button', {name: 'Test Acme API key'}).click();
  await settingsOf(page).getByText(/Acme API key works/).waitFor();

  // The drawer: connect in the provider's own tab, then disconnect there.
  const [tab] = await Promise.all([context.waitForEvent('page'), drawerOf(page).getByRole('link', {name: `Connect to ${PROVIDER}`}).click()]);
  await logInAtProvider(tab, 'ada');
  await consentAtProvider(tab);
  await drawerOf(tab).getByText('Connected as ada').waitFor();
  await drawerOf(tab).getByRole('button', {name: `Disconnect from ${PROVIDER}…`}).click();
  await drawerOf(tab).getByRole('button', {name: `Disconnect from ${PROVIDER}`, exact: true}).click();
  await drawerOf(tab).getByText(`This app's access was revoked at ${PROVIDER}`).waitFor();

  // The gallery: every component the SDK exports, each of its tabs shown.
  await page.goto(`${preview.url}/?view=Gallery`);
  const gallery = page.locator('[data-view="Gallery"]');
  await gallery.getByRole('heading', {name: 'Component gallery'}).waitFor();
  for (const name of ['Overview', 'Data', 'Forms', 'Views']) {
    await gallery.getByRole('tab', {name}).click();
    await gallery.getByRole('tab', {name, selected: true}).waitFor();
  }
  await screenshot(page, 'offline-gallery');

  // The walk did reach every service (the backend called the stand-in): otherwise "nothing left" would prove nothing.
  const origins = new Set(requested.map((url) => new URL(url).origin));
  expect([preview.url, provider.issuer, backend.url].filter((service) => !origins.has(service))).toEqual([]);
  expect(acme.requests.map((r) => `${r.path} ${r.status}`)).toEqual(['/v1/ping 200']);
  expect(outside(requested)).toEqual([]);
});

test("Chromium's own networking: nothing reached a host beyond the loopback ones, and only the watch's probe and the browser's own services tried", async () => {
  // The net log is complete once the browser has closed; the tests above ran in this browser.
  await browser.close();
  const requests = netLogRequests(netLog);
  expect(requests.filter((r) => networkHost(r.url) !== null && LOOPBACK.has(networkHost(r.url) ?? '')).length).toBeGreaterThan(20);
  const away = requests.filter((r) => !LOOPBACK.has(networkHost(r.url) ?? '127.0.0.1'));
  // Hosts only: the log's URLs carry the return route's code.
  expect([...new Set(away.filter((r) => r.error !== ERR_NAME_NOT_RESOLVED).map((r) => networkHost(r.url)))]).toEqual([]);
  expect(outside(away.map((r) => r.url)).filter((host) => !CHROMIUM_SERVICES.has(host))).toEqual(['outside.keyring.example']);
});
