/**
 * What every list and object here shares, through the real `stripe` client:
 * the `created` filter (exact and ranges) on every list, `expand[]` of the
 * usual references on retrieves and (as `data.x`) on lists with Stripe's
 * refusals, and `metadata` updates on every object that has one, refused
 * whole when one key is bad.
 */
import Stripe from 'stripe';
import {PICKER_CUSTOMER, PICKER_INVOICE, PICKER_PAYMENT_INTENT, PICKER_PRODUCT, PICKER_SUBSCRIPTION} from '../../src/stripe-api/objects/seed';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';

let store: TestSecretStore;
let stripe: Stripe;

beforeAll(async () => {
  store = await startTestStore({seed: 'once'});
  stripe = store.backend();
});
afterAll(() => store.close());

interface Listed {
  id: string;
  created: number;
}

/** Every list path, with a query that makes it list everything (subscriptions leave canceled ones out otherwise). */
const LISTS = [
  '/v1/customers?',
  '/v1/payment_intents?',
  '/v1/products?',
  '/v1/prices?',
  '/v1/subscriptions?status=all&',
  '/v1/invoices?',
  '/v1/charges?',
  '/v1/refunds?',
  '/v1/balance_transactions?',
];

async function listAll(path: string, extra = ''): Promise<Listed[]> {
  const out: Listed[] = [];
  let after = '';
  for (;;) {
    const r = await store.raw(`${path}limit=100${extra}${after ? `&starting_after=${after}` : ''}`);
    expect(r.status).toBe(200);
    const page = r.body as unknown as {data: Listed[]; has_more: boolean};
    out.push(...page.data);
    if (!page.has_more) return out;
    after = page.data[page.data.length - 1].id;
  }
}

describe('created', () => {
  test.each(LISTS)('%s filters on created: exact, gt, gte, lt, lte, and a range', async (path) => {
    const everything = await listAll(path);
    expect(everything.length).toBeGreaterThan(1);
    const times = [...new Set(everything.map((o) => o.created))].sort((a, b) => a - b);
    const middle = times[Math.floor(times.length / 2)];
    const ids = (list: Listed[]) => list.map((o) => o.id);
    const expect_ = async (extra: string, keep: (t: number) => boolean) =>
      expect(ids(await listAll(path, extra))).toEqual(ids(everything.filter((o) => keep(o.created))));
    await expect_(`&created=${middle}`, (t) => t === middle);
    await expect_(`&created[gt]=${middle}`, (t) => t > middle);
    await expect_(`&created[gte]=${middle}`, (t) => t >= middle);
    await expect_(`&created[lt]=${middle}`, (t) => t < middle);
    await expect_(`&created[lte]=${middle}`, (t) => t <= middle);
    await expect_(`&created[gte]=${times[1]}&created[lt]=${middle}`, (t) => t >= times[1] && t < middle);
  });

  test('the client’s own created ranges, with paging inside them', async () => {
    const all = await listAll('/v1/payment_intents?');
    const cut = all[Math.floor(all.length / 2)].created;
    const seen: string[] = [];
    for await (const pi of stripe.paymentIntents.list({created: {lte: cut}, limit: 7})) seen.push(pi.id);
    expect(seen).toEqual(all.filter((pi) => pi.created <= cut).map((pi) => pi.id));
  });

  test('bad created values are refused naming the parameter', async () => {
    for (const [query, param, code] of [
      ['created=yesterday', 'created', 'parameter_invalid_integer'],
      ['created[gt]=soon', 'created[gt]', 'parameter_invalid_integer'],
      ['created[after]=1', 'created[after]', 'parameter_unknown'],
    ]) {
      const r = await store.raw(`/v1/charges?${query}`);
      expect({query, status: r.status, param: r.body.error?.param, code: r.body.error?.code}).toEqual({query, status: 400, param, code});
    }
  });
});

