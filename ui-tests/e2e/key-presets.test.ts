/**
 * Key presets in the offline preview, in headless Chromium: a manifest that
 * asks for OpenAI, Twilio, Mailchimp and PostHog keys by preset alone shows a
 * card each; Twilio's two fields save as one secret and test as working
 * against the kit's stand-in, through the real backend; PostHog's region is
 * a select picked by keyboard, and its check goes to the host it picks. No
 * key typed comes back in the DOM, a frame, the console or the request log.
 */
import type {Browser, Page} from 'playwright-core';
import type {BackendLogEntry} from '../../backend/app';
import type {RunningBackend} from '../../backend/server';
import {localKeyCheckUrl, startAll, startKeyServices, type RunningKeyServices} from 'stripe-apps-offline/testing';
import {startLocalBackend} from '../support/localBackend';
import {everythingShown, freePort, launchBrowser, recordConsole, screenshot, startTestPreview, type PreviewUnderTest} from './browser';

jest.setTimeout(90_000);

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const POSTHOG = 'phx_BrowserGood0123456789abcd';

let browser: Browser;
let preview: PreviewUnderTest;
let backend: RunningBackend;
let services: RunningKeyServices;
let page: Page;
let consoleLines: string[];
const backendLog: BackendLogEntry[] = [];

beforeAll(async () => {
  const backendPort = await freePort();
  const backendUrl = `http://127.0.0.1:${backendPort}`;
  [browser, services] = await startAll(launchBrowser(), startKeyServices());
  // The fixture's Acme slot stays (its check is in the fixture's manifest); the presets come after it.
  const presets = ['openai', 'twilio', 'mailchimp', 'posthog'].map((name) => ({name, preset: name}));
  const keySlots = [{name: 'acme_api_key', label: 'Acme API key'}, ...presets];
  preview = await startTestPreview({
    manifestOverrides: {
      ui_extension: {content_security_policy: {'connect-src': [`${backendUrl}/v1/`]}},
      // What the kit's layer writes for `npm start`, on this run's port.
      constants: {backendUrl, keySlots, keyChecks: Object.fromEntries(presets.map((s) => [s.name, {url: localKeyCheckUrl(services.url, s.preset)}]))},
    },
  });
  backend = await startLocalBackend(preview, {port: backendPort, log: (entry) => backendLog.push(entry)});
  page = await browser.newPage({viewport: {width: 1280, height: 1400}});
  consoleLines = recordConsole(page);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([preview?.close(), backend?.close(), services?.close()]);
});

const settings = () => page.locator('[data-view="AppSettings"]');

test('a card per preset; Twilio saves its two parts and tests as working; PostHog takes its region from a select, by keyboard', async () => {
  await page.goto(`${preview.url}/?mode=test`);
  for (const button of ['Save OpenAI API key', 'Save Twilio credentials', 'Save Mailchimp API key', 'Save PostHog personal API key']) {
    await settings().getByRole('button', {name: button}).waitFor();
  }

  await settings().getByLabel('Account SID', {exact: true}).fill(SID);
  await settings().getByLabel('Auth Token', {exact: true}).fill(TOKEN);
  await settings().getByRole('button', {name: 'Save Twilio credentials'}).click();
  await settings().getByRole('status').filter({hasText: 'Twilio credentials saved'}).waitFor();
  await settings().getByRole('button', {name: 'Test Twilio credentials'}).click();
  await settings().getByText(/Twilio credentials works — checked at \d{2}:\d{2}/).waitFor();

  await settings().getByLabel('PostHog personal API key', {exact: true}).fill(POSTHOG);
  const region = settings().getByLabel('PostHog Cloud region', {exact: true});
  expect(await region.inputValue()).toBe('us');
  await region.focus();
  await page.keyboard.press('ArrowDown');
  expect(await region.inputValue()).toBe('eu');
  await settings().getByRole('button', {name: 'Save PostHog personal API key'}).click();
  await settings().getByRole('status').filter({hasText: 'PostHog personal API key saved'}).waitFor();
  await settings().getByRole('button', {name: 'Test PostHog personal API key'}).focus();
  await page.keyboard.press('Enter');
  await settings().getByText(/PostHog personal API key works — checked at/).waitFor();
  await screenshot(page, 'settings-key-presets');

  expect(services.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET /as/twilio/2010-04-01/Accounts/${SID}.json 200`, 'GET /as/posthog/eu/api/users/@me/ 200']);
  const everywhere = `${await everythingShown(page, consoleLines, preview)}\n${JSON.stringify(backendLog)}`;
  expect([TOKEN, TOKEN.slice(6), POSTHOG, POSTHOG.slice(6)].filter((secret) => everywhere.includes(secret))).toEqual([]);
});
