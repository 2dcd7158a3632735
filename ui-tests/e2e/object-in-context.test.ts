/**
 * A detail view that retrieves the object its page hands it finds that object:
 * the object picker starts, in test mode, on ids the local store seeds.
 */
import path from 'node:path';
import {PICKER_CUSTOMER, PICKER_PAYMENT_INTENT} from '../../preview/secret-store/objects/seed';
import {placementOf} from '../../preview/host/viewports';
import {screenshot} from './browser';
import {previewSuite} from './previewSuite';

jest.setTimeout(90_000);

const PROBE = path.join(__dirname, 'views/ObjectInContextProbe.tsx');
const views = {
  CustomerObjectProbe: 'stripe.dashboard.customer.detail',
  PaymentObjectProbe: 'stripe.dashboard.payment.detail',
};

const suite = previewSuite({
  extraViews: Object.entries(views).map(([component, viewport]) => ({component, viewport, file: PROBE})),
  manifestOverrides: {
    permissions: [
      {permission: 'secret_write', purpose: 'Keyring.'},
      {permission: 'customer_read', purpose: 'The probe reads the customer in context.'},
      {permission: 'payment_intent_read', purpose: 'The probe reads the payment in context.'},
    ],
  },
});

test("the picker's starting objects are the ones the store seeds in test mode", () => {
  const sampleOf = (viewport: string) => {
    const placement = placementOf(viewport);
    return placement && 'object' in placement ? placement.object?.sample : undefined;
  };
  expect(sampleOf(views.CustomerObjectProbe)).toBe(PICKER_CUSTOMER);
  expect(sampleOf(views.PaymentObjectProbe)).toBe(PICKER_PAYMENT_INTENT);
});

test('a customer or payment detail view retrieves the object in context without an error', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=CustomerObjectProbe`);
  const customer = suite.page.locator('[data-view="CustomerObjectProbe"]');
  await customer.getByText(new RegExp(`^found customer ${PICKER_CUSTOMER}: \\w+ \\w+$`)).waitFor();

  await suite.page.goto(`${suite.preview.url}/?view=PaymentObjectProbe`);
  const payment = suite.page.locator('[data-view="PaymentObjectProbe"]');
  await payment.getByText(new RegExp(`^found payment_intent ${PICKER_PAYMENT_INTENT}: \\w+ for ${PICKER_CUSTOMER}$`)).waitFor();
  await screenshot(suite.page, 'object-in-context-payment');
  expect(suite.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([]);
});
