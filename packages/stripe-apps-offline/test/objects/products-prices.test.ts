/**
 * Products and prices through the real `stripe` client: create, retrieve,
 * update, list with filters and paging both ways, Stripe's refusals of bad
 * parameters (nothing half-written), expand, permissions, and shapes against
 * Stripe's example objects.
 */
import Stripe from 'stripe';
import {forwardAsExtension, type ExtensionIdentity} from '../../src/stripe-api/extension-door';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';
import {rejection} from '../support/rejection';
import {loadFixtures, shapeDifferences} from './shapes';

let store: TestSecretStore;
let stripe: Stripe;

beforeEach(async () => {
  store = await startTestStore({permissions: ['product_read']});
  stripe = store.backend();
});
afterEach(() => store.close());

const plain = (o: unknown) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;

describe('products', () => {
  test('create, retrieve, update; an empty description unsets it', async () => {
    const p = await stripe.products.create({name: 'Keyring Pro', description: 'For teams', metadata: {tier: 'pro'}});
    expect(p).toMatchObject({object: 'product', name: 'Keyring Pro', description: 'For teams', active: true, default_price: null, livemode: false, metadata: {tier: 'pro'}});
    expect(p.id).toMatch(/^prod_/);
    expect(plain(await stripe.products.retrieve(p.id))).toEqual(plain(p));
    const updated = await stripe.products.update(p.id, {name: 'Keyring Pro 2', description: '', active: false, metadata: {tier: '', seats: '10'}});
    expect(updated).toMatchObject({name: 'Keyring Pro 2', description: null, active: false, metadata: {seats: '10'}});
    expect(updated.updated).toBeGreaterThanOrEqual(p.updated);
  });

  test('a custom id is kept; the same id twice is refused', async () => {
    const p = await stripe.products.create({id: 'gold-plan', name: 'Gold'});
    expect(p.id).toBe('gold-plan');
    expect(await rejection(stripe.products.create({id: 'gold-plan', name: 'Again'}))).toMatchObject({statusCode: 400, code: 'resource_already_exists', param: 'id'});
  });

  test('list: newest first, paging both ways, active filter', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.products.create({name: `P${i}`, active: i % 2 === 0})).id);
    const newest = [...ids].reverse();
    const first = await stripe.products.list({limit: 2});
    expect(first.data.map((p) => p.id)).toEqual(newest.slice(0, 2));
    expect(first).toMatchObject({has_more: true, url: '/v1/products'});
    const next = await stripe.products.list({limit: 2, starting_after: first.data[1].id});
    expect(next.data.map((p) => p.id)).toEqual(newest.slice(2, 4));
    const back = await stripe.products.list({limit: 2, ending_before: next.data[0].id});
    expect(back.data.map((p) => p.id)).toEqual(newest.slice(0, 2));
    expect(back.has_more).toBe(false);
    expect((await stripe.products.list({active: true})).data.map((p) => p.id)).toEqual([ids[4], ids[2], ids[0]]);
    expect((await stripe.products.list({active: false})).data.map((p) => p.id)).toEqual([ids[3], ids[1]]);
  });

  test('bad parameters: 400 naming the parameter; missing ids 404', async () => {
    expect(await rejection(stripe.products.create({} as Stripe.ProductCreateParams))).toMatchObject({statusCode: 400, code: 'parameter_missing', param: 'name'});
    expect(await rejection(stripe.products.create({name: 'x', colour: 'red'} as Stripe.ProductCreateParams))).toMatchObject({code: 'parameter_unknown', param: 'colour'});
    const p = await stripe.products.create({name: 'Kept'});
    expect(await rejection(stripe.products.update(p.id, {name: ''}))).toMatchObject({statusCode: 400, code: 'parameter_invalid_empty', param: 'name'});
    const bool = await store.raw(`/v1/products?active=yes`);
    expect(bool).toMatchObject({status: 400, body: {error: {param: 'active', message: 'Invalid boolean: yes'}}});
    expect(await rejection(stripe.products.retrieve('prod_missing'))).toMatchObject({statusCode: 404, code: 'resource_missing', message: "No such product: 'prod_missing'"});
    expect(await rejection(stripe.products.update('prod_missing', {name: 'x'}))).toMatchObject({statusCode: 404});
    expect(await stripe.products.retrieve(p.id)).toMatchObject({name: 'Kept'});
  });

  test('create with the same Idempotency-Key twice makes one product', async () => {
    const a = await stripe.products.create({name: 'Once'}, {idempotencyKey: 'p-1'});
    const b = await stripe.products.create({name: 'Once'}, {idempotencyKey: 'p-1'});
    expect(b.id).toBe(a.id);
    expect((await stripe.products.list()).data).toHaveLength(1);
  });
});

