/**
 * Every object the local Stripe API answers has every property the installed
 * `stripe` package's types declare for it: schemas made here, at test time,
 * from those types (tools/stripeTypes.ts), and every object of the seed in
 * both modes, and objects made through each write route, validated against
 * them: every declared property there, none undeclared. A failure names
 * the object and the property. And the shapes file
 * the store fills objects from is what those types make today, so an
 * upgrade of `stripe` fails here until `npm run shapes` is run again.
 */
import Ajv, {type ErrorObject, type ValidateFunction} from 'ajv';
import type Stripe from 'stripe';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';
import {readStripeTypes, type StripeTypes} from '../../tools/stripeTypes';
import {serialize, shapesFrom, SHAPES_FILE} from '../../tools/shapes';
import {SHAPE_ROOTS} from '../../src/stripe-api/objects/shapes';
import fs from 'node:fs';
import {collect} from '../support/collect';

jest.setTimeout(120_000);

/** The types of what the store serves, by the `object` field Stripe gives each. */
const TYPE_OF_OBJECT: Record<string, string> = {
  account: 'Account',
  balance_transaction: 'BalanceTransaction',
  charge: 'Charge',
  customer: 'Customer',
  invoice: 'Invoice',
  invoice_payment: 'InvoicePayment',
  line_item: 'InvoiceLineItem',
  payment_intent: 'PaymentIntent',
  price: 'Price',
  product: 'Product',
  refund: 'Refund',
  subscription: 'Subscription',
  subscription_item: 'SubscriptionItem',
};

let types: StripeTypes;
let ajv: Ajv;
let store: TestSecretStore;
const validators = new Map<string, ValidateFunction>();

beforeAll(async () => {
  store = await startTestStore({seed: 'once'});
  // The roots the store's shapes file is made from: every type served, with all they reach.
  types = readStripeTypes(SHAPE_ROOTS);
  // strict off: stripe's types carry `examples` (an open enum's known values), an annotation ajv's strict mode questions.
  ajv = new Ajv({allErrors: true, strict: false});
  // No property the types do not declare either: a field Stripe removed (an invoice's top-level subscription) is caught too.
  const closed = Object.fromEntries(Object.entries(types.definitions).map(([name, d]) => [name, {...d, additionalProperties: false}]));
  ajv.addSchema({definitions: closed}, 'stripe');
});
afterAll(() => store.close());

function validatorFor(type: string): ValidateFunction {
  let validate = validators.get(type);
  if (!validate) {
    validate = ajv.compile({$ref: `stripe#/definitions/${type}`});
    validators.set(type, validate);
  }
  return validate;
}

