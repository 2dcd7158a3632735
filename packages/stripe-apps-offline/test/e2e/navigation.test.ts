/**
 * Navigation as in the Dashboard: the SDK's router in a full-page view, its
 * route in the address bar (back and forward too), navigateToDashboardRoute
 * and route hrefs shown in the page and logged, useStorage kept per user.
 */
import path from 'node:path';
import {screenshot, previewSuite} from './harness';

jest.setTimeout(90_000);

const suite = previewSuite({
  extraViews: [
    {component: 'NavigationProbe', viewport: 'stripe.dashboard.fullpage', file: path.join(__dirname, 'views/NavigationProbe.tsx')},
    {component: 'CustomerProbe', viewport: 'stripe.dashboard.customer.detail', file: path.join(__dirname, 'views/ViewportProbe.tsx')},
  ],
});
const view = () => suite.page.locator('[data-view="NavigationProbe"]');
const log = () => suite.page.getByRole('region', {name: 'Request log'});

test('the router draws its routes, keeps them in the address, and follows back and forward', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=NavigationProbe`);
  await view().getByText('Route: home').waitFor();
  // The full-page viewport is the router's own: no "unknown viewport" problem.
  expect(await suite.page.getByRole('alert').count()).toBe(0);

  await view().getByRole('button', {name: 'Open customer'}).click();
  await view().getByText('Route: customer {"id":"cus_42"} tab=notes').waitFor();
  await suite.page.waitForURL(/route=%2Fcustomers%2Fcus_42%3Ftab%3Dnotes/);
  await suite.page.getByLabel('App route').getByText('/customers/cus_42?tab=notes').waitFor();
  await log().getByText('/customers/cus_42?tab=notes').waitFor();

  await suite.page.goBack();
  await view().getByText('Route: home').waitFor();
  await suite.page.goForward();
  await view().getByText('Route: customer {"id":"cus_42"}', {exact: false}).waitFor();

  // A reload starts the view at its route; an unknown route redirects home, as redirectOnNotFound says.
  await suite.page.reload();
  await view().getByText('Route: customer {"id":"cus_42"}', {exact: false}).waitFor();
  await suite.page.goto(`${suite.preview.url}/?view=NavigationProbe&route=${encodeURIComponent('/nowhere')}`);
  await view().getByText('Route: home').waitFor();
  await suite.page.goto(`${suite.preview.url}/?view=NavigationProbe&route=${encodeURIComponent('/old')}`);
  await view().getByText('Route: home').waitFor();
  expect(suite.consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});

test('navigateToDashboardRoute and route hrefs open the app\'s view on that page, or name the page in the route bar; both logged', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=NavigationProbe`);
  await view().getByRole('button', {name: 'Go to payments'}).click();
  const bar = suite.page.getByRole('status', {name: 'Dashboard route'});
  await bar.getByText('payments', {exact: true}).waitFor();
  await log().getByText('NAVIGATE').first().waitFor();

  await screenshot(suite.page, 'navigation-dashboard-route');
  expect(suite.preview.output.join('\n')).toMatch(/navigateToDashboardRoute: payments/);

  // A fullPageGlob route is this app's own page: the router goes there.
  await view().getByRole('link', {name: 'Own page link'}).click();
  await view().getByText('Route: customer {"id":"cus_7"}', {exact: false}).waitFor();

  // A Dashboard page where the app has a view: that view opens there, on the route's object.
  await suite.page.goto(`${suite.preview.url}/?view=NavigationProbe`);
  await view().getByRole('link', {name: 'Customer in the Dashboard'}).click();
  await suite.page.waitForURL(/view=CustomerProbe/);
  await suite.page.locator('[data-view="CustomerProbe"]').getByText('objectContext: {"id":"cus_9","object":"customer"}').waitFor();
  expect(suite.preview.output.join('\n')).toMatch(/navigateToDashboardRoute: customerDetails · customerId=cus_9/);
});

test('useStorage keeps its values for the preview user across reloads, and another user does not see them', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=NavigationProbe`);
  await view().getByText('Stored count: none').waitFor();
  await view().getByRole('button', {name: 'Count'}).click();
  await view().getByRole('button', {name: 'Count'}).click();
  await view().getByText('Stored count: 2').waitFor();
  await suite.page.reload();
  await view().getByText('Stored count: 2').waitFor();
  const other = await suite.page.getByLabel('Preview user').locator('option').nth(1).getAttribute('value');
  await suite.page.getByLabel('Preview user').selectOption(other ?? '');
  await view().getByText('Stored count: none').waitFor();
});
