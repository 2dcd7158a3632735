/**
 * Payment intents and the seeded data set, through the real `stripe` client:
 * consistent references, the `customer=` filter, paging both ways, re-seeding,
 * permissions, and shapes against Stripe's example payment intent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import {forwardAsExtension, type ExtensionIdentity} from '../../src/stripe-api/extension-door';
import {SEED_CUSTOMERS} from '../../src/stripe-api/objects/seed';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';
import {loadFixtures, shapeDifferences} from './shapes';
import {collect} from '../support/collect';

let store: TestSecretStore;
let stripe: Stripe;

beforeEach(async () => {
  store = await startTestStore({seed: 'once', permissions: ['customer_read']});
  stripe = store.backend();
});
afterEach(() => store.close());


test('the seed gives each mode its own few dozen customers, with payment intents that refer to them', async () => {
  const customers = await collect(stripe.customers.list({limit: 100}));
  expect(customers).toHaveLength(SEED_CUSTOMERS);
  expect(customers.every((c) => c.name && c.email && !c.livemode)).toBe(true);
  const intents = await collect(stripe.paymentIntents.list({limit: 100}));
  expect(intents.length).toBeGreaterThan(SEED_CUSTOMERS);
  const ids = new Set(customers.map((c) => c.id));
  expect(intents.every((pi) => typeof pi.customer === 'string' && ids.has(pi.customer))).toBe(true);
  // Newest first, like Stripe.
  const created = intents.map((pi) => pi.created);
  expect(created).toEqual([...created].sort((a, b) => b - a));
  expect(new Set(intents.map((pi) => pi.status))).toContain('succeeded');

  const live = store.backend('sk_live_keyringTests');
  const liveCustomers = await collect(live.customers.list({limit: 100}));
  expect(liveCustomers).toHaveLength(SEED_CUSTOMERS);
  expect(liveCustomers.some((c) => ids.has(c.id))).toBe(false);
  // Another account is not seeded.
  expect((await store.backend(undefined, {stripeAccount: 'acct_Other000'}).customers.list()).data).toEqual([]);
});

test('customer= lists exactly that customer’s payment intents, paging both ways', async () => {
  const intents = await collect(stripe.paymentIntents.list({limit: 100}));
  const counts = new Map<string, number>();
  for (const pi of intents) counts.set(pi.customer as string, (counts.get(pi.customer as string) ?? 0) + 1);
  const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const expected = intents.filter((pi) => pi.customer === busiest).map((pi) => pi.id);
  expect(expected.length).toBeGreaterThan(2);

  const first = await stripe.paymentIntents.list({customer: busiest, limit: 2});
  expect(first.data.map((pi) => pi.id)).toEqual(expected.slice(0, 2));
  expect(first.has_more).toBe(true);
  expect(first.url).toBe('/v1/payment_intents');
  const rest = await collect(stripe.paymentIntents.list({customer: busiest, limit: 2, starting_after: first.data[1].id}));
  expect(rest.map((pi) => pi.id)).toEqual(expected.slice(2));
  const back = await stripe.paymentIntents.list({customer: busiest, limit: 2, ending_before: expected[2]});
  expect(back.data.map((pi) => pi.id)).toEqual(expected.slice(0, 2));
  expect(back.has_more).toBe(false);

  expect((await stripe.paymentIntents.list({customer: 'cus_nobody'})).data).toEqual([]);
  expect(await stripe.paymentIntents.retrieve(expected[0])).toMatchObject({id: expected[0], customer: busiest, object: 'payment_intent'});
});

test('a missing payment intent answers 404 resource_missing; bad list params 400', async () => {
  await expect(stripe.paymentIntents.retrieve('pi_missing')).rejects.toMatchObject({
    statusCode: 404,
    code: 'resource_missing',
    message: "No such payment_intent: 'pi_missing'",
  });
  await expect(stripe.paymentIntents.list({status: 'succeeded'} as Stripe.PaymentIntentListParams)).rejects.toMatchObject({
    statusCode: 400,
    code: 'parameter_unknown',
    param: 'status',
  });
  await expect(stripe.paymentIntents.list({limit: 101})).rejects.toMatchObject({statusCode: 400, param: 'limit'});
  // Writes to payment intents are not served yet: Stripe's 404 for an unknown URL, not a silent success.
  expect((await store.raw('/v1/payment_intents', {method: 'POST'})).status).toBe(404);
});

test('a view needs payment_intent_read', async () => {
  const identity: ExtensionIdentity = {app: 'com.example.keyring', account: 'acct_1KeyringLocal000', user: 'usr_ada', mode: 'test'};
  const refused = await forwardAsExtension({storeUrl: store.url, hostKey: store.hostKey}, identity, '/v1/payment_intents');
  expect(refused.status).toBe(403);
  expect(JSON.stringify(refused.json)).toContain("Having the 'payment_intent_read' permission");
  expect((await forwardAsExtension({storeUrl: store.url, hostKey: store.hostKey}, identity, '/v1/customers')).status).toBe(200);
});

test('seeding happens once per data file; reset seeds the same ids anew', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-seed-'));
  try {
    const file = path.join(dir, 'data', 'secret-store.sqlite3');
    let s = await startTestStore({file, seed: 'once', log: () => undefined});
    const seeded = (await collect(s.backend().customers.list({limit: 100}))).map((c) => c.id);
    await s.backend().customers.del(seeded[0]);
    const added = await s.backend().customers.create({name: 'Mine'});
    await s.close();

    s = await startTestStore({file, seed: 'once', log: () => undefined});
    const kept = (await collect(s.backend().customers.list({limit: 100}))).map((c) => c.id);
    expect(kept).toEqual([added.id, ...seeded.slice(1)]);
    await s.close();

    s = await startTestStore({file, seed: 'reset', log: () => undefined});
    expect((await collect(s.backend().customers.list({limit: 100}))).map((c) => c.id)).toEqual(seeded);
    await s.close();
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('a payment intent has the keys and value kinds of Stripe’s example payment intent', async () => {
  const fixtures = loadFixtures();
  if (!fixtures) return;
  const [pi] = (await stripe.paymentIntents.list({limit: 1})).data;
  expect(shapeDifferences(pi, fixtures.payment_intent)).toEqual([]);
});
