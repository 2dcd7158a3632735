/**
 * What the preview does with an app it cannot fully use: image imports build,
 * a missing or broken view is reported on the page and in the terminal while
 * the others run, a manifest without permissions is named, and an error
 * thrown after the first render shows in the view's place.
 */
import path from 'node:path';
import {screenshot} from './browser';
import {previewSuite} from './previewSuite';

jest.setTimeout(90_000);

const suite = previewSuite({
  // null replaces the list: a manifest with no permissions.
  manifestOverrides: {permissions: null},
  extraViews: [
    {viewport: 'stripe.dashboard.drawer.default', component: 'RobustnessProbe', file: path.join(__dirname, 'views/RobustnessProbe.tsx')},
    {viewport: 'stripe.dashboard.customer.detail', component: 'BrokenProbe', file: path.join(__dirname, 'views/BrokenProbe.tsx')},
    {viewport: 'stripe.dashboard.payment.detail', component: 'MissingProbe', file: path.join(__dirname, 'views/MissingProbe.tsx')},
  ],
});

const view = (component: string) => suite.page.locator(`[data-view="${component}"]`);

test('an imported .svg is bundled as a data URL and drawn', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=RobustnessProbe`);
  const img = view('RobustnessProbe').getByRole('img', {name: 'Imported mark'});
  await img.waitFor();
  expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  await suite.page.waitForFunction((el) => (el as HTMLImageElement).naturalWidth === 32, await img.elementHandle());
});

test('an error thrown after the first render shows in the view’s place with its message and stack', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=RobustnessProbe`);
  await view('RobustnessProbe').getByRole('button', {name: 'Explode'}).click();
  const error = view('RobustnessProbe').getByRole('alert');
  await error.getByText('The view crashed: Boom after the first render').waitFor();
  expect(await error.locator('pre').innerText()).toMatch(/Exploding/);
  // The view is gone, not left half-drawn.
  expect(await view('RobustnessProbe').getByRole('button', {name: 'Explode'}).count()).toBe(0);
  await screenshot(suite.page, 'robustness-crash');
});

test('a view that does not build and one whose file is missing are named on the page and in the terminal; the others run', async () => {
  await suite.page.goto(`${suite.preview.url}/`);
  const problems = suite.page.getByRole('region', {name: 'Problems'});
  await problems.getByText(/BrokenProbe did not build:[\s\S]*no-such-module/).waitFor();
  await problems.getByText(/MissingProbe\.tsx not found/).waitFor();
  await problems.getByText(/no "permissions" list/).waitFor();
  // The app's own views still run.
  await suite.page.locator('[data-view="AppSettings"]').getByRole('button', {name: /Acme API key$/}).first().waitFor();

  await suite.page.goto(`${suite.preview.url}/?view=BrokenProbe`);
  await view('BrokenProbe').getByRole('alert').getByText('BrokenProbe cannot be shown').waitFor();
  const response = await suite.page.request.get(`${suite.preview.url}/?view=MissingProbe`);
  expect(response.status()).toBe(200);
  await suite.page.goto(`${suite.preview.url}/?view=MissingProbe`);
  await view('MissingProbe').getByRole('alert').getByText(/MissingProbe\.tsx not found/).waitFor();

  const terminal = suite.preview.output.join('\n');
  expect(terminal).toMatch(/problem: BrokenProbe did not build/);
  expect(terminal).toMatch(/problem: .*MissingProbe\.tsx not found/);
  expect(suite.consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});
