/**
 * Charges, refunds and balance transactions from the seed, through the real
 * `stripe` client: every succeeded payment intent has its charge, every
 * charge and refund its balance transaction, amounts agree; the filters
 * Stripe has for each list, expand, metadata updates, permissions, shapes.
 */
import Stripe from 'stripe';
import {forwardAsExtension, type ExtensionIdentity} from '../../src/stripe-api/extension-door';
import {PICKER_PAYMENT_INTENT} from '../../src/stripe-api/objects/seed';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';
import {rejection} from '../support/rejection';
import {loadFixtures, shapeDifferences} from './shapes';
import {collect} from '../support/collect';

let store: TestSecretStore;
let stripe: Stripe;

beforeAll(async () => {
  store = await startTestStore({seed: 'once', permissions: ['charge_read', 'balance_read']});
  stripe = store.backend();
});
afterAll(() => store.close());


test('every succeeded payment intent has its charge (latest_charge), of its customer and amount; no other has one', async () => {
  const intents = await collect(stripe.paymentIntents.list({limit: 100}));
  const charges = new Map((await collect(stripe.charges.list({limit: 100}))).map((c) => [c.id, c]));
  const succeeded = intents.filter((pi) => pi.status === 'succeeded');
  expect(succeeded.length).toBeGreaterThan(20);
  for (const pi of intents) {
    if (pi.status !== 'succeeded') {
      expect(pi.latest_charge).toBeNull();
      continue;
    }
    const charge = charges.get(pi.latest_charge as string);
    expect(charge).toMatchObject({payment_intent: pi.id, customer: pi.customer, amount: pi.amount, currency: pi.currency, status: 'succeeded', paid: true, captured: true});
  }
  expect(charges.size).toBe(succeeded.length);
});

test('every charge and refund has its balance transaction; amounts, fees and refunded totals agree', async () => {
  const charges = await collect(stripe.charges.list({limit: 100}));
  const refunds = await collect(stripe.refunds.list({limit: 100}));
  const transactions = new Map((await collect(stripe.balanceTransactions.list({limit: 100}))).map((t) => [t.id, t]));
  expect(transactions.size).toBe(charges.length + refunds.length);
  for (const charge of charges) {
    const txn = transactions.get(charge.balance_transaction as string);
    expect(txn).toMatchObject({type: 'charge', reporting_category: 'charge', source: charge.id, amount: charge.amount});
    expect(txn?.net).toBe(charge.amount - (txn?.fee ?? 0));
    const own = refunds.filter((r) => r.charge === charge.id);
    expect(charge.amount_refunded).toBe(own.reduce((sum, r) => sum + r.amount, 0));
    expect(charge.refunded).toBe(charge.amount_refunded === charge.amount);
  }
  expect(refunds.length).toBeGreaterThan(0);
  for (const refund of refunds) {
    const txn = transactions.get(refund.balance_transaction as string);
    expect(txn).toMatchObject({type: 'refund', source: refund.id, amount: -refund.amount, fee: 0});
    const charge = charges.find((c) => c.id === refund.charge);
    expect(charge?.payment_intent).toBe(refund.payment_intent);
    expect(refund.created).toBeGreaterThan(charge?.created ?? Infinity);
  }
});

test('filters: charges by customer and payment_intent, refunds by charge and payment_intent, balance transactions by type and source', async () => {
  const charges = await collect(stripe.charges.list({limit: 100}));
  const refunds = await collect(stripe.refunds.list({limit: 100}));
  const ids = (l: {id: string}[]) => l.map((x) => x.id);
  const customer = charges[0].customer as string;
  expect(ids(await collect(stripe.charges.list({customer, limit: 100})))).toEqual(ids(charges.filter((c) => c.customer === customer)));
  expect(ids((await stripe.charges.list({payment_intent: PICKER_PAYMENT_INTENT})).data)).toEqual([
    (await stripe.paymentIntents.retrieve(PICKER_PAYMENT_INTENT)).latest_charge,
  ]);
  const refund = refunds[0];
  expect(ids((await stripe.refunds.list({charge: refund.charge as string})).data)).toContain(refund.id);
  expect(ids((await stripe.refunds.list({payment_intent: refund.payment_intent as string})).data)).toContain(refund.id);
  expect(ids(await collect(stripe.balanceTransactions.list({type: 'refund', limit: 100})))).toHaveLength(refunds.length);
  expect((await stripe.balanceTransactions.list({source: refund.id})).data.map((t) => t.id)).toEqual([refund.balance_transaction]);
  // Paging both ways within a filter.
  const page = await stripe.balanceTransactions.list({type: 'charge', limit: 4});
  const next = await stripe.balanceTransactions.list({type: 'charge', limit: 4, starting_after: page.data[3].id});
  const back = await stripe.balanceTransactions.list({type: 'charge', limit: 4, ending_before: next.data[0].id});
  expect(ids(back.data)).toEqual(ids(page.data));
});

