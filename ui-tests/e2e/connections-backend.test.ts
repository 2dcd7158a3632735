/**
 * The Connections panel in backend mode, end to end: the real drawer in the
 * offline preview in headless Chromium, signing in at the local provider's
 * own pages, and the app backend (started here, as `npm start` does, with the
 * preview's signing secret and Secret Store) exchanging the code as a
 * confidential client. The tokens must appear nowhere the browser can see:
 * not the DOM, not a frame, not the console, not the preview's request log,
 * and not any response the browser received.
 */
import type {Browser, BrowserContext, Page} from 'playwright-core';
import Stripe from 'stripe';
import manifest from '../fixtures/app/stripe-app.json';
import type {RunningBackend} from '../../backend/server';
import {LOCAL_CLIENT_SECRET, localBackendModeManifest, previewRedirectUris, PREVIEW_ACCOUNT, PREVIEW_USERS, startTestProvider, type TestProvider, startAll} from 'stripe-apps-offline/testing';
import {startLocalBackend} from '../support/localBackend';
import {CONNECTION_SECRET, FIXTURE_CONNECTION} from '../support/fixtureConnection';
import {storedConnection} from '../support/storedSecrets';
import {consentAtProvider, freePort, launchBrowser, logInAtProvider, recordConsole, screenshot, startTestPreview, type PreviewUnderTest} from './browser';

jest.setTimeout(90_000);

const [ADA] = PREVIEW_USERS;
const PROVIDER = 'Local OAuth provider';

let browser: Browser;
let preview: PreviewUnderTest;
let provider: TestProvider;
let backend: RunningBackend;
let context: BrowserContext;
let page: Page;
let consoleLines: string[];
/** The body of every response the browser received, from any tab. */
let responses: string[];

beforeAll(async () => {
  const [port, backendPort] = [await freePort(), await freePort()];
  const [test, live] = previewRedirectUris(`http://127.0.0.1:${port}`, manifest.id);
  [browser, provider] = await startAll(launchBrowser(), startTestProvider({redirectUris: [test, live]}));
  const layer = localBackendModeManifest(provider.issuer, {test, live}, `http://127.0.0.1:${backendPort}`, [FIXTURE_CONNECTION.id]);
  preview = await startTestPreview({port, manifestOverrides: layer});
  // The preview starts no backend: this one verifies the preview's signatures and keeps its connections in the preview's store.
  backend = await startLocalBackend(preview, {port: backendPort, oauthClientSecret: LOCAL_CLIENT_SECRET});
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([preview?.close(), provider?.close(), backend?.close()]);
});
beforeEach(async () => {
  context = await browser.newContext({viewport: {width: 1280, height: 900}});
  responses = [];
  context.on('response', (response) => {
    response.text().then(
      (text) => responses.push(text),
      () => undefined,
    );
  });
  page = await context.newPage();
  consoleLines = recordConsole(page);
  await stripe().apps.secrets.deleteWhere({name: CONNECTION_SECRET, scope: {type: 'user', user: ADA.id}}).catch(() => undefined);
});
afterEach(async () => {
  await context.close();
});

const stripe = () => new Stripe('sk_test_e2e', {host: '127.0.0.1', port: preview.store.port, protocol: 'http', telemetry: false, stripeAccount: PREVIEW_ACCOUNT.id});
const stored = () => storedConnection(stripe(), ADA.id);
const drawerOf = (p: Page) => p.locator('[data-view="ConnectionsDrawer"]');

/** Everything a person, a log reader or a test log could see, responses included. */
async function visibleEverywhere(pages: Page[]): Promise<string> {
  const parts: string[] = [];
  for (const p of pages) {
    if (p.isClosed()) continue;
    parts.push(await p.content(), ...(await Promise.all(p.frames().map((f) => f.content().catch(() => '')))));
  }
  parts.push(consoleLines.join('\n'), JSON.stringify(preview.requests), preview.output.join('\n'), ...responses);
  return parts.join('\n');
}

/** Names (never values) of the secrets found in `haystack`. */
function found(haystack: string, secrets: Record<string, string | null | undefined>): string[] {
  return Object.entries(secrets)
    .filter(([, value]) => !!value && haystack.includes(value))
    .map(([name]) => name);
}

test('connect, check and disconnect through the backend: the browser never holds a token', async () => {
  await page.goto(`${preview.url}/?user=${ADA.id}&mode=test`);
  const exchanges = provider.grants('authorization_code');
  const [tab] = await Promise.all([context.waitForEvent('page'), drawerOf(page).getByRole('link', {name: `Connect to ${PROVIDER}`}).click()]);
  tab.on('console', (m) => consoleLines.push(`tab ${m.type()}: ${m.text()}`));
  await logInAtProvider(tab, 'ada');
  await consentAtProvider(tab);
  await drawerOf(tab).getByText('Connected as ada').waitFor();
  await screenshot(tab, 'connections-backend-connected');
  expect(provider.grants('authorization_code')).toBe(exchanges + 1);
  expect(provider.clientRequests().filter((r) => r.endpoint === 'token').map((r) => r.auth)).toEqual(['basic']);

  const connected = await stored();
  expect(connected !== null).toBe(true);
  expect(await provider.me(connected!.access_token)).toBe(200);
  // The drawer never read or wrote the Secret Store itself (the settings view on the same page lists its keys).
  expect(preview.requests.filter((r) => r.service === 'stripe-api' && (r.method === 'POST' || r.path === '/v1/apps/secrets/find')).map((r) => `${r.method} ${r.path}`)).toEqual([]);

  await drawerOf(tab).getByRole('button', {name: `Check ${PROVIDER} connection`}).click();
  await drawerOf(tab).getByText('Connected as ada').waitFor();
  await drawerOf(tab).getByRole('button', {name: `Disconnect from ${PROVIDER}…`}).click();
  await drawerOf(tab).getByRole('button', {name: `Disconnect from ${PROVIDER}`, exact: true}).click();
  await drawerOf(tab).getByText(`This app's access was revoked at ${PROVIDER}`).waitFor();
  expect(await stored()).toBeNull();
  expect(await provider.me(connected!.access_token)).toBe(401);

  expect(responses.length).toBeGreaterThan(0);
  expect(found(await visibleEverywhere([page, tab]), {access: connected!.access_token, refresh: connected!.refresh_token})).toEqual([]);
});