describe('prices', () => {
  test('create one-time and recurring prices; retrieve answers the same', async () => {
    const product = await stripe.products.create({name: 'Pro'});
    const once = await stripe.prices.create({product: product.id, currency: 'usd', unit_amount: 1500, nickname: 'Setup'});
    expect(once).toMatchObject({
      object: 'price',
      product: product.id,
      currency: 'usd',
      unit_amount: 1500,
      type: 'one_time',
      recurring: null,
      active: true,
      nickname: 'Setup',
      billing_scheme: 'per_unit',
      tax_behavior: 'unspecified',
    });
    expect(once.id).toMatch(/^price_/);
    // stripe-node reads unit_amount_decimal into a Decimal; on the wire it is Stripe's string.
    expect((await store.raw(`/v1/prices/${once.id}`)).body.unit_amount_decimal).toBe('1500');
    const monthly = await stripe.prices.create({product: product.id, currency: 'EUR', unit_amount_decimal: '2900' as unknown as Stripe.PriceCreateParams['unit_amount_decimal'], recurring: {interval: 'month', interval_count: 3}});
    expect(monthly).toMatchObject({currency: 'eur', unit_amount: 2900, type: 'recurring', recurring: {interval: 'month', interval_count: 3, usage_type: 'licensed'}});
    expect(plain(await stripe.prices.retrieve(monthly.id))).toEqual(plain(monthly));
  });

  test('product_data creates the product with the price', async () => {
    const price = await stripe.prices.create({product_data: {name: 'Inline'}, currency: 'usd', unit_amount: 100});
    expect(await stripe.products.retrieve(price.product as string)).toMatchObject({name: 'Inline', active: true});
  });

  test('update takes active, nickname, lookup_key, metadata; amount and currency are fixed', async () => {
    const product = await stripe.products.create({name: 'Pro'});
    const price = await stripe.prices.create({product: product.id, currency: 'usd', unit_amount: 500, nickname: 'Old', metadata: {a: '1'}});
    const updated = await stripe.prices.update(price.id, {active: false, nickname: '', lookup_key: 'pro_monthly', metadata: {b: '2'}});
    expect(updated).toMatchObject({active: false, nickname: null, lookup_key: 'pro_monthly', metadata: {a: '1', b: '2'}, unit_amount: 500});
    for (const param of ['unit_amount', 'currency', 'product', 'recurring']) {
      const r = await store.raw(`/v1/prices/${price.id}`, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: `${param}=1`});
      expect({param, status: r.status, code: r.body.error?.code}).toEqual({param, status: 400, code: 'parameter_unknown'});
    }
    const tax = await stripe.prices.update(price.id, {tax_behavior: 'exclusive'});
    expect(tax.tax_behavior).toBe('exclusive');
    expect(await rejection(stripe.prices.update(price.id, {tax_behavior: 'inclusive'}))).toMatchObject({statusCode: 400, param: 'tax_behavior'});
  });

  test('bad create parameters are refused with Stripe’s codes and params, creating nothing', async () => {
    const product = await stripe.products.create({name: 'Pro'});
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{product: product.id, unit_amount: 100}, {code: 'parameter_missing', param: 'currency'}],
      [{product: product.id, currency: 'xyz', unit_amount: 100}, {param: 'currency'}],
      [{currency: 'usd', unit_amount: 100}, {code: 'parameter_missing', param: 'product'}],
      [{product: product.id, currency: 'usd'}, {code: 'parameter_missing', param: 'unit_amount'}],
      [{product: product.id, currency: 'usd', unit_amount: -1}, {param: 'unit_amount'}],
      [{product: product.id, currency: 'usd', unit_amount: 'ten'}, {code: 'parameter_invalid_integer', param: 'unit_amount'}],
      [{product: product.id, currency: 'usd', unit_amount: 1, unit_amount_decimal: '1'}, {code: 'parameters_exclusive'}],
      [{product: product.id, currency: 'usd', unit_amount: 1, recurring: {interval: 'fortnight'}}, {param: 'recurring[interval]'}],
      [{product: product.id, currency: 'usd', unit_amount: 1, recurring: {interval: 'month', interval_count: 13}}, {param: 'recurring[interval_count]'}],
      [{product: product.id, currency: 'usd', unit_amount: 1, recurring: {interval: 'month', colour: 'x'}}, {code: 'parameter_unknown', param: 'recurring[colour]'}],
      [{product: 'prod_missing', currency: 'usd', unit_amount: 1}, {code: 'resource_missing', param: 'product', message: "No such product: 'prod_missing'"}],
    ];
    for (const [params, expected] of cases) {
      const e = await rejection(stripe.prices.create(params as unknown as Stripe.PriceCreateParams));
      expect({params, status: e.statusCode, ...Object.fromEntries(Object.keys(expected).map((k) => [k, (e as unknown as Record<string, unknown>)[k]]))}).toEqual({params, status: 400, ...expected});
    }
    expect((await stripe.prices.list()).data).toEqual([]);
    expect((await stripe.products.list()).data).toHaveLength(1);
  });

  test('list filters: product, active, type, currency; paging within a filter', async () => {
    const a = await stripe.products.create({name: 'A'});
    const b = await stripe.products.create({name: 'B'});
    const a1 = await stripe.prices.create({product: a.id, currency: 'usd', unit_amount: 1});
    const a2 = await stripe.prices.create({product: a.id, currency: 'usd', unit_amount: 2, recurring: {interval: 'year'}});
    const b1 = await stripe.prices.create({product: b.id, currency: 'eur', unit_amount: 3, active: false});
    const a3 = await stripe.prices.create({product: a.id, currency: 'usd', unit_amount: 4});
    const ids = (l: Stripe.ApiList<Stripe.Price>) => l.data.map((p) => p.id);
    expect(ids(await stripe.prices.list({product: a.id}))).toEqual([a3.id, a2.id, a1.id]);
    expect(ids(await stripe.prices.list({active: false}))).toEqual([b1.id]);
    expect(ids(await stripe.prices.list({type: 'recurring'}))).toEqual([a2.id]);
    expect(ids(await stripe.prices.list({currency: 'eur'}))).toEqual([]);
    expect(ids(await stripe.prices.list({currency: 'eur', active: false}))).toEqual([b1.id]);
    // Without `active`, the active ones only, as Stripe documents.
    expect(ids(await stripe.prices.list())).toEqual([a3.id, a2.id, a1.id]);
    const page = await stripe.prices.list({product: a.id, limit: 2});
    expect(ids(page)).toEqual([a3.id, a2.id]);
    expect(page.has_more).toBe(true);
    expect(ids(await stripe.prices.list({product: a.id, limit: 2, starting_after: a2.id}))).toEqual([a1.id]);
    expect(await rejection(stripe.prices.list({type: 'sometimes'} as unknown as Stripe.PriceListParams))).toMatchObject({statusCode: 400, param: 'type'});
  });

  test('default_price: a product’s own active price; its default price cannot be archived', async () => {
    const a = await stripe.products.create({name: 'A'});
    const b = await stripe.products.create({name: 'B'});
    const price = await stripe.prices.create({product: a.id, currency: 'usd', unit_amount: 900});
    const other = await stripe.prices.create({product: b.id, currency: 'usd', unit_amount: 100});
    // Refused inside the write: the name change in the same request is not applied either.
    expect(await rejection(stripe.products.update(a.id, {name: 'Renamed', default_price: other.id}))).toMatchObject({statusCode: 400, param: 'default_price'});
    expect(await rejection(stripe.products.update(a.id, {default_price: 'price_missing'}))).toMatchObject({statusCode: 400, code: 'resource_missing', param: 'default_price'});
    expect(await stripe.products.retrieve(a.id)).toMatchObject({name: 'A', default_price: null});
    expect(await stripe.products.update(a.id, {default_price: price.id})).toMatchObject({default_price: price.id});
    expect(await rejection(stripe.prices.update(price.id, {active: false}))).toMatchObject({statusCode: 400, param: 'active'});
    expect(await stripe.prices.retrieve(price.id)).toMatchObject({active: true});
    // Expanded both ways.
    const expanded = await stripe.products.retrieve(a.id, {expand: ['default_price']});
    expect(expanded.default_price).toMatchObject({id: price.id, object: 'price', unit_amount: 900});
    const withProduct = await stripe.prices.list({expand: ['data.product'], product: a.id});
    expect(withProduct.data[0].product).toMatchObject({id: a.id, object: 'product', default_price: price.id});
  });
});

