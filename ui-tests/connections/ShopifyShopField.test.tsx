/**
 * A connection whose provider needs each user's input before Connect
 * (Shopify's shop): the panel asks for it, says what is wrong where the user
 * types, makes the Connect link to that shop only once it is right, records
 * it with the sign-in so the return knows which shop the code is for (the
 * Dashboard drops Shopify's `shop` from the redirect), and after a
 * disconnect points at that shop's own apps page. Rendered with the SDK
 * against the real backend, the real local Secret Store and the local
 * provider's Shopify personality.
 */
import {getMockContextProps} from '@stripe/ui-extension-sdk/testing';
import {TextField} from '@stripe/ui-extension-sdk/ui';
import manifest from '../fixtures/app/stripe-app.json';
import {startBackend, type RunningBackend} from '../../backend/server';
import {LOCAL_CLIENT_SECRET, localOAuthLayer, oauthBehaviour, startAll, startTestProvider, startTestStore, type TestProvider, type TestSecretStore} from 'stripe-apps-offline/testing';
import {connectionSecretName, SIGN_INS_SECRET} from '../../src/connections';
import {PRESETS} from '../../src/oauth/presets';
import {DEFAULT_IDENTITY, installHostEndpoint, TEST_SIGNING_SECRET, uninstallHostEndpoint, type InstalledHost} from '../support/hostEndpoint';
import {REDIRECTS} from '../support/fixtureConnection';
import {buttonProps} from '../support/remoteTree';
import {findStored} from '../support/storedSecrets';
import {closeDrawers, confirmDisconnect, openDrawer, type Drawer} from './drawerHarness';

jest.setTimeout(60_000);

const ENTRY = {id: 'shop', preset: 'shopify', clientId: 'client-for-shopify'};
const FIELD = 'Shopify shop domain';
const CONNECT = 'Connect to Shopify';

let store: TestSecretStore;
let provider: TestProvider;
let backend: RunningBackend;
let host: InstalledHost;
let constants: Record<string, unknown>;

beforeAll(async () => {
  [store, provider] = await startAll(startTestStore(), startTestProvider({redirectUris: [REDIRECTS.test, REDIRECTS.live], scopes: PRESETS.shopify.scopes}));
  const layer = localOAuthLayer(ENTRY, oauthBehaviour(ENTRY), {issuer: provider.issuer, previewOrigin: 'http://127.0.0.1:4300'}, DEFAULT_IDENTITY.app);
  const backendConstants = {...manifest.constants, redirectUris: REDIRECTS, connections: [{...ENTRY, ...layer}]};
  backend = await startBackend({
    secretKey: 'sk_test_shopifyField',
    signingSecrets: [TEST_SIGNING_SECRET],
    apiBase: new URL(store.url),
    host: '127.0.0.1',
    port: 0,
    constants: backendConstants,
    oauthClientSecrets: {shop: LOCAL_CLIENT_SECRET},
  });
  constants = {...backendConstants, backendUrl: backend.url};
});
afterAll(async () => {
  uninstallHostEndpoint();
  await Promise.all([backend?.close(), store?.close(), provider?.close()]);
});
beforeEach(async () => {
  host = installHostEndpoint(store);
  for (const name of [SIGN_INS_SECRET, connectionSecretName('shop')]) {
    await admin().apps.secrets.deleteWhere({name, scope: {type: 'user', user: DEFAULT_IDENTITY.user}}).catch(() => undefined);
  }
});
afterEach(closeDrawers);

const admin = () => store.backend(undefined, {stripeAccount: DEFAULT_IDENTITY.account});
const stored = async (name: string) => JSON.parse((await findStored(admin(), name, {type: 'user', user: DEFAULT_IDENTITY.user}))?.payload ?? 'null') as unknown;
const open = (oauthContext?: Parameters<typeof openDrawer>[1]) => openDrawer(getMockContextProps({environment: {constants: constants as never, mode: 'test'}}), oauthContext);

const field = (drawer: Drawer) => drawer.wrapper.find(TextField, {label: FIELD});
const type = (drawer: Drawer, value: string) => field(drawer)?.trigger('onChange', {target: {value}});

test('Connect without a shop says, at the field, what to enter; a storefront domain is named as not one', async () => {
  const drawer = open();
  await drawer.wait(() => expect(field(drawer)).toBeTruthy());
  expect(field(drawer)?.props.error).toBeUndefined();
  // A button the keyboard reaches, not a link to nowhere.
  expect(buttonProps(drawer.wrapper, CONNECT)?.href).toBeUndefined();
  drawer.press(CONNECT);
  await drawer.wait(() => expect(field(drawer)?.props.error).toMatch(/^Enter the shop domain: your shop's myshopify.com domain/));
  type(drawer, 'shop.example.com');
  await drawer.wait(() => expect(field(drawer)?.props.error).toBe('"shop.example.com" is not your shop\'s myshopify.com domain, such as acme.myshopify.com (not its storefront\'s own domain).'));
  expect(field(drawer)?.props.invalid).toBe(true);
  expect(buttonProps(drawer.wrapper, CONNECT)?.href).toBeUndefined();
  // Nothing was recorded or stored for a sign-in that never started.
  expect(await stored(SIGN_INS_SECRET)).toBeNull();
});

test('a pasted shop URL is read as its host, the link goes to that shop, the return connects it and keeps it, and a disconnect points at its apps page', async () => {
  const drawer = open();
  await drawer.wait(() => expect(field(drawer)).toBeTruthy());
  type(drawer, 'https://Ada-Shop.myshopify.com/admin');
  await drawer.wait(() => expect(field(drawer)?.props.description).toBe('Connects to ada-shop.myshopify.com.'));
  let href = '';
  await drawer.wait(() => {
    href = String(buttonProps(drawer.wrapper, CONNECT)?.href ?? '');
    expect(href).toContain('/as/shopify/ada-shop.myshopify.com/auth?');
  });
  expect(new URL(href).searchParams.get('scope')).toBe('read_products');
  drawer.press(CONNECT);
  await drawer.wait(async () => expect(await stored(SIGN_INS_SECRET)).toEqual([expect.objectContaining({connection: 'shop', inputs: {shop: 'ada-shop.myshopify.com'}})]));
  drawer.close();

  const back = open(host.oauthReturn(await provider.authorize(href)));
  await back.wait(() => expect(back.text()).toContain("Connected as ada's shop"));
  expect(await stored(connectionSecretName('shop'))).toMatchObject({kept: {shop: 'ada-shop.myshopify.com'}});

  await confirmDisconnect(back, 'Shopify');
  await back.wait(() => expect(back.text()).toContain('https://ada-shop.myshopify.com/admin/settings/apps'));
  expect(await stored(connectionSecretName('shop'))).toBeNull();
});
