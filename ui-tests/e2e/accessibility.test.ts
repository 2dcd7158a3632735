/**
 * Accessibility of the real views in the offline preview, in headless
 * Chromium: an axe-core scan of every state of the settings page and the
 * Connections drawer (zero serious or critical findings), and keyboard-only
 * runs that check where focus lands after each action and that it shows.
 *
 * A view cannot move focus itself (SDK 9.3 offers only `autoFocus` on form
 * fields), so these runs hold what the views do with that: the button that
 * asks turns into the one that backs out, pending buttons keep focus, a
 * deleted key's field takes focus, and buttons that replace a screen are
 * next in Tab order. Failures print axe rule ids and element selectors, and
 * accessible names of buttons: never a value.
 */
import fs from 'node:fs';
import type {Browser, BrowserContext, Locator, Page} from 'playwright-core';
import Stripe from 'stripe';
import manifest from '../fixtures/app/stripe-app.json';
import {localProviderManifest, previewRedirectUris, PREVIEW_ACCOUNT, PREVIEW_USERS, startTestProvider, type TestProvider, startAll} from 'stripe-apps-offline/testing';
import {CONNECTION_SECRET, FIXTURE_CONNECTION} from '../support/fixtureConnection';
import {freePort, launchBrowser, recordConsole, screenshot, startTestPreview, type PreviewUnderTest} from './browser';

jest.setTimeout(120_000);

const [ADA, BEN] = PREVIEW_USERS;
const PROVIDER = 'Local OAuth provider';
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let preview: PreviewUnderTest;
let provider: TestProvider;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const port = await freePort();
  const [test, live] = previewRedirectUris(`http://127.0.0.1:${port}`, manifest.id);
  [browser, provider] = await startAll(launchBrowser(), startTestProvider({redirectUris: [test, live]}));
  preview = await startTestPreview({port, manifestOverrides: localProviderManifest(provider.issuer, {test, live}, [FIXTURE_CONNECTION.id])});
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([preview?.close(), provider?.close()]);
});
beforeEach(async () => {
  context = await browser.newContext({viewport: {width: 1280, height: 1000}});
  page = await context.newPage();
  recordConsole(page);
  const store = backend();
  for (const secret of (await store.apps.secrets.list({scope: {type: 'account'}, limit: 100})).data) {
    await store.apps.secrets.deleteWhere({name: secret.name, scope: {type: 'account'}});
  }
  for (const user of PREVIEW_USERS) await store.apps.secrets.deleteWhere({name: CONNECTION_SECRET, scope: {type: 'user', user: user.id}}).catch(() => undefined);
});
afterEach(async () => {
  await context.close();
});

const backend = () =>
  new Stripe('sk_test_a11y', {host: '127.0.0.1', port: preview.store.port, protocol: 'http', telemetry: false, stripeAccount: PREVIEW_ACCOUNT.id});

const SETTINGS = '[data-view="AppSettings"]';
const DRAWER = '[data-view="ConnectionsDrawer"]';
const settings = () => page.locator(SETTINGS);
const drawer = () => page.locator(DRAWER);

/** A connection as the drawer stores it; `expired` makes the drawer refresh it on opening. */
async function storeConnection(user: string, options: {expired?: boolean} = {}) {
  const now = Math.floor(Date.now() / 1000);
  await backend().apps.secrets.create({
    name: CONNECTION_SECRET,
    scope: {type: 'user', user},
    payload: JSON.stringify({
      version: 1,
      access_token: 'a11y-access-token-not-real',
      // The provider never issued this one: a refresh with it is refused, so the drawer asks to reconnect.
      refresh_token: 'a11y-refresh-token-not-real',
      token_type: 'Bearer',
      scope: 'read write',
      access_token_expires_at: options.expired ? now - 5 : now + 3600,
      refresh_token_expires_at: now + 86_400,
      connected_at: now - 60,
      account_name: 'ada',
    }),
  });
}

interface Finding {
  rule: string;
  impact: string;
  targets: string[];
}

