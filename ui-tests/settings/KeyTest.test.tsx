/**
 * "Test key" on the settings page, through every real part: the view rendered
 * with the SDK, its signed call (the host's fetchStripeSignature) to the real
 * backend over HTTP, the real local Secret Store behind it, and the Acme
 * stand-in the backend presents the key to. The view only ever sees the outcome.
 */
import {getMockContextProps, render} from '@stripe/ui-extension-sdk/testing';
import {Spinner, TextField} from '@stripe/ui-extension-sdk/ui';
import AppSettings from '../../src/views/AppSettings';
import {DEFAULT_IDENTITY, installHostEndpoint, TEST_SIGNING_SECRET, uninstallHostEndpoint} from '../support/hostEndpoint';
import {buttonProps, hasBanner, press, renderedStrings} from '../support/remoteTree';
import {until} from 'stripe-apps-offline/testing';
import {startKeyTestRig, type KeyTestRig} from './keyTestRig';

const ACCOUNT = DEFAULT_IDENTITY.account;
const GOOD = 'sk_test_ViewGoodKey4242';
const REVOKED = 'sk_test_revokedViewKey77';

let rig: KeyTestRig;
/** Everything any test rendered, to show afterwards that no key was ever in it. */
const rendered: string[] = [];

beforeAll(async () => {
  rig = await startKeyTestRig(TEST_SIGNING_SECRET);
});
afterAll(async () => {
  uninstallHostEndpoint();
  await rig?.close();
});
beforeEach(async () => {
  rig.acme.simulate(null);
  installHostEndpoint(rig.store);
  await rig.clearAccount(ACCOUNT);
});

async function renderSettings(constants: Record<string, unknown> = {...rig.constants, backendUrl: rig.backend.url}) {
  const context = getMockContextProps({environment: {constants: constants as never}});
  const {wrapper, update} = render(<AppSettings {...context} />);
  const wait = (assertion: () => void) => until(update, assertion);
  const view = {
    wrapper,
    wait,
    press: (text: string) => press(wrapper, text),
    banner: (title: string) => hasBanner(wrapper, title),
    keep: () => rendered.push(renderedStrings(wrapper) + wrapper.debug({all: true, verbosity: 10})),
  };
  await wait(() => expect(wrapper).not.toContainComponent(Spinner));
  return view;
}

/** Presses Test and waits for the banner titled `title` (a string, or a pattern for titles with the time in them). */
async function testAndWait(view: Awaited<ReturnType<typeof renderSettings>>, button: string, title: string | RegExp) {
  view.press(button);
  let found: ReturnType<typeof hasBanner>;
  await view.wait(() => {
    found = renderedBanner(view, title);
    expect(found).toBeDefined();
  });
  view.keep();
  return found!;
}

function renderedBanner(view: Awaited<ReturnType<typeof renderSettings>>, title: string | RegExp) {
  if (typeof title === 'string') return view.banner(title);
  const match = renderedStrings(view.wrapper).match(title);
  return match ? view.banner(match[0]) : undefined;
}

test('Test appears only on a slot whose key is set and whose check is declared', async () => {
  await rig.seedKey(ACCOUNT, 'acme_api_key', GOOD);
  await rig.seedKey(ACCOUNT, 'shipping_webhook_secret', 'whsec_noCheckDeclared');
  await rig.seedKey(ACCOUNT, 'acme_http_key', GOOD);
  const view = await renderSettings();
  expect(buttonProps(view.wrapper, 'Test Acme API key')).toMatchObject({pending: false});
  // Set, but no check declared.
  expect(buttonProps(view.wrapper, 'Test Shipping webhook secret')).toBeUndefined();
  // A check is declared, but no key is set.
  expect(buttonProps(view.wrapper, 'Test Acme key (Basic)')).toBeUndefined();
  // Set, but its check is declared wrongly: the page says so instead of offering it.
  expect(buttonProps(view.wrapper, 'Test Acme key (plain http elsewhere)')).toBeUndefined();
  expect(view.banner("Check the app's stripe-app.json")?.props.description).toMatch(/keyChecks\.acme_http_key\.url must be an https:\/\/ URL/);
  view.keep();
});

