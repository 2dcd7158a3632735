/**
 * POST /v1/keys/test over real HTTP: a signed call to the real backend, which
 * reads the account's key from the real local Secret Store and presents it to
 * the Acme stand-in (a real HTTP server) as the backend's own manifest says.
 * The answer is the outcome only: never the key, never what Acme said.
 */
import {signForView} from 'stripe-apps-offline/testing';
import {startKeyTestRig, type KeyTestRig} from '../settings/keyTestRig';

const SIGNING_SECRET = 'absec_keysTestRoute';
const ACCOUNT = 'acct_1KeysTestAda01';
const OTHER_ACCOUNT = 'acct_1KeysTestBen02';
const USER = 'usr_KeysTestAda';
const GOOD = 'sk_test_GoodAcmeKey123';
const REVOKED = 'sk_test_revokedAcmeKey9';

let rig: KeyTestRig;
/** Every answer's text, to show afterwards that no key was ever in one. */
const answers: string[] = [];
const written: string[] = [];

beforeAll(async () => {
  rig = await startKeyTestRig(SIGNING_SECRET);
  // Whatever the backend writes to the console is kept too.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    const keep = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(String(chunk));
      return write(chunk, ...rest);
    };
    // write is overloaded; the spy passes every overload's arguments through unchanged.
    jest.spyOn(stream, 'write').mockImplementation(keep as typeof stream.write);
  }
});
afterAll(async () => {
  jest.restoreAllMocks();
  await rig?.close();
});
beforeEach(async () => {
  rig.acme.simulate(null);
  await rig.clearAccount(ACCOUNT);
  await rig.clearAccount(OTHER_ACCOUNT);
});

interface Answer {
  status: number;
  body: {result?: string; status?: number; checked_at?: number; error?: {type: string; message: string}};
}

async function testKey(name: unknown, who: {user?: string; account?: string} = {}): Promise<Answer> {
  const user = who.user ?? USER;
  const account = who.account ?? ACCOUNT;
  const response = await fetch(`${rig.backend.url}/v1/keys/test`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'stripe-signature': signForView({user, account}, undefined, SIGNING_SECRET).header},
    body: JSON.stringify({name, user_id: user, account_id: account}),
  });
  const text = await response.text();
  answers.push(text);
  return {status: response.status, body: JSON.parse(text) as Answer['body']};
}

describe('what the backend answers', () => {
  test.each([
    ['bearer', 'acme_api_key'],
    ['basic', 'acme_basic_key'],
    ['header', 'acme_header_key'],
  ])('a key Acme accepts, presented as %s, works', async (presentedAs, name) => {
    await rig.seedKey(ACCOUNT, name, GOOD);
    const before = Math.floor(Date.now() / 1000);
    const answer = await testKey(name);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({result: 'works', status: 200, checked_at: expect.any(Number)});
    expect(answer.body.checked_at).toBeGreaterThanOrEqual(before);
    expect(rig.acme.requests.at(-1)).toEqual({method: 'GET', path: '/v1/ping', presentedAs, status: 200});
  });

  test.each(['acme_api_key', 'acme_basic_key', 'acme_header_key'])('a key Acme refuses is "refused" with its status (%s)', async (name) => {
    await rig.seedKey(ACCOUNT, name, REVOKED);
    const answer = await testKey(name);
    expect(answer.body).toEqual({result: 'refused', status: 401, checked_at: expect.any(Number)});
  });

  test('no key stored for the slot: "not-set", and Acme is not called', async () => {
    const calls = rig.acme.requests.length;
    const answer = await testKey('acme_api_key');
    expect(answer.body).toEqual({result: 'not-set', checked_at: expect.any(Number)});
    expect(rig.acme.requests.length).toBe(calls);
  });
});

describe('when Acme cannot say', () => {
  test('Acme answering 503 is "unreachable" with the status', async () => {
    await rig.seedKey(ACCOUNT, 'acme_api_key', GOOD);
    rig.acme.simulate({status: 503});
    expect((await testKey('acme_api_key')).body).toEqual({result: 'unreachable', status: 503, checked_at: expect.any(Number)});
  });

  test('a check URL Acme does not know (404) is "unreachable", not "refused"', async () => {
    await rig.seedKey(ACCOUNT, 'acme_wrong_path_key', GOOD);
    expect((await testKey('acme_wrong_path_key')).body).toMatchObject({result: 'unreachable', status: 404});
  });

  test('nobody listening is "unreachable" without a status', async () => {
    await rig.seedKey(ACCOUNT, 'acme_down_key', GOOD);
    expect((await testKey('acme_down_key')).body).toEqual({result: 'unreachable', checked_at: expect.any(Number)});
  });

  test('Acme slower than the declared timeout (1 s) is "unreachable" after about that long', async () => {
    await rig.seedKey(ACCOUNT, 'acme_slow_key', GOOD);
    rig.acme.simulate({delayMs: 3000});
    const started = Date.now();
    expect((await testKey('acme_slow_key')).body).toEqual({result: 'unreachable', checked_at: expect.any(Number)});
    expect(Date.now() - started).toBeLessThan(2500);
  });
});

