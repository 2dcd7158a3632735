/**
 * Each key service's stand-in answers as its service documents: the key in
 * the service's own place works, a key sent another way or a revoked one is
 * refused with the service's own status, an outage is not a refusal, and a
 * path the service does not have is 404. One row per service.
 */
import {KEY_SERVICES} from '../../src/key-services';
import {startKeyServices, type RunningKeyServices} from '../../src/key-services/server';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

interface Row {
  /** The path after /as/<name>, parts filled. */
  path: string;
  /** Headers that present `key` as the service wants it. */
  present(key: string): Record<string, string>;
  good: string;
  revoked: string;
  outage: string;
  /** The status a refused key gets (the service's own), and one for an outage when not 503. */
  refusedStatus: number;
  outageStatus?: number;
}

const SID = 'AC0123456789abcdef0123456789abcdef';
const ROWS: Record<string, Row> = {
  openai: {path: '/v1/models', present: (k) => ({authorization: `Bearer ${k}`}), good: 'sk-proj-Good0123456789abcdefgh', revoked: 'sk-proj-revoked0123456789abcd', outage: 'sk-proj-outage0123456789abcde', refusedStatus: 401},
  anthropic: {path: '/v1/models', present: (k) => ({'x-api-key': k, 'anthropic-version': '2023-06-01'}), good: 'sk-ant-api03-Good0123456789abcdef', revoked: 'sk-ant-api03-revoked0123456789abc', outage: 'sk-ant-api03-outage0123456789abcd', refusedStatus: 401, outageStatus: 529},
  twilio: {path: `/2010-04-01/Accounts/${SID}.json`, present: (k) => ({authorization: basic(SID, k)}), good: '0123456789abcdef0123456789abcdef', revoked: 'dead456789abcdef0123456789abcdef', outage: '0ff3456789abcdef0123456789abcdef', refusedStatus: 401},
  mailchimp: {path: '/us21/3.0/', present: (k) => ({authorization: basic('any', k)}), good: '0123456789abcdef0123456789abcdef-us21', revoked: 'dead456789abcdef0123456789abcdef-us21', outage: '0ff3456789abcdef0123456789abcdef-us21', refusedStatus: 401},
  airtable: {path: '/v0/meta/whoami', present: (k) => ({authorization: `Bearer ${k}`}), good: 'patGood0123456.789abc', revoked: 'patrevoked0123.456789', outage: 'patoutage01234.56789a', refusedStatus: 401},
  sendgrid: {path: '/api.eu/v3/scopes', present: (k) => ({authorization: `Bearer ${k}`}), good: `SG.${'Good'.padEnd(22, '0')}.${'a'.repeat(43)}`, revoked: `SG.${'revoked'.padEnd(22, '0')}.${'a'.repeat(43)}`, outage: `SG.${'outage'.padEnd(22, '0')}.${'a'.repeat(43)}`, refusedStatus: 401},
  posthog: {path: '/eu/api/users/@me/', present: (k) => ({authorization: `Bearer ${k}`}), good: 'phx_Good0123456789abcdefgh', revoked: 'phx_revoked0123456789abcde', outage: 'phx_outage0123456789abcdef', refusedStatus: 401},
  postmark: {path: '/server', present: (k) => ({'x-postmark-server-token': k, accept: 'application/json'}), good: 'Good0123-4567-89ab-cdef01234567', revoked: 'revoked-4567-89ab-cdef01234567', outage: 'outage-4567-89ab-cdef01234567', refusedStatus: 401},
  resend: {path: '/domains', present: (k) => ({authorization: `Bearer ${k}`, 'user-agent': 'test'}), good: 're_Good0123456789', revoked: 're_revoked0123456', outage: 're_outage01234567', refusedStatus: 403},
  klaviyo: {path: '/api/accounts', present: (k) => ({authorization: `Klaviyo-API-Key ${k}`, revision: '2026-10-15'}), good: 'pk_Good0123456789abcdefgh', revoked: 'pk_revoked0123456789abcde', outage: 'pk_outage0123456789abcdef', refusedStatus: 401},
  segment: {path: '/eu1.api/', present: (k) => ({authorization: `Bearer ${k}`}), good: 'sgp_Good0123456789abcdefgh', revoked: 'sgp_revoked0123456789abcde', outage: 'sgp_outage0123456789abcdef', refusedStatus: 401},
  hubspot: {path: '/account-info/2026-03/details', present: (k) => ({authorization: `Bearer ${k}`}), good: 'pat-na1-0123abcd-4567-89ab-cdef-0123', revoked: 'pat-na1-dead0123-4567-89ab-cdef-0123', outage: 'pat-eu1-0ff00123-4567-89ab-cdef-0123', refusedStatus: 401},
  shopify: {path: '/local.myshopify.com/admin/api/2026-10/shop.json', present: (k) => ({'x-shopify-access-token': k}), good: `shpat_${'Good'.padEnd(32, '0')}`, revoked: `shpat_${'revoked'.padEnd(32, '0')}`, outage: `shpat_${'outage'.padEnd(32, '0')}`, refusedStatus: 401},
  zendesk: {path: '/acme/api/v2/users/me.json', present: (k) => ({authorization: basic('agent@example.com/token', k)}), good: 'Good0123456789abcdefgh', revoked: 'revoked0123456789abcde', outage: 'outage0123456789abcdef', refusedStatus: 401},
  notion: {path: '/v1/users/me', present: (k) => ({authorization: `Bearer ${k}`, 'notion-version': '2025-09-03'}), good: 'ntn_Good0123456789abcdefgh', revoked: 'ntn_revoked0123456789abcde', outage: 'ntn_outage0123456789abcdef', refusedStatus: 401},
};