test('expand follows charges, refunds and balance transactions', async () => {
  const pi = await stripe.paymentIntents.retrieve(PICKER_PAYMENT_INTENT, {expand: ['latest_charge.balance_transaction', 'customer']});
  const charge = pi.latest_charge as Stripe.Charge;
  expect(charge).toMatchObject({object: 'charge', payment_intent: PICKER_PAYMENT_INTENT});
  expect(charge.balance_transaction).toMatchObject({object: 'balance_transaction', source: charge.id});
  expect(pi.customer).toMatchObject({object: 'customer'});
  const [refund] = (await stripe.refunds.list({limit: 1, expand: ['data.charge', 'data.balance_transaction', 'data.payment_intent']})).data;
  expect(refund.charge).toMatchObject({object: 'charge', id: (refund.charge as Stripe.Charge).id});
  expect(refund.balance_transaction).toMatchObject({object: 'balance_transaction', type: 'refund'});
  expect(refund.payment_intent).toMatchObject({object: 'payment_intent'});
  const txns = await stripe.balanceTransactions.list({limit: 5, expand: ['data.source']});
  expect(txns.data.every((t) => typeof t.source === 'object' && t.source !== null && ['charge', 'refund'].includes((t.source as {object: string}).object))).toBe(true);
});

test('charges and refunds take metadata updates; balance transactions have no update; missing ids 404', async () => {
  const [charge] = (await stripe.charges.list({limit: 1})).data;
  expect((await stripe.charges.update(charge.id, {metadata: {order: '1'}})).metadata).toEqual({order: '1'});
  expect(await rejection(stripe.charges.update(charge.id, {description: 'x'}))).toMatchObject({statusCode: 400, code: 'parameter_unknown', param: 'description'});
  const [refund] = (await stripe.refunds.list({limit: 1})).data;
  expect((await stripe.refunds.update(refund.id, {metadata: {why: 'late'}})).metadata).toEqual({why: 'late'});
  const [txn] = (await stripe.balanceTransactions.list({limit: 1})).data;
  const post = await store.raw(`/v1/balance_transactions/${txn.id}`, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: 'metadata[a]=b'});
  expect(post.status).toBe(404);
  expect(post.body.error?.message).toContain('Unrecognized request URL');
  expect(await rejection(stripe.charges.retrieve('ch_missing'))).toMatchObject({statusCode: 404, code: 'resource_missing', message: "No such charge: 'ch_missing'"});
  expect(await rejection(stripe.refunds.retrieve('re_missing'))).toMatchObject({statusCode: 404, code: 'resource_missing'});
  expect(await rejection(stripe.balanceTransactions.retrieve('txn_missing'))).toMatchObject({statusCode: 404, code: 'resource_missing'});
  expect(await rejection(stripe.charges.list({starting_after: 'ch_missing'}))).toMatchObject({statusCode: 404, param: 'starting_after'});
});

test('a view needs charge_read for charges and refunds, balance_read for balance transactions, balance_transaction_source_read to expand their source', async () => {
  const identity: ExtensionIdentity = {app: 'com.example.keyring', account: 'acct_1KeyringLocal000', user: 'usr_ada', mode: 'test'};
  const door = {storeUrl: store.url, hostKey: store.hostKey};
  expect((await forwardAsExtension(door, identity, '/v1/charges')).status).toBe(200);
  expect((await forwardAsExtension(door, identity, '/v1/refunds')).status).toBe(200);
  expect((await forwardAsExtension(door, identity, '/v1/balance_transactions')).status).toBe(200);
  const source = await forwardAsExtension(door, identity, '/v1/balance_transactions?expand[]=data.source');
  expect(source.status).toBe(403);
  expect(JSON.stringify(source.json)).toContain("'balance_transaction_source_read'");
  const intents = await forwardAsExtension(door, identity, '/v1/payment_intents');
  expect(intents.status).toBe(403);
});

test('a charge, a refund and a balance transaction have the keys and value kinds of Stripe’s examples', async () => {
  const fixtures = loadFixtures();
  if (!fixtures) return;
  const [refund] = (await stripe.refunds.list({limit: 1})).data;
  expect(shapeDifferences(await stripe.charges.retrieve(refund.charge as string), fixtures.charge)).toEqual([]);
  expect(shapeDifferences(refund, fixtures.refund)).toEqual([]);
  expect(shapeDifferences(await stripe.balanceTransactions.retrieve(refund.balance_transaction as string), fixtures.balance_transaction)).toEqual([]);
});
