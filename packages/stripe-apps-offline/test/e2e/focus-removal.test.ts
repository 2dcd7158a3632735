/**
 * When the control that has focus is taken away by the view, the keyboard
 * keeps its place: the next Tab goes on from where that control was, inside
 * the view, never back to the top of the page. The probe removes its focused
 * button alone, and also in two updates where the second replaces the whole
 * group the button stood in.
 */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'FocusRemovalProbe', file: path.join(__dirname, 'views/FocusRemovalProbe.tsx')}],
});

const view = () => suite.page.locator('[data-view="FocusRemovalProbe"]');
const focusedName = () => suite.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

beforeEach(async () => {
  await suite.page.goto(`${suite.preview.url}/?view=FocusRemovalProbe`);
  await view().getByRole('button', {name: 'Start over'}).waitFor();
});

test('a focused button removed alone: the next Tab reaches the control after it', async () => {
  await view().getByRole('button', {name: 'Done'}).focus();
  await suite.page.keyboard.press('Enter');
  await view().getByRole('button', {name: 'Done'}).waitFor({state: 'detached'});
  await suite.page.keyboard.press('Tab');
  expect(await focusedName()).toBe('Next');
});

test('a focused button whose whole group is then replaced: the next Tab reaches what replaced it', async () => {
  await view().getByRole('button', {name: 'Start over'}).focus();
  await suite.page.keyboard.press('Enter');
  await view().getByRole('link', {name: 'Connect'}).waitFor();
  await suite.page.keyboard.press('Tab');
  expect(await focusedName()).toBe('Connect');
  // Shift+Tab from there goes back into the view too.
  await suite.page.keyboard.press('Shift+Tab');
  expect(await focusedName()).toBe('Before');
});
