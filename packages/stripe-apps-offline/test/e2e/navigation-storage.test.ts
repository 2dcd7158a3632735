/** useStorage is shared live by the app's open views, as in one Dashboard session. */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(90_000);

const file = path.join(__dirname, 'views/StorageProbe.tsx');
const suite = previewSuite({
  extraViews: [
    {component: 'StorageProbeSettings', viewport: 'settings', file},
    {component: 'StorageProbeDrawer', viewport: 'stripe.dashboard.drawer.default', file},
  ],
});

test('a value one view writes with useStorage reaches the other open view without a reload', async () => {
  await suite.page.goto(`${suite.preview.url}/`);
  const settings = suite.page.locator('[data-view="StorageProbeSettings"]');
  const drawer = suite.page.locator('[data-view="StorageProbeDrawer"]');
  await settings.getByText('Shared: none').waitFor();
  await drawer.getByText('Shared: none').waitFor();
  await settings.getByRole('button', {name: 'Write here'}).click();
  await drawer.getByText('Shared: written in settings').waitFor();
  await drawer.getByRole('button', {name: 'Write here'}).click();
  await settings.getByText('Shared: written in stripe.dashboard.drawer.default').waitFor();
  expect(suite.consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});
