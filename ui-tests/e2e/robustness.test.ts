/**
 * What the preview does with an app it cannot fully use: image imports build,
 * a missing or broken view is reported on the page and in the terminal while
 * the others run, a manifest without permissions is named, and an error
 * thrown after the first render shows in the view's place.
 */
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {launchBrowser, recordConsole, screenshot, startTestPreview, type PreviewUnderTest} from './browser';

jest.setTimeout(90_000);

let browser: Browser;
let preview: PreviewUnderTest;
let page: Page;
let consoleLines: string[];

beforeAll(async () => {
  [browser, preview] = await Promise.all([
    launchBrowser(),
    startTestPreview({
      // null replaces the list: a manifest with no permissions.
      manifestOverrides: {permissions: null},
      extraViews: [
        {viewport: 'stripe.dashboard.drawer.default', component: 'RobustnessProbe', file: path.join(__dirname, 'views/RobustnessProbe.tsx')},
        {viewport: 'stripe.dashboard.customer.detail', component: 'BrokenProbe', file: path.join(__dirname, 'views/BrokenProbe.tsx')},
        {viewport: 'stripe.dashboard.payment.detail', component: 'MissingProbe', file: path.join(__dirname, 'views/MissingProbe.tsx')},
      ],
    }),
  ]);
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

const view = (component: string) => page.locator(`[data-view="${component}"]`);

test('an imported .svg is bundled as a data URL and drawn', async () => {
  await page.goto(`${preview.url}/?view=RobustnessProbe`);
  const img = view('RobustnessProbe').getByRole('img', {name: 'Imported mark'});
  await img.waitFor();
  expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  await page.waitForFunction((el) => (el as HTMLImageElement).naturalWidth === 32, await img.elementHandle());
});

test('an error thrown after the first render shows in the view’s place with its message and stack', async () => {
  await page.goto(`${preview.url}/?view=RobustnessProbe`);
  await view('RobustnessProbe').getByRole('button', {name: 'Explode'}).click();
  const error = view('RobustnessProbe').getByRole('alert');
  await error.getByText('The view crashed: Boom after the first render').waitFor();
  expect(await error.locator('pre').innerText()).toMatch(/Exploding/);
  // The view is gone, not left half-drawn.
  expect(await view('RobustnessProbe').getByRole('button', {name: 'Explode'}).count()).toBe(0);
  await screenshot(page, 'robustness-crash');
});

test('a view that does not build and one whose file is missing are named on the page and in the terminal; the others run', async () => {
  await page.goto(`${preview.url}/`);
  const problems = page.getByRole('region', {name: 'Problems'});
  await problems.getByText(/BrokenProbe did not build:[\s\S]*no-such-module/).waitFor();
  await problems.getByText(/MissingProbe\.tsx not found/).waitFor();
  await problems.getByText(/no "permissions" list/).waitFor();
  // The app's own views still run.
  await page.locator('[data-view="AppSettings"]').getByRole('button', {name: /Acme API key$/}).first().waitFor();

  await page.goto(`${preview.url}/?view=BrokenProbe`);
  await view('BrokenProbe').getByRole('alert').getByText('BrokenProbe cannot be shown').waitFor();
  const response = await page.request.get(`${preview.url}/?view=MissingProbe`);
  expect(response.status()).toBe(200);
  await page.goto(`${preview.url}/?view=MissingProbe`);
  await view('MissingProbe').getByRole('alert').getByText(/MissingProbe\.tsx not found/).waitFor();

  const terminal = preview.output.join('\n');
  expect(terminal).toMatch(/problem: BrokenProbe did not build/);
  expect(terminal).toMatch(/problem: .*MissingProbe\.tsx not found/);
  expect(consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});
