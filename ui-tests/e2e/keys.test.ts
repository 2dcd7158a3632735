/**
 * "Test key" end to end: the settings page in the offline preview, in
 * headless Chromium, signing its call with the preview's fetchStripeSignature;
 * the real app backend verifying it, reading the key from the preview's
 * Secret Store and presenting it to the Acme stand-in. The key is typed once
 * and never comes back: not in the DOM, a frame, the console, the request log
 * or any line the preview or the backend printed.
 */
import type {Browser, Page} from 'playwright-core';
import type {BackendLogEntry} from '../../backend/app';
import type {RunningBackend} from '../../backend/server';
import {startAll} from 'stripe-apps-offline/testing';
import {startAcmeStandIn, type RunningAcmeStandIn} from '../../stand-ins/acme/standIn';
import {startLocalBackend} from '../support/localBackend';
import {everythingShown, freePort, launchBrowser, recordConsole, screenshot, startTestPreview, type PreviewUnderTest} from './browser';

jest.setTimeout(90_000);

const GOOD = 'sk_test_BrowserGoodKey31';
const REVOKED = 'sk_test_revokedBrowserKey5';

let browser: Browser;
let preview: PreviewUnderTest;
let backend: RunningBackend;
let acme: RunningAcmeStandIn;
let page: Page;
let consoleLines: string[];
const backendLog: BackendLogEntry[] = [];

beforeAll(async () => {
  const backendPort = await freePort();
  const backendUrl = `http://127.0.0.1:${backendPort}`;
  [browser, acme] = await startAll(launchBrowser(), startAcmeStandIn({port: 0}));
  // What stripe-app.local.json does for `npm start`, on this run's ports.
  preview = await startTestPreview({
    manifestOverrides: {
      ui_extension: {content_security_policy: {'connect-src': [`${backendUrl}/v1/`]}},
      constants: {backendUrl, keyChecks: {acme_api_key: {url: `${acme.url}/v1/ping`}}},
    },
  });
  // The backend npm start runs: this preview's signing secret, its Secret Store, the merged manifest's constants.
  backend = await startLocalBackend(preview, {port: backendPort, log: (entry) => backendLog.push(entry)});
  page = await browser.newPage({viewport: {width: 1280, height: 1000}});
  consoleLines = recordConsole(page);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([preview?.close(), backend?.close(), acme?.close()]);
});

const settings = () => page.locator('[data-view="AppSettings"]');

async function save(value: string, button: string) {
  await settings().getByLabel(button === 'Save Acme API key' ? 'Acme API key' : 'New Acme API key', {exact: true}).fill(value);
  await settings().getByRole('button', {name: button}).click();
  // A first save says "saved"; a replacement says "replaced on <day>".
  await settings().getByRole('status').filter({hasText: button === 'Save Acme API key' ? 'Acme API key saved' : /Acme API key replaced on /}).waitFor();
}

test('a refused key, replaced by one that works, each tested from the keyboard through the backend', async () => {
  await page.goto(`${preview.url}/?mode=test`);
  await settings().getByRole('button', {name: 'Save Acme API key'}).waitFor();
  // Nothing to test until a key is stored.
  expect(await settings().getByRole('button', {name: 'Test Acme API key'}).count()).toBe(0);

  await save(REVOKED, 'Save Acme API key');
  const testButton = settings().getByRole('button', {name: 'Test Acme API key'});
  await testButton.focus();
  await page.keyboard.press('Enter');
  await settings().getByText('Acme refused this key').waitFor();
  await settings().getByText(/answered 401 .*Replace it with a current key from Acme/).waitFor();

  await save(GOOD, 'Replace Acme API key');
  // The refusal was about the old key: gone with it.
  await settings().getByText('Acme refused this key').waitFor({state: 'detached', timeout: 5000});
  await testButton.focus();
  await page.keyboard.press('Space');
  await settings().getByText(/Acme API key works — checked at \d{2}:\d{2}/).waitFor();
  await screenshot(page, 'settings-key-test');

  expect(acme.requests.map((r) => `${r.presentedAs} ${r.status}`)).toEqual(['bearer 401', 'bearer 200']);
  // The sandboxed iframe's CORS preflight, then the signed call, for each test.
  expect(backendLog.filter((e) => e.path === '/v1/keys/test').map((e) => `${e.method} ${e.status}`)).toEqual(['OPTIONS 204', 'POST 200', 'OPTIONS 204', 'POST 200']);

  const everywhere = `${await everythingShown(page, consoleLines, preview)}\n${JSON.stringify(backendLog)}`;
  expect(everywhere.includes('BrowserGoodKey') || everywhere.includes('revokedBrowserKey')).toBe(false);
  expect(everywhere.includes('****')).toBe(false);
});