function describeError(e: ErrorObject): string {
  if (e.keyword === 'required') return `${e.instancePath}/${(e.params as {missingProperty: string}).missingProperty} is missing`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${(e.params as {additionalProperty: string}).additionalProperty} is not a property of the type`;
  return `${e.instancePath} ${e.message ?? ''}`;
}

/** What is wrong with `object` as its type says: one line per property, naming the object. */
function problems(object: unknown, type?: string): string[] {
  const plain = JSON.parse(JSON.stringify(object)) as {id?: string; object?: string};
  const name = type ?? TYPE_OF_OBJECT[plain.object ?? ''];
  if (!name) return [`${plain.id ?? '?'}: no type known for object "${plain.object}"`];
  const validate = validatorFor(name);
  if (validate(plain as unknown)) return [];
  // A nullable object's wrong branch ("must be null") and anyOf's own line add nothing to the branch that says which property.
  const lines = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf' && (e.params as {type?: string}).type !== 'null').map((e) => `${name} ${plain.id ?? ''}: ${describeError(e)}`);
  return [...new Set(lines)];
}

/** Everything of every kind one mode holds, as the real client lists it. */
async function everything(stripe: Stripe): Promise<unknown[]> {
  const lists = await Promise.all([
    collect(stripe.customers.list({limit: 100})),
    collect(stripe.paymentIntents.list({limit: 100})),
    collect(stripe.products.list({limit: 100})),
    collect(stripe.prices.list({limit: 100})),
    collect(stripe.subscriptions.list({status: 'all', limit: 100})),
    collect(stripe.invoices.list({limit: 100})),
    collect(stripe.charges.list({limit: 100})),
    collect(stripe.refunds.list({limit: 100})),
    collect(stripe.balanceTransactions.list({limit: 100})),
  ]);
  return [await stripe.accounts.retrieveCurrent(), ...lists.flat()];
}

test.each([
  ['test', 'sk_test_shapes'],
  ['live', 'sk_live_shapes'],
])("every seeded object in %s mode has every property stripe's types declare", async (_mode, key) => {
  const all = await everything(store.backend(key));
  expect(all.length).toBeGreaterThan(50);
  expect(all.flatMap((o) => problems(o))).toEqual([]);
});

test('objects made and changed through each write route, and deleted, have every property too', async () => {
  const stripe = store.backend('sk_test_writes');
  const made: [unknown, string?][] = [];
  const customer = await stripe.customers.create({email: 'shapes@example.com', name: 'Shapes', metadata: {a: '1'}});
  made.push([customer], [await stripe.customers.update(customer.id, {description: 'changed'})]);
  const product = await stripe.products.create({name: 'Shapes plan'});
  made.push([product], [await stripe.products.update(product.id, {description: 'changed'})]);
  const price = await stripe.prices.create({product: product.id, unit_amount: 1200, currency: 'usd', recurring: {interval: 'month'}});
  made.push([price], [await stripe.prices.update(price.id, {nickname: 'changed'})]);
  // A price made with its product in one call.
  made.push([await stripe.prices.create({product_data: {name: 'Inline'}, unit_amount: 500, currency: 'eur'})]);
  const [pi] = (await stripe.paymentIntents.list({limit: 1})).data;
  const [sub] = (await stripe.subscriptions.list({limit: 1})).data;
  const [invoice] = (await stripe.invoices.list({limit: 1})).data;
  const [charge] = (await stripe.charges.list({limit: 1})).data;
  const [refund] = (await stripe.refunds.list({limit: 1})).data;
  made.push(
    [await stripe.paymentIntents.update(pi.id, {metadata: {shape: 'checked'}})],
    [await stripe.subscriptions.update(sub.id, {metadata: {shape: 'checked'}})],
    [await stripe.invoices.update(invoice.id, {metadata: {shape: 'checked'}})],
    [await stripe.charges.update(charge.id, {metadata: {shape: 'checked'}})],
    [await stripe.refunds.update(refund.id, {metadata: {shape: 'checked'}})],
    [await stripe.customers.del(customer.id), 'DeletedCustomer'],
  );
  expect(made.flatMap(([object, type]) => problems(object, type))).toEqual([]);
});

test('expanded objects, lists kept inside others and their own URLs, and a subscription item retrieved alone have every property', async () => {
  const stripe = store.backend();
  const [pi] = (await stripe.paymentIntents.list({limit: 1, expand: ['data.customer', 'data.latest_charge']})).data;
  const charge = await stripe.charges.retrieve((pi.latest_charge as Stripe.Charge).id, {expand: ['balance_transaction', 'payment_intent']});
  const [invoice] = (await stripe.invoices.list({limit: 1, expand: ['data.payments']})).data;
  const lines = await collect(stripe.invoices.listLineItems(invoice.id, {limit: 100}));
  const [sub] = (await stripe.subscriptions.list({limit: 1, expand: ['data.customer', 'data.latest_invoice']})).data;
  const items = await collect(stripe.subscriptionItems.list({subscription: sub.id}));
  const item = await stripe.subscriptionItems.retrieve(items[0].id, {expand: ['price.product']});
  expect(item).toMatchObject({id: items[0].id, object: 'subscription_item', subscription: sub.id});
  const [txn] = (await stripe.balanceTransactions.list({limit: 1, expand: ['data.source']})).data;
  const found = [pi, pi.customer, pi.latest_charge, charge, charge.balance_transaction, charge.payment_intent, invoice, ...lines, sub, sub.customer, sub.latest_invoice, ...items, item, (item.price as Stripe.Price).product, txn, txn.source];
  expect(found.every((o) => o !== null && typeof o === 'object')).toBe(true);
  expect(found.flatMap((o) => problems(o))).toEqual([]);
  // An invoice's payments, a list Stripe includes only when asked, and the same at their own URLs.
  const paid = (await collect(stripe.invoices.list({status: 'paid', limit: 100, expand: ['data.payments']}))).find((i) => (i.payments?.data.length ?? 0) > 0);
  const payment = paid?.payments?.data[0];
  expect(payment).toBeDefined();
  const listed = await collect(stripe.invoicePayments.list({invoice: paid?.id}));
  const retrieved = await stripe.invoicePayments.retrieve(payment?.id ?? '', {expand: ['payment.payment_intent']});
  expect(listed.map((p) => p.id)).toEqual([payment?.id]);
  expect(retrieved).toMatchObject({id: payment?.id, invoice: paid?.id, payment: {type: 'payment_intent', payment_intent: {object: 'payment_intent'}}});
  expect([payment, ...listed, retrieved, retrieved.payment.payment_intent].flatMap((p) => problems(p))).toEqual([]);
});

test('the check fails naming the property when one is removed, at the top or deep inside, or one is added', async () => {
  const stripe = store.backend();
  const [charge] = (await stripe.charges.list({limit: 1})).data;
  const plain = JSON.parse(JSON.stringify(charge)) as Record<string, unknown> & {payment_method_details: {card: Record<string, unknown>}};
  delete plain.receipt_url;
  delete plain.payment_method_details.card.amount_authorized;
  plain.subscription = 'sub_123';
  expect(problems(plain).sort()).toEqual([
    `Charge ${charge.id}: /receipt_url is missing`,
    `Charge ${charge.id}: /payment_method_details/card/amount_authorized is missing`,
    `Charge ${charge.id}: /subscription is not a property of the type`,
  ].sort());
});

test('the shapes file the store fills objects from is what the installed stripe types make (after an upgrade: npm run shapes -w stripe-apps-offline)', () => {
  const kept = JSON.parse(fs.readFileSync(SHAPES_FILE, 'utf8')) as ReturnType<typeof shapesFrom>;
  const made = shapesFrom(types);
  // What differs, by type and property, so the failure says what the upgrade changed.
  const changed: string[] = [];
  for (const type of new Set([...Object.keys(kept.types), ...Object.keys(made.types)])) {
    const [a, b] = [kept.types[type] ?? {}, made.types[type] ?? {}];
    for (const prop of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[prop]) !== JSON.stringify(b[prop])) changed.push(`${type}.${prop}`);
    }
  }
  expect({source: kept.source, changed}).toEqual({source: made.source, changed: []});
  expect(fs.readFileSync(SHAPES_FILE, 'utf8')).toBe(serialize(made));
});
