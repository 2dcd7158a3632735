/**
 * The local Secret Store against Stripe's contract, through the real `stripe`
 * client over HTTP (backend door) and through a host (extension door).
 */
import Stripe from 'stripe';
import {forwardAsExtension, type ExtensionIdentity} from '../../src/stripe-api/extension-door';
import {loadResponseValidators} from '../support/openapi';
import {startTestStore, TEST_KEY, type TestSecretStore} from '../../src/testing/localSecretStore';
import {rejection} from '../support/rejection';

const ACCOUNT = {type: 'account'} as const;
const userScope = (user: string) => ({type: 'user', user}) as const;

let store: TestSecretStore;
let stripe: Stripe;
const validators = loadResponseValidators();

beforeEach(async () => {
  store = await startTestStore();
  stripe = store.backend();
});
afterEach(() => store.close());

function expectValid(kind: 'secret' | 'list' | 'error', body: unknown) {
  if (!validators) return;
  const validate = validators[kind];
  expect({valid: validate(body), errors: validate.errors ?? null}).toEqual({valid: true, errors: null});
}


test('the response validators are live: they reject a malformed secret', () => {
  if (!validators) return;
  expect(validators.secret({id: 'x', object: 'apps.secret', created: 'yesterday', livemode: false, name: 'n', scope: {type: 'team'}})).toBe(false);
  expect(validators.list({object: 'list', data: [], has_more: false, url: '/v1/other'})).toBe(false);
});

describe('set, find, list, delete', () => {
  test('set creates a secret; find shows the payload only with expand', async () => {
    const created = await stripe.apps.secrets.create({name: 'api_key', payload: 'v1', scope: ACCOUNT});
    expect(created).toMatchObject({object: 'apps.secret', name: 'api_key', livemode: false, expires_at: null, scope: ACCOUNT});
    expect(created.id).toMatch(/^appsecret_/);
    expect(created.payload).toBeUndefined();
    expectValid('secret', JSON.parse(JSON.stringify(created)));

    const plain = await stripe.apps.secrets.find({name: 'api_key', scope: ACCOUNT});
    expect(plain.payload).toBeUndefined();
    const expanded = await stripe.apps.secrets.find({name: 'api_key', scope: ACCOUNT, expand: ['payload']});
    expect(expanded.payload).toBe('v1');
    expect(expanded.id).toBe(created.id);
    expectValid('secret', JSON.parse(JSON.stringify(expanded)));
  });

  test('set replaces by name and scope; replacing does not add a secret', async () => {
    await stripe.apps.secrets.create({name: 'k', payload: 'old', scope: ACCOUNT});
    const replaced = await stripe.apps.secrets.create({name: 'k', payload: 'new', scope: ACCOUNT, expand: ['payload']});
    expect(replaced.payload).toBe('new');
    const list = await stripe.apps.secrets.list({scope: ACCOUNT});
    expect(list.data.map((s) => s.name)).toEqual(['k']);
  });

  test('the same name in different scopes is a different secret', async () => {
    await stripe.apps.secrets.create({name: 'token', payload: 'account', scope: ACCOUNT});
    await stripe.apps.secrets.create({name: 'token', payload: 'alice', scope: userScope('usr_alice')});
    await stripe.apps.secrets.create({name: 'token', payload: 'bob', scope: userScope('usr_bob')});
    const read = async (scope: Parameters<Stripe['apps']['secrets']['find']>[0]['scope']) =>
      (await stripe.apps.secrets.find({name: 'token', scope, expand: ['payload']})).payload;
    expect(await read(ACCOUNT)).toBe('account');
    expect(await read(userScope('usr_alice'))).toBe('alice');
    expect(await read(userScope('usr_bob'))).toBe('bob');
  });

  test('find and delete of a missing secret answer 404 resource_missing', async () => {
    const find = await rejection(stripe.apps.secrets.find({name: 'nope', scope: ACCOUNT}));
    expect(find).toMatchObject({type: 'StripeInvalidRequestError', statusCode: 404, code: 'resource_missing', param: 'name'});
    expect(find.message).toBe("No such secret: 'nope'");
    expect(find.requestId).toMatch(/^req_/);
    const del = await rejection(stripe.apps.secrets.deleteWhere({name: 'nope', scope: ACCOUNT}));
    expect(del).toMatchObject({statusCode: 404, code: 'resource_missing'});
  });

  test('delete returns {id, object, deleted} and the secret is gone', async () => {
    const created = await stripe.apps.secrets.create({name: 'k', payload: 'v', scope: ACCOUNT});
    const {body} = await store.raw('/v1/apps/secrets/delete', {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: 'name=k&scope[type]=account',
    });
    expect(body).toEqual({id: created.id, object: 'apps.secret', deleted: true});
    expect(await rejection(stripe.apps.secrets.find({name: 'k', scope: ACCOUNT}))).toMatchObject({statusCode: 404});
  });

  test('the empty list', async () => {
    const list = await stripe.apps.secrets.list({scope: ACCOUNT});
    expect(list).toMatchObject({object: 'list', data: [], has_more: false, url: '/v1/apps/secrets'});
    expectValid('list', JSON.parse(JSON.stringify(list)));
  });

  test('list hides payloads unless data.payload is expanded', async () => {
    await stripe.apps.secrets.create({name: 'k', payload: 'v', scope: ACCOUNT});
    const plain = await stripe.apps.secrets.list({scope: ACCOUNT});
    expect(plain.data[0].payload).toBeUndefined();
    const expanded = await stripe.apps.secrets.list({scope: ACCOUNT, expand: ['data.payload']});
    expect(expanded.data[0].payload).toBe('v');
  });

  test('curl-style expand[]=payload works like the indexed form stripe-node sends', async () => {
    await stripe.apps.secrets.create({name: 'k', payload: 'v', scope: ACCOUNT});
    const {status, body} = await store.raw('/v1/apps/secrets/find?name=k&scope[type]=account&expand[]=payload');
    expect(status).toBe(200);
    expect(body.payload).toBe('v');
  });

  test('basic auth with the key as user name is accepted, as curl -u sends it', async () => {
    const {status} = await store.raw('/v1/apps/secrets?scope[type]=account', {
      key: null,
      headers: {authorization: `Basic ${Buffer.from(`${TEST_KEY}:`).toString('base64')}`},
    });
    expect(status).toBe(200);
  });
});

