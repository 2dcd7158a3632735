/**
 * A Select's change event carries `target.selectedIndex` besides `value` and
 * `name`, as the Dashboard's does (stripe/stripe-apps issue 89 shows it there).
 */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'SelectIndexProbe', file: path.join(__dirname, 'views/SelectIndexProbe.tsx')}],
});

test('choosing an option hands the view its index and value', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=SelectIndexProbe`);
  const view = page.locator('[data-view="SelectIndexProbe"]');
  await view.getByText('Picked: nothing').waitFor();
  await view.getByLabel('Country').selectOption('jp');
  await view.getByText('Picked: 2 jp jp').waitFor();
  await view.getByLabel('Country').selectOption('');
  await view.getByText('Picked: 0  ').waitFor();
});
