/**
 * A view whose module throws while loading (before its first render) shows
 * the error in its place, with message and stack, as a render error does;
 * it used to leave the drawer blank with the error only in the console.
 */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'LoadErrorProbe', file: path.join(__dirname, 'views/LoadErrorProbe.tsx')}],
});

test('the error a view module throws at load shows in the view\'s place', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=LoadErrorProbe`);
  const error = page.locator('[data-view="LoadErrorProbe"]').getByRole('alert');
  await error.getByText('The view failed to load: No client for this realm').waitFor();
  expect(await error.locator('pre').innerText()).toMatch(/clientFromEnvironment/);
});