describe('what the backend refuses to do', () => {
  test.each<[string, unknown, RegExp]>([
    ['a slot nobody declared', 'no_such_slot', /declares no check for "no_such_slot"/],
    ['a declared slot without a check', 'shipping_webhook_secret', /declares no check for "shipping_webhook_secret"/],
    ['a check declared wrongly (plain http to another machine)', 'acme_http_key', /declared wrongly.*keyChecks\.acme_http_key\.url must be an https:\/\/ URL/],
    ['no name', undefined, /Name the key slot to test/],
    ['a name that is not a slot name', '../../v1/apps/secrets', /Name the key slot to test/],
  ])('%s: 400 bad-request saying why', async (_what, name, message) => {
    await rig.seedKey(ACCOUNT, 'acme_http_key', GOOD);
    const calls = rig.acme.requests.length;
    const answer = await testKey(name);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.type).toBe('bad-request');
    expect(answer.body.error?.message).toMatch(message);
    expect(rig.acme.requests.length).toBe(calls);
  });

  test('a URL in the body is ignored: the check is the backend’s own', async () => {
    await rig.seedKey(ACCOUNT, 'acme_api_key', GOOD);
    const response = await fetch(`${rig.backend.url}/v1/keys/test`, {
      method: 'POST',
      headers: {'content-type': 'application/json', 'stripe-signature': signForView({user: USER, account: ACCOUNT}, undefined, SIGNING_SECRET).header},
      body: JSON.stringify({name: 'acme_api_key', url: 'http://127.0.0.1:9/steal', present: {header: 'X-Leak'}, user_id: USER, account_id: ACCOUNT}),
    });
    expect(((await response.json()) as Answer['body']).result).toBe('works');
    expect(rig.acme.requests.at(-1)?.presentedAs).toBe('bearer');
  });

  test('a stored key with a line break is not sent anywhere', async () => {
    await rig.seedKey(ACCOUNT, 'acme_api_key', 'sk_test_Line\r\nX-Injected: 1');
    const calls = rig.acme.requests.length;
    const answer = await testKey('acme_api_key');
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toMatch(/line breaks/);
    expect(rig.acme.requests.length).toBe(calls);
  });
});

describe('isolation', () => {
  test("a call signed for one account tests that account's key, never another's", async () => {
    await rig.seedKey(ACCOUNT, 'acme_api_key', GOOD);
    await rig.seedKey(OTHER_ACCOUNT, 'acme_api_key', REVOKED);
    expect((await testKey('acme_api_key', {account: ACCOUNT})).body.result).toBe('works');
    expect((await testKey('acme_api_key', {account: OTHER_ACCOUNT})).body.result).toBe('refused');
    await rig.clearAccount(OTHER_ACCOUNT);
    expect((await testKey('acme_api_key', {account: OTHER_ACCOUNT})).body.result).toBe('not-set');
  });

  test('a body naming another account than the signed one is refused before any key is read', async () => {
    await rig.seedKey(OTHER_ACCOUNT, 'acme_api_key', GOOD);
    const calls = rig.acme.requests.length;
    const response = await fetch(`${rig.backend.url}/v1/keys/test`, {
      method: 'POST',
      headers: {'content-type': 'application/json', 'stripe-signature': signForView({user: USER, account: ACCOUNT}, undefined, SIGNING_SECRET).header},
      body: JSON.stringify({name: 'acme_api_key', user_id: USER, account_id: OTHER_ACCOUNT}),
    });
    expect(response.status).toBe(401);
    expect(rig.acme.requests.length).toBe(calls);
  });
});

test('no key, and nothing Acme said, was in any answer, log entry or console line', () => {
  expect(answers.length).toBeGreaterThan(15);
  const everything = [...answers, ...rig.logs.map((e) => JSON.stringify(e)), ...written].join('\n');
  for (const key of [GOOD, REVOKED, 'AcmeKey', 'sk_test_Line']) expect(everything.includes(key)).toBe(false);
  // The stand-in's refusals quote the key masked, like real APIs: that text never came through.
  expect(everything.includes('****')).toBe(false);
  expect(everything.includes('Invalid API key')).toBe(false);
  expect(rig.logs.some((e) => e.path === '/v1/keys/test')).toBe(true);
});