test('a key Acme accepts: pending while the backend checks, then "works — checked at HH:MM"', async () => {
  await rig.seedKey(ACCOUNT, 'acme_api_key', GOOD);
  const view = await renderSettings();
  const before = rig.acme.requests.length;
  view.press('Test Acme API key');
  expect(buttonProps(view.wrapper, 'Test Acme API key')).toMatchObject({pending: true});
  await view.wait(() => expect(renderedStrings(view.wrapper)).toMatch(/Acme API key works — checked at \d{2}:\d{2}/));
  expect(buttonProps(view.wrapper, 'Test Acme API key')).toMatchObject({pending: false});
  expect(rig.acme.requests.slice(before)).toEqual([{method: 'GET', path: '/v1/ping', presentedAs: 'bearer', status: 200}]);
  view.keep();
});

test('a key Acme refuses: "Acme refused this key", with what to do', async () => {
  await rig.seedKey(ACCOUNT, 'acme_api_key', REVOKED);
  const view = await renderSettings();
  const banner = await testAndWait(view, 'Test Acme API key', 'Acme refused this key');
  expect(banner.props.type).toBe('critical');
  expect(banner.props.description).toMatch(/answered 401 .*Replace it with a current key from Acme/);
});

test.each<[string, () => void, string, RegExp]>([
  ['Acme answering 503', () => rig.acme.simulate({status: 503}), 'acme_api_key', /Acme answered 503, which says nothing about the key/],
  ['nobody listening at the check URL', () => undefined, 'acme_down_key', /did not answer within 2 seconds, or could not be connected to/],
])('%s: "Could not reach Acme to check this key"', async (_what, trouble, name, description) => {
  await rig.seedKey(ACCOUNT, name, GOOD);
  trouble();
  const view = await renderSettings();
  const label = name === 'acme_api_key' ? 'Acme API key' : 'Acme key (nobody listening)';
  const banner = await testAndWait(view, `Test ${label}`, 'Could not reach Acme to check this key');
  expect(banner.props.type).toBe('caution');
  expect(banner.props.description).toMatch(description);
});

test('a key deleted after the page loaded: the page says it is no longer stored', async () => {
  await rig.seedKey(ACCOUNT, 'acme_api_key', GOOD);
  const view = await renderSettings();
  await rig.clearAccount(ACCOUNT);
  const banner = await testAndWait(view, 'Test Acme API key', 'No Acme API key is stored');
  expect(banner.props.description).toMatch(/Reload the page/);
});

test('the backend not running: "could not be tested", in the backend client’s words', async () => {
  await rig.seedKey(ACCOUNT, 'acme_api_key', GOOD);
  const view = await renderSettings({...rig.constants, backendUrl: 'http://127.0.0.1:9'});
  const banner = await testAndWait(view, 'Test Acme API key', 'Acme API key could not be tested');
  expect(banner.props.description).toBe('Could not reach the app backend. Check your connection and try again.');
});

test('a backend whose manifest declares no check for the slot: the page says to deploy matching constants', async () => {
  await rig.seedKey(ACCOUNT, 'shipping_webhook_secret', 'whsec_viewOnlyCheck');
  const keyChecks = {...(rig.constants.keyChecks as object), shipping_webhook_secret: {service: 'Shipping', url: 'https://shipping.example/ping', present: 'bearer'}};
  const view = await renderSettings({...rig.constants, keyChecks, backendUrl: rig.backend.url});
  const banner = await testAndWait(view, 'Test Shipping webhook secret', 'Shipping webhook secret could not be tested');
  expect(banner.props.description).toMatch(/no usable check for this key: deploy it with the same constants\.keyChecks/);
});

test('replacing the key drops the old outcome: it was about the previous key', async () => {
  await rig.seedKey(ACCOUNT, 'acme_api_key', REVOKED);
  const view = await renderSettings();
  await testAndWait(view, 'Test Acme API key', 'Acme refused this key');
  view.wrapper.find(TextField, {name: 'acme_api_key'})?.trigger('onChange', {target: {value: GOOD}});
  view.press('Replace Acme API key');
  await view.wait(() => expect(view.banner('Acme refused this key')).toBeUndefined());
  await testAndWait(view, 'Test Acme API key', /Acme API key works — checked at \d{2}:\d{2}/);
});

test('no key was ever in anything the page rendered, props included', () => {
  expect(rendered.length).toBeGreaterThan(5);
  const all = rendered.join('\n');
  expect(all.includes(GOOD) || all.includes(REVOKED)).toBe(false);
  expect(all.includes('ViewGoodKey') || all.includes('revokedViewKey')).toBe(false);
  // Nothing of what Acme said (its refusals quote the key masked) reached the page.
  expect(all.includes('****') || all.includes('Invalid API key')).toBe(false);
});
