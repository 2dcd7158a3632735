/**
 * ContextView's brandColor and brandIcon brand the drawer's header, where the
 * app's tile is; a view that sets neither keeps the app's initial.
 */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [
    {viewport: 'stripe.dashboard.drawer.default', component: 'BrandProbe', file: path.join(__dirname, 'views/BrandProbe.tsx')},
    {viewport: 'stripe.dashboard.customer.detail', component: 'CustomerProbe', file: path.join(__dirname, 'views/ViewportProbe.tsx')},
  ],
});

test('the drawer header shows the view\'s brand icon on its brand colour', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=BrandProbe`);
  await page.locator('[data-view="BrandProbe"]').getByText('Branded drawer').waitFor();
  const tile = page.locator('.kr-drawer-header .kr-app-tile');
  await tile.locator('img').waitFor();
  expect(await tile.locator('img').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  expect(await tile.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(232, 189, 125)');
});

test('a drawer view without a brand keeps the app\'s initial, also after a branded one', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=BrandProbe`);
  await page.locator('.kr-drawer-header .kr-app-tile img').waitFor();
  await page.goto(`${preview.url}/?view=CustomerProbe`);
  await page.locator('[data-view="CustomerProbe"]').getByText('objectContext', {exact: false}).waitFor();
  const tile = page.locator('.kr-drawer-header .kr-app-tile');
  await tile.waitFor();
  expect(await tile.locator('img').count()).toBe(0);
  // The previewed app's initial (the fixture is "Probe App").
  expect((await tile.innerText()).trim()).toBe('P');
});
