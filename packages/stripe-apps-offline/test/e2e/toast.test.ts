/**
 * showToast as the Dashboard documents it (docs.stripe.com/stripe-apps/components/toast):
 * an `action` draws a button that calls `onAction`; the controller it returns
 * updates that same toast and dismisses it; a pending toast stays until
 * dismissed, others go by themselves (4 s, 6 s with an action).
 */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'ToastProbe', file: path.join(__dirname, 'views/ToastProbe.tsx')}],
});

test('a toast with an action: the button calls onAction and closes it; update changes it in place; dismiss removes it', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=ToastProbe`);
  const view = page.locator('[data-view="ToastProbe"]');
  const toasts = page.locator('.kr-toasts [role="status"]');
  await view.getByRole('button', {name: 'Show with action'}).click();
  await toasts.filter({hasText: 'Item deleted'}).waitFor();
  await page.locator('.kr-toasts').getByRole('button', {name: 'Undo'}).click();
  await view.getByText('Actions: 1').waitFor();
  await toasts.first().waitFor({state: 'detached'});

  await view.getByRole('button', {name: 'Show with action'}).click();
  await toasts.filter({hasText: 'Item deleted'}).waitFor();
  await view.getByRole('button', {name: 'Update it'}).click();
  await toasts.filter({hasText: 'Item restored'}).waitFor();
  // The same toast, now a success without an action: not a second one.
  expect(await toasts.count()).toBe(1);
  expect(await toasts.first().getAttribute('class')).toContain('kr-toast-success');
  expect(await page.locator('.kr-toasts').getByRole('button').count()).toBe(0);

  await view.getByRole('button', {name: 'Update with action'}).click();
  await page.locator('.kr-toasts').getByRole('button', {name: 'Undo again'}).click();
  await view.getByText('Actions: 2').waitFor();

  await view.getByRole('button', {name: 'Show with action'}).click();
  await toasts.filter({hasText: 'Item deleted'}).waitFor();
  await view.getByRole('button', {name: 'Dismiss it'}).click();
  await toasts.first().waitFor({state: 'detached'});
});

test('a pending toast stays past the others\' timeout until the view dismisses it', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=ToastProbe`);
  const view = page.locator('[data-view="ToastProbe"]');
  const toasts = page.locator('.kr-toasts [role="status"]');
  await view.getByRole('button', {name: 'Show pending'}).click();
  await toasts.filter({hasText: 'Syncing'}).waitFor();
  await page.waitForTimeout(6500);
  expect(await toasts.filter({hasText: 'Syncing'}).count()).toBe(1);
  await view.getByRole('button', {name: 'Dismiss pending'}).click();
  await toasts.first().waitFor({state: 'detached'});
});
