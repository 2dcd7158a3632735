/**
 * Keys from presets on the settings page, through every real part: a
 * manifest asking for a key of every preset by its name alone; the
 * view rendered with the SDK; the real local Secret Store; the real backend
 * checking each key against the kit's stand-in for that service (which
 * honours the service's documented check: its path, its presentation, its
 * refusal). Twilio's two parts land in one secret.
 */
import {getMockContextProps, render} from '@stripe/ui-extension-sdk/testing';
import {Select, Spinner, TextField} from '@stripe/ui-extension-sdk/ui';
import AppSettings from '../../src/views/AppSettings';
import {startBackend, type RunningBackend} from '../../backend/server';
import {readAccountKey} from '../../backend/credentials';
import {secretsFor} from '../../backend/secrets';
import {DEFAULT_IDENTITY, installHostEndpoint, TEST_SIGNING_SECRET, uninstallHostEndpoint} from '../support/hostEndpoint';
import {findStored} from '../support/storedSecrets';
import {buttonProps, press, renderedStrings} from '../support/remoteTree';
import {localKeyCheckUrl, startKeyServices, startTestStore, until, type RunningKeyServices, type TestSecretStore} from 'stripe-apps-offline/testing';

jest.setTimeout(60_000);

const ACCOUNT = DEFAULT_IDENTITY.account;
const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = '9a8b7c6d5e4f30219a8b7c6d5e4f3021';

let store: TestSecretStore;
let services: RunningKeyServices;
let backend: RunningBackend;
let constants: Record<string, unknown>;
const rendered: string[] = [];

beforeAll(async () => {
  [store, services] = await Promise.all([startTestStore(), startKeyServices()]);
  const keySlots = [
    {name: 'openai', preset: 'openai', required: true},
    {name: 'twilio', preset: 'twilio'},
    {name: 'mailchimp', preset: 'mailchimp'},
    {name: 'anthropic', preset: 'anthropic'},
    {name: 'airtable', preset: 'airtable'},
    ...['sendgrid', 'posthog', 'postmark', 'resend', 'klaviyo', 'segment', 'hubspot', 'shopify', 'zendesk', 'notion'].map((name) => ({name, preset: name})),
  ];
  // What the kit's layer writes for `npm start`: each preset's check sent to its stand-in.
  const keyChecks = Object.fromEntries(keySlots.map((s) => [s.name, {url: localKeyCheckUrl(services.url, s.preset)}]));
  constants = {keySlots, keyChecks};
  backend = await startBackend({secretKey: 'sk_test_keyPresets', signingSecrets: [TEST_SIGNING_SECRET], apiBase: new URL(store.url), host: '127.0.0.1', port: 0, constants});
});
afterAll(async () => {
  uninstallHostEndpoint();
  await Promise.all([backend?.close(), store?.close(), services?.close()]);
  // No key reached anything the view drew.
  const all = rendered.join('\n');
  expect(['LocalGoodKey', 'LocalGood0123', 'revokedKey', 'sendingOnly', TOKEN.slice(4), 'abcdef-us21'].filter((secret) => all.includes(secret))).toEqual([]);
});
beforeEach(async () => {
  installHostEndpoint(store);
  const secrets = store.backend(undefined, {stripeAccount: ACCOUNT}).apps.secrets;
  for (const s of (await secrets.list({scope: {type: 'account'}, limit: 100})).data) await secrets.deleteWhere({name: s.name, scope: {type: 'account'}});
});

