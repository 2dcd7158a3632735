/** The test-only fault switch: real failures over HTTP that change nothing in the store. */
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';

let store: TestSecretStore;
beforeAll(async () => {
  store = await startTestStore();
});
afterAll(() => store.close());
afterEach(() => store.faults.clear());

const account = {type: 'account' as const};

test('an injected 429 reaches the client as a rate-limit error and stores nothing', async () => {
  store.faults.inject({fault: {kind: 'rate-limited'}, method: 'POST', times: 1});
  await expect(store.backend().apps.secrets.create({name: 'f1', payload: 'p', scope: account})).rejects.toMatchObject({
    type: 'StripeRateLimitError',
    statusCode: 429,
    code: 'rate_limit',
  });
  await expect(store.backend().apps.secrets.find({name: 'f1', scope: account})).rejects.toMatchObject({statusCode: 404});
  // `times: 1` is used up: the next write goes through.
  await store.backend().apps.secrets.create({name: 'f1', payload: 'p', scope: account});
});

test('server errors and missing permissions have Stripe’s statuses and a Request-Id', async () => {
  store.faults.inject({fault: {kind: 'server-error', status: 503}, path: '/v1/apps/secrets/find', times: 1});
  const raw = await store.raw('/v1/apps/secrets/find?name=x&scope[type]=account');
  expect(raw.status).toBe(503);
  expect(raw.body.error?.type).toBe('api_error');
  expect(raw.headers.get('request-id')).toMatch(/^req_/);

  store.faults.inject({fault: {kind: 'permission-denied'}, times: 1});
  await expect(store.backend().apps.secrets.list({scope: account})).rejects.toMatchObject({type: 'StripePermissionError', statusCode: 403});
});

test('a dropped connection is a connection error; rules match on method and path only', async () => {
  store.faults.inject({fault: {kind: 'drop'}, method: 'GET', path: '/v1/apps/secrets'});
  await expect(store.backend().apps.secrets.list({scope: account})).rejects.toMatchObject({type: 'StripeConnectionError'});
  // Other routes are untouched by the rule.
  await store.backend().apps.secrets.create({name: 'f2', payload: 'p', scope: account});
  store.faults.clear();
  const list = await store.backend().apps.secrets.list({scope: account});
  expect(list.data.map((s) => s.name)).toContain('f2');
});
