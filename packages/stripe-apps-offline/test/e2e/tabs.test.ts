/** Tabs whose Tab and TabPanel carry no `id` (only React keys) still pair by place, as in the Dashboard. */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'TabsWithoutIds', file: path.join(__dirname, 'views/TabsWithoutIds.tsx')}],
});

test('the first tab is selected and shows its own panel; choosing the second shows the second panel only', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=TabsWithoutIds`);
  const view = page.locator('[data-view="TabsWithoutIds"]');
  await view.getByRole('tab', {name: 'Payment'}).waitFor();
  expect(await view.getByRole('tab', {selected: true}).allTextContents()).toEqual(['Payment']);
  expect(await view.getByText('The payment panel').isVisible()).toBe(true);
  expect(await view.getByText('The charges panel').isVisible()).toBe(false);

  await view.getByRole('tab', {name: 'Charges'}).click();
  expect(await view.getByRole('tab', {selected: true}).allTextContents()).toEqual(['Charges']);
  await view.getByText('The charges panel').waitFor();
  expect(await view.getByText('The payment panel').isVisible()).toBe(false);
});
