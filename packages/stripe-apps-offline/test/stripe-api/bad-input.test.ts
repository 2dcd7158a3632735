/**
 * Bad input never crashes the store or changes stored data: each request below
 * gets a Stripe-shaped error (status, type, param where there is one, a message
 * and param of bounded length) and the store reads exactly as before. Bodies may
 * be raw bytes, for what no client would encode (invalid UTF-8).
 */
import net from 'node:net';
import {loadResponseValidators} from '../support/openapi';
import {startTestStore, type TestSecretStore} from '../../src/testing/localSecretStore';

const FORM = {'content-type': 'application/x-www-form-urlencoded'};
const ACCOUNT = 'scope[type]=account';
const VALID_SET = `name=k&payload=CHANGED&${ACCOUNT}`;

interface Case {
  what: string;
  method?: string;
  path?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  key?: string | null;
  status: number;
  param?: string;
  code?: string;
  type?: string;
}

const longName = 'n'.repeat(5001);
/** Bytes as they go on the wire: `raw` sends a Buffer untouched. */
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
/** A header value whose bytes on the wire are `text`'s UTF-8 (Node writes header strings as latin1). */
const utf8Header = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const cut = (name: string) => `${name.slice(0, 100)}…`;
const hugeName = 'x'.repeat(3000);
const cases: Case[] = [
  {what: 'set without name', body: `payload=CHANGED&${ACCOUNT}`, status: 400, param: 'name', code: 'parameter_missing'},
  {what: 'set without payload', body: `name=k&${ACCOUNT}`, status: 400, param: 'payload', code: 'parameter_missing'},
  {what: 'set without scope', body: 'name=k&payload=CHANGED', status: 400, param: 'scope', code: 'parameter_missing'},
  {what: 'scope without type', body: 'name=k&payload=CHANGED&scope[user]=usr_victim', status: 400, param: 'scope[type]'},
  {what: 'unknown scope type', body: 'name=k&payload=CHANGED&scope[type]=team', status: 400, param: 'scope[type]'},
  {what: 'scope as a plain string', body: 'name=k&payload=CHANGED&scope=account', status: 400, param: 'scope'},
  {what: 'user scope without user', body: 'name=k&payload=CHANGED&scope[type]=user', status: 400, param: 'scope[user]'},
  {what: 'account scope with a user', body: `name=k&payload=CHANGED&${ACCOUNT}&scope[user]=usr_victim`, status: 400, param: 'scope[user]'},
  {what: 'unknown key inside scope', body: `${VALID_SET}&scope[team]=x`, status: 400, param: 'scope[team]', code: 'parameter_unknown'},
  {what: 'unknown top-level parameter', body: `${VALID_SET}&colour=red`, status: 400, param: 'colour', code: 'parameter_unknown'},
  {what: 'name sent twice', body: `${VALID_SET}&name=j`, status: 400, param: 'name'},
  {what: 'payload sent twice', body: `${VALID_SET}&payload=again`, status: 400, param: 'payload'},
  {what: 'name in query and body', path: '/v1/apps/secrets?name=j', body: VALID_SET, status: 400, param: 'name'},
  {what: 'empty name', body: `name=&payload=CHANGED&${ACCOUNT}`, status: 400, param: 'name', code: 'parameter_invalid_empty'},
  {what: 'empty payload', body: `name=k&payload=&${ACCOUNT}`, status: 400, param: 'payload', code: 'parameter_invalid_empty'},
  {what: 'name over 5000 characters', body: `name=${longName}&payload=CHANGED&${ACCOUNT}`, status: 400, param: 'name'},
  {what: 'payload over 5000 characters', body: `name=k&payload=${'p'.repeat(5001)}&${ACCOUNT}`, status: 400, param: 'payload'},
  {what: 'expires_at not a number', body: `${VALID_SET}&expires_at=tomorrow`, status: 400, param: 'expires_at', code: 'parameter_invalid_integer'},
  {what: 'expires_at fractional', body: `${VALID_SET}&expires_at=1.5`, status: 400, param: 'expires_at'},
  {what: 'expires_at in the past', body: `${VALID_SET}&expires_at=1000`, status: 400, param: 'expires_at'},
  {what: 'expires_at 200 years ahead', body: `${VALID_SET}&expires_at=${Math.floor(Date.now() / 1000) + 200 * 366 * 86400}`, status: 400, param: 'expires_at'},
  {what: 'expand of a field that cannot be expanded', body: `${VALID_SET}&expand[]=scope`, status: 400, param: 'expand'},
  {what: 'expand as a plain string', body: `${VALID_SET}&expand=payload`, status: 400, param: 'expand'},
  {what: 'scope[user] as an array', body: 'name=k&payload=CHANGED&scope[type]=user&scope[user][]=usr_victim', status: 400, param: 'scope[user]'},
  // qs drops these keys silently (it will not write an object's prototype): named and refused instead.
  {what: 'a scope key named __proto__', body: `${VALID_SET}&scope[__proto__]=x`, status: 400, param: 'scope[__proto__]', code: 'parameter_invalid_key'},
  {what: 'metadata[__proto__] on a customer', path: '/v1/customers', body: 'metadata[__proto__]=x', status: 400, param: 'metadata[__proto__]', code: 'parameter_invalid_key'},
  {what: 'metadata[constructor] on a customer', path: '/v1/customers', body: 'metadata[constructor]=x', status: 400, param: 'metadata[constructor]', code: 'parameter_invalid_key'},
  {what: 'an escaped metadata%5B__proto__%5D', path: '/v1/customers', body: 'metadata%5B__proto__%5D=x', status: 400, param: 'metadata[__proto__]', code: 'parameter_invalid_key'},
  {what: 'a top-level __proto__ in the query string', method: 'GET', path: '/v1/apps/secrets?scope[type]=account&__proto__[x]=1', status: 400, param: '__proto__[x]', code: 'parameter_invalid_key'},
  {what: 'malformed percent-escape', body: `name=k%ZZ&payload=CHANGED&${ACCOUNT}`, status: 400},
  {what: 'invalid UTF-8', body: `name=k%C3%28&payload=CHANGED&${ACCOUNT}`, status: 400},
  {what: 'nesting too deep', body: `name=k&payload=CHANGED&scope[type][a][b][c]=account`, status: 400},
  {what: 'over 1000 parameters', body: `${VALID_SET}&${Array.from({length: 1001}, (_, i) => `expand[]=x${i}`).join('&')}`, status: 400},
  {what: 'JSON body', body: JSON.stringify({name: 'k', payload: 'CHANGED', scope: {type: 'account'}}), headers: {'content-type': 'application/json'}, status: 400},
  {what: 'text/plain body', body: VALID_SET, headers: {'content-type': 'text/plain'}, status: 400},
  {what: 'body over 1 MB', body: `${VALID_SET}&x=${'a'.repeat(1024 * 1024)}`, status: 413},
  {what: 'DELETE on the collection', method: 'DELETE', path: '/v1/apps/secrets', body: VALID_SET, status: 404},
  {what: 'GET on the delete route', method: 'GET', path: `/v1/apps/secrets/delete?name=k&${ACCOUNT}`, status: 404},
  {what: 'PUT on find', method: 'PUT', path: '/v1/apps/secrets/find', body: VALID_SET, status: 404},
  {what: 'unknown URL', path: '/v1/apps/secretz', body: VALID_SET, status: 404},
  {what: 'GET with a body', method: 'GET', path: `/v1/apps/secrets?${ACCOUNT}`, body: 'limit=5', status: 400},
  {what: 'list limit 0', method: 'GET', path: `/v1/apps/secrets?${ACCOUNT}&limit=0`, status: 400, param: 'limit'},
  {what: 'list limit 101', method: 'GET', path: `/v1/apps/secrets?${ACCOUNT}&limit=101`, status: 400, param: 'limit'},
  {what: 'list limit not a number', method: 'GET', path: `/v1/apps/secrets?${ACCOUNT}&limit=ten`, status: 400, param: 'limit'},
  {what: 'find with a payload parameter', method: 'GET', path: `/v1/apps/secrets/find?name=k&${ACCOUNT}&payload=x`, status: 400, param: 'payload'},
  {what: 'delete with a payload parameter', path: '/v1/apps/secrets/delete', body: `name=k&${ACCOUNT}&payload=x`, status: 400, param: 'payload'},
  {what: 'idempotency key over 255 characters', body: VALID_SET, headers: {'idempotency-key': 'i'.repeat(256)}, status: 400},
  {what: 'empty bearer', body: VALID_SET, key: null, headers: {authorization: 'Bearer '}, status: 401},
  {what: 'malformed Stripe-Account', body: VALID_SET, headers: {'stripe-account': 'not an account'}, status: 400},
  // Raw bytes that are not UTF-8 (not %-escaped): refused, never stored as U+FFFD.
  {what: 'raw invalid UTF-8 in the payload', body: bytes('name=k&payload=CH', [0xff, 0xfe], `ANGED&${ACCOUNT}`), status: 400},
  {what: 'raw truncated UTF-8 in the name', body: bytes('name=k', [0xc3], `&payload=CHANGED&${ACCOUNT}`), status: 400},
  {what: 'raw UTF-8 surrogate in the payload', body: bytes('name=k&payload=CH', [0xed, 0xa0, 0x80], `ANGED&${ACCOUNT}`), status: 400},
  {what: 'non-ASCII bearer token (UTF-8 bytes)', body: VALID_SET, key: null, headers: {authorization: utf8Header('Bearer sk_test_é…abc')}, status: 401},
  {what: 'non-ASCII bearer token (latin1 bytes)', body: VALID_SET, key: null, headers: {authorization: 'Bearer sk_test_\u00e9abc'}, status: 401},
  {what: 'non-ASCII basic credentials', body: VALID_SET, key: null, headers: {authorization: `Basic ${Buffer.from('sk_test_é…:').toString('base64')}`}, status: 401},
  {what: 'non-ASCII token that is not Bearer', body: VALID_SET, key: null, headers: {authorization: utf8Header('é…')}, status: 401},
  {what: 'unknown parameter with a 3000-character name', body: `${VALID_SET}&${hugeName}=1`, status: 400, param: cut(hugeName), code: 'parameter_unknown'},
  {what: 'unknown scope key with a 3000-character name', body: `${VALID_SET}&scope[${hugeName}]=1`, status: 400, param: cut(`scope[${hugeName}]`)},
  {what: 'a 3000-character parameter sent twice', body: `${VALID_SET}&${hugeName}=1&${hugeName}=2`, status: 400, param: cut(hugeName)},
  {what: 'a 3000-character unknown URL', path: `/v1/${'u'.repeat(3000)}`, body: VALID_SET, status: 404},
  {what: 'scope[type] as an array', body: 'name=k&payload=CHANGED&scope[type][]=account', status: 400, param: 'scope[type]'},
  {what: 'scope[type] as a hash', body: 'name=k&payload=CHANGED&scope[type][a]=account', status: 400, param: 'scope[type]'},
  {what: 'name as an array', body: `name[]=k&payload=CHANGED&${ACCOUNT}`, status: 400, param: 'name'},
];