describe('pagination', () => {
  async function fill(n: number, user = 'usr_pages'): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await stripe.apps.secrets.create({name: `s${i}`, payload: 'v', scope: userScope(user)})).id);
    }
    return ids.reverse(); // newest first
  }

  test('newest first, default limit 10, limit 1..100', async () => {
    const ids = await fill(10);
    const all = await stripe.apps.secrets.list({scope: userScope('usr_pages')});
    expect(all.data.map((s) => s.id)).toEqual(ids);
    expect(all.has_more).toBe(false);
    const two = await stripe.apps.secrets.list({scope: userScope('usr_pages'), limit: 2});
    expect(two.data.map((s) => s.id)).toEqual(ids.slice(0, 2));
    expect(two.has_more).toBe(true);
  });

  test('starting_after and ending_before walk the pages', async () => {
    const ids = await fill(7);
    const scope = userScope('usr_pages');
    const page2 = await stripe.apps.secrets.list({scope, limit: 3, starting_after: ids[2]});
    expect(page2.data.map((s) => s.id)).toEqual(ids.slice(3, 6));
    expect(page2.has_more).toBe(true);
    const last = await stripe.apps.secrets.list({scope, limit: 3, starting_after: ids[5]});
    expect(last.data.map((s) => s.id)).toEqual([ids[6]]);
    expect(last.has_more).toBe(false);
    const back = await stripe.apps.secrets.list({scope, limit: 3, ending_before: ids[6]});
    expect(back.data.map((s) => s.id)).toEqual(ids.slice(3, 6));
    expect(back.has_more).toBe(true);
    const first = await stripe.apps.secrets.list({scope, limit: 3, ending_before: ids[2]});
    expect(first.data.map((s) => s.id)).toEqual(ids.slice(0, 2));
    expect(first.has_more).toBe(false);
  });

  test('auto-pagination of stripe-node reaches every secret exactly once', async () => {
    const ids = await fill(9);
    const seen: string[] = [];
    for await (const secret of stripe.apps.secrets.list({scope: userScope('usr_pages'), limit: 2})) seen.push(secret.id);
    expect(seen).toEqual(ids);
  });

  test('a cursor from another scope is refused', async () => {
    const [id] = await fill(1, 'usr_other');
    const error = await rejection(stripe.apps.secrets.list({scope: userScope('usr_pages'), starting_after: id}));
    expect(error).toMatchObject({statusCode: 404, code: 'resource_missing', param: 'starting_after'});
  });

  test('starting_after and ending_before together are refused', async () => {
    const error = await rejection(
      stripe.apps.secrets.list({scope: ACCOUNT, starting_after: 'appsecret_a', ending_before: 'appsecret_b'}),
    );
    expect(error).toMatchObject({statusCode: 400, code: 'parameters_exclusive'});
  });
});

