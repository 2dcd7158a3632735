/**
 * Subscriptions and invoices from the seed, through the real `stripe` client:
 * Stripe's status rules for subscription lists, the customer / subscription /
 * status filters, paging both ways, references that agree with one another
 * (an invoice's payment is a payment intent of the same customer and amount),
 * metadata updates, permissions, and shapes against Stripe's examples.
 */
import Stripe from 'stripe';
import {placementOf} from '../../src/host/viewports';
import {forwardAsExtension, type ExtensionIdentity} from '../../src/stripe-api/extension-door';
import {PICKER_CUSTOMER, PICKER_INVOICE, PICKER_PAYMENT_INTENT, PICKER_PRODUCT, PICKER_SUBSCRIPTION} from '../../src/stripe-api/objects/seed';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';
import {rejection} from '../support/rejection';
import {loadFixtures, shapeDifferences} from './shapes';
import {collect} from '../support/collect';

let store: TestSecretStore;
let stripe: Stripe;

beforeAll(async () => {
  store = await startTestStore({seed: 'once', permissions: ['invoice_read']});
  stripe = store.backend();
});
afterAll(() => store.close());


describe('subscriptions', () => {
  test('a list leaves canceled subscriptions out unless asked, as on Stripe', async () => {
    const everyOne = await collect(stripe.subscriptions.list({status: 'all', limit: 100}));
    const statuses = new Set(everyOne.map((s) => s.status));
    expect(statuses).toContain('active');
    expect(statuses).toContain('canceled');
    const byDefault = await collect(stripe.subscriptions.list({limit: 100}));
    expect(byDefault.map((s) => s.id)).toEqual(everyOne.filter((s) => s.status !== 'canceled').map((s) => s.id));
    const canceled = await collect(stripe.subscriptions.list({status: 'canceled', limit: 100}));
    expect(canceled.length).toBeGreaterThan(0);
    expect(canceled.every((s) => s.status === 'canceled' && typeof s.canceled_at === 'number' && s.ended_at === s.canceled_at)).toBe(true);
    expect((await collect(stripe.subscriptions.list({status: 'ended', limit: 100}))).map((s) => s.id)).toEqual(canceled.map((s) => s.id));
    expect(await rejection(stripe.subscriptions.list({status: 'sleeping'} as unknown as Stripe.SubscriptionListParams))).toMatchObject({statusCode: 400, param: 'status'});
  });

  test('customer= and price= filter; paging both ways', async () => {
    const everyOne = await collect(stripe.subscriptions.list({status: 'all', limit: 100}));
    const priceId = everyOne[0].items.data[0].price.id;
    const withPrice = everyOne.filter((s) => s.items.data[0].price.id === priceId).map((s) => s.id);
    expect((await collect(stripe.subscriptions.list({price: priceId, status: 'all', limit: 100}))).map((s) => s.id)).toEqual(withPrice);
    const mine = await stripe.subscriptions.list({customer: PICKER_CUSTOMER});
    expect(mine.data.map((s) => s.id)).toEqual([PICKER_SUBSCRIPTION]);
    const first = await stripe.subscriptions.list({status: 'all', limit: 3});
    const second = await stripe.subscriptions.list({status: 'all', limit: 3, starting_after: first.data[2].id});
    expect(second.data.map((s) => s.id)).toEqual(everyOne.slice(3, 6).map((s) => s.id));
    const back = await stripe.subscriptions.list({status: 'all', limit: 3, ending_before: second.data[0].id});
    expect(back.data.map((s) => s.id)).toEqual(everyOne.slice(0, 3).map((s) => s.id));
    expect(back.has_more).toBe(false);
  });

  test('the picker’s subscription: active, on the picker’s product, its latest invoice the newest of its invoices', async () => {
    const sub = await stripe.subscriptions.retrieve(PICKER_SUBSCRIPTION, {expand: ['customer', 'latest_invoice', 'items.data.price.product']});
    expect(sub).toMatchObject({status: 'active', customer: {id: PICKER_CUSTOMER, object: 'customer'}});
    const item = sub.items.data[0];
    expect(item.price.product).toMatchObject({id: PICKER_PRODUCT, object: 'product'});
    expect(item.subscription).toBe(sub.id);
    const invoices = await stripe.invoices.list({subscription: sub.id, limit: 100});
    expect((sub.latest_invoice as Stripe.Invoice).id).toBe(invoices.data[0].id);
    expect(invoices.data[invoices.data.length - 1].id).toBe(PICKER_INVOICE);
    expect(item.current_period_start).toBe(invoices.data[0].created);
  });
});

