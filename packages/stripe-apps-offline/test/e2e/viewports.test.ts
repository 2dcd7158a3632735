/**
 * Every family of viewport in Stripe's manifest schema is reachable from the
 * preview page and placed where the Dashboard puts it; detail pages hand their
 * views the object picked on the page as `environment.objectContext`.
 */
import path from 'node:path';
import {VIEWPORTS, readSharedReference} from '../../testing';
import {screenshot, previewSuite} from './harness';

jest.setTimeout(90_000);

const PROBE = path.join(__dirname, 'views/ViewportProbe.tsx');
const probes = {
  CustomerDetailProbe: 'stripe.dashboard.customer.detail',
  InvoiceModuleProbe: 'stripe.dashboard.invoice.detail.page-module',
  PaymentListProbe: 'stripe.dashboard.payment.list',
  HomeProbe: 'stripe.dashboard.home.overview',
  OnboardingProbe: 'onboarding',
  OddProbe: 'stripe.dashboard.nowhere.detail',
};

const suite = previewSuite({extraViews: Object.entries(probes).map(([component, viewport]) => ({component, viewport, file: PROBE}))});

const probe = (component: string) => suite.page.locator(`[data-view="${component}"]`);

test("the preview knows every viewport in Stripe's manifest schema", () => {
  const schema = readSharedReference('stripe-app.schema.json');
  if (!schema) return;
  const properties = (schema as {properties: {ui_extension: {properties: {views: {items: {properties: {viewport: {enum: string[]}}}}}}}}).properties;
  expect([...VIEWPORTS].sort()).toEqual([...properties.ui_extension.properties.views.items.properties.viewport.enum].sort());
});

test('every view is listed in the page; a detail view opens in the drawer beside its page with the picked object', async () => {
  await suite.page.goto(`${suite.preview.url}/`);
  const picker = suite.page.getByLabel('View', {exact: true});
  const listed = await picker.locator('option').allTextContents();
  for (const [component, viewport] of Object.entries(probes)) expect(listed).toContain(`${component} (${viewport})`);
  await picker.selectOption('CustomerDetailProbe');
  await suite.page.waitForURL(/view=CustomerDetailProbe/);
  const drawer = suite.page.getByRole('complementary', {name: 'Drawer'});
  await drawer.locator('[data-view="CustomerDetailProbe"]').getByText('viewportID: stripe.dashboard.customer.detail').waitFor();
  await probe('CustomerDetailProbe').getByText('objectContext: {"id":"cus_PreviewCustomer1","object":"customer"}').waitFor();
  await suite.page.getByRole('heading', {name: /Customers › customer detail/}).waitFor();

  // Another object: the view starts afresh with it, and a reload keeps it.
  await suite.page.getByLabel('Object in context').fill('cus_Another');
  await suite.page.getByRole('button', {name: 'Open'}).click();
  await probe('CustomerDetailProbe').getByText('objectContext: {"id":"cus_Another","object":"customer"}').waitFor();
  await screenshot(suite.page, 'viewport-customer-detail');
  await suite.page.reload();
  await probe('CustomerDetailProbe').getByText('"id":"cus_Another"').waitFor();
});

test('a page module sits in its detail page; lists, overviews and onboarding get no object', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=InvoiceModuleProbe`);
  const module = suite.page.locator('.kr-page-module [data-view="InvoiceModuleProbe"]');
  await module.getByText('objectContext: {"id":"in_PreviewInvoice001","object":"invoice"}').waitFor();

  for (const component of ['PaymentListProbe', 'HomeProbe', 'OnboardingProbe']) {
    await suite.page.goto(`${suite.preview.url}/?view=${component}`);
    await probe(component).getByText(`viewportID: ${probes[component as keyof typeof probes]}`).waitFor();
    await probe(component).getByText('objectContext: null').waitFor();
  }
  // Onboarding is a page of its own, not the drawer.
  expect(await suite.page.getByRole('complementary', {name: 'Drawer'}).count()).toBe(0);
  await suite.page.getByRole('heading', {name: 'Onboarding'}).waitFor();
  expect(suite.consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});

test('a viewport the schema does not know is still drawn, with a message saying so', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=OddProbe`);
  await suite.page.getByRole('alert').filter({hasText: 'stripe.dashboard.nowhere.detail'}).waitFor();
  await probe('OddProbe').getByText('viewportID: stripe.dashboard.nowhere.detail').waitFor();
});