async function open() {
  const context = getMockContextProps({environment: {constants: {...constants, backendUrl: backend.url} as never}});
  const {wrapper, update} = render(<AppSettings {...context} />);
  const wait = (assertion: () => void | Promise<void>) => until(update, assertion);
  await wait(() => expect(wrapper).not.toContainComponent(Spinner));
  const field = (name: string) => wrapper.find(TextField, {name}) ?? wrapper.find(Select, {name});
  return {
    wrapper,
    wait,
    field,
    // A select (a region) changes the way a text field does: its onChange gets the event's target value.
    type: (name: string, value: string) => {
      const text = wrapper.find(TextField, {name});
      if (text) text.trigger('onChange', {target: {value}});
      else wrapper.find(Select, {name})?.trigger('onChange', {target: {value}});
    },
    press: (label: string) => press(wrapper, label),
    text: () => renderedStrings(wrapper),
    keep: () => rendered.push(renderedStrings(wrapper)),
  };
}
type Page = Awaited<ReturnType<typeof open>>;

const stored = async (name: string) => (await findStored(store.backend(undefined, {stripeAccount: ACCOUNT}), name, {type: 'account'}))?.payload ?? null;

/** Saves (or replaces) through the card's own button and waits for the page to say so. */
async function save(page: Page, label: string, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) page.type(name, value);
  const replacing = buttonProps(page.wrapper, `Replace ${label}`) !== undefined;
  page.press(`${replacing ? 'Replace' : 'Save'} ${label}`);
  await page.wait(() => expect(page.text()).toMatch(new RegExp(`${label} (saved|replaced on)`)));
  page.keep();
}

/** Presses Test and returns the banner's title once the backend answered. */
async function test_(page: Page, label: string, service: string): Promise<string> {
  // As a person would, not in the same instant the save lands: the button's handler is the one drawn with the new key.
  await new Promise((r) => setTimeout(r, 50));
  page.press(`Test ${label}`);
  let title = '';
  await page.wait(() => {
    title = page.text().match(new RegExp(`${label} works — checked at \\d{2}:\\d{2}|${service} refused this key|Could not reach ${service} to check this key`))?.[0] ?? '';
    expect(title).not.toBe('');
  });
  page.keep();
  return title.replace(/ — checked at .*/, ' — checked');
}

test('three cards, one per preset, each with its own fields, help link and a count of the places in use', async () => {
  const page = await open();
  expect(page.text()).not.toContain("Check the app's stripe-app.json");
  for (const label of ['OpenAI API key', 'Twilio credentials', 'Mailchimp API key']) expect(page.text()).toContain(label);
  expect(page.field('openai')?.props).toMatchObject({type: 'password', label: 'OpenAI API key'});
  expect(page.field('twilio.accountSid')?.props).toMatchObject({type: 'text', label: 'Account SID', placeholder: `such as ${SID}`});
  expect(page.field('twilio.authToken')?.props).toMatchObject({type: 'password', label: 'Auth Token'});
  expect(page.field('mailchimp')?.props).toMatchObject({type: 'password'});
  expect(page.text()).toContain("0 of the 10 places this account has in Stripe's Secret Store are in use");
  page.keep();
});

test('a wrong part is named at its own field, and nothing is saved', async () => {
  const page = await open();
  page.type('twilio.accountSid', 'SK0123');
  page.type('twilio.authToken', TOKEN);
  page.press('Save Twilio credentials');
  await page.wait(() => expect(page.field('twilio.accountSid')?.props.error).toMatch(/does not look like an Account SID: it should be a value that starts with AC followed by 32 hexadecimal digits/));
  expect(page.field('twilio.authToken')?.props.error).toBeFalsy();
  // What was typed stays for a retry.
  expect(page.field('twilio.authToken')?.props.value).toBe(TOKEN);
  page.type('openai', 'not-a-key');
  page.press('Save OpenAI API key');
  await page.wait(() => expect(page.field('openai')?.props.error).toMatch(/starts with sk-/));
  expect([await stored('twilio'), await stored('openai')]).toEqual([null, null]);
});

