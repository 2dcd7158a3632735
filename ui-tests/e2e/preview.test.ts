/**
 * The offline preview in headless Chromium: the real views in sandboxed
 * iframes, rendered by the host, against the real local Secret Store.
 */
import type {Browser, Page} from 'playwright-core';
import Stripe from 'stripe';
import manifest from '../fixtures/app/stripe-app.json';
import {PREVIEW_ACCOUNT, PREVIEW_USERS, startAll} from 'stripe-apps-offline/testing';
import {everythingShown, launchBrowser, recordConsole, screenshot, startTestPreview, type PreviewUnderTest} from './browser';

jest.setTimeout(60_000);

let browser: Browser;
let preview: PreviewUnderTest;
let page: Page;
let consoleLines: string[];

beforeAll(async () => {
  [browser, preview] = await startAll(launchBrowser(), startTestPreview({withProbe: true}));
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
});
beforeEach(async () => {
  page = await browser.newPage({viewport: {width: 1280, height: 900}});
  consoleLines = recordConsole(page);
});
afterEach(async () => {
  await page.close();
});

const [ADA, BEN] = PREVIEW_USERS;
/** The app's backend, on the preview's account. */
const backend = () =>
  new Stripe('sk_test_e2e', {host: '127.0.0.1', port: preview.store.port, protocol: 'http', telemetry: false, stripeAccount: PREVIEW_ACCOUNT.id});
const settings = () => page.locator('[data-view="AppSettings"]');
const drawer = () => page.locator('[data-view="PreviewProbe"]');

async function open(user = ADA.id) {
  await page.goto(`${preview.url}/?user=${user}&mode=test`);
  await settings().getByRole('button', {name: /^(Save|Replace) Acme API key$/}).waitFor();
}

test('a key pasted in the settings page is saved, still "set" after a reload, and never shown or logged', async () => {
  const value = 'sk_test_PreviewSecret7788';
  await open();
  const field = settings().getByLabel('Acme API key', {exact: true});
  await field.fill(value);
  await settings().getByRole('button', {name: 'Save Acme API key'}).click();
  await settings().getByRole('status').filter({hasText: 'Acme API key saved'}).waitFor();
  await page.reload();
  await settings().getByRole('button', {name: 'Replace Acme API key'}).waitFor();
  await settings().getByText(/^Set on /).first().waitFor();

  // The app's backend reads what the Dashboard user saved.
  const stored = await backend().apps.secrets.find({name: 'acme_api_key', scope: {type: 'account'}, expand: ['payload']});
  expect(stored.payload).toBe(value);

  await screenshot(page, 'settings');
  expect(await everythingShown(page, consoleLines, preview)).not.toContain('PreviewSecret');
  expect(await page.locator('[aria-label="Request log"]').innerText()).toMatch(/POST\s+\/v1\/apps\/secrets\s+200/);
});

test('Enter in a key field saves it, as the settings page asks of its fields', async () => {
  await open();
  const field = settings().getByLabel('Shipping webhook secret', {exact: true});
  await field.fill('whsec_PreviewEnter01');
  await field.press('Enter');
  await settings().getByText('Shipping webhook secret saved').waitFor();
  const stored = await backend().apps.secrets.find({name: 'shipping_webhook_secret', scope: {type: 'account'}, expand: ['payload']});
  expect(stored.payload === 'whsec_PreviewEnter01').toBe(true);
});

test('switching users keeps the account key; a user-scoped secret of one user is invisible to another', async () => {
  await backend().apps.secrets.create({name: 'acme_api_key', payload: 'sk_test_SharedByAll01', scope: {type: 'account'}});
  await open(ADA.id);
  await settings().getByRole('button', {name: 'Replace Acme API key'}).waitFor();
  const probe = drawer();
  await probe.getByLabel('Personal note').fill('ada-only note');
  await probe.getByRole('button', {name: 'Save personal note'}).click();
  await probe.getByText('Result: saved personal note').waitFor();
  await probe.getByRole('button', {name: 'List my secrets'}).click();
  await probe.getByText('Result: my secrets: [probe_note]').waitFor();

  await page.getByLabel('Preview user').selectOption(BEN.id);
  await drawer().getByText(`Signed in as ${BEN.id}`).waitFor();
  await drawer().getByRole('button', {name: 'List my secrets'}).click();
  await drawer().getByText('Result: my secrets: []').waitFor();
  // The account scope is shared by every user of the account.
  await settings().getByRole('button', {name: 'Replace Acme API key'}).waitFor();
  await screenshot(page, 'drawer');
});

test("a view that asks for another user's scope is refused by the host", async () => {
  await open(BEN.id);
  await drawer().getByRole('button', {name: "Read Ada's secrets"}).click();
  await drawer().getByText('Result: refused: 403 StripePermissionError').waitFor();
  expect(preview.requests.at(-1)).toMatchObject({user: BEN.id, status: 403});
});

test('an SDK component the host does not implement shows a placeholder, and the rest still works', async () => {
  await open();
  const placeholder = drawer().locator('[data-component="FutureWidget"]');
  await placeholder.getByText('FutureWidget is not available in the offline preview').waitFor();
  // What it carries in props and children is still shown.
  await placeholder.getByText('a title carried in props').waitFor();
  await placeholder.getByText('an SDK component the preview does not draw').waitFor();
  await drawer().getByRole('button', {name: 'List my secrets'}).click();
  await drawer().getByText(/Result: my secrets:/).waitFor();
});

test("a view reads the preview's made-up customers only with the permission its manifest declares", async () => {
  // Keyring asks for secret_write only: as after upload, reading customers is Stripe's permission error.
  await open();
  await drawer().getByRole('button', {name: 'List customers'}).click();
  await drawer().getByText('Result: customers refused: 403 StripePermissionError').waitFor();

  const allowed = await startTestPreview({withProbe: true, manifestOverrides: {permissions: [...manifest.permissions, {permission: 'customer_read', purpose: 'Shows customers.'}]}});
  try {
    await page.goto(`${allowed.url}/?user=${ADA.id}&mode=test`);
    await drawer().getByRole('button', {name: 'List customers'}).click();
    await drawer().getByText('Result: customers: 3').waitFor();
  } finally {
    await allowed.close();
  }
});

test("a fetch to a host missing from the manifest's CSP fails in the view", async () => {
  await open();
  await drawer().getByRole('button', {name: 'Fetch an unlisted host'}).click();
  await drawer().getByText('Result: fetch blocked').waitFor();
  expect(consoleLines.join('\n')).toMatch(/Content Security Policy|connect-src/);
});

test('the mode switch starts the views afresh in the other mode; the toast a view asks for appears on the page', async () => {
  await open(ADA.id);
  await drawer().getByText('Mode: test').waitFor();
  await page.getByRole('switch', {name: 'Test mode'}).uncheck();
  await drawer().getByText('Mode: live').waitFor();
  expect(new URL(page.url()).searchParams.get('mode')).toBe('live');
  await page.locator('.kr-test-ribbon').waitFor({state: 'detached'});
  await drawer().getByRole('button', {name: 'Show a toast'}).click();
  await page.getByRole('status').filter({hasText: 'Saved by the probe'}).waitFor();
});
