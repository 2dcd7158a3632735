/**
 * The kit's browser for tests: a wait for words the page never shows fails
 * after WAIT_MS, not Playwright's 30 s, and says what the page does show
 * (without the request log, and without what was typed into a field).
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import type {Browser} from 'playwright-core';
import {launchBrowser} from '../../src/testing/browser';
import {WAIT_MS} from '../../src/testing/explainTimeouts';

jest.setTimeout(60_000);

const PAGE = `<!doctype html><title>t</title>
<div data-view="Drawer"><h1>Could not connect to Acme</h1><p>The sign-in was cancelled or refused.</p><label>Key <input id="k"></label><button>Try again</button></div>
<table aria-label="Request log"><tr><td>stripe-api GET /v1/apps/secrets 200</td></tr></table>`;

let browser: Browser;
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((_req, res) => res.writeHead(200, {'content-type': 'text/html'}).end(PAGE));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

test('a wait for text that never comes fails after WAIT_MS and says what the page shows instead', async () => {
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator('#k').fill('sk_test_typedNeverShown');
  const started = Date.now();
  const error = (await page
    .locator('[data-view="Drawer"]')
    .getByText('Connected as ada')
    .waitFor()
    .catch((e: unknown) => e)) as Error;
  const waited = Date.now() - started;
  expect(error.name).toBe('TimeoutError');
  // Bounded by the kit's default, not Playwright's 30 s (a generous margin for a slow machine).
  expect(waited).toBeLessThan(WAIT_MS + 5_000);
  expect(error.message).toContain(`Timeout ${WAIT_MS}ms exceeded`);
  expect(error.message).toContain('shows, request log left out:\n  Could not connect to Acme\n  The sign-in was cancelled or refused.');
  expect(error.message).not.toContain('/v1/apps/secrets');
  expect(error.message).not.toContain('sk_test_typedNeverShown');
  await page.close();
});

test('an action on a control that is not there says so the same way; pages reached through a context and an event are covered too', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate((u) => window.open(u), url)]);
  await popup.waitForLoadState();
  const error = (await popup
    .getByRole('button', {name: 'Save Acme API key'})
    .click({timeout: 1000})
    .catch((e: unknown) => e)) as Error;
  expect(error.message).toContain("getByRole('button', { name: 'Save Acme API key' })");
  expect(error.message).toContain('Could not connect to Acme');
  // The same page however it was reached: the wrapper does not make a new one each time.
  expect(context.pages()).toContain(popup);
  await context.close();
});

test('what passes through is untouched: a found element acts, a locator handed back to Playwright works', async () => {
  const page = await browser.newPage();
  await page.goto(url);
  const drawer = page.locator('[data-view="Drawer"]');
  await drawer.filter({has: page.getByRole('button', {name: 'Try again'})}).getByRole('button').click();
  expect(await drawer.getByRole('heading').textContent()).toBe('Could not connect to Acme');
  await page.close();
});