describe('invoices', () => {
  test('every subscription invoice names its subscription’s customer and price; each paid one was paid by a payment intent of that customer and amount', async () => {
    const subscriptions = new Map((await collect(stripe.subscriptions.list({status: 'all', limit: 100}))).map((s) => [s.id, s]));
    const invoices = await collect(stripe.invoices.list({limit: 100, expand: ['data.payments']}));
    expect(invoices.length).toBeGreaterThan(subscriptions.size);
    let paidWithIntent = 0;
    for (const invoice of invoices) {
      const sub = subscriptions.get(invoice.parent?.subscription_details?.subscription as string);
      expect(sub).toBeDefined();
      expect(invoice.customer).toBe(sub?.customer);
      expect(invoice.lines.data[0].pricing?.price_details?.price).toBe(sub?.items.data[0].price.id);
      const payments = invoice.payments?.data ?? [];
      if (invoice.amount_due === 0) {
        expect(payments).toEqual([]);
        continue;
      }
      expect(payments).toHaveLength(1);
      const intent = await stripe.paymentIntents.retrieve(payments[0].payment.payment_intent as string);
      expect(intent).toMatchObject({customer: invoice.customer, amount: invoice.amount_due, status: invoice.status === 'paid' ? 'succeeded' : 'requires_payment_method'});
      if (invoice.status === 'paid') paidWithIntent++;
    }
    expect(paidWithIntent).toBeGreaterThan(10);
    expect(new Set(invoices.map((i) => i.status))).toContain('open');
  });

  test('customer=, subscription= and status= filter; paging both ways', async () => {
    const invoices = await collect(stripe.invoices.list({limit: 100}));
    const ids = (l: Stripe.Invoice[]) => l.map((i) => i.id);
    expect(ids(await collect(stripe.invoices.list({customer: PICKER_CUSTOMER, limit: 100})))).toEqual(ids(invoices.filter((i) => i.customer === PICKER_CUSTOMER)));
    expect(ids(await collect(stripe.invoices.list({status: 'open', limit: 100})))).toEqual(ids(invoices.filter((i) => i.status === 'open')));
    const first = await stripe.invoices.list({customer: PICKER_CUSTOMER, limit: 2});
    expect(first.has_more).toBe(true);
    const back = await stripe.invoices.list({customer: PICKER_CUSTOMER, limit: 2, ending_before: (await stripe.invoices.list({customer: PICKER_CUSTOMER, limit: 2, starting_after: first.data[1].id})).data[0].id});
    expect(ids(back.data)).toEqual(ids(first.data));
    expect(await rejection(stripe.invoices.list({status: 'lost'} as unknown as Stripe.InvoiceListParams))).toMatchObject({statusCode: 400, param: 'status'});
  });

  test('the picker’s invoice was paid by the picker’s payment intent', async () => {
    const invoice = await stripe.invoices.retrieve(PICKER_INVOICE, {expand: ['payments.data.payment.payment_intent']});
    expect(invoice).toMatchObject({status: 'paid', customer: PICKER_CUSTOMER, parent: {subscription_details: {subscription: PICKER_SUBSCRIPTION}}, billing_reason: 'subscription_create'});
    expect(invoice.payments?.data[0].payment.payment_intent).toMatchObject({id: PICKER_PAYMENT_INTENT, status: 'succeeded'});
    // Never the store's own bookkeeping.
    expect(Object.keys(JSON.parse(JSON.stringify(invoice)) as object).filter((k) => k.startsWith('_'))).toEqual([]);
  });

  test('the picker’s starting ids on every detail page name seeded objects of that mode, and of that mode only', async () => {
    const live = store.backend('sk_live_keyringTests');
    const samplesOf = (viewport: string) => {
      const placement = placementOf(viewport);
      return placement && 'object' in placement ? placement.object : null;
    };
    for (const [viewport, object, retrieve] of [
      ['stripe.dashboard.customer.detail', 'customer', (s: Stripe, id: string) => s.customers.retrieve(id)],
      ['stripe.dashboard.invoice.detail', 'invoice', (s: Stripe, id: string) => s.invoices.retrieve(id)],
      ['stripe.dashboard.subscription.detail', 'subscription', (s: Stripe, id: string) => s.subscriptions.retrieve(id)],
      ['stripe.dashboard.product.detail', 'product', (s: Stripe, id: string) => s.products.retrieve(id)],
      ['stripe.dashboard.payment.detail', 'payment_intent', (s: Stripe, id: string) => s.paymentIntents.retrieve(id)],
    ] as const) {
      const kind = samplesOf(viewport);
      expect(kind?.object).toBe(object);
      if (!kind) continue;
      expect(await retrieve(stripe, kind.samples.test)).toMatchObject({id: kind.samples.test, object, livemode: false});
      expect(await retrieve(live, kind.samples.live)).toMatchObject({id: kind.samples.live, object, livemode: true});
      expect((await rejection(retrieve(live, kind.samples.test))).statusCode).toBe(404);
      expect((await rejection(retrieve(stripe, kind.samples.live))).statusCode).toBe(404);
    }
    expect(samplesOf('stripe.dashboard.invoice.detail')?.samples.test).toBe(PICKER_INVOICE);
    expect(samplesOf('stripe.dashboard.subscription.detail')?.samples.test).toBe(PICKER_SUBSCRIPTION);
    expect(samplesOf('stripe.dashboard.product.detail')?.samples.test).toBe(PICKER_PRODUCT);
    expect(samplesOf('stripe.dashboard.payment.detail')?.samples.test).toBe(PICKER_PAYMENT_INTENT);
  });
});

