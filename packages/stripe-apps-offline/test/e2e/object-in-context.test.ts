/**
 * A detail view that retrieves the object its page hands it finds that object:
 * the object picker starts on ids the local store seeds, in each mode.
 */
import path from 'node:path';
import {LIVE_PICKER, PICKER_CUSTOMER, PICKER_PAYMENT_INTENT, placementOf} from '../../testing';
import {screenshot, previewSuite} from './harness';

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
    return placement && 'object' in placement ? placement.object?.samples.test : undefined;
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

test('switching to live mode moves the picker to live mode\'s starting object, which the view finds; a picked object stays', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=CustomerObjectProbe`);
  const customer = page.locator('[data-view="CustomerObjectProbe"]');
  await customer.getByText(new RegExp(`^found customer ${PICKER_CUSTOMER}: `)).waitFor();

  await page.getByRole('switch', {name: 'Test mode'}).uncheck();
  await customer.getByText(new RegExp(`^found customer ${LIVE_PICKER.customer}: \\w+ \\w+$`)).waitFor();
  expect(new URL(page.url()).searchParams.get('object')).toBe(LIVE_PICKER.customer);

  // Back to test mode: the test object again.
  await page.getByRole('switch', {name: 'Test mode'}).check();
  await customer.getByText(new RegExp(`^found customer ${PICKER_CUSTOMER}: `)).waitFor();

  // An object the user opened is theirs: a switch of mode keeps it (the Dashboard would show its 404 too).
  await page.getByLabel('Object in context').fill('cus_OpenedByHand01');
  await page.getByRole('button', {name: 'Open', exact: true}).click();
  await page.waitForURL((url) => url.searchParams.get('object') === 'cus_OpenedByHand01');
  await page.getByRole('switch', {name: 'Test mode'}).uncheck();
  await page.waitForURL((url) => url.searchParams.get('mode') === 'live');
  expect(new URL(page.url()).searchParams.get('object')).toBe('cus_OpenedByHand01');
});