describe('permissions of a view', () => {
  const identity: ExtensionIdentity = {app: 'com.example.keyring', account: 'acct_1KeyringLocal000', user: 'usr_ada', mode: 'test'};
  const door = () => ({storeUrl: store.url, hostKey: store.hostKey});
  const form = (body: string) => ({method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body});
  const message = (r: {json?: unknown}) => (r.json as {error?: {message: string}}).error?.message ?? '';

  test('products need product_read, prices plan_read, writes product_write and plan_write; expanding needs the expanded object’s permission', async () => {
    const product = await stripe.products.create({name: 'Pro'});
    const price = await stripe.prices.create({product: product.id, currency: 'usd', unit_amount: 100});
    expect((await forwardAsExtension(door(), identity, '/v1/products')).status).toBe(200);
    const prices = await forwardAsExtension(door(), identity, '/v1/prices');
    expect(prices.status).toBe(403);
    expect(message(prices)).toContain("Having the 'plan_read' permission");
    const write = await forwardAsExtension(door(), identity, '/v1/products', form('name=New'));
    expect(write.status).toBe(403);
    expect(message(write)).toContain("'product_write'");
    await store.close();
    store = await startTestStore({permissions: ['plan_write']});
    const s = store.backend();
    const p2 = await s.products.create({name: 'Pro'});
    const created = await forwardAsExtension(door(), identity, '/v1/prices', form(`product=${p2.id}&currency=usd&unit_amount=700`));
    expect(created.status).toBe(200);
    const expanded = await forwardAsExtension(door(), identity, `/v1/prices/${(created.json as {id: string}).id}?expand[]=product`);
    expect(expanded.status).toBe(403);
    expect(message(expanded)).toContain("'product_read'");
    void price;
  });
});

