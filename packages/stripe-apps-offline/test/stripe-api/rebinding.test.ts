/**
 * DNS rebinding at the HTTP level: a page on `http://rebind.test:PORT` whose
 * name resolves to 127.0.0.1 reaches the store's socket, but its requests carry
 * `Host: rebind.test:PORT`. The store answers only the names it is reached by
 * and refuses the rest with 421 before it reads a key, a body or a route. (The
 * same attack from a real browser is in `ui-tests/e2e/`.)
 */
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type {RequestLogEntry} from '../../src/stripe-api/server';
import {startTestStore, TEST_KEY, type TestSecretStore} from '../../src/testing/localSecretStore';

const FORM = 'application/x-www-form-urlencoded';
const account = {type: 'account' as const};
// Random, so finding it in an answer can only mean the store handed it out.
const PAYLOAD = `rebind_${crypto.randomBytes(16).toString('hex')}`;

let store: TestSecretStore;
const entries: RequestLogEntry[] = [];

beforeAll(async () => {
  store = await startTestStore({onRequest: (e) => entries.push(e)});
  await store.backend().apps.secrets.create({name: 'k', payload: PAYLOAD, scope: account});
  await store.backend().apps.secrets.create({name: 'k', payload: PAYLOAD, scope: {type: 'user', user: 'usr_a'}});
});
afterAll(() => store.close());

interface Answer {
  status: number;
  text: string;
}

/** node:http with the Host header set by hand, as a rebound page's requests arrive. */
function request(host: string, method: string, path: string, body?: string, key: string | null = TEST_KEY): Promise<Answer> {
  const headers: Record<string, string> = {host};
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) {
    headers['content-type'] = FORM;
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request({host: '127.0.0.1', port: store.port, method, path, headers}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8')}));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function payloadsAsStored(): Promise<string> {
  const stripe = store.backend();
  const a = await stripe.apps.secrets.list({scope: account, expand: ['data.payload']});
  const u = await stripe.apps.secrets.list({scope: {type: 'user', user: 'usr_a'}, expand: ['data.payload']});
  return JSON.stringify([a.data, u.data]);
}

const attacks: {what: string; method: string; path: string; body?: string}[] = [
  {what: 'list every account secret with payloads', method: 'GET', path: '/v1/apps/secrets?scope[type]=account&expand[]=data.payload'},
  {what: "read a user's secret", method: 'GET', path: '/v1/apps/secrets/find?name=k&scope[type]=user&scope[user]=usr_a&expand[]=payload'},
  {what: 'overwrite a secret', method: 'POST', path: '/v1/apps/secrets', body: 'name=k&payload=OVERWRITTEN&scope[type]=account'},
  {what: 'delete a secret', method: 'POST', path: '/v1/apps/secrets/delete', body: 'name=k&scope[type]=user&scope[user]=usr_a'},
  {what: 'reach an unknown route (refused before routing)', method: 'GET', path: '/v1/nothing-here'},
];

test.each(attacks)('a foreign Host cannot $what: 421, no payload, nothing changed', async ({method, path, body}) => {
  const before = await payloadsAsStored();
  const answer = await request(`rebind.test:${store.port}`, method, path, body);
  expect(answer.status).toBe(421);
  expect(answer.text.includes(PAYLOAD)).toBe(false);
  const parsed = JSON.parse(answer.text) as {error?: {type?: string; message?: string}};
  expect(parsed.error?.type).toBe('invalid_request_error');
  expect(parsed.error?.message).toContain(`127.0.0.1:${store.port}`);
  expect(parsed.error?.message).toContain(`localhost:${store.port}`);
  expect(parsed.error?.message).toContain('DNS rebinding');
  expect(await payloadsAsStored()).toBe(before);
});

test('the Host check comes before the key check, and the refusal is logged', async () => {
  const answer = await request(`rebind.test:${store.port}`, 'GET', '/v1/apps/secrets?scope[type]=account', undefined, null);
  expect(answer.status).toBe(421);
  const last = entries[entries.length - 1];
  expect(last).toMatchObject({status: 421, path: '/v1/apps/secrets', door: null});
  expect(last.note).toContain('rebind.test');
});

test.each([
  ['a loopback address on another port', () => `127.0.0.1:${store.port + 1}`],
  ['localhost without a port', () => 'localhost'],
  ['a name that merely starts with localhost', () => `localhost.rebind.test:${store.port}`],
  ['the loopback address with a trailing dot', () => `127.0.0.1.:${store.port}`],
])('%s is refused', async (_what, host) => {
  const answer = await request(host(), 'GET', '/v1/apps/secrets?scope[type]=account');
  expect(answer.status).toBe(421);
});

test('a request without a Host header (HTTP/1.0) is refused', async () => {
  const answer = await new Promise<string>((resolve) => {
    const socket = net.connect(store.port, '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.end(`GET /v1/apps/secrets?scope[type]=account&expand[]=data.payload HTTP/1.0\r\nAuthorization: Bearer ${TEST_KEY}\r\n\r\n`);
  });
  expect(answer.startsWith('HTTP/1.1 421')).toBe(true);
  expect(answer.includes(PAYLOAD)).toBe(false);
});

test('a huge or unprintable Host is quoted short in the message', async () => {
  const answer = await request(`${'a'.repeat(4000)}\u00ff.test:${store.port}`, 'GET', '/v1/apps/secrets?scope[type]=account');
  expect(answer.status).toBe(421);
  const message = (JSON.parse(answer.text) as {error: {message: string}}).error.message;
  expect(message.length).toBeLessThan(500);
  expect(message.includes('a'.repeat(100))).toBe(false);
});

test.each([
  ['127.0.0.1', () => `127.0.0.1:${store.port}`],
  ['localhost', () => `localhost:${store.port}`],
  ['LOCALHOST in capitals', () => `LOCALHOST:${store.port}`],
])('%s:PORT is still answered', async (_what, host) => {
  const answer = await request(host(), 'GET', '/v1/apps/secrets/find?name=k&scope[type]=account&expand[]=payload');
  expect(answer.status).toBe(200);
  expect((JSON.parse(answer.text) as {payload?: string}).payload === PAYLOAD).toBe(true);
});