describe('rules', () => {
  test('10 secrets per scope; the 11th fails until one is deleted; replacing is not adding', async () => {
    for (let i = 0; i < 10; i++) await stripe.apps.secrets.create({name: `k${i}`, payload: 'v', scope: ACCOUNT});
    const error = await rejection(stripe.apps.secrets.create({name: 'k10', payload: 'v', scope: ACCOUNT}));
    expect(error).toMatchObject({statusCode: 400, code: 'secret_limit_exceeded'});
    await stripe.apps.secrets.create({name: 'k3', payload: 'replaced', scope: ACCOUNT});
    // Other scopes have their own 10.
    await stripe.apps.secrets.create({name: 'k10', payload: 'v', scope: userScope('usr_1')});
    await stripe.apps.secrets.deleteWhere({name: 'k0', scope: ACCOUNT});
    await stripe.apps.secrets.create({name: 'k10', payload: 'v', scope: ACCOUNT});
    expect((await stripe.apps.secrets.list({scope: ACCOUNT, limit: 100})).data).toHaveLength(10);
  });

  test('scope.user is required for user scopes and refused for the account scope', async () => {
    const missing = await rejection(stripe.apps.secrets.list({scope: {type: 'user'}}));
    expect(missing).toMatchObject({statusCode: 400, param: 'scope[user]'});
    const extra = await rejection(stripe.apps.secrets.list({scope: {type: 'account', user: 'usr_1'}}));
    expect(extra).toMatchObject({statusCode: 400, param: 'scope[user]'});
  });

  test('name and payload are limited to 5000 characters; the message never repeats the value', async () => {
    const longPayload = 'p'.repeat(5001);
    const error = await rejection(stripe.apps.secrets.create({name: 'k', payload: longPayload, scope: ACCOUNT}));
    expect(error).toMatchObject({statusCode: 400, param: 'payload'});
    expect(error.message).not.toContain('ppppp');
    await stripe.apps.secrets.create({name: 'n'.repeat(5000), payload: 'p'.repeat(5000), scope: ACCOUNT});
    const name = await rejection(stripe.apps.secrets.create({name: 'n'.repeat(5001), payload: 'v', scope: ACCOUNT}));
    expect(name).toMatchObject({statusCode: 400, param: 'name'});
  });

  test('expires_at: integer, not past, at most 100 years ahead', async () => {
    const now = store.store.now();
    for (const [expires, ok] of [
      [now - 1, false],
      [now, false],
      [now + 60, true],
      [now + Math.round(100 * 365.25 * 86400), true],
      [now + Math.round(100 * 365.25 * 86400) + 10, false],
    ] as const) {
      const attempt = stripe.apps.secrets.create({name: `e${expires}`, payload: 'v', scope: ACCOUNT, expires_at: expires});
      if (ok) await expect(attempt).resolves.toMatchObject({expires_at: expires});
      else expect(await rejection(attempt)).toMatchObject({statusCode: 400, param: 'expires_at'});
    }
  });

  test('an expired secret is gone for find, list and delete, and frees its place', async () => {
    const now = store.store.now();
    for (let i = 0; i < 9; i++) await stripe.apps.secrets.create({name: `k${i}`, payload: 'v', scope: ACCOUNT});
    await stripe.apps.secrets.create({name: 'short', payload: 'v', scope: ACCOUNT, expires_at: now + 30});
    await expect(stripe.apps.secrets.find({name: 'short', scope: ACCOUNT})).resolves.toMatchObject({expires_at: now + 30});
    store.advanceClock(31);
    expect(await rejection(stripe.apps.secrets.find({name: 'short', scope: ACCOUNT}))).toMatchObject({statusCode: 404});
    expect((await stripe.apps.secrets.list({scope: ACCOUNT, limit: 100})).data.map((s) => s.name)).not.toContain('short');
    expect(await rejection(stripe.apps.secrets.deleteWhere({name: 'short', scope: ACCOUNT}))).toMatchObject({statusCode: 404});
    await stripe.apps.secrets.create({name: 'k9', payload: 'v', scope: ACCOUNT});
    // Setting the expired name again makes a fresh secret.
    await stripe.apps.secrets.deleteWhere({name: 'k9', scope: ACCOUNT});
    await expect(stripe.apps.secrets.create({name: 'short', payload: 'again', scope: ACCOUNT})).resolves.toMatchObject({expires_at: null});
  });
});