describe('shapes against Stripe’s example objects', () => {
  test('a product and a price have the keys and value kinds of Stripe’s examples', async () => {
    const fixtures = loadFixtures();
    if (!fixtures) return;
    const product = await stripe.products.create({name: 'Shape', description: 'd', metadata: {a: 'b'}});
    const price = await stripe.prices.create({product: product.id, currency: 'usd', unit_amount: 100, recurring: {interval: 'month'}});
    expect(shapeDifferences(product, fixtures.product)).toEqual([]);
    expect(shapeDifferences(price, fixtures.price)).toEqual([]);
  });
});

test('products list by ids[]; shippable and type=good match none of these services', async () => {
  const a = await stripe.products.create({name: 'A'});
  const b = await stripe.products.create({name: 'B'});
  await stripe.products.create({name: 'C'});
  expect((await stripe.products.list({ids: [a.id, b.id, 'prod_missing']})).data.map((p) => p.id)).toEqual([b.id, a.id]);
  expect((await stripe.products.list({shippable: true})).data).toEqual([]);
  expect((await stripe.products.list({type: 'good'})).data).toEqual([]);
  expect((await stripe.products.list({type: 'service'})).data).toHaveLength(3);
  expect((await store.raw('/v1/products?ids=prod_1')).body.error).toMatchObject({param: 'ids'});
});
