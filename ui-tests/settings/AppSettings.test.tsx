/**
 * The settings page against the real local Secret Store, through a host
 * endpoint (the SDK's createHttpClient → stripe → HTTP path). What a save did is
 * read back the way the app's backend would: a backend `find` with the payload.
 */
import {getMockContextProps, render} from '@stripe/ui-extension-sdk/testing';
import {Banner, Box, DateField, SettingsView, Spinner, TextField} from '@stripe/ui-extension-sdk/ui';
import manifest from '../fixtures/app/stripe-app.json';
import AppSettings from '../../src/views/AppSettings';
import {DEFAULT_IDENTITY, installHostEndpoint, uninstallHostEndpoint, type InstalledHost} from '../support/hostEndpoint';
import {startTestStore, type TestSecretStore} from 'stripe-apps-offline/testing';
import {findStored} from '../support/storedSecrets';
import {buttonProps, everything, hasBanner, press, renderedStrings} from '../support/remoteTree';
import {until} from 'stripe-apps-offline/testing';

const ACME = 'acme_api_key';
const WEBHOOK = 'shipping_webhook_secret';
const DAY = 24 * 3600;

let store: TestSecretStore;
let host: InstalledHost;

beforeAll(async () => {
  store = await startTestStore();
});
afterAll(async () => {
  uninstallHostEndpoint();
  await store.close();
});
const backend = () => store.backend(undefined, {stripeAccount: DEFAULT_IDENTITY.account});

beforeEach(async () => {
  store.faults.clear();
  host = installHostEndpoint(store);
  // Each test starts from an empty account scope.
  const existing = await backend().apps.secrets.list({scope: {type: 'account'}, limit: 100});
  for (const s of existing.data) await backend().apps.secrets.deleteWhere({name: s.name, scope: {type: 'account'}});
});

async function seed(name: string, payload: string, expiresAt?: number) {
  return backend().apps.secrets.create({name, payload, scope: {type: 'account'}, ...(expiresAt ? {expires_at: expiresAt} : {})});
}

/** What the app's backend reads for `name`, or null. */
const stored = (name: string) => findStored(backend(), name, {type: 'account'});

function renderSettings(constants: unknown = manifest.constants, mode: 'test' | 'live' = 'test') {
  const context = getMockContextProps({environment: {constants: constants as never, mode}});
  const {wrapper, update} = render(<AppSettings {...context} />);
  const wait = (assertion: () => void) => until(update, assertion);
  const field = (name: string) => {
    const node = wrapper.find(TextField, {name});
    if (!node) throw new Error(`no field ${name}`);
    return node;
  };
  const dateField = (slotIndex: number) => wrapper.findAll(DateField)[slotIndex];
  return {
    wrapper,
    update,
    wait,
    field,
    type: (name: string, value: string) => field(name).trigger('onChange', {target: {value}}),
    setExpiry: (slotIndex: number, day: string) => dateField(slotIndex).trigger('onChange', day),
    dateField,
    press: (text: string) => press(wrapper, text),
    text: () => renderedStrings(wrapper),
    loaded: () => wait(() => expect(wrapper).not.toContainComponent(Spinner)),
    /** Whether a banner titled `title` is drawn inside the card of slot `name` (and no other slot's). */
    besideSlot: (name: string, title: string | RegExp) =>
      wrapper.findAllWhere(
        (node) =>
          node.is(Box) &&
          node.find(TextField, {name}) !== null &&
          node.findWhere((b) => b.is(Banner) && (typeof title === 'string' ? b.prop('title') === title : title.test(String(b.prop('title'))))) !== null &&
          node.findAll(TextField).length === 1,
      ).length > 0,
    /** The titles of every banner on the page. */
    banners: () => wrapper.findAll(Banner).map((b) => String(b.prop('title'))),
  };
}