/** axe-core over one view's part of the page: its serious and critical findings, as rule ids and selectors only. */
async function scan(selector: string, state: string): Promise<Finding[]> {
  await page.evaluate(AXE_SOURCE);
  await screenshot(page, `a11y-${state}`);
  const findings = await page.evaluate(async (include) => {
    // axe is the global the script above defined; its types are not imported into the page.
    const axe = (globalThis as unknown as {axe: {run(context: unknown, options: unknown): Promise<{violations: {id: string; impact: string | null; nodes: {target: unknown[]}[]}[]}>}}).axe;
    const result = await axe.run({include: [include]}, {resultTypes: ['violations']});
    return result.violations.map((v) => ({rule: v.id, impact: v.impact ?? 'unknown', targets: v.nodes.map((n) => n.target.map(String).join(' '))}));
  }, selector);
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical').map((f) => ({...f, rule: `${state}: ${f.rule}`}));
}

/** What has focus: its accessible name (a button's or a link's text, a field's label) and whether a focus indicator is drawn. */
async function focused(): Promise<{name: string; role: string; ringVisible: boolean}> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return {name: '(page body)', role: 'body', ringVisible: false};
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    const name = (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    const style = getComputedStyle(el);
    const ringVisible = el.matches(':focus-visible') && ((style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none');
    return {name, role: el.tagName.toLowerCase(), ringVisible};
  });
}

/** Presses Tab until the control named `name` has focus (at most `limit` presses); fails naming where focus went. */
async function tabTo(name: string | RegExp, limit = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return;
    seen.push(now.name);
  }
  throw new Error(`Tab never reached "${String(name)}"; it went through: ${seen.join(' | ')}`);
}

/**
 * Focus is on the control named `name` (exactly, or matching), with a visible focus indicator. A view's update
 * crosses from its iframe in steps (a button's new words after the banner beside it), so this waits up to 5 s
 * for the name before it judges.
 */
async function expectFocusOn(name: string | RegExp) {
  const matches = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  const deadline = Date.now() + 5000;
  let now = await focused();
  while (!matches(now.name) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    now = await focused();
  }
  expect(now.name).toBe(typeof name === 'string' ? name : now.name.match(name)?.[0] ?? `(something matching ${String(name)})`);
  expect(now.ringVisible).toBe(true);
}

const statusText = (view: Locator, text: string | RegExp) => view.getByRole('status').filter({hasText: text});

describe('axe-core finds nothing serious or critical', () => {
  test('the scan sees the view: a nameless button put into the settings view is reported', async () => {
    await page.goto(`${preview.url}/?user=${ADA.id}&mode=test&drawer=closed`);
    await settings().getByRole('button', {name: 'Save Acme API key'}).waitFor();
    await page.evaluate((selector) => document.querySelector(selector)?.append(Object.assign(document.createElement('button'), {className: 'planted'})), SETTINGS);
    expect((await scan(SETTINGS, 'planted')).map((f) => f.rule)).toContain('planted: button-name');
  });

  test('settings page: empty, a key set, a field error, the delete question, all 10 places in use', async () => {
    const findings: Finding[] = [];
    await page.goto(`${preview.url}/?user=${ADA.id}&mode=test&drawer=closed`);
    await settings().getByRole('button', {name: 'Save Acme API key'}).waitFor();
    findings.push(...(await scan(SETTINGS, 'settings-empty')));

    await settings().getByLabel('Acme API key', {exact: true}).fill('sk_test_AccessibleKey01');
    await settings().getByRole('button', {name: 'Save Acme API key'}).click();
    await statusText(settings(), 'Acme API key saved').waitFor();
    findings.push(...(await scan(SETTINGS, 'settings-key-set')));

    await settings().getByLabel('New Acme API key', {exact: true}).fill('not a key');
    await settings().getByRole('button', {name: 'Replace Acme API key'}).click();
    await settings().getByRole('alert').first().waitFor();
    findings.push(...(await scan(SETTINGS, 'settings-field-error')));

    await settings().getByRole('button', {name: 'Delete Acme API key…'}).click();
    await settings().getByRole('button', {name: 'Delete Acme API key', exact: true}).waitFor();
    findings.push(...(await scan(SETTINGS, 'settings-delete-question')));
    await settings().getByRole('button', {name: 'Keep Acme API key'}).click();

    // Nine more keys fill the account's ten places; saving the optional slot is then refused.
    for (let i = 1; i <= 9; i++) await backend().apps.secrets.create({name: `legacy_key_${i}`, payload: 'old', scope: {type: 'account'}});
    await page.reload();
    await settings().getByLabel('Shipping webhook secret', {exact: true}).fill('whsec_accessible');
    await settings().getByRole('button', {name: 'Save Shipping webhook secret'}).click();
    await settings().getByText(/all 10 are in use/).waitFor();
    findings.push(...(await scan(SETTINGS, 'settings-all-places-in-use')));

    expect(findings).toEqual([]);
  });

  test('Connections drawer: not connected, waiting, connected, the disconnect question, reconnect needed', async () => {
    const findings: Finding[] = [];
    await page.goto(`${preview.url}/?user=${BEN.id}&mode=test`);
    const connect = drawer().getByRole('link', {name: `Connect to ${PROVIDER}`});
    await connect.waitFor();
    findings.push(...(await scan(DRAWER, 'drawer-not-connected')));

    const [tab] = await Promise.all([context.waitForEvent('page'), connect.click()]);
    await tab.close();
    await drawer().getByRole('button', {name: 'Check again'}).waitFor();
    findings.push(...(await scan(DRAWER, 'drawer-waiting')));

    await storeConnection(ADA.id);
    await page.goto(`${preview.url}/?user=${ADA.id}&mode=test`);
    await drawer().getByText('Connected as ada').waitFor();
    findings.push(...(await scan(DRAWER, 'drawer-connected')));

    await drawer().getByRole('button', {name: `Disconnect from ${PROVIDER}…`}).click();
    await drawer().getByRole('button', {name: 'Stay connected'}).waitFor();
    findings.push(...(await scan(DRAWER, 'drawer-disconnect-question')));

    await storeConnection(ADA.id, {expired: true});
    await page.reload();
    await drawer().getByText('Reconnect needed').first().waitFor();
    findings.push(...(await scan(DRAWER, 'drawer-reconnect-needed')));

    expect(findings).toEqual([]);
  });
});

