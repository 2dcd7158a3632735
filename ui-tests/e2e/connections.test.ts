/**
 * The Connections panel end to end: the real drawer in the offline preview,
 * in headless Chromium, signing in through the local provider's own login and
 * consent pages and coming back through the preview's OAuth return route.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import Stripe from 'stripe';
import manifest from '../fixtures/app/stripe-app.json';
import {localProviderManifest, previewRedirectUris, PREVIEW_ACCOUNT, PREVIEW_USERS, startTestProvider, type TestProvider, startAll} from 'stripe-apps-offline/testing';
import {CONNECTION_SECRET, FIXTURE_CONNECTION} from '../support/fixtureConnection';
import {storedConnection} from '../support/storedSecrets';
import {consentAtProvider, freePort, launchBrowser, logInAtProvider, recordConsole, ROOT, screenshot, startTestPreview, type PreviewUnderTest} from './browser';

jest.setTimeout(90_000);

const [ADA, BEN] = PREVIEW_USERS;
const PROVIDER = 'Local OAuth provider';

let browser: Browser;
let preview: PreviewUnderTest;
let provider: TestProvider;
let context: BrowserContext;
let page: Page;
let consoleLines: string[];

beforeAll(async () => {
  const port = await freePort();
  const [test, live] = previewRedirectUris(`http://127.0.0.1:${port}`, manifest.id);
  [browser, provider] = await startAll(launchBrowser(), startTestProvider({redirectUris: [test, live]}));
  preview = await startTestPreview({
    port,
    // What stripe-app.local.json does for `npm start`, on this run's ports.
    manifestOverrides: localProviderManifest(provider.issuer, {test, live}, [FIXTURE_CONNECTION.id]),
  });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([preview?.close(), provider?.close()]);
});
beforeEach(async () => {
  context = await browser.newContext({viewport: {width: 1280, height: 900}});
  page = await context.newPage();
  consoleLines = recordConsole(page);
  for (const user of PREVIEW_USERS) await backend().apps.secrets.deleteWhere({name: CONNECTION_SECRET, scope: {type: 'user', user: user.id}}).catch(() => undefined);
});
afterEach(async () => {
  await context.close();
});

const backend = () =>
  new Stripe('sk_test_e2e', {host: '127.0.0.1', port: preview.store.port, protocol: 'http', telemetry: false, stripeAccount: PREVIEW_ACCOUNT.id});

const stored = (user: string) => storedConnection(backend(), user);
const isStored = async (user: string) => (await stored(user)) !== null;
const drawerOf = (p: Page) => p.locator('[data-view="ConnectionsDrawer"]');

async function open(user: string, p: Page = page) {
  await p.goto(`${preview.url}/?user=${user}&mode=test`);
  await drawerOf(p).getByText(/You are not connected|Connected as|Reconnect needed/).first().waitFor();
}

/**
 * Clicks Connect and signs in at the provider's pages in the tab it opens,
 * which the provider then sends to the preview's return route. Resolves with
 * that tab and the return URL it was sent to (for replaying it).
 */
