/**
 * A view on the customer page (stripe.dashboard.customer.detail) reads the
 * customer in context and its payments from the local store, as a fork's
 * customer-page view does in the Dashboard: the page shows that customer's
 * name and exactly its payments, follows the object picker to another
 * customer, and shows Stripe's permission error when the manifest does not
 * declare customer_read.
 */
import path from 'node:path';
import type {Page} from 'playwright-core';
import Stripe from 'stripe';
import manifest from '../fixtures/probe-app/stripe-app.json';
import {PICKER_CUSTOMER, PREVIEW_ACCOUNT} from '../../testing';
import {screenshot, startTestPreview, previewSuite} from './harness';

jest.setTimeout(90_000);

const VIEW = {component: 'CustomerPaymentsProbe', viewport: 'stripe.dashboard.customer.detail', file: path.join(__dirname, 'views/CustomerPaymentsProbe.tsx')};
const READ_BOTH = [
  ...manifest.permissions,
  {permission: 'customer_read', purpose: 'The probe shows the customer in context.'},
  {permission: 'payment_intent_read', purpose: "The probe lists the customer's payments."},
];

const suite = previewSuite({extraViews: [VIEW], manifestOverrides: {permissions: READ_BOTH}});

/** The app's backend on the preview's account: what the store holds, read over HTTP apart from the view. */
const backend = () =>
  new Stripe('sk_test_customerPage', {
    host: '127.0.0.1',
    port: suite.preview.store.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    stripeAccount: PREVIEW_ACCOUNT.id,
  });

const view = (page: Page) => page.locator(`[data-view="${VIEW.component}"]`);
const line = (pi: Stripe.PaymentIntent) => `${pi.id} · ${pi.amount} ${pi.currency} · ${pi.status}`;

/** What the store says the customer page should show: the name, and the customer's payments newest first. */
async function expected(customerId: string): Promise<{name: string; lines: string[]}> {
  const customer = await backend().customers.retrieve(customerId);
  if (customer.deleted) throw new Error(`${customerId} is deleted`);
  const payments = await backend().paymentIntents.list({customer: customerId, limit: 100});
  expect(payments.has_more).toBe(false);
  return {name: customer.name ?? '', lines: payments.data.map(line)};
}

/** What the view drew once it shows `name`: its count line and its payment lines, in order (both come with the name). */
async function shownFor(page: Page, name: string): Promise<{count: string; lines: string[]}> {
  await view(page).getByText(`customer: ${name}`, {exact: true}).waitFor();
  return {
    count: await view(page).getByText(/^payments of /).innerText(),
    lines: await view(page).getByText(/^pi_\w+ · /).allTextContents(),
  };
}

test("the customer page shows the customer in context and exactly its payments, and follows the picker to another customer", async () => {
  const {page, preview} = suite;
  const all = await backend().paymentIntents.list({limit: 100});
  const first = await expected(PICKER_CUSTOMER);
  // Only the customer's own payments can tell a `customer=` list from an unfiltered one.
  expect(first.lines.length).toBeGreaterThan(0);
  expect(all.data.length).toBeGreaterThan(first.lines.length);

  await page.goto(`${preview.url}/?view=${VIEW.component}`);
  expect(await shownFor(page, first.name)).toEqual({count: `payments of ${PICKER_CUSTOMER}: ${first.lines.length}`, lines: first.lines});

  // Another customer with payments and another name, picked as a person would: the view follows it.
  const customers = await backend().customers.list({limit: 100});
  let other: {id: string; name: string; lines: string[]} | undefined;
  for (const c of customers.data) {
    if (c.id === PICKER_CUSTOMER || c.name === first.name) continue;
    const candidate = await expected(c.id);
    if (candidate.lines.length >= 2) {
      other = {id: c.id, ...candidate};
      break;
    }
  }
  if (!other) throw new Error('the seed has no second customer with two payments to pick');
  await page.getByLabel('Object in context').fill(other.id);
  await page.getByRole('button', {name: 'Open'}).click();
  expect(await shownFor(page, other.name)).toEqual({count: `payments of ${other.id}: ${other.lines.length}`, lines: other.lines});
  await expect(view(page).getByText(`customer: ${first.name}`, {exact: true}).count()).resolves.toBe(0);
  await screenshot(page, 'customer-page');
  expect(suite.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([]);
});

test("without customer_read in the manifest the customer page shows Stripe's permission error", async () => {
  // Keyring's own permissions and payment_intent_read: as after upload, retrieving the customer is refused.
  const refused = await startTestPreview({
    extraViews: [VIEW],
    manifestOverrides: {permissions: READ_BOTH.filter((p) => p.permission !== 'customer_read')},
  });
  try {
    await suite.page.goto(`${refused.url}/?view=${VIEW.component}`);
    await view(suite.page)
      .getByText(
        `error: StripePermissionError: This application does not have the required permissions for this endpoint on account '${PREVIEW_ACCOUNT.id}'. ` +
          "Having the 'customer_read' permission would allow this request to continue.",
        {exact: true},
      )
      .waitFor();
    await screenshot(suite.page, 'customer-page-without-customer-read');
  } finally {
    await refused.close();
  }
});
