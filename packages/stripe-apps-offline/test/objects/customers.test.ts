/**
 * Customers and the account through the real `stripe` client over HTTP
 * (backend door) and through a host (extension door), with shapes compared to
 * Stripe's own example objects when ../shared/reference is present.
 */
import Stripe from 'stripe';
import {forwardAsExtension, type ExtensionIdentity} from '../../src/stripe-api/extension-door';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';
import {loadFixtures, shapeDifferences} from './shapes';
import {rejection} from '../support/rejection';

let store: TestSecretStore;
let stripe: Stripe;

beforeEach(async () => {
  store = await startTestStore({permissions: ['customer_read']});
  stripe = store.backend();
});
afterEach(() => store.close());


describe('customers: create, retrieve, update, delete', () => {
  test('create answers a customer; retrieve answers the same one', async () => {
    const created = await stripe.customers.create({name: 'Ada Lovelace', email: 'ada@example.com', metadata: {plan: 'pro'}});
    expect(created).toMatchObject({object: 'customer', name: 'Ada Lovelace', email: 'ada@example.com', livemode: false, metadata: {plan: 'pro'}});
    expect(created.id).toMatch(/^cus_/);
    const read = await stripe.customers.retrieve(created.id);
    expect(JSON.parse(JSON.stringify(read))).toEqual(JSON.parse(JSON.stringify(created)));
  });

  test('update sets fields and metadata keys; an empty value unsets them', async () => {
    const c = await stripe.customers.create({name: 'Ben', phone: '+15550100', metadata: {a: '1', b: '2'}});
    const updated = await stripe.customers.update(c.id, {email: 'ben@example.com', metadata: {b: '', c: '3'}});
    expect(updated).toMatchObject({name: 'Ben', email: 'ben@example.com', metadata: {a: '1', c: '3'}});
    expect(updated.metadata).not.toHaveProperty('b');
    const unset = await stripe.customers.update(c.id, {phone: '', description: 'vip'});
    expect(unset).toMatchObject({phone: null, description: 'vip', email: 'ben@example.com'});
    // `metadata=` (an empty hash in stripe-node) empties the whole hash.
    const cleared = await store.raw(`/v1/customers/${c.id}`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: 'metadata=',
    });
    expect(cleared.body.metadata).toEqual({});
    expect((await stripe.customers.retrieve(c.id)) as Stripe.Customer).toMatchObject({metadata: {}, description: 'vip'});
  });

  test('delete removes the customer: a retrieve answers its deleted stub, as on Stripe; update and a second delete 404', async () => {
    const c = await stripe.customers.create({name: 'Gone'});
    expect(await stripe.customers.del(c.id)).toEqual(expect.objectContaining({id: c.id, object: 'customer', deleted: true}));
    const read = await stripe.customers.retrieve(c.id);
    expect(JSON.parse(JSON.stringify(read))).toEqual({id: c.id, object: 'customer', deleted: true});
    const again = await rejection(stripe.customers.del(c.id));
    expect(again).toMatchObject({statusCode: 404, code: 'resource_missing', message: `No such customer: '${c.id}'`});
    expect(await rejection(stripe.customers.update(c.id, {name: 'Back'}))).toMatchObject({statusCode: 404});
    expect((await stripe.customers.list()).data).toEqual([]);
    // Another account or mode does not see the stub.
    expect(await rejection(store.backend('sk_live_keyringTests').customers.retrieve(c.id))).toMatchObject({statusCode: 404});
  });

  test('create with the same Idempotency-Key twice makes one customer', async () => {
    const first = await stripe.customers.create({name: 'Once'}, {idempotencyKey: 'k-1'});
    const second = await stripe.customers.create({name: 'Once'}, {idempotencyKey: 'k-1'});
    expect(second.id).toBe(first.id);
    expect((await stripe.customers.list()).data).toHaveLength(1);
  });
});

