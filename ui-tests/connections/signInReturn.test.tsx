/**
 * With several connections, the Dashboard's return (a code and a state, no
 * word of which provider) reaches only the panel whose Connect started that
 * sign-in, through the record the drawer keeps in the user's scope; a return
 * nobody recorded exchanges nothing. With one connection nothing is recorded.
 * Against the real local Secret Store and the real local provider.
 */
import {getMockContextProps} from '@stripe/ui-extension-sdk/testing';
import manifest from '../fixtures/app/stripe-app.json';
import {connectionSecretName, firstReadsFor, SIGN_INS_SECRET} from '../../src/connections';
import type {OAuthProviderConfig} from '../../src/oauth';
import {DEFAULT_IDENTITY, installHostEndpoint, uninstallHostEndpoint, type InstalledHost} from '../support/hostEndpoint';
import {REDIRECTS} from '../support/fixtureConnection';
import {findStored} from '../support/storedSecrets';
import {startAll, startTestProvider, startTestStore, type TestProvider, type TestSecretStore} from 'stripe-apps-offline/testing';
import {closeDrawers, connectLink, openDrawer} from './drawerHarness';

jest.setTimeout(60_000);

let store: TestSecretStore;
let provider: TestProvider;
let host: InstalledHost;

beforeAll(async () => {
  [store, provider] = await startAll(startTestStore(), startTestProvider({redirectUris: [REDIRECTS.test, REDIRECTS.live]}));
});
afterAll(async () => {
  uninstallHostEndpoint();
  await Promise.all([store?.close(), provider?.close()]);
});
beforeEach(async () => {
  host = installHostEndpoint(store);
  const scope = {type: 'user' as const, user: DEFAULT_IDENTITY.user};
  for (const name of [SIGN_INS_SECRET, connectionSecretName('first'), connectionSecretName('second'), connectionSecretName('third')]) {
    await backend().apps.secrets.deleteWhere({name, scope}).catch(() => undefined);
  }
});
afterEach(closeDrawers);

const backend = () => store.backend(undefined, {stripeAccount: DEFAULT_IDENTITY.account});
const stored = async (name: string) => (await findStored(backend(), name, {type: 'user', user: DEFAULT_IDENTITY.user})) !== null;

/** Two connections (or one) at the one local provider, told apart by id and name. */
const constants = (ids: string[]) => ({
  ...manifest.constants,
  connections: ids.map((id) => provider.oauthConstants(REDIRECTS, {id, name: id.charAt(0).toUpperCase() + id.slice(1)})),
});
const open = (ids: string[], oauthContext?: Parameters<typeof openDrawer>[1]) =>
  openDrawer(getMockContextProps({environment: {constants: constants(ids) as never, mode: 'test'}}), oauthContext);

test("the return reaches the panel whose Connect started the sign-in, and only that one's secret is written", async () => {
  const first = open(['first', 'second']);
  const href = await connectLink(first, 'Connect to Second');
  first.press('Connect to Second');
  await first.wait(async () => expect(await stored(SIGN_INS_SECRET)).toBe(true));
  const codes = provider.grants('authorization_code');

  const back = open(['first', 'second'], host.oauthReturn(await provider.authorize(href)));
  await back.wait(() => expect(back.text()).toContain('Connected as ada'));
  expect(back.text()).toContain('You are not connected to First');
  expect([await stored(connectionSecretName('first')), await stored(connectionSecretName('second'))]).toEqual([false, true]);
  expect(provider.grants('authorization_code')).toBe(codes + 1);
});

test('a return that no Connect recorded exchanges nothing and says so', async () => {
  const first = open(['first', 'second']);
  // The link followed without pressing Connect: nothing recorded which connection it was for.
  const href = await connectLink(first, 'Connect to First');
  const codes = provider.grants('authorization_code');

  const back = open(['first', 'second'], host.oauthReturn(await provider.authorize(href)));
  await back.wait(() => expect(back.banner('This sign-in could not be matched to a connection')).toBeDefined());
  expect(String(back.banner('This sign-in could not be matched to a connection')?.props.description)).toContain('nothing was exchanged or stored');
  // Both panels still offer Connect; no code reached any token endpoint.
  await back.wait(() => expect(back.text()).toContain('You are not connected to Second'));
  expect(back.text()).toContain('You are not connected to First');
  expect(provider.grants('authorization_code')).toBe(codes);
  expect([await stored(connectionSecretName('first')), await stored(connectionSecretName('second'))]).toEqual([false, false]);
});

test('with one connection the return is its own: nothing is recorded in the user’s scope', async () => {
  const first = open(['first']);
  const href = await connectLink(first, 'Connect to First');
  first.press('Connect to First');
  const back = open(['first'], host.oauthReturn(await provider.authorize(href)));
  await back.wait(() => expect(back.text()).toContain('Connected as ada'));
  expect(await stored(SIGN_INS_SECRET)).toBe(false);
});

test("opening a drawer of several connections reads the user's scope once, a list, and each panel shows only its own", async () => {
  const first = open(['first', 'second', 'third']);
  const href = await connectLink(first, 'Connect to Second');
  first.press('Connect to Second');
  await first.wait(async () => expect(await stored(SIGN_INS_SECRET)).toBe(true));
  const back = open(['first', 'second', 'third'], host.oauthReturn(await provider.authorize(href)));
  await back.wait(() => expect(back.text()).toContain('Connected as ada'));

  host.requests.length = 0;
  const again = open(['first', 'second', 'third']);
  await again.wait(() => expect(again.text()).toContain('Connected as ada'));
  expect(again.text()).toContain('You are not connected to First');
  expect(again.text()).toContain('You are not connected to Third');
  // Not one find per connection: one list with the payloads, whose entries each panel takes once.
  expect(host.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/apps/secrets']);
});

test("a drawer with a backend-mode connection does not list the scope (that connection's tokens never reach the view): its view-mode panels read their own, the backend-mode ones share one call", async () => {
  const view = {exchange: 'view'} as OAuthProviderConfig;
  const calls: string[] = [];
  const scope = {revealAll: () => Promise.reject(new Error('the scope was listed'))};
  const backend = {call: <T,>(path: string, body?: Record<string, unknown>) => (calls.push(`${path} ${JSON.stringify(body)}`), Promise.resolve({connections: [{connected: true, connection: 'b'}]} as T))};
  const mixed = firstReadsFor([{...view, id: 'a'}, {...view, id: 'b', exchange: 'backend'}, {...view, id: 'c', exchange: 'backend'}], () => scope, () => backend);
  expect(mixed.payload('a')).toBeNull();
  expect(await Promise.all([mixed.status('b'), mixed.status('c')])).toEqual([{connected: true, connection: 'b'}, {connected: false, connection: 'c'}]);
  expect(calls).toEqual(['/v1/connections/status {"connections":["b","c"]}']);
  // Each share is taken once: a later load asks for itself.
  expect(mixed.status('b')).toBeNull();
});
