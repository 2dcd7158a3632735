/**
 * A List's `onAction`: in the Dashboard its items are pressable rows that hand
 * the view the pressed item's `id` (Stripe's routing sample opens a detail
 * screen this way). Items of a list without onAction stay plain rows.
 */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'ListActionProbe', file: path.join(__dirname, 'views/ListActionProbe.tsx')}],
});

test('pressing an item by mouse or keyboard calls onAction with its id; content given as children is drawn; other lists and id-less items are not buttons', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=ListActionProbe`);
  const view = page.locator('[data-view="ListActionProbe"]');
  await view.getByText('Pressed: none').waitFor();

  await view.getByRole('button', {name: /First item/}).click();
  await view.getByText('Pressed: item_one').waitFor();

  await view.getByRole('button', {name: /Second item/}).focus();
  await page.keyboard.press('Enter');
  await view.getByText('Pressed: item_one, item_two').waitFor();

  await view.getByRole('button', {name: /Third item, by its children/}).click();
  await view.getByText('Pressed: item_one, item_two, item_three').waitFor();

  // The link in an item's value is its own control, not part of the row's button.
  expect(await view.getByRole('link', {name: 'open'}).count()).toBe(1);
  expect(await view.getByRole('button', {name: /open/}).count()).toBe(0);
  expect(await view.getByRole('button', {name: /without an id/}).count()).toBe(0);
  expect(await view.getByRole('button', {name: /list without onAction/}).count()).toBe(0);
});