test("Twilio's two parts land in one secret, which the backend reads as an object, and its check presents them as Basic", async () => {
  const page = await open();
  await save(page, 'Twilio credentials', {'twilio.accountSid': SID, 'twilio.authToken': TOKEN});
  expect(JSON.parse((await stored('twilio')) ?? 'null')).toEqual({keyring_parts: {accountSid: SID, authToken: TOKEN}});
  const account = secretsFor(store.backend(undefined, {stripeAccount: ACCOUNT}), {accountId: ACCOUNT, userId: DEFAULT_IDENTITY.user}).account;
  expect(await readAccountKey<{accountSid: string; authToken: string}>(account, 'twilio')).toEqual({accountSid: SID, authToken: TOKEN});
  expect(page.text()).toContain("1 of the 10 places this account has in Stripe's Secret Store is in use");
  // Replaced together: the card asks for every part again.
  expect(page.field('twilio.accountSid')?.props.label).toBe('New Account SID');
  expect(page.field('twilio.accountSid')?.props.value).toBe('');
  const before = services.requests.length;
  expect(await test_(page, 'Twilio credentials', 'Twilio')).toBe('Twilio credentials works — checked');
  expect(services.requests.slice(before)).toEqual([{service: 'twilio', method: 'GET', path: `/as/twilio/2010-04-01/Accounts/${SID}.json`, status: 200}]);
});

/** A SendGrid key of SendGrid's length (69), its first part saying what the stand-in should do. */
const sg = (word: string) => `SG.${word.padEnd(22, '0')}.${'a'.repeat(43)}`;
/** A Shopify Admin API token: shpat_ and 32 letters or digits. */
const shpat = (word: string) => `shpat_${word.padEnd(32, '0')}`;
const ZENDESK = {'zendesk.subdomain': 'acme', 'zendesk.email': 'agent@example.com'};

interface Case {
  slot: string;
  label: string;
  service: string;
  /** What is typed in each field (by field name) for a key that works, one that is refused, one whose service is down. */
  good: Record<string, string>;
  refused: Record<string, string>;
  outage: Record<string, string>;
  /** Where the working key's check went at the stand-in, when a part picks it (a region, a shop). */
  checked?: string;
}

