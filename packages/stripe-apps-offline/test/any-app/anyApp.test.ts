/**
 * The kit previews an app that is not Keyring, from that app's own folder: a
 * fixture with classic JSX ("jsx": "react" in its tsconfig), a component
 * declared for two viewports, a view that waits on animation frames, one that
 * asks the SDK for the Dashboard user's email, and a backend of its own named
 * in its package.json. Everything runs through the kit's command, as a
 * developer runs it.
 */
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {launchBrowser} from '../../src/testing/browser';
import {startKitCommand, type RunningKitCommand} from '../../src/testing/kitCommand';

const APP = path.join(__dirname, '../fixtures/any-app');

let kit: RunningKitCommand | undefined;
let browser: Browser | undefined;
let url = '';
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  kit = await startKitCommand(APP);
  url = kit.url;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await kit.stop();
    throw e;
  }
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await kit?.stop();
});

beforeEach(async () => {
  page = await (browser as Browser).newPage();
  pageErrors.length = 0;
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

afterEach(async () => {
  await page.close();
});

test('the terminal names the app from its manifest and its own backend', () => {
  const output = kit?.cli.output() ?? '';
  expect(output).toContain('Any App preview ready');
  expect(output).toMatch(/App backend: +http:\/\/127\.0\.0\.1:\d+ \(the app's own/);
  expect(output).toContain('backend: fixture backend on');
  // The fixture has no constants.oauth: nothing about connections is said.
  expect(output).not.toContain('Connections:');
});

test("the app's classic JSX builds, and the kit's own page still draws", async () => {
  await page.goto(`${url}/?view=Canvas`);
  await page.getByText(/Animation frames ran|No animation frame yet/).waitFor();
  expect(pageErrors.filter((e) => /React is not defined/.test(e))).toEqual([]);
});

test("requestAnimationFrame runs in a view's frame, so a canvas view can draw", async () => {
  await page.goto(`${url}/?view=Canvas`);
  await page.getByText(/Animation frames ran: (2|3|several)/).waitFor({timeout: 10_000});
});

test("the SDK's getDashboardUserEmail answers the preview user's email", async () => {
  await page.goto(`${url}/?view=WhoAmI&user=usr_PreviewBen0002`);
  await page.getByText('Email: ben@keyring.example').waitFor();
});

test("the app's backend answers the view, given this run's signing secret", async () => {
  await page.goto(`${url}/?view=WhoAmI`);
  await page.getByText('Backend: answered with the signing secret set').waitFor();
  await page.getByRole('cell', {name: 'GET /hello'}).or(page.getByText('/hello')).first().waitFor();
});

test('a component declared for two viewports is listed and opened in each', async () => {
  await page.goto(url);
  const picker = page.getByRole('combobox', {name: 'View', exact: true});
  const options = await picker.locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
  expect(options).toEqual(
    expect.arrayContaining([
      ['Twice@stripe.dashboard.customer.detail', 'Twice (stripe.dashboard.customer.detail)'],
      ['Twice@stripe.dashboard.payment.detail', 'Twice (stripe.dashboard.payment.detail)'],
    ]),
  );
  await picker.selectOption('Twice@stripe.dashboard.payment.detail');
  await page.getByText('Opened in stripe.dashboard.payment.detail').waitFor();
  await page.goto(`${url}/?view=Twice@stripe.dashboard.customer.detail`);
  await page.getByText('Opened in stripe.dashboard.customer.detail').waitFor();
  expect(pageErrors.filter((e) => /same key/.test(e))).toEqual([]);
});