describe('callers and partitions', () => {
  test('test and live keys see different data, with livemode set from the key', async () => {
    const live = store.backend('sk_live_keyringTests');
    await stripe.apps.secrets.create({name: 'k', payload: 'test', scope: ACCOUNT});
    expect(await rejection(live.apps.secrets.find({name: 'k', scope: ACCOUNT}))).toMatchObject({statusCode: 404});
    const liveSecret = await live.apps.secrets.create({name: 'k', payload: 'live', scope: ACCOUNT});
    expect(liveSecret.livemode).toBe(true);
    expect((await stripe.apps.secrets.find({name: 'k', scope: ACCOUNT, expand: ['payload']})).payload).toBe('test');
  });

  test('Stripe-Account selects the account; accounts never share data', async () => {
    const a = store.backend(TEST_KEY, {stripeAccount: 'acct_A'});
    const b = store.backend(TEST_KEY, {stripeAccount: 'acct_B'});
    await a.apps.secrets.create({name: 'k', payload: 'a', scope: ACCOUNT});
    expect(await rejection(b.apps.secrets.find({name: 'k', scope: ACCOUNT}))).toMatchObject({statusCode: 404});
    expect(await rejection(stripe.apps.secrets.find({name: 'k', scope: ACCOUNT}))).toMatchObject({statusCode: 404});
  });

  test('no key, a bad key and a publishable key answer 401; the key is masked', async () => {
    const none = await store.raw('/v1/apps/secrets?scope[type]=account', {key: null});
    expect(none.status).toBe(401);
    expect(none.body.error?.message).toMatch(/did not provide an API key/);
    const bad = await rejection(store.backend('sk_test_wrong!key-12345678').apps.secrets.list({scope: ACCOUNT}));
    expect(bad).toMatchObject({type: 'StripeAuthenticationError', statusCode: 401});
    expect(bad.message).not.toContain('wrong!key');
    expect(bad.message).toMatch(/sk_test_\*\*\*\*5678/);
    const publishable = await store.raw('/v1/apps/secrets?scope[type]=account', {key: 'pk_test_abcdefghijkl'});
    expect(publishable.status).toBe(401);
    expect(JSON.stringify(publishable.body)).not.toContain('abcdefgh');
    expectValid('error', publishable.body);
  });

  describe('extension door', () => {
    const alice: ExtensionIdentity = {app: 'com.example.keyring', account: 'acct_1KeyringLocal000', user: 'usr_alice', mode: 'test'};
    const call = (identity: ExtensionIdentity, path: string, init: {method?: string; body?: string; headers?: object} = {}) =>
      forwardAsExtension({storeUrl: store.url, hostKey: store.hostKey}, identity, path, {
        ...init,
        headers: {'Content-Type': 'application/x-www-form-urlencoded', ...init.headers},
      });

    test('reaches the account scope and its own user scope', async () => {
      expect((await call(alice, '/v1/apps/secrets', {method: 'POST', body: 'name=k&payload=v&scope[type]=account'})).status).toBe(200);
      expect((await call(alice, '/v1/apps/secrets', {method: 'POST', body: 'name=t&payload=v&scope[type]=user&scope[user]=usr_alice'})).status).toBe(200);
      // The backend door of the same account sees both.
      await expect(stripe.apps.secrets.find({name: 'k', scope: ACCOUNT})).resolves.toBeTruthy();
      await expect(stripe.apps.secrets.find({name: 't', scope: userScope('usr_alice')})).resolves.toBeTruthy();
    });

    test("another user's scope is refused with 403 for every operation, and nothing changes", async () => {
      await stripe.apps.secrets.create({name: 't', payload: 'bob', scope: userScope('usr_bob')});
      const bobScope = 'scope[type]=user&scope[user]=usr_bob';
      const attempts = [
        call(alice, `/v1/apps/secrets?${bobScope}`),
        call(alice, `/v1/apps/secrets/find?name=t&${bobScope}&expand[]=payload`),
        call(alice, '/v1/apps/secrets', {method: 'POST', body: `name=t&payload=stolen&${bobScope}`}),
        call(alice, '/v1/apps/secrets/delete', {method: 'POST', body: `name=t&${bobScope}`}),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status).toBe(403);
        expect(response.json).toMatchObject({error: {type: 'invalid_request_error', param: 'scope[user]'}});
        expect(JSON.stringify(response.json)).not.toContain('bob"');
      }
      expect((await stripe.apps.secrets.find({name: 't', scope: userScope('usr_bob'), expand: ['payload']})).payload).toBe('bob');
    });

    test('identity and account headers sent by the view are replaced by the host', async () => {
      const response = await call(alice, '/v1/apps/secrets', {
        method: 'POST',
        body: 'name=k&payload=v&scope[type]=user&scope[user]=usr_alice',
        headers: {'Keyring-Extension-User': 'usr_bob', 'Stripe-Account': 'acct_evil', Authorization: `Bearer ${TEST_KEY}`},
      });
      expect(response.status).toBe(200);
      await expect(stripe.apps.secrets.find({name: 'k', scope: userScope('usr_alice')})).resolves.toBeTruthy();
      expect(await rejection(store.backend(TEST_KEY, {stripeAccount: 'acct_evil'}).apps.secrets.find({name: 'k', scope: userScope('usr_alice')}))).toMatchObject({statusCode: 404});
    });

    test('the mode and app come from the host: live and other apps are separate', async () => {
      await call(alice, '/v1/apps/secrets', {method: 'POST', body: 'name=k&payload=test&scope[type]=account'});
      const live = await call({...alice, mode: 'live'}, '/v1/apps/secrets/find?name=k&scope[type]=account');
      expect(live.status).toBe(404);
      const otherApp = await call({...alice, app: 'com.example.other'}, '/v1/apps/secrets/find?name=k&scope[type]=account');
      expect(otherApp.status).toBe(404);
      const same = await call(alice, '/v1/apps/secrets/find?name=k&scope[type]=account');
      expect(same.status).toBe(200);
      expect(same.json).toMatchObject({livemode: false});
    });

    test('a view cannot point the host at anything but /v1 paths', async () => {
      await expect(call(alice, '//evil.example/v1/apps/secrets')).rejects.toThrow(/only reaches Stripe API paths/);
      await expect(call(alice, '/__admin')).rejects.toThrow(/only reaches Stripe API paths/);
    });

    test('a host key with no context, and a Stripe-Account header on the extension door, are refused', async () => {
      const noContext = await store.raw('/v1/apps/secrets?scope[type]=account', {key: store.hostKey});
      expect(noContext.status).toBe(401);
      const withAccount = await store.raw('/v1/apps/secrets?scope[type]=account', {
        key: store.hostKey,
        headers: {
          'stripe-account': 'acct_other',
          'keyring-extension-account': 'acct_1KeyringLocal000',
          'keyring-extension-user': 'usr_alice',
          'keyring-extension-mode': 'test',
        },
      });
      expect(withAccount.status).toBe(403);
    });
  });
});