test.each<Case>([
  {slot: 'openai', label: 'OpenAI API key', service: 'OpenAI', good: {openai: 'sk-proj-LocalGoodKey0123456789abcd'}, refused: {openai: 'sk-proj-revokedKey0123456789abcdef'}, outage: {openai: 'sk-proj-outageKey0123456789abcdefg'}},
  {
    slot: 'twilio',
    label: 'Twilio credentials',
    service: 'Twilio',
    good: {'twilio.accountSid': SID, 'twilio.authToken': TOKEN},
    // Hexadecimal tokens cannot say "revoked": the stand-in refuses one starting with dead, and plays an outage for 0ff.
    refused: {'twilio.accountSid': SID, 'twilio.authToken': `dead${TOKEN.slice(4)}`},
    outage: {'twilio.accountSid': SID, 'twilio.authToken': `0ff${TOKEN.slice(3)}`},
  },
  {
    slot: 'anthropic',
    label: 'Anthropic API key',
    service: 'Anthropic',
    good: {anthropic: 'sk-ant-api03-LocalGoodKey0123456789'},
    refused: {anthropic: 'sk-ant-api03-revokedKey0123456789a'},
    // Anthropic's own "overloaded", 529: not a refusal.
    outage: {anthropic: 'sk-ant-api03-outageKey0123456789ab'},
  },
  {
    slot: 'airtable',
    label: 'Airtable personal access token',
    service: 'Airtable',
    good: {airtable: 'patLocalGood0123.456789abcdef'},
    refused: {airtable: 'patrevokedKey0123.456789abcdef'},
    outage: {airtable: 'patoutageKey0123.456789abcdef'},
  },
  {
    slot: 'mailchimp',
    label: 'Mailchimp API key',
    service: 'Mailchimp',
    good: {mailchimp: '0123456789abcdef0123456789abcdef-us21'},
    refused: {mailchimp: 'dead456789abcdef0123456789abcdef-us21'},
    outage: {mailchimp: '0ff3456789abcdef0123456789abcdef-us21'},
    checked: '/as/mailchimp/us21/3.0/',
  },
  {
    slot: 'sendgrid',
    label: 'SendGrid API key',
    service: 'SendGrid',
    // An EU regional subuser's key is checked at the EU host.
    good: {'sendgrid.apiKey': sg('LocalGood0123'), 'sendgrid.region': 'api.eu'},
    refused: {'sendgrid.apiKey': sg('revokedKey')},
    outage: {'sendgrid.apiKey': sg('outageKey')},
    checked: '/as/sendgrid/api.eu/v3/scopes',
  },
  {
    slot: 'posthog',
    label: 'PostHog personal API key',
    service: 'PostHog',
    good: {'posthog.personalApiKey': 'phx_LocalGood0123456789abcdef', 'posthog.region': 'eu'},
    refused: {'posthog.personalApiKey': 'phx_revokedKey0123456789abcd'},
    outage: {'posthog.personalApiKey': 'phx_outageKey0123456789abcde'},
    checked: '/as/posthog/eu/api/users/@me/',
  },
  {
    slot: 'postmark',
    label: 'Postmark server API token',
    service: 'Postmark',
    good: {postmark: 'LocalGood0123-4567-89ab-cdef01234567'},
    refused: {postmark: 'revokedKey-4567-89ab-cdef01234567'},
    outage: {postmark: 'outageKey-4567-89ab-cdef01234567'},
  },
  {slot: 'resend', label: 'Resend API key', service: 'Resend', good: {resend: 're_LocalGood0123456789'}, refused: {resend: 're_revokedKey012345'}, outage: {resend: 're_outageKey0123456'}},
  {
    slot: 'klaviyo',
    label: 'Klaviyo private API key',
    service: 'Klaviyo',
    good: {klaviyo: 'pk_LocalGood0123456789abcdef'},
    refused: {klaviyo: 'pk_revokedKey0123456789abcd'},
    outage: {klaviyo: 'pk_outageKey0123456789abcde'},
  },
  {
    slot: 'segment',
    label: 'Segment Public API token',
    service: 'Segment',
    // The region left as it is drawn: the US host.
    good: {'segment.token': 'sgp_LocalGood0123456789abcdefgh'},
    refused: {'segment.token': 'sgp_revokedKey0123456789abcdef'},
    outage: {'segment.token': 'sgp_outageKey0123456789abcdefg'},
    checked: '/as/segment/api/',
  },
  {
    slot: 'hubspot',
    label: 'HubSpot private app access token',
    service: 'HubSpot',
    // Hexadecimal after the region: the stand-in refuses dead… and plays an outage for 0ff….
    good: {hubspot: 'pat-na1-0123abcd-4567-89ab-cdef-0123456789ab'},
    refused: {hubspot: 'pat-na1-dead0123-4567-89ab-cdef-0123456789ab'},
    outage: {hubspot: 'pat-eu1-0ff00123-4567-89ab-cdef-0123456789ab'},
  },
  {
    slot: 'shopify',
    label: 'Shopify custom app credentials',
    service: 'Shopify',
    good: {'shopify.shop': 'local-shop.myshopify.com', 'shopify.accessToken': shpat('LocalGood0123')},
    refused: {'shopify.shop': 'local-shop.myshopify.com', 'shopify.accessToken': shpat('revokedKey')},
    outage: {'shopify.shop': 'local-shop.myshopify.com', 'shopify.accessToken': shpat('outageKey')},
    checked: '/as/shopify/local-shop.myshopify.com/admin/api/2026-10/shop.json',
  },
  {
    slot: 'zendesk',
    label: 'Zendesk API token',
    service: 'Zendesk',
    good: {...ZENDESK, 'zendesk.apiToken': 'LocalGood0123456789abcdef'},
    refused: {...ZENDESK, 'zendesk.apiToken': 'revokedKey0123456789abcd'},
    outage: {...ZENDESK, 'zendesk.apiToken': 'outageKey0123456789abcde'},
    checked: '/as/zendesk/acme/api/v2/users/me.json',
  },
  {
    slot: 'notion',
    label: 'Notion integration secret',
    service: 'Notion',
    good: {notion: 'ntn_LocalGood0123456789abcdef'},
    refused: {notion: 'ntn_revokedKey0123456789abcd'},
    outage: {notion: 'ntn_outageKey0123456789abcde'},
  },
])('$label saves, tests as works, refused and unreachable against its stand-in, and deletes', async ({slot, label, service, good, refused, outage, checked}) => {
  const page = await open();
  await save(page, label, good);
  const before = services.requests.length;
  expect(await test_(page, label, service)).toBe(`${label} works — checked`);
  expect(services.requests.slice(before)).toEqual([expect.objectContaining({service: slot, status: 200, ...(checked ? {path: checked} : {})})]);
  await save(page, label, refused);
  expect(await test_(page, label, service)).toBe(`${service} refused this key`);
  await save(page, label, outage);
  expect(await test_(page, label, service)).toBe(`Could not reach ${service} to check this key`);
  page.press(`Delete ${label}…`);
  page.press(`Delete ${label}`);
  await page.wait(() => expect(page.text()).toContain(`${label} deleted`));
  expect(await stored(slot)).toBeNull();
  page.keep();
});