async function signIn(login: string, options: {cancel?: boolean} = {}): Promise<{tab: Page; returnUrl: string}> {
  const [tab] = await Promise.all([context.waitForEvent('page'), drawerOf(page).getByRole('link', {name: `Connect to ${PROVIDER}`}).click()]);
  tab.on('console', (m) => consoleLines.push(`tab ${m.type()}: ${m.text()}`));
  let returnUrl = '';
  tab.on('request', (request) => {
    if (/\/apps-oauth\//.test(request.url())) returnUrl = request.url();
  });
  await logInAtProvider(tab, login);
  await consentAtProvider(tab, options);
  await tab.waitForURL(`${preview.url}/?**`);
  if (!returnUrl) throw new Error('the provider did not send the browser back to the return route');
  return {tab, returnUrl};
}

/** The Connect link's address, followed through the provider without a browser (for tampering with the return). */
async function returnUrlWithoutFollowing(login: string): Promise<string> {
  const href = await drawerOf(page).getByRole('link', {name: `Connect to ${PROVIDER}`}).getAttribute('href');
  return (await provider.authorize(href!, {login})).toString();
}

/** Everything a person, a log reader or a test log could see. */
async function visibleEverywhere(pages: Page[]): Promise<string> {
  const parts: string[] = [];
  for (const p of pages) {
    if (p.isClosed()) continue;
    parts.push(await p.content(), ...(await Promise.all(p.frames().map((f) => f.content().catch(() => '')))));
  }
  parts.push(consoleLines.join('\n'), JSON.stringify(preview.requests), preview.output.join('\n'), provider.lines().join('\n'));
  return parts.join('\n');
}

/** Names (never values) of the secrets found in `haystack`. */
function expectAbsent(haystack: string, secrets: Record<string, string | null | undefined>) {
  const found = Object.entries(secrets)
    .filter(([, value]) => !!value && haystack.includes(value))
    .map(([name]) => name);
  expect(found).toEqual([]);
}

test('user A connects through the provider’s pages; user B on the same account is not connected; the token is only in A’s scope and never shown', async () => {
  await open(ADA.id);
  const {tab, returnUrl} = await signIn('ada');
  // The first tab waits for the sign-in to finish elsewhere.
  await drawerOf(page).getByText(`Finish signing in to ${PROVIDER} in the new tab`).waitFor();

  await drawerOf(tab).getByText('Connected as ada').waitFor();
  await drawerOf(tab).getByText('Scopes: read, write').waitFor();
  // The code left the address bar: a reload does not hand it to the view again.
  expect(tab.url()).toBe(`${preview.url}/?user=${ADA.id}&mode=test`);
  const connected = await screenshot(tab, 'connections-connected');
  // The README's picture: refreshed on request only, so a test run leaves the tree clean.
  if (process.env.UPDATE_DOCS_SCREENSHOTS) fs.copyFileSync(connected, path.join(ROOT, 'docs/connections.png'));

  // The first tab learns by itself that the connection landed (it looks every 3 s), without "Check again".
  await drawerOf(page).getByText('Connected as ada').waitFor({timeout: 15_000});

  const ada = await stored(ADA.id);
  expect(ada !== null).toBe(true);
  expect(await isStored(BEN.id)).toBe(false);
  expect(await provider.me(ada!.access_token)).toBe(200);
  const accountScope = await backend().apps.secrets.list({scope: {type: 'account'}});
  expect(accountScope.data.map((s) => s.name)).not.toContain(CONNECTION_SECRET);

  await page.getByLabel('Preview user').selectOption(BEN.id);
  await drawerOf(page).getByText(`You are not connected to ${PROVIDER}`).waitFor();
  await screenshot(page, 'connections-not-connected');

  const code = new URL(returnUrl).searchParams.get('code');
  expectAbsent(await visibleEverywhere([page, tab]), {access: ada!.access_token, refresh: ada!.refresh_token, code});
  expect(preview.requests.filter((r) => r.user === ADA.id && r.method === 'POST').map((r) => `${r.path} ${r.status}`)).toContain('/v1/apps/secrets 200');
});

test('a due refresh rotates the refresh token and the connection keeps working', async () => {
  await open(ADA.id);
  const {tab} = await signIn('ada');
  await drawerOf(tab).getByText('Connected as ada').waitFor();
  const before = await stored(ADA.id);
  await backend().apps.secrets.create({
    name: CONNECTION_SECRET,
    scope: {type: 'user', user: ADA.id},
    payload: JSON.stringify({...before!, access_token_expires_at: Math.floor(Date.now() / 1000) - 5}),
  });
  const refreshes = provider.grants('refresh_token');
  await page.reload();
  await drawerOf(page).getByText('Connected as ada').waitFor();
  const deadline = Date.now() + 15_000;
  while (provider.grants('refresh_token') === refreshes && Date.now() < deadline) await page.waitForTimeout(100);
  expect(provider.grants('refresh_token')).toBe(refreshes + 1);
  await drawerOf(page).getByRole('button', {name: `Check ${PROVIDER} connection`}).click();
  await drawerOf(page).getByText('Connected as ada').waitFor();
  const after = await stored(ADA.id);
  expect(after!.refresh_token === before!.refresh_token).toBe(false);
  expect(await provider.me(after!.access_token)).toBe(200);
  expectAbsent(await visibleEverywhere([page, tab]), {oldAccess: before!.access_token, oldRefresh: before!.refresh_token, access: after!.access_token, refresh: after!.refresh_token});
});

test('disconnect revokes at the provider and removes the secret; replaying the old return URL then fails cleanly with nothing stored', async () => {
  await open(ADA.id);
  const {tab, returnUrl} = await signIn('ada');
  await drawerOf(tab).getByText('Connected as ada').waitFor();
  const before = await stored(ADA.id);

  await drawerOf(tab).getByRole('button', {name: `Disconnect from ${PROVIDER}…`}).click();
  await drawerOf(tab).getByRole('button', {name: `Disconnect from ${PROVIDER}`, exact: true}).click();
  await drawerOf(tab).getByText(`This app's access was revoked at ${PROVIDER}`).waitFor();
  expect(await isStored(ADA.id)).toBe(false);
  expect(await provider.me(before!.access_token)).toBe(401);
  expect((await provider.token({grant_type: 'refresh_token', refresh_token: before!.refresh_token!})).body.error).toBe('invalid_grant');

  // The same return URL again: its state was redeemed by the first return, so
  // the preview hands out no verifier and the code never reaches the provider.
  const exchanges = provider.grants('authorization_code');
  const replay = await context.newPage();
  await replay.goto(returnUrl);
  await drawerOf(replay).getByText('Sign-in not accepted').waitFor();
  expect(provider.grants('authorization_code')).toBe(exchanges);
  await drawerOf(replay).getByRole('link', {name: `Connect to ${PROVIDER}`}).waitFor();
  expect(await isStored(ADA.id)).toBe(false);
  await screenshot(replay, 'connections-replayed-code');
});

test('a return whose state this preview did not issue is refused: nothing exchanged or stored', async () => {
  await open(BEN.id);
  const forged = new URL(await returnUrlWithoutFollowing('ben'));
  forged.searchParams.set('state', 'not-a-state-this-dashboard-issued');
  const exchanges = provider.grants('authorization_code');
  const tab = await context.newPage();
  await tab.goto(forged.toString());
  await drawerOf(tab).getByText('Sign-in not accepted').waitFor();
  expect(provider.grants('authorization_code')).toBe(exchanges);
  expect(await isStored(BEN.id)).toBe(false);
  expect(await isStored(ADA.id)).toBe(false);
});

test('cancelling at the provider comes back as an error: a clear message, Connect again, nothing stored', async () => {
  await open(BEN.id);
  const {tab, returnUrl} = await signIn('ben', {cancel: true});
  expect(new URL(returnUrl).searchParams.get('error')).toBe('access_denied');
  await drawerOf(tab).getByText('was cancelled or refused').waitFor();
  await drawerOf(tab).getByRole('link', {name: `Connect to ${PROVIDER}`}).waitFor();
  expect(await isStored(BEN.id)).toBe(false);
});

test('the request log names its columns, and the "not connected yet" find is drawn as an expected answer, not an error', async () => {
  await open(BEN.id);
  const log = page.locator('[aria-label="Request log"]');
  expect(await log.getByRole('columnheader').allTextContents()).toEqual(['Time', 'Service', 'User', 'Mode', 'Method', 'Path', 'Status', 'Duration']);
  // Opening reads the scope with one list; the panel's looks while the other tab signs in are finds, answered 404 until it lands.
  const [tab] = await Promise.all([context.waitForEvent('page'), drawerOf(page).getByRole('link', {name: `Connect to ${PROVIDER}`}).click()]);
  await tab.close();
  const find = log.getByRole('row').filter({hasText: '/v1/apps/secrets/find'}).filter({hasText: '404'}).first();
  await find.waitFor();
  expect(await find.innerText()).toMatch(/404 \(none yet: expected\)/);
  expect((await find.getAttribute('class')) ?? '').not.toContain('kr-log-error');
});