describe('metadata updates and refusals', () => {
  test('subscriptions and invoices take metadata; other parameters are refused and change nothing; missing ids 404', async () => {
    const sub = await stripe.subscriptions.update(PICKER_SUBSCRIPTION, {metadata: {crm: 'A-1'}});
    expect(sub.metadata).toEqual({crm: 'A-1'});
    expect((await stripe.subscriptions.update(PICKER_SUBSCRIPTION, {metadata: {crm: ''}})).metadata).toEqual({});
    const refused = await rejection(stripe.subscriptions.update(PICKER_SUBSCRIPTION, {metadata: {a: 'b'}, cancel_at_period_end: true}));
    expect(refused).toMatchObject({statusCode: 400, code: 'parameter_unknown', param: 'cancel_at_period_end'});
    expect((await stripe.subscriptions.retrieve(PICKER_SUBSCRIPTION)).metadata).toEqual({});
    expect((await stripe.invoices.update(PICKER_INVOICE, {metadata: {po: '77'}})).metadata).toEqual({po: '77'});
    expect(await rejection(stripe.invoices.retrieve('in_missing'))).toMatchObject({statusCode: 404, code: 'resource_missing', message: "No such invoice: 'in_missing'"});
    expect(await rejection(stripe.subscriptions.retrieve('sub_missing'))).toMatchObject({statusCode: 404, code: 'resource_missing'});
    expect(await rejection(stripe.invoices.update('in_missing', {metadata: {a: 'b'}}))).toMatchObject({statusCode: 404});
  });
});

describe('permissions of a view', () => {
  const identity: ExtensionIdentity = {app: 'com.example.keyring', account: 'acct_1KeyringLocal000', user: 'usr_ada', mode: 'test'};
  test('invoices need invoice_read, subscriptions subscription_read; a metadata update invoice_write', async () => {
    const door = {storeUrl: store.url, hostKey: store.hostKey};
    expect((await forwardAsExtension(door, identity, `/v1/invoices?customer=${PICKER_CUSTOMER}`)).status).toBe(200);
    const subs = await forwardAsExtension(door, identity, '/v1/subscriptions');
    expect(subs.status).toBe(403);
    expect(JSON.stringify(subs.json)).toContain("Having the 'subscription_read' permission");
    // Expanding the subscription from an invoice needs its permission too.
    const expanded = await forwardAsExtension(door, identity, `/v1/invoices/${PICKER_INVOICE}?expand[]=parent.subscription_details.subscription`);
    expect(expanded.status).toBe(403);
    const write = await forwardAsExtension(door, identity, `/v1/invoices/${PICKER_INVOICE}`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: 'metadata[a]=b',
    });
    expect(write.status).toBe(403);
    expect(JSON.stringify(write.json)).toContain("'invoice_write'");
  });
});

