/**
 * A FocusView opened from the drawer lies over the whole window, the preview's
 * top bar included: the drawer's scrolling column must not trap it under the
 * bar (its title and close button were hidden there).
 */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'Gallery', file: path.join(__dirname, 'views/Gallery.tsx')}],
});

test('the focus view\'s title and close button are the topmost elements where they are drawn', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=Gallery`);
  await page.locator('[data-view="Gallery"]').getByRole('button', {name: 'Open focus view'}).click();
  const dialog = page.getByRole('dialog', {name: 'Focus view'});
  await dialog.waitFor();
  for (const part of [dialog.getByRole('heading', {name: 'Focus view'}), dialog.getByRole('button', {name: 'Close'})]) {
    const topmost = await part.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && (hit === el || el.contains(hit));
    });
    expect(topmost).toBe(true);
  }
});