test('an answer whose status misleads is read by its one field: Resend\'s sending-only key works, Zendesk\'s anonymous 200 is a refusal', async () => {
  const page = await open();
  await save(page, 'Resend API key', {resend: 're_sendingOnly0123456'});
  const before = services.requests.length;
  expect(await test_(page, 'Resend API key', 'Resend')).toBe('Resend API key works — checked');
  expect(services.requests.slice(before)).toEqual([expect.objectContaining({service: 'resend', status: 401})]);
  // Zendesk answers a caller it cannot authenticate as an anonymous user, with 200.
  await save(page, 'Zendesk API token', {...ZENDESK, 'zendesk.apiToken': 'anonymous0123456789abcd'});
  const then = services.requests.length;
  expect(await test_(page, 'Zendesk API token', 'Zendesk')).toBe('Zendesk refused this key');
  expect(services.requests.slice(then)).toEqual([expect.objectContaining({service: 'zendesk', status: 200})]);
});

test('a region is a choice with the usual one picked, and a part of one shape cannot be typed into another', async () => {
  const page = await open();
  expect(page.field('posthog.region')?.props).toMatchObject({label: 'PostHog Cloud region', value: 'us'});
  expect(page.field('sendgrid.region')?.props).toMatchObject({value: 'api'});
  // A project key where the personal key goes, a storefront where the shop goes, an e-mail with a colon (Basic's separator): each named at its field.
  page.type('posthog.personalApiKey', 'phc_ProjectKey0123456789abcdef');
  page.press('Save PostHog personal API key');
  await page.wait(() => expect(page.field('posthog.personalApiKey')?.props.error).toMatch(/starts with phx_/));
  page.type('shopify.shop', 'shop.example.com');
  page.type('shopify.accessToken', shpat('LocalGood0123'));
  page.press('Save Shopify custom app credentials');
  await page.wait(() => expect(page.field('shopify.shop')?.props.error).toMatch(/myshopify\.com domain/));
  page.type('zendesk.subdomain', 'acme');
  page.type('zendesk.email', 'agent:x@example.com');
  page.type('zendesk.apiToken', 'LocalGood0123456789abcdef');
  page.press('Save Zendesk API token');
  await page.wait(() => expect(page.field('zendesk.email')?.props.error).toMatch(/e-mail address/));
  expect([await stored('posthog'), await stored('shopify'), await stored('zendesk')]).toEqual([null, null, null]);
});