describe('idempotency and request ids', () => {
  const form = {'content-type': 'application/x-www-form-urlencoded'};

  test('the same key and parameters replay the first answer; the write happens once', async () => {
    const send = () =>
      store.raw('/v1/apps/secrets', {method: 'POST', headers: {...form, 'idempotency-key': 'idem-1'}, body: 'name=k&payload=v&scope[type]=account'});
    const first = await send();
    const second = await send();
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('request-id')).not.toBe(first.headers.get('request-id'));
    expect((await stripe.apps.secrets.list({scope: ACCOUNT})).data).toHaveLength(1);
  });

  test('the same key with other parameters is an idempotency_error; parameter order does not matter', async () => {
    const send = (body: string) => store.raw('/v1/apps/secrets', {method: 'POST', headers: {...form, 'idempotency-key': 'idem-2'}, body});
    await send('name=k&payload=v&scope[type]=account');
    expect((await send('scope[type]=account&payload=v&name=k')).status).toBe(200);
    const other = await send('name=k&payload=other&scope[type]=account');
    expect(other.status).toBe(400);
    expect(other.body.error?.type).toBe('idempotency_error');
    expectValid('error', other.body);
    expect((await stripe.apps.secrets.find({name: 'k', scope: ACCOUNT, expand: ['payload']})).payload).toBe('v');
  });

  test('a delete replayed after a re-create does not delete again', async () => {
    await stripe.apps.secrets.create({name: 'k', payload: 'v', scope: ACCOUNT});
    const del = () => store.raw('/v1/apps/secrets/delete', {method: 'POST', headers: {...form, 'idempotency-key': 'idem-3'}, body: 'name=k&scope[type]=account'});
    expect((await del()).status).toBe(200);
    await stripe.apps.secrets.create({name: 'k', payload: 'again', scope: ACCOUNT});
    expect((await del()).status).toBe(200);
    await expect(stripe.apps.secrets.find({name: 'k', scope: ACCOUNT})).resolves.toBeTruthy();
  });

  test('keys are per account and mode', async () => {
    const send = (key: string) =>
      store.raw('/v1/apps/secrets', {method: 'POST', key, headers: {...form, 'idempotency-key': 'shared'}, body: 'name=k&payload=v&scope[type]=account'});
    expect((await send(TEST_KEY)).status).toBe(200);
    expect((await send('sk_live_keyringTests')).headers.get('idempotent-replayed')).toBeNull();
  });

  test('the stripe client sends a key on every POST and its retry does not write twice', async () => {
    const created = await stripe.apps.secrets.create({name: 'k', payload: 'v', scope: ACCOUNT}, {idempotencyKey: 'client-key'});
    const again = await stripe.apps.secrets.create({name: 'k', payload: 'v', scope: ACCOUNT}, {idempotencyKey: 'client-key'});
    expect(again.id).toBe(created.id);
  });

  test('every answer, error or not, carries a Request-Id', async () => {
    for (const response of [
      await store.raw('/v1/apps/secrets?scope[type]=account'),
      await store.raw('/v1/apps/secrets?scope[type]=account', {key: null}),
      await store.raw('/v1/nothing'),
    ]) {
      expect(response.headers.get('request-id')).toMatch(/^req_[A-Za-z0-9]{14}$/);
    }
  });
});