describe('expand', () => {
  test('the usual one-level references expand on retrieve', async () => {
    const pi = await stripe.paymentIntents.retrieve(PICKER_PAYMENT_INTENT, {expand: ['customer', 'latest_charge']});
    expect(pi.customer).toMatchObject({id: PICKER_CUSTOMER, object: 'customer'});
    expect(pi.latest_charge).toMatchObject({object: 'charge', payment_intent: PICKER_PAYMENT_INTENT});
    const charge = await stripe.charges.retrieve((pi.latest_charge as Stripe.Charge).id, {expand: ['customer', 'payment_intent', 'balance_transaction']});
    expect(charge.customer).toMatchObject({object: 'customer'});
    expect(charge.payment_intent).toMatchObject({id: PICKER_PAYMENT_INTENT, object: 'payment_intent'});
    expect(charge.balance_transaction).toMatchObject({object: 'balance_transaction'});
    const invoice = await stripe.invoices.retrieve(PICKER_INVOICE, {expand: ['customer', 'parent.subscription_details.subscription', 'payments']});
    expect(invoice.customer).toMatchObject({id: PICKER_CUSTOMER});
    // The current API's way to an invoice's subscription; the top-level field is gone.
    expect(invoice.parent?.subscription_details?.subscription).toMatchObject({id: PICKER_SUBSCRIPTION, object: 'subscription'});
    expect('subscription' in invoice).toBe(false);
    expect(invoice.payments?.data[0].payment).toEqual({type: 'payment_intent', payment_intent: PICKER_PAYMENT_INTENT});
    const sub = await stripe.subscriptions.retrieve(PICKER_SUBSCRIPTION, {expand: ['customer']});
    expect(sub.customer).toMatchObject({id: PICKER_CUSTOMER});
    const product = await stripe.products.retrieve(PICKER_PRODUCT, {expand: ['default_price']});
    expect(product.default_price).toMatchObject({object: 'price', product: PICKER_PRODUCT});
    const price = await stripe.prices.retrieve((product.default_price as Stripe.Price).id, {expand: ['product']});
    expect(price.product).toMatchObject({id: PICKER_PRODUCT, object: 'product'});
  });

  test('data.x expands every item of a list; an unexpanded answer keeps ids', async () => {
    const list = await stripe.paymentIntents.list({customer: PICKER_CUSTOMER, expand: ['data.customer', 'data.latest_charge']});
    expect(list.data.length).toBeGreaterThan(0);
    for (const pi of list.data) {
      expect(pi.customer).toMatchObject({id: PICKER_CUSTOMER, object: 'customer'});
      if (pi.status === 'succeeded') expect(pi.latest_charge).toMatchObject({object: 'charge'});
    }
    const plainList = await stripe.paymentIntents.list({customer: PICKER_CUSTOMER});
    expect(plainList.data.every((pi) => pi.customer === PICKER_CUSTOMER)).toBe(true);
    const subs = await stripe.subscriptions.list({expand: ['data.customer', 'data.latest_invoice'], limit: 3});
    expect(subs.data.every((s) => typeof s.customer === 'object' && typeof s.latest_invoice === 'object')).toBe(true);
  });

  test('Stripe’s refusals: an unknown property, a list path without data., more than four levels, not a list', async () => {
    for (const [path, message] of [
      ['/v1/customers/cus_PreviewCustomer1?expand[]=nothing', 'This property cannot be expanded (nothing).'],
      ['/v1/payment_intents?expand[]=customer', 'This property cannot be expanded (customer).'],
      ['/v1/payment_intents/pi_PreviewPayment001?expand[]=data.customer', 'This property cannot be expanded (data.customer).'],
      ['/v1/charges?expand[]=data.amount', 'This property cannot be expanded (data.amount).'],
      [
        '/v1/refunds?expand[]=data.charge.payment_intent.latest_charge.payment_intent.customer',
        'You cannot expand more than 4 levels of a property. Property: data.charge.payment_intent.latest_charge.payment_intent.customer',
      ],
      ['/v1/charges?expand=customer', 'Invalid array for expand: expected a list.'],
    ]) {
      const r = await store.raw(path);
      expect({path, status: r.status, message: r.body.error?.message, param: r.body.error?.param}).toEqual({path, status: 400, message, param: 'expand'});
    }
  });

  test('a deleted customer expands to its stub, as on Stripe', async () => {
    // A throwaway store: the other tests here read the picker's customer.
    const s = await startTestStore({seed: 'once'});
    try {
      const client = s.backend();
      const [pi] = (await client.paymentIntents.list({customer: PICKER_CUSTOMER, limit: 1})).data;
      await client.customers.del(PICKER_CUSTOMER);
      const expanded = await client.paymentIntents.retrieve(pi.id, {expand: ['customer']});
      expect(JSON.parse(JSON.stringify(expanded.customer))).toEqual({id: PICKER_CUSTOMER, object: 'customer', deleted: true});
    } finally {
      await s.close();
    }
  });
});

describe('metadata on every object', () => {
  test('each object with metadata takes a metadata update, key by key; a bad key refuses the whole update', async () => {
    const [charge] = (await stripe.charges.list({limit: 1})).data;
    const [refund] = (await stripe.refunds.list({limit: 1})).data;
    const [price] = (await stripe.prices.list({limit: 1})).data;
    const targets: [string, string][] = [
      ['customers', PICKER_CUSTOMER],
      ['payment_intents', PICKER_PAYMENT_INTENT],
      ['products', PICKER_PRODUCT],
      ['prices', price.id],
      ['subscriptions', PICKER_SUBSCRIPTION],
      ['invoices', PICKER_INVOICE],
      ['charges', charge.id],
      ['refunds', refund.id],
    ];
    const post = (path: string, body: string) => store.raw(path, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body});
    for (const [resource, id] of targets) {
      const path = `/v1/${resource}/${id}`;
      const set = await post(path, 'metadata[a]=1&metadata[b]=2');
      expect({path, status: set.status, metadata: set.body.metadata}).toMatchObject({path, status: 200, metadata: {a: '1', b: '2'}});
      const unset = await post(path, 'metadata[a]=');
      expect({path, metadata: unset.body.metadata}).toEqual({path, metadata: {...(set.body.metadata as object), a: undefined, b: '2'}});
      const bad = await post(path, `metadata[c]=3&metadata[${'k'.repeat(41)}]=v`);
      expect({path, status: bad.status}).toEqual({path, status: 400});
      const read = await store.raw(path);
      expect({path, metadata: read.body.metadata}).toEqual({path, metadata: unset.body.metadata});
    }
  });
});