let store: TestSecretStore;
const validators = loadResponseValidators();

beforeAll(async () => {
  store = await startTestStore();
  const stripe = store.backend();
  await stripe.apps.secrets.create({name: 'k', payload: 'original', scope: {type: 'account'}});
  await stripe.apps.secrets.create({name: 'k', payload: 'victim', scope: {type: 'user', user: 'usr_victim'}});
});
afterAll(() => store.close());

async function snapshot(): Promise<string> {
  const stripe = store.backend();
  const account = await stripe.apps.secrets.list({scope: {type: 'account'}, expand: ['data.payload']});
  const user = await stripe.apps.secrets.list({scope: {type: 'user', user: 'usr_victim'}, expand: ['data.payload']});
  return JSON.stringify({account: account.data, user: user.data, size: store.store.size()});
}

test('the table has at least 30 bad inputs', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

test.each(cases)('$what → $status', async (c) => {
  const before = await snapshot();
  const method = c.method ?? 'POST';
  const {status, body, headers} = await store.raw(c.path ?? '/v1/apps/secrets', {
    method,
    key: c.key,
    headers: {...(method === 'GET' && !c.body ? {} : FORM), ...c.headers},
    body: c.body,
  });
  expect(status).toBe(c.status);
  expect(headers.get('request-id')).toMatch(/^req_/);
  expect(body.error).toEqual(expect.objectContaining({type: c.type ?? 'invalid_request_error', message: expect.any(String)}));
  if (c.param) expect(body.error?.param).toBe(c.param);
  if (c.code) expect(body.error?.code).toBe(c.code);
  // A refused value is never echoed back, nor a name of any length.
  expect(JSON.stringify(body)).not.toMatch(/CHANGED|ppppp|nnnnn/);
  expect(body.error?.message.length).toBeLessThan(700);
  expect((body.error?.param ?? '').length).toBeLessThanOrEqual(101);
  if (validators) expect(validators.error(body)).toBe(true);
  expect(await snapshot()).toBe(before);
});

test('raw non-ASCII bytes in the query string get a Stripe-shaped 400 (Node refuses the request line itself)', async () => {
  const before = await snapshot();
  const request = bytes('GET /v1/apps/secrets/find?name=k', [0xff, 0xfe], `&${ACCOUNT} HTTP/1.1\r\nHost: 127.0.0.1:${store.port}\r\nAuthorization: Bearer sk_test_x\r\n\r\n`);
  const answer = await new Promise<string>((resolve) => {
    const socket = net.connect(store.port, '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
    socket.write(request);
  });
  expect(answer.startsWith('HTTP/1.1 400')).toBe(true);
  const json = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {error?: {type?: string; message?: string}};
  expect(json.error?.type).toBe('invalid_request_error');
  expect(await snapshot()).toBe(before);
});

test('raw UTF-8 that is valid is still taken as it is', async () => {
  const {status} = await store.raw('/v1/apps/secrets', {method: 'POST', headers: FORM, body: bytes('name=utf8&payload=', Buffer.from('clé ✓').toJSON().data, `&${ACCOUNT}`)});
  expect(status).toBe(200);
  const found = await store.backend().apps.secrets.find({name: 'utf8', scope: {type: 'account'}, expand: ['payload']});
  expect(found.payload).toBe('clé ✓');
  await store.backend().apps.secrets.deleteWhere({name: 'utf8', scope: {type: 'account'}});
});

test('after every bad input the store still serves normally', async () => {
  const stripe = store.backend();
  const found = await stripe.apps.secrets.find({name: 'k', scope: {type: 'account'}, expand: ['payload']});
  expect(found.payload).toBe('original');
});
