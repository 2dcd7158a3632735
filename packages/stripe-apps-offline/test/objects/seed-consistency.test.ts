/**
 * The seeded data set is believable: every id any seeded object mentions
 * (at any depth) names an object of the same account and mode, and never one
 * of the other mode; every object is of its mode and dated no later than the
 * seeding; what follows from something (a charge from its payment, a refund
 * from its charge, an invoice from its customer) is not dated before it.
 */
import Stripe from 'stripe';
import {DEFAULT_ACCOUNT, DEFAULT_APP} from '../../src/stripe-api/server';
import type {Kind} from '../../src/stripe-api/objects/expand';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';

let store: TestSecretStore;
const seededAt = Math.floor(Date.now() / 1000);

beforeAll(async () => {
  store = await startTestStore({seed: 'once'});
});
afterAll(() => store.close());

const PREFIXES: [string, Kind][] = [
  ['cus_', 'customer'],
  ['pi_', 'payment_intent'],
  ['ch_', 'charge'],
  ['re_', 'refund'],
  ['txn_', 'balance_transaction'],
  ['in_', 'invoice'],
  ['sub_', 'subscription'],
  ['prod_', 'product'],
  ['price_', 'price'],
];

type Json = Record<string, unknown>;

/** An id: a prefix, then at least eight letters and digits, not all lower case (which tells `price_details`, a word, apart). */
const ID = /^[a-z]+_(?=[A-Za-z0-9]*[A-Z0-9])[A-Za-z0-9]{8,}$/;

async function everything(stripe: Stripe): Promise<Json[]> {
  const lists: AsyncIterable<unknown>[] = [
    stripe.customers.list({limit: 100}),
    stripe.paymentIntents.list({limit: 100}),
    stripe.products.list({limit: 100}),
    stripe.prices.list({limit: 100}),
    stripe.subscriptions.list({limit: 100, status: 'all'}),
    stripe.invoices.list({limit: 100, expand: ['data.payments']}),
    stripe.charges.list({limit: 100}),
    stripe.refunds.list({limit: 100}),
    stripe.balanceTransactions.list({limit: 100}),
  ];
  const out: Json[] = [];
  for (const list of lists) for await (const item of list) out.push(JSON.parse(JSON.stringify(item)) as Json);
  return out;
}

/** Every string under `value` that starts like the id of an object the store serves, with where it was found. */
function references(value: unknown, where: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') {
    if (PREFIXES.some(([prefix]) => value.startsWith(prefix)) && ID.test(value)) out.push([where, value]);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => references(item, `${where}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // A receipt number or a client secret is not a reference; `url`s name lists, not objects.
      if (key === 'client_secret' || key === 'url' || key === 'type' || key === 'object') continue;
      references(item, `${where}.${key}`, out);
    }
  }
  return out;
}

test.each([false, true])('livemode %s: every reference resolves in the same account and mode, never the other', async (livemode) => {
  const stripe = store.backend(livemode ? 'sk_live_keyringTests' : undefined);
  const objects = await everything(stripe);
  expect(objects.length).toBeGreaterThan(300);
  const mine = {app: DEFAULT_APP, account: DEFAULT_ACCOUNT, livemode};
  const other = {...mine, livemode: !livemode};
  const unresolved: string[] = [];
  let checked = 0;
  for (const object of objects) {
    if ('livemode' in object) expect({id: object.id, livemode: object.livemode}).toEqual({id: object.id, livemode});
    for (const [where, id] of references(object, object.id as string)) {
      const kind = (PREFIXES.find(([prefix]) => id.startsWith(prefix)) as [string, Kind])[1];
      checked++;
      if (!store.store.findObject(mine, kind, id)) unresolved.push(`${where} → ${id}`);
      if (store.store.findObject(other, kind, id)) unresolved.push(`${where} → ${id} (found in the other mode)`);
    }
  }
  expect(unresolved).toEqual([]);
  expect(checked).toBeGreaterThan(1000);
});

test('nothing is dated after the seeding, and nothing before what it follows from', async () => {
  const stripe = store.backend();
  const objects = await everything(stripe);
  const byId = new Map(objects.map((o) => [o.id as string, o]));
  const late: string[] = [];
  const created = (id: unknown) => (byId.get(id as string)?.created as number | undefined) ?? -Infinity;
  for (const o of objects) {
    const at = o.created as number;
    if (at > seededAt + 5) late.push(`${o.id as string} created after the seeding`);
    const follows: unknown[] = [];
    if (o.object === 'payment_intent' || o.object === 'invoice' || o.object === 'subscription' || o.object === 'charge') follows.push(o.customer);
    if (o.object === 'charge') follows.push(o.payment_intent);
    if (o.object === 'refund') follows.push(o.charge);
    if (o.object === 'price') follows.push(o.product);
    if (o.object === 'invoice') follows.push((o.parent as {subscription_details?: {subscription?: string}} | null)?.subscription_details?.subscription);
    for (const before of follows) if (created(before) > at) late.push(`${o.id as string} created before ${String(before)}`);
  }
  expect(late).toEqual([]);
  // Another account is not seeded.
  expect((await store.backend(undefined, {stripeAccount: 'acct_Other000'}).invoices.list()).data).toEqual([]);
});