let services: RunningKeyServices;
beforeAll(async () => {
  services = await startKeyServices();
});
afterAll(async () => {
  await services.close();
});

const status = async (name: string, path: string, headers: Record<string, string>) => (await fetch(`${services.url}/as/${name}${path}`, {headers})).status;

test('every key service the kit stands in for has a row here', () => {
  expect(Object.keys(KEY_SERVICES).sort()).toEqual(Object.keys(ROWS).sort());
});

test.each(Object.entries(ROWS))('%s: its own presentation works; revoked, sent another way or none is refused; an outage is not a refusal; an unknown path is 404', async (name, row) => {
  expect(await status(name, row.path, row.present(row.good))).toBe(200);
  expect(await status(name, row.path, row.present(row.revoked))).toBe(row.refusedStatus);
  expect(await status(name, row.path, row.present(row.outage))).toBe(row.outageStatus ?? 503);
  // The same good key in a header the service does not read.
  const other = await status(name, row.path, {'x-api-key-elsewhere': row.good, 'user-agent': 'test', revision: '2026-10-15', 'notion-version': '2025-09-03', 'anthropic-version': '2023-06-01', accept: 'application/json'});
  // Zendesk answers a caller without credentials as an anonymous user, with 200 and no id.
  if (name === 'zendesk') expect(other).toBe(200);
  else expect(other).not.toBe(200);
  expect(await status(name, `${row.path}nowhere`, row.present(row.good))).toBe(404);
});

test("a service's required header is insisted on, as the service does", async () => {
  const {anthropic, klaviyo, notion, resend} = ROWS;
  expect(await status('anthropic', anthropic.path, {'x-api-key': anthropic.good})).toBe(400);
  expect(await status('klaviyo', klaviyo.path, {authorization: `Klaviyo-API-Key ${klaviyo.good}`})).toBe(400);
  expect(await status('notion', notion.path, {authorization: `Bearer ${notion.good}`})).toBe(400);
  // fetch always sends a User-Agent; an empty one is as good as none.
  expect(await status('resend', resend.path, {authorization: `Bearer ${resend.good}`, 'user-agent': ''})).toBe(403);
});

test('Resend answers a sending-only key 401 restricted_api_key, and Zendesk a wrong e-mail form 401', async () => {
  const answer = await fetch(`${services.url}/as/resend/domains`, {headers: ROWS.resend.present('re_sendingOnly0123')});
  expect([answer.status, ((await answer.json()) as {name: string}).name]).toEqual([401, 'restricted_api_key']);
  expect(await status('zendesk', ROWS.zendesk.path, {authorization: basic('agent@example.com', ROWS.zendesk.good)})).toBe(401);
});