test('a subscription and an invoice have the keys and value kinds of Stripe’s examples', async () => {
  const fixtures = loadFixtures();
  if (!fixtures) return;
  expect(shapeDifferences(await stripe.subscriptions.retrieve(PICKER_SUBSCRIPTION), fixtures.subscription)).toEqual([]);
  expect(shapeDifferences(await stripe.invoices.retrieve(PICKER_INVOICE), fixtures.invoice)).toEqual([]);
  const item = (await stripe.subscriptions.retrieve(PICKER_SUBSCRIPTION)).items.data[0];
  expect(shapeDifferences(item, fixtures.subscription_item)).toEqual([]);
  const line = (await stripe.invoices.retrieve(PICKER_INVOICE)).lines.data[0];
  expect(shapeDifferences(line, (fixtures.invoice.lines as {data: Record<string, unknown>[]}).data[0])).toEqual([]);
});

test('filters Stripe takes that no seeded object matches are accepted and match nothing; plan= is the price', async () => {
  const [sub] = (await stripe.subscriptions.list({customer: PICKER_CUSTOMER})).data;
  const price = sub.items.data[0].price.id;
  expect((await stripe.subscriptions.list({plan: price, status: 'all', limit: 100})).data.map((s) => s.id)).toEqual(
    (await stripe.subscriptions.list({price, status: 'all', limit: 100})).data.map((s) => s.id),
  );
  expect((await stripe.subscriptions.list({collection_method: 'send_invoice'})).data).toEqual([]);
  expect((await stripe.subscriptions.list({collection_method: 'charge_automatically', customer: PICKER_CUSTOMER})).data).toHaveLength(1);
  expect((await stripe.subscriptions.list({test_clock: 'clock_1'})).data).toEqual([]);
  expect((await stripe.invoices.list({customer_account: 'acct_1'})).data).toEqual([]);
  expect((await stripe.charges.list({transfer_group: 'group_1'})).data).toEqual([]);
  expect((await stripe.balanceTransactions.list({payout: 'po_1'})).data).toEqual([]);
  expect((await stripe.paymentIntents.list({customer_account: 'acct_1'})).data).toEqual([]);
  expect((await stripe.customers.list({test_clock: 'clock_1'})).data).toEqual([]);
});

test('an invoice’s lines and a subscription’s items at their own URLs, paged; expand inside them', async () => {
  const invoice = await stripe.invoices.retrieve(PICKER_INVOICE);
  const lines = await stripe.invoices.listLineItems(PICKER_INVOICE, {limit: 5});
  expect(lines).toMatchObject({object: 'list', has_more: false, url: `/v1/invoices/${PICKER_INVOICE}/lines`});
  expect(lines.data.map((l) => l.id)).toEqual(invoice.lines.data.map((l) => l.id));
  expect(lines.data[0]).toMatchObject({invoice: PICKER_INVOICE, subscription: PICKER_SUBSCRIPTION});
  expect(await rejection(stripe.invoices.listLineItems('in_missing'))).toMatchObject({statusCode: 404, code: 'resource_missing'});
  const items = await stripe.subscriptionItems.list({subscription: PICKER_SUBSCRIPTION, expand: ['data.price.product']});
  expect(items.data).toHaveLength(1);
  expect(items.data[0]).toMatchObject({object: 'subscription_item', subscription: PICKER_SUBSCRIPTION, price: {product: {id: PICKER_PRODUCT, object: 'product'}}});
  expect((await stripe.subscriptionItems.list({subscription: PICKER_SUBSCRIPTION, starting_after: items.data[0].id})).data).toEqual([]);
  expect(await rejection(stripe.subscriptionItems.list({} as Stripe.SubscriptionItemListParams))).toMatchObject({statusCode: 400, code: 'parameter_missing', param: 'subscription'});
  expect(await rejection(stripe.subscriptionItems.list({subscription: 'sub_missing'}))).toMatchObject({statusCode: 400, code: 'resource_missing', param: 'subscription'});
  // An embedded list is a way into what it holds, not something to expand by itself.
  const alone = await store.raw(`/v1/subscriptions/${PICKER_SUBSCRIPTION}?expand[]=items`);
  expect(alone).toMatchObject({status: 400, body: {error: {message: 'This property cannot be expanded (items).'}}});
});
