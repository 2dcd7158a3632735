/**
 * An href that is a Dashboard URL (https://dashboard.stripe.com/[acct_…/][test/]…)
 * for a page the preview stands in for is followed inside the preview, as a
 * route descriptor is: the Dashboard opens that page in the same tab, and the
 * real one cannot be reached from an offline preview. Other Dashboard pages
 * stay plain links.
 */
import path from 'node:path';
import {previewSuite} from './harness';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [
    {component: 'DashboardLinksProbe', viewport: 'stripe.dashboard.drawer.default', file: path.join(__dirname, 'views/DashboardLinksProbe.tsx')},
    {component: 'CustomerProbe', viewport: 'stripe.dashboard.customer.detail', file: path.join(__dirname, 'views/ViewportProbe.tsx')},
  ],
});
const view = () => suite.page.locator('[data-view="DashboardLinksProbe"]');

test('a customer URL opens the app\'s customer view on that customer', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=DashboardLinksProbe`);
  await view().getByRole('link', {name: 'Customer by URL'}).click();
  await suite.page.waitForURL(/view=CustomerProbe/);
  await suite.page.locator('[data-view="CustomerProbe"]').getByText('objectContext: {"id":"cus_9","object":"customer"}').waitFor();
  expect(suite.preview.output.join('\n')).toMatch(/customerDetails · customerId=cus_9/);

  await suite.page.goto(`${suite.preview.url}/?view=DashboardLinksProbe`);
  await view().getByRole('link', {name: 'Customer with account'}).click();
  await suite.page.locator('[data-view="CustomerProbe"]').getByText('objectContext: {"id":"cus_5","object":"customer"}').waitFor();
});

test('a list page URL is named in the route bar; a page the preview has no stand-in for stays a plain link', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=DashboardLinksProbe`);
  expect(await view().getByRole('link', {name: 'Team settings'}).getAttribute('href')).toBe('https://dashboard.stripe.com/settings/team');
  await view().getByRole('link', {name: 'Payments by URL'}).click();
  await suite.page.getByRole('status', {name: 'Dashboard route'}).getByText('payments', {exact: true}).waitFor();
});
