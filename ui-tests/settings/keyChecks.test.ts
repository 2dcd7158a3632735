/** constants.keyChecks as the settings page and the backend read it, and the stand-in's rule for which keys work. */
import manifest from '../fixtures/app/stripe-app.json';
import {loadManifest, readStandIns} from 'stripe-apps-offline/testing';
import {acceptsKey} from '../../stand-ins/acme/standIn';
import {readKeyChecks} from '../../src/settings/keyChecks';
import {readKeySlots} from '../../src/settings/keySlots';
import path from 'node:path';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {runKeyCheck} from '../../backend/keyChecks';

test('the shipped manifest lets the Acme slot be tested, presenting the key as a bearer token to api.acme.example', () => {
  const {slots, problems} = readKeySlots(manifest.constants as never);
  expect(problems).toEqual([]);
  expect(slots.find((s) => s.name === 'acme_api_key')?.check).toEqual({
    service: 'Acme',
    url: 'https://api.acme.example/v1/ping',
    method: 'GET',
    present: {kind: 'bearer'},
    timeoutMs: 5000,
  });
  expect(slots.find((s) => s.name === 'shipping_webhook_secret')?.check).toBeUndefined();
});

test("in the preview the check goes to the Acme stand-in the app's package.json declares, presenting the key the same way", () => {
  const standIns = readStandIns(path.resolve(__dirname, '../..')).map((s) => ({standsInFor: s.standsInFor, url: `http://127.0.0.1:${s.port}`}));
  const {manifest: local} = loadManifest(path.resolve(__dirname, '../fixtures/app'), undefined, {standIns});
  const check = readKeyChecks(local.constants as never).checks.get('acme_api_key');
  expect(check).toMatchObject({service: 'Acme', url: 'http://127.0.0.1:4340/v1/ping', present: {kind: 'bearer'}});
});

test.each<[string, unknown, RegExp]>([
  ['a list', [], /must be an object keyed by key slot name/],
  ['an entry that is not an object', {a: 'https://x.example'}, /keyChecks\.a must be an object/],
  ['plain http to another machine', {a: {url: 'http://api.acme.example/ping', present: 'bearer'}}, /keyChecks\.a\.url must be an https:\/\/ URL/],
  ['credentials in the URL', {a: {url: 'https://user:pw@api.acme.example/ping', present: 'bearer'}}, /without credentials/],
  ['not a URL', {a: {url: 'acme', present: 'bearer'}}, /keyChecks\.a\.url/],
  ['an unknown method', {a: {url: 'https://x.example', method: 'DELETE', present: 'bearer'}}, /method must be one of GET, POST, HEAD/],
  ['an unknown presentation', {a: {url: 'https://x.example', present: 'query'}}, /present must be "bearer", "basic", \{"bearer": "<template>"\}/],
  ['a query presentation without its value', {a: {url: 'https://x.example', present: {query: 'api_key'}}}, /query must name a parameter and give its "value" template/],
  ['a Basic presentation that is not two templates', {a: {url: 'https://x.example', present: {basic: {user: 3}}}}, /basic must be \{"user": "<template>", "password": "<template>"\}/],
  ['statuses that are not statuses', {a: {url: 'https://x.example', present: 'bearer', works: ['ok']}}, /works must be a list of HTTP statuses/],
  ['a header name with a space', {a: {url: 'https://x.example', present: {header: 'X Key'}}}, /must name a header/],
  ['a header the request needs', {a: {url: 'https://x.example', present: {header: 'Host'}}}, /cannot use the "Host" header/],
  ['a rule without its field', {a: {url: 'https://x.example', present: 'bearer', when: [{status: 200, is: null, result: 'refused'}]}}, /when must be a list of rules such as/],
  ['a rule whose result is neither', {a: {url: 'https://x.example', present: 'bearer', when: [{status: 200, field: 'user.id', is: null, result: 'maybe'}]}}, /when must be a list of rules/],
  ['a timeout over 10 s', {a: {url: 'https://x.example', present: 'bearer', timeoutSeconds: 60}}, /timeoutSeconds must be .* at most 10/],
])('%s is reported, naming where', (_what, keyChecks, problem) => {
  expect(readKeyChecks({keyChecks} as never).problems.join(' ')).toMatch(problem);
});

test('http:// is allowed on this machine only, for a local stand-in', () => {
  for (const url of ['http://127.0.0.1:4340/v1/ping', 'http://localhost:4340/v1/ping']) {
    expect(readKeyChecks({keyChecks: {a: {url, present: 'basic'}}} as never).problems).toEqual([]);
  }
});

test('a check for a slot nobody declares is reported by the settings page', () => {
  const constants = {keySlots: [{name: 'a'}], keyChecks: {b: {url: 'https://x.example', present: 'bearer'}}};
  expect(readKeySlots(constants as never).problems.join(' ')).toMatch(/keyChecks\.b names no slot/);
});

test.each([
  ['sk_test_abcdefgh', true],
  ['sk_live_ABCdef123', true],
  ['sk_test_revoked123', false],
  ['sk_live_RevokedKey1', false],
  ['sk_test_short', false],
  ['pk_test_abcdefgh', false],
  ['', false],
])('the Acme stand-in accepts %j: %s', (key, accepted) => {
  expect(acceptsKey(key)).toBe(accepted);
});

test('a rule reads one field of a small JSON answer; a large or non-JSON answer holds no field, so only an "is": null rule matches it', async () => {
  const bodies: Record<string, string> = {'/anonymous': '{"user":{"id":null}}', '/agent': '{"user":{"id":7}}', '/large': `{"user":{"id":null},"pad":"${'x'.repeat(70_000)}"}`, '/text': 'Couldn\'t authenticate you'};
  const server = http.createServer((req, res) => res.writeHead(200, {'content-type': 'application/json'}).end(bodies[req.url ?? ''] ?? '{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const check = (path: string, is: string | null) => readKeyChecks({keyChecks: {a: {url: `${base}${path}`, present: 'bearer', when: [{status: 200, field: 'user.id', is, result: 'refused'}]}}} as never).checks.get('a');
  const results: Record<string, string> = {};
  for (const path of Object.keys(bodies)) {
    // A 200 without a user's id is Zendesk's anonymous answer: not proof that the token works.
    results[`${path} without an id`] = (await runKeyCheck(check(path, null)!, {key: 'k'})).result;
    results[`${path} with id 7`] = (await runKeyCheck(check(path, '7')!, {key: 'k'})).result;
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
  expect(results).toEqual({
    '/anonymous without an id': 'refused',
    '/anonymous with id 7': 'works',
    '/agent without an id': 'works',
    '/agent with id 7': 'refused',
    '/large without an id': 'refused',
    '/large with id 7': 'works',
    '/text without an id': 'refused',
    '/text with id 7': 'works',
  });
});