describe('keyboard only: focus lands somewhere sensible after each action, and shows', () => {
  test('settings: Enter saves and focus stays in the field; Delete… turns into Keep; confirming puts focus in the emptied field; Save keeps focus', async () => {
    await page.goto(`${preview.url}/?user=${ADA.id}&mode=test&drawer=closed`);
    await settings().getByRole('button', {name: 'Save Acme API key'}).waitFor();

    await tabTo('Acme API key');
    await page.keyboard.type('sk_test_KeyboardOnly01');
    await page.keyboard.press('Enter');
    await statusText(settings(), 'Acme API key saved').waitFor();
    // The same field, now labelled for a replacement, still has focus: Enter did not drop it on the page.
    await expectFocusOn('New Acme API key');

    await tabTo('Delete Acme API key…');
    await page.keyboard.press('Enter');
    await settings().getByText('Delete Acme API key?').waitFor();
    // The asking button became the one that backs out: focus is on the safe answer.
    await expectFocusOn('Keep Acme API key');
    await page.keyboard.press('Enter');
    await settings().getByText('Delete Acme API key?').waitFor({state: 'detached'});
    await expectFocusOn('Delete Acme API key…');

    await page.keyboard.press('Enter');
    await expectFocusOn('Keep Acme API key');
    // The confirming button crosses from the view's iframe in its own update: Tab is pressed once it is drawn.
    await settings().getByRole('button', {name: 'Delete Acme API key', exact: true}).waitFor();
    await page.keyboard.press('Tab');
    await expectFocusOn('Delete Acme API key');
    await page.keyboard.press('Enter');
    await statusText(settings(), 'Acme API key deleted').waitFor();
    // The key is gone; the next thing to do is paste a new one, and focus is there.
    await expectFocusOn('Acme API key');
    await screenshot(page, 'keyboard-settings-after-delete');

    await page.keyboard.type('sk_test_KeyboardOnly02');
    await tabTo('Save Acme API key');
    await page.keyboard.press('Space');
    await statusText(settings(), 'Acme API key saved').waitFor();
    // The pressed button stayed focusable while it was pending, and is now the Replace button.
    await expectFocusOn('Replace Acme API key');
  });

  test('settings: deleting one of the other stored keys leaves the next one the next Tab stop', async () => {
    for (const name of ['legacy_key_1', 'legacy_key_2']) await backend().apps.secrets.create({name, payload: 'old', scope: {type: 'account'}});
    await page.goto(`${preview.url}/?user=${ADA.id}&mode=test&drawer=closed`);
    // Newest first: legacy_key_2's row comes before legacy_key_1's.
    await settings().getByRole('button', {name: 'Delete legacy_key_1…'}).waitFor();
    await tabTo('Delete legacy_key_2…');
    await page.keyboard.press('Enter');
    await expectFocusOn('Keep legacy_key_2');
    await settings().getByRole('button', {name: 'Delete legacy_key_2', exact: true}).waitFor();
    await page.keyboard.press('Tab');
    await expectFocusOn('Delete legacy_key_2');
    await page.keyboard.press('Enter');
    await statusText(settings(), 'legacy_key_2 deleted').waitFor();
    // Its row, and the button that had focus, are gone: the keyboard goes on from where they were.
    await tabTo('Delete legacy_key_1…', 1);
    await expectFocusOn('Delete legacy_key_1…');
  });

  test('drawer: the buttons that appear after Connect are next in Tab order; Disconnect… turns into Stay connected; Disconnect is confirmed by keyboard', async () => {
    await page.goto(`${preview.url}/?user=${BEN.id}&mode=test`);
    await drawer().getByRole('link', {name: `Connect to ${PROVIDER}`}).waitFor();
    await tabTo(`Connect to ${PROVIDER}`);
    await expectFocusOn(`Connect to ${PROVIDER}`);
    const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await tab.close();
    await page.bringToFront();
    await drawer().getByRole('button', {name: 'Check again'}).waitFor();
    // Where Connect was: the next Tab reaches the buttons that replaced it, not the page after the drawer.
    await tabTo('Check again', 2);
    await expectFocusOn('Check again');
    // Check again before signing in: the panel reads the store, finds nothing, and offers Connect where the buttons were.
    await page.keyboard.press('Enter');
    await drawer().getByText(/You are not connected/).waitFor();
    // The text and the link cross from the view's iframe in separate updates: Tab is pressed once the link is drawn.
    await drawer().getByRole('link', {name: `Connect to ${PROVIDER}`}).waitFor();
    await drawer().getByRole('button', {name: 'Check again'}).waitFor({state: 'detached'});
    await tabTo(`Connect to ${PROVIDER}`, 2);
    const [again] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await again.close();
    await page.bringToFront();
    await drawer().getByRole('button', {name: 'Start over'}).waitFor();
    await tabTo('Start over', 3);
    await page.keyboard.press('Enter');
    await drawer().getByRole('link', {name: `Connect to ${PROVIDER}`}).waitFor();
    // The link and the buttons' going cross in separate updates: a Tab pressed while Start over is still there leaves from it, past the link (CI saw this once).
    await drawer().getByRole('button', {name: 'Start over'}).waitFor({state: 'detached'});
    await tabTo(`Connect to ${PROVIDER}`, 2);
    await expectFocusOn(`Connect to ${PROVIDER}`);

    await storeConnection(ADA.id);
    await page.goto(`${preview.url}/?user=${ADA.id}&mode=test`);
    await drawer().getByText('Connected as ada').waitFor();
    await tabTo(`Disconnect from ${PROVIDER}…`);
    await page.keyboard.press('Enter');
    await drawer().getByText(`Disconnect from ${PROVIDER}?`).waitFor();
    await expectFocusOn('Stay connected');
    await page.keyboard.press('Enter');
    await drawer().getByText(`Disconnect from ${PROVIDER}?`).waitFor({state: 'detached'});
    await expectFocusOn(`Disconnect from ${PROVIDER}…`);
    await page.keyboard.press('Enter');
    await expectFocusOn('Stay connected');
    await drawer().getByRole('button', {name: `Disconnect from ${PROVIDER}`, exact: true}).waitFor();
    await page.keyboard.press('Tab');
    await expectFocusOn(`Disconnect from ${PROVIDER}`);
    await page.keyboard.press('Enter');
    await drawer().getByText(/You are not connected/).waitFor();
    await drawer().getByRole('link', {name: `Connect to ${PROVIDER}`}).waitFor();
    // The screen that reports it has replaced the buttons: Connect is the next stop.
    await tabTo(`Connect to ${PROVIDER}`, 3);
    await expectFocusOn(`Connect to ${PROVIDER}`);
  });
});