describe('customers: list', () => {
  async function makeCustomers(n: number, email = (i: number) => `c${i}@example.com`): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await stripe.customers.create({name: `Customer ${i}`, email: email(i)})).id);
    return ids;
  }

  test('newest first; pages forward with starting_after and back with ending_before', async () => {
    const ids = await makeCustomers(7);
    const newestFirst = [...ids].reverse();
    const first = await stripe.customers.list({limit: 3});
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 3));
    expect(first.has_more).toBe(true);
    expect(first.url).toBe('/v1/customers');
    const second = await stripe.customers.list({limit: 3, starting_after: first.data[2].id});
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(3, 6));
    const last = await stripe.customers.list({limit: 3, starting_after: second.data[2].id});
    expect(last.data.map((c) => c.id)).toEqual(newestFirst.slice(6));
    expect(last.has_more).toBe(false);
    const back = await stripe.customers.list({limit: 3, ending_before: last.data[0].id});
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(3, 6));
    expect(back.has_more).toBe(true);
    const top = await stripe.customers.list({limit: 3, ending_before: newestFirst[2]});
    expect(top.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    expect(top.has_more).toBe(false);
  });

  test('auto-pagination walks every customer once', async () => {
    const ids = await makeCustomers(12);
    const seen: string[] = [];
    for await (const c of stripe.customers.list({limit: 5})) seen.push(c.id);
    expect(seen).toEqual([...ids].reverse());
  });

  test('email filters exactly, and pages within the filter', async () => {
    const ids = await makeCustomers(6, (i) => (i % 2 === 0 ? 'even@example.com' : `odd${i}@example.com`));
    const even = await stripe.customers.list({email: 'even@example.com', limit: 2});
    expect(even.data.map((c) => c.id)).toEqual([ids[4], ids[2]]);
    expect(even.has_more).toBe(true);
    const rest = await stripe.customers.list({email: 'even@example.com', limit: 2, starting_after: ids[2]});
    expect(rest.data.map((c) => c.id)).toEqual([ids[0]]);
    expect(rest.has_more).toBe(false);
    expect((await stripe.customers.list({email: 'nobody@example.com'})).data).toEqual([]);
  });

  test('an empty list is data: []', async () => {
    expect(await stripe.customers.list()).toMatchObject({object: 'list', data: [], has_more: false, url: '/v1/customers'});
  });
});

describe('bad input', () => {
  test('missing ids answer 404 resource_missing naming the id', async () => {
    for (const call of [
      stripe.customers.retrieve('cus_missing'),
      stripe.customers.update('cus_missing', {name: 'x'}),
      stripe.customers.del('cus_missing'),
    ]) {
      const e = await rejection(call);
      expect(e).toMatchObject({statusCode: 404, type: 'StripeInvalidRequestError', code: 'resource_missing', message: "No such customer: 'cus_missing'"});
    }
    const cursor = await rejection(stripe.customers.list({starting_after: 'cus_missing'}));
    expect(cursor).toMatchObject({statusCode: 404, code: 'resource_missing', param: 'starting_after'});
  });

  test('unknown and invalid parameters answer 400 with param, and write nothing', async () => {
    const unknown = await rejection(stripe.customers.create({name: 'x', nickname: 'y'} as Stripe.CustomerCreateParams));
    expect(unknown).toMatchObject({statusCode: 400, code: 'parameter_unknown', param: 'nickname'});
    const email = await rejection(stripe.customers.create({email: 'not an email'}));
    expect(email).toMatchObject({statusCode: 400, code: 'email_invalid', param: 'email'});
    const limit = await rejection(stripe.customers.list({limit: 0}));
    expect(limit).toMatchObject({statusCode: 400, param: 'limit'});
    const both = await rejection(stripe.customers.list({starting_after: 'cus_a', ending_before: 'cus_b'}));
    expect(both).toMatchObject({statusCode: 400, code: 'parameters_exclusive'});
    const c = await stripe.customers.create({name: 'Kept', metadata: {k: 'v'}});
    // A long metadata key refuses the whole update: the valid name change is not applied either.
    const longKey = await rejection(stripe.customers.update(c.id, {name: 'Changed', metadata: {['k'.repeat(41)]: 'v'}}));
    expect(longKey.statusCode).toBe(400);
    const tooMany = Object.fromEntries(Array.from({length: 50}, (_, i) => [`m${i}`, 'v']));
    const full = await rejection(stripe.customers.update(c.id, {name: 'Changed', metadata: tooMany}));
    expect(full).toMatchObject({statusCode: 400, param: 'metadata'});
    expect(await stripe.customers.retrieve(c.id)).toMatchObject({name: 'Kept', metadata: {k: 'v'}});
    expect((await stripe.customers.list()).data).toHaveLength(1);
  });

  test('other paths under /v1/ keep "Unrecognized request URL"', async () => {
    for (const [method, path] of [
      ['GET', '/v1/disputes'],
      ['POST', '/v1/balance_transactions/txn_1'],
      ['DELETE', '/v1/products/prod_1'],
      ['POST', '/v1/charges'],
      ['GET', '/v1/invoices/in_1/payments'],
      ['POST', '/v1/subscription_items/si_1'],
      ['GET', '/v1/customers/cus_1/sources'],
      ['PUT', '/v1/customers/cus_1'],
      ['DELETE', '/v1/customers'],
      ['GET', '/v1/customers/'],
    ]) {
      const r = await store.raw(path, {method});
      expect({path, status: r.status, message: r.body.error?.message}).toEqual({
        path,
        status: 404,
        message: expect.stringContaining('Unrecognized request URL') as unknown,
      });
    }
  });
});