const day = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);
const startOfDayUtc = (daysFromNow: number) => {
  const d = new Date(Date.now() + daysFromNow * DAY * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 1000;
};

describe('loading', () => {
  test('shows a spinner, then every slot in its true state, from one list request that asks for no payload', async () => {
    const now = Date.now() / 1000;
    await seed(ACME, 'sk_test_seededValue123');
    await seed(WEBHOOK, 'whsec_seeded', Math.floor(now + 3 * DAY));
    await seed('legacy_key', 'old');
    host.requests.length = 0;

    const view = renderSettings();
    expect(view.wrapper).toContainComponent(Spinner);
    await view.loaded();

    expect(host.requests).toEqual([{method: 'GET', path: '/v1/apps/secrets', query: expect.any(String), status: 200}]);
    expect(host.requests[0].query).toContain('scope[type]=account');
    expect(host.requests[0].query).not.toContain('expand');

    const text = view.text();
    expect(text).toMatch(/Acme API key[\s\S]*Set\b/);
    expect(text).toContain('Expires soon');
    expect(text).toMatch(/Set on .* · expires on /);
    expect(text).toContain('Other stored keys');
    expect(text).toContain('legacy_key');
    expect(buttonProps(view.wrapper, 'Replace Acme API key')).toBeDefined();
    expect(buttonProps(view.wrapper, 'Replace Shipping webhook secret')).toBeDefined();
  });

  test('an empty account shows each slot as not set, the required one as required', async () => {
    const view = renderSettings();
    await view.loaded();
    const text = view.text();
    expect(text).toContain('Required');
    expect(text).toContain('Not set');
    expect(buttonProps(view.wrapper, 'Save Acme API key')).toBeDefined();
    expect(text).not.toContain('Other stored keys');
  });

  test('a failed load shows an error banner with a retry, not an empty page', async () => {
    await seed(ACME, 'sk_test_seededValue123');
    store.faults.inject({fault: {kind: 'server-error', status: 503}, method: 'GET', path: '/v1/apps/secrets'});
    const view = renderSettings();
    await view.wait(() => expect(hasBanner(view.wrapper, 'Your keys could not be loaded')).toBeDefined());
    expect(view.wrapper.find(TextField)).toBeNull();

    store.faults.clear();
    view.press('Try again');
    await view.wait(() => expect(buttonProps(view.wrapper, 'Replace Acme API key')).toBeDefined());
    expect(hasBanner(view.wrapper, 'Your keys could not be loaded')).toBeUndefined();
  });

  test('mistakes in the declared slots are shown, not thrown', async () => {
    const view = renderSettings({keySlots: [{name: 'bad name!'}, {name: 'ok_key', pattern: '(['}]});
    await view.loaded();
    const text = view.text();
    expect(text).toContain("Check the app's stripe-app.json");
    expect(text).toContain('constants.keySlots[0].name');
    expect(text).toContain('constants.keySlots[1].pattern is not a valid regular expression');
    expect(view.field('ok_key')).toBeDefined();
  });
});

describe('saving', () => {
  test('save stores the value for the backend, clears the field, shows "set" from the answer and confirms', async () => {
    const value = 'sk_test_FreshlyPasted42';
    const view = renderSettings();
    await view.loaded();
    host.requests.length = 0;

    view.type(ACME, `  ${value}\n`);
    view.press('Save Acme API key');
    await view.wait(() => expect(view.besideSlot(ACME, 'Acme API key saved')).toBe(true));
    // Beside the slot, not in the page's header.
    expect(view.wrapper.find(SettingsView)).toHaveProps({statusMessage: undefined});

    expect((await stored(ACME))?.payload).toBe(value);
    expect(view.field(ACME)).toHaveProps({value: ''});
    expect(buttonProps(view.wrapper, 'Replace Acme API key')).toBeDefined();
    // The answer to the write was enough: no list or find after it.
    expect(host.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/apps/secrets']);
    // No part of the value anywhere in the rendered tree, props and fragments included.
    const rendered = renderedStrings(view.wrapper) + view.wrapper.debug({all: true, verbosity: 10});
    expect(rendered).not.toContain('FreshlyPasted');
    expect(rendered).not.toContain(value.slice(0, 12));
  });

  test('replace gives the backend the new value, and says "replaced" with the day beside the slot', async () => {
    const before = await seed(ACME, 'sk_test_OldValue0001');
    const view = renderSettings();
    await view.loaded();
    view.type(ACME, 'sk_test_NewValue0002');
    view.press('Replace Acme API key');
    const today = new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeZone: 'UTC'}).format(new Date());
    await view.wait(() => expect(view.besideSlot(ACME, `Acme API key replaced on ${today}`)).toBe(true));
    expect(view.text()).not.toContain('Acme API key saved');
    const after = await stored(ACME);
    expect(after?.payload).toBe('sk_test_NewValue0002');
    expect(after?.id).not.toBe(before.id);
    expect(view.text()).not.toContain('NewValue0002');
  });

  test('an expiry date becomes the secret’s expires_at, shown as "expires on"', async () => {
    const view = renderSettings();
    await view.loaded();
    const expiresAt = startOfDayUtc(30);
    view.type(WEBHOOK, 'whsec_abc123');
    view.setExpiry(1, day(expiresAt));
    view.press('Save Shipping webhook secret');
    await view.wait(() => expect(view.besideSlot(WEBHOOK, 'Shipping webhook secret saved')).toBe(true));
    expect(await stored(WEBHOOK)).toMatchObject({payload: 'whsec_abc123', expires_at: expiresAt});
    expect(view.text()).toMatch(/expires on/);
    expect(view.dateField(1)).toHaveProps({value: ''});
  });

  test('a double press saves once', async () => {
    const view = renderSettings();
    await view.loaded();
    host.requests.length = 0;
    view.type(ACME, 'sk_test_PressedTwice99');
    view.press('Save Acme API key');
    view.press('Save Acme API key');
    expect(buttonProps(view.wrapper, 'Save Acme API key')).toMatchObject({pending: true});
    await view.wait(() => expect(view.besideSlot(ACME, 'Acme API key saved')).toBe(true));
    view.press('Replace Acme API key'); // an empty field: refused on the page, sends nothing
    await view.update();
    expect(host.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('deleting', () => {
  test('delete asks first, then removes the secret for the backend too', async () => {
    await seed(ACME, 'sk_test_ToBeDeleted01');
    const view = renderSettings();
    await view.loaded();
    host.requests.length = 0;

    view.press('Delete Acme API key…');
    expect(hasBanner(view.wrapper, 'Delete Acme API key?')).toBeDefined();
    view.press('Keep Acme API key');
    expect(hasBanner(view.wrapper, 'Delete Acme API key?')).toBeUndefined();
    expect(host.requests).toEqual([]);

    view.press('Delete Acme API key…');
    view.press('Delete Acme API key');
    await view.wait(() => expect(view.besideSlot(ACME, 'Acme API key deleted')).toBe(true));
    expect(await stored(ACME)).toBeNull();
    expect(buttonProps(view.wrapper, 'Save Acme API key')).toBeDefined();
    expect(host.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/apps/secrets/delete']);
  });

  test('a key no slot asks for can be deleted from "Other stored keys"', async () => {
    await seed('legacy_key', 'old');
    const view = renderSettings();
    await view.loaded();
    view.press('Delete legacy_key…');
    expect(hasBanner(view.wrapper, 'Delete legacy_key?')).toBeDefined();
    view.press('Delete legacy_key');
    // The row goes with the key; the confirmation stays where it was.
    await view.wait(() => expect(view.banners()).toEqual(['legacy_key deleted']));
    expect(view.wrapper.findAll(TextField).length).toBe(2);
    expect(buttonProps(view.wrapper, 'Delete legacy_key…')).toBeUndefined();
    expect(await stored('legacy_key')).toBeNull();
  });
});

describe('every failure is specific, keeps what was typed and leaves the stored secret as it was', () => {
  const ORIGINAL = 'sk_test_OriginalValue1';

  async function attempt(typed: string, expiryDay = '', beforeSave = () => undefined as void) {
    await seed(ACME, ORIGINAL);
    const view = renderSettings();
    await view.loaded();
    host.requests.length = 0;
    view.type(ACME, typed);
    if (expiryDay) view.setExpiry(0, expiryDay);
    beforeSave();
    view.press('Replace Acme API key');
    return view;
  }

  async function expectUnchanged(view: ReturnType<typeof renderSettings>, typed: string) {
    expect(view.field(ACME)).toHaveProps({value: typed});
    expect(buttonProps(view.wrapper, 'Replace Acme API key')).toMatchObject({pending: false});
    expect((await stored(ACME))?.payload).toBe(ORIGINAL);
    expect(view.wrapper.find(SettingsView)).toHaveProps({statusMessage: undefined});
  }

  test.each([
    ['an empty value', '', '', /Paste the Acme API key before saving/],
    ['a value of spaces only', '   ', '', /only spaces/],
    ['a value in the wrong format', 'pk_live_NotASecretKey', '', /should be a value that starts with sk_test_ or sk_live_/],
    ['a value over 5000 characters', `sk_test_${'x'.repeat(5000)}`, '', /5008 characters long; Stripe keeps at most 5000/],
  ])('%s is refused on the page under the field', async (_what, typed, _expiry, message) => {
    const view = await attempt(typed);
    await view.update();
    const error = view.field(ACME).prop('error');
    expect(error).toMatch(message);
    if (typed.trim()) expect(error).not.toContain(typed.trim().slice(0, 10));
    expect(host.requests).toEqual([]);
    await expectUnchanged(view, typed);
  });

  test.each([
    ['in the past', () => day(startOfDayUtc(-1)), /has to be in the future/],
    ['today (already begun, UTC)', () => day(startOfDayUtc(0)), /has to be in the future/],
    ['over 100 years away', () => day(startOfDayUtc(365 * 101)), /at most 100 years/],
    ['not a date', () => '2027-02-31', /Enter the expiry as a date/],
  ])('an expiry %s is refused under the date field', async (_what, expiry, message) => {
    const view = await attempt('sk_test_ValidValue0001', expiry());
    await view.update();
    expect(view.dateField(0).prop('error')).toMatch(message);
    expect(host.requests).toEqual([]);
    await expectUnchanged(view, 'sk_test_ValidValue0001');
  });

  test.each([
    ['rate limited (429)', {kind: 'rate-limited'} as const, /too many requests/],
    ['a server error (500)', {kind: 'server-error', status: 500} as const, /did not answer properly/],
    ['a missing permission (403)', {kind: 'permission-denied'} as const, /secret_write permission is missing/],
    ['a dropped connection', {kind: 'drop'} as const, /could not be reached/],
  ])('%s is shown beside the field', async (_what, fault, message) => {
    const typed = 'sk_test_ValidValue0002';
    const view = await attempt(typed, '', () => store.faults.inject({fault, method: 'POST', path: '/v1/apps/secrets'}));
    await view.wait(() => expect(hasBanner(view.wrapper, 'Acme API key was not saved')).toBeDefined());
    const banner = hasBanner(view.wrapper, 'Acme API key was not saved');
    expect(banner?.props.description).toMatch(message);
    expect(banner?.props.description).toContain('Nothing was changed');
    expect(renderedStrings(view.wrapper).split(typed)).toHaveLength(2); // only in the field itself
    store.faults.clear();
    await expectUnchanged(view, typed);
    expect(host.requests.every((r) => r.method === 'POST')).toBe(true);
  });

  test('the store being down is a network failure, and a retry once it is back succeeds', async () => {
    const down = await startTestStore();
    const view = renderSettings();
    installHostEndpoint(down);
    await view.loaded();
    await down.close();
    view.type(ACME, 'sk_test_WhileOffline01');
    view.press('Save Acme API key');
    await view.wait(() => expect(hasBanner(view.wrapper, 'Acme API key was not saved')).toBeDefined());
    expect(hasBanner(view.wrapper, 'Acme API key was not saved')?.props.description).toMatch(/could not be reached/);
    expect(view.field(ACME)).toHaveProps({value: 'sk_test_WhileOffline01'});

    installHostEndpoint(store);
    view.press('Save Acme API key');
    await view.wait(() => expect(view.besideSlot(ACME, 'Acme API key saved')).toBe(true));
    expect(hasBanner(view.wrapper, 'Acme API key was not saved')).toBeUndefined();
    expect((await stored(ACME))?.payload).toBe('sk_test_WhileOffline01');
  });

  test('a full scope says which keys could be removed', async () => {
    for (let i = 0; i < 9; i++) await seed(`old_key_${i}`, 'x');
    await seed(ACME, ORIGINAL);
    const view = renderSettings();
    await view.loaded();
    view.type(WEBHOOK, 'whsec_wontFit');
    view.press('Save Shipping webhook secret');
    await view.wait(() => expect(hasBanner(view.wrapper, 'Shipping webhook secret was not saved')).toBeDefined());
    const description = String(hasBanner(view.wrapper, 'Shipping webhook secret was not saved')?.props.description);
    expect(description).toMatch(/at most 10 keys/);
    expect(description).toContain('old_key_0');
    expect(description).toContain('old_key_8');
    expect(description).not.toContain('Acme API key'); // required: not offered for removal
    expect(view.field(WEBHOOK)).toHaveProps({value: 'whsec_wontFit'});
    expect(await stored(WEBHOOK)).toBeNull();
  });
});

describe('every message is about the last action, and goes when that changes', () => {
  /** A page on which the Acme API key was just saved, with its confirmation beside it. */
  async function withAcmeSaved() {
    const view = renderSettings();
    await view.loaded();
    view.type(ACME, 'sk_test_FirstSave00001');
    view.press('Save Acme API key');
    await view.wait(() => expect(view.besideSlot(ACME, 'Acme API key saved')).toBe(true));
    return view;
  }

  test('a full scope’s refusal goes once a key is deleted to make room; the save then goes through', async () => {
    for (let i = 0; i < 9; i++) await seed(`old_key_${i}`, 'x');
    await seed(ACME, 'sk_test_OriginalValue1');
    const view = renderSettings();
    await view.loaded();
    view.type(WEBHOOK, 'whsec_fitsLater');
    view.press('Save Shipping webhook secret');
    await view.wait(() => expect(view.besideSlot(WEBHOOK, 'Shipping webhook secret was not saved')).toBe(true));

    view.press('Delete old_key_0…');
    // Asking is a new action: the refusal is no longer what the page is about.
    expect(view.banners()).toEqual(['Delete old_key_0?']);
    view.press('Delete old_key_0');
    await view.wait(() => expect(view.banners()).toEqual(['old_key_0 deleted']));
    expect(view.text()).not.toContain('all 10 are in use');

    view.press('Save Shipping webhook secret');
    await view.wait(() => expect(view.besideSlot(WEBHOOK, 'Shipping webhook secret saved')).toBe(true));
    expect(view.banners()).toEqual(['Shipping webhook secret saved']);
    expect(await stored(WEBHOOK)).not.toBeNull();
  });

  test('a "saved" confirmation goes when the next save is refused under the field', async () => {
    const view = await withAcmeSaved();
    view.type(ACME, 'not a key');
    view.press('Replace Acme API key');
    await view.update();
    expect(view.field(ACME).prop('error')).toMatch(/does not look like an Acme API key/);
    expect(view.banners()).toEqual([]);
  });

  test('only the last action’s message shows: saving a second key takes the first one’s confirmation away', async () => {
    const view = await withAcmeSaved();
    view.type(WEBHOOK, 'whsec_second');
    view.press('Save Shipping webhook secret');
    await view.wait(() => expect(view.banners()).toEqual(['Shipping webhook secret saved']));
  });

  test('a failed delete goes when the delete is retried and works', async () => {
    await seed(ACME, 'sk_test_ToBeDeleted02');
    const view = renderSettings();
    await view.loaded();
    store.faults.inject({fault: {kind: 'server-error', status: 500}, method: 'POST', path: '/v1/apps/secrets/delete'});
    view.press('Delete Acme API key…');
    view.press('Delete Acme API key');
    await view.wait(() => expect(view.besideSlot(ACME, 'Acme API key was not deleted')).toBe(true));
    store.faults.clear();
    view.press('Delete Acme API key…');
    view.press('Delete Acme API key');
    await view.wait(() => expect(view.banners()).toEqual(['Acme API key deleted']));
  });
});

describe('modes', () => {
  test('the page names its mode and says the other keeps its own keys; a test-mode key is “not set in live mode”', async () => {
    await seed(ACME, 'sk_test_TestModeOnly01');
    const test = renderSettings();
    await test.loaded();
    expect(test.text()).toContain('These are the test-mode keys. Live mode keeps its own.');
    expect(buttonProps(test.wrapper, 'Replace Acme API key')).toBeDefined();

    host.identity.mode = 'live';
    const live = renderSettings(manifest.constants, 'live');
    await live.loaded();
    expect(live.text()).toContain('These are the live-mode keys. Test mode keeps its own.');
    expect(live.text()).toContain('Not set in live mode');
    expect(buttonProps(live.wrapper, 'Save Acme API key')).toBeDefined();
  });
});

describe('the keyboard and the buttons’ names', () => {
  test('Enter in a key field saves it', async () => {
    const view = renderSettings();
    await view.loaded();
    view.type(ACME, 'sk_test_EnterPressed01');
    view.field(ACME).trigger('onKeyDown', {key: 'a'});
    await view.update();
    expect(await stored(ACME)).toBeNull();
    view.field(ACME).trigger('onKeyDown', {key: 'Enter'});
    await view.wait(() => expect(view.besideSlot(ACME, 'Acme API key saved')).toBe(true));
    expect((await stored(ACME)) !== null).toBe(true);
  });

  test('every button says what it acts on: no two share a name, even with every question open', async () => {
    await seed(ACME, 'sk_test_NamedButtons01');
    await seed(WEBHOOK, 'whsec_named');
    await seed('legacy_key_1', 'old');
    await seed('legacy_key_2', 'old');
    const view = renderSettings();
    await view.loaded();
    const buttonNames = () => everything(view.wrapper).filter((f) => f.type === 'Button').map((f) => f.text.trim());
    const asking = buttonNames().filter((n) => n.endsWith('…'));
    expect(asking.sort()).toEqual(['Delete Acme API key…', 'Delete Shipping webhook secret…', 'Delete legacy_key_1…', 'Delete legacy_key_2…'].sort());
    for (const ask of asking) view.press(ask);
    expect(view.banners().sort()).toEqual(['Delete Acme API key?', 'Delete Shipping webhook secret?', 'Delete legacy_key_1?', 'Delete legacy_key_2?'].sort());
    const names = buttonNames();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Delete legacy_key_2', 'Keep legacy_key_2', 'Delete Acme API key', 'Keep Acme API key']));
  });
});