describe('partitions', () => {
  test('accounts and modes do not see one another’s customers', async () => {
    const mine = await stripe.customers.create({name: 'Default account, test'});
    const other = store.backend(undefined, {stripeAccount: 'acct_Other000'});
    const live = store.backend('sk_live_keyringTests');
    await other.customers.create({name: 'Other account'});
    expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([mine.id]);
    expect((await other.customers.list()).data.map((c) => c.name)).toEqual(['Other account']);
    expect((await live.customers.list()).data).toEqual([]);
    expect(await rejection(other.customers.retrieve(mine.id))).toMatchObject({statusCode: 404});
    expect(await rejection(live.customers.retrieve(mine.id))).toMatchObject({statusCode: 404});
    expect((await live.customers.create({name: 'Live'})).livemode).toBe(true);
  });

  test('the account is the one the caller acts on', async () => {
    expect(await stripe.accounts.retrieveCurrent()).toMatchObject({id: 'acct_1KeyringLocal000', object: 'account'});
    const other = store.backend(undefined, {stripeAccount: 'acct_Other000'});
    expect((await other.accounts.retrieveCurrent()).id).toBe('acct_Other000');
  });
});

describe('the extension door', () => {
  const identity: ExtensionIdentity = {app: 'com.example.keyring', account: 'acct_1KeyringLocal000', user: 'usr_ada', mode: 'test'};
  const door = () => ({storeUrl: store.url, hostKey: store.hostKey});

  test('a view reads the preview account’s customers in its mode', async () => {
    const c = await stripe.customers.create({name: 'Seen by the view'});
    await store.backend('sk_live_keyringTests').customers.create({name: 'Live only'});
    const list = await forwardAsExtension(door(), identity, '/v1/customers');
    expect(list.status).toBe(200);
    expect((list.json as {data: {id: string}[]}).data.map((x) => x.id)).toEqual([c.id]);
    const one = await forwardAsExtension(door(), identity, `/v1/customers/${c.id}`);
    expect(one.json).toMatchObject({id: c.id, name: 'Seen by the view'});
    const account = await forwardAsExtension(door(), identity, '/v1/account');
    expect(account.json).toMatchObject({id: identity.account});
  });

  test('without customer_write a view cannot create or update: 403 naming the permission', async () => {
    const c = await stripe.customers.create({name: 'Untouched'});
    for (const [path, body] of [
      ['/v1/customers', 'name=New'],
      [`/v1/customers/${c.id}`, 'name=Changed'],
    ]) {
      const r = await forwardAsExtension(door(), identity, path, {
        method: 'POST',
        headers: {'content-type': 'application/x-www-form-urlencoded'},
        body,
      });
      expect(r.status).toBe(403);
      expect((r.json as {error: {message: string}}).error.message).toContain("Having the 'customer_write' permission");
    }
    expect(await stripe.customers.retrieve(c.id)).toMatchObject({name: 'Untouched'});
    expect((await stripe.customers.list()).data).toHaveLength(1);
  });

  test('an app without customer_read gets the permission error; with customer_write it reads and writes', async () => {
    await store.close();
    store = await startTestStore({permissions: ['secret_write']});
    const refused = await forwardAsExtension(door(), identity, '/v1/customers');
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      error: {
        type: 'invalid_request_error',
        message: "This application does not have the required permissions for this endpoint on account 'acct_1KeyringLocal000'. Having the 'customer_read' permission would allow this request to continue.",
      },
    });
    await store.close();
    store = await startTestStore({permissions: ['customer_write']});
    const created = await forwardAsExtension(door(), identity, '/v1/customers', {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: 'name=From+the+view&metadata[source]=view',
    });
    expect(created.json).toMatchObject({name: 'From the view', metadata: {source: 'view'}});
    expect((await forwardAsExtension(door(), identity, '/v1/customers')).status).toBe(200);
  });

  test('with no permission list the extension door is shut to objects, secrets still open', async () => {
    await store.close();
    store = await startTestStore();
    expect((await forwardAsExtension(door(), identity, '/v1/customers')).status).toBe(403);
    expect((await forwardAsExtension(door(), identity, '/v1/account')).status).toBe(403);
    expect((await forwardAsExtension(door(), identity, '/v1/apps/secrets?scope[type]=account')).status).toBe(200);
    // The backend door is not restricted.
    expect((await store.backend().customers.list()).object).toBe('list');
  });
});

describe('shapes against Stripe’s example objects', () => {
  const fixtures = loadFixtures();

  test('a customer has the keys and value kinds of Stripe’s example customer', async () => {
    if (!fixtures) return;
    const c = await stripe.customers.create({name: 'Shape', email: 'shape@example.com', description: 'd', phone: '1', metadata: {a: 'b'}});
    expect(shapeDifferences(c, fixtures.customer)).toEqual([]);
  });

  test('the account has the keys and value kinds of Stripe’s example account', async () => {
    if (!fixtures) return;
    const a = await stripe.accounts.retrieveCurrent();
    expect(shapeDifferences(a, fixtures.account)).toEqual([]);
  });

  test('the comparison is live: it notices a missing key and a wrong kind', () => {
    expect(shapeDifferences({a: 1, b: 'x'}, {a: 'one', b: 'y', c: null})).toEqual(['a: number vs string', 'missing c']);
  });
});
