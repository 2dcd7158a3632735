/**
 * Shopify's shop, which each user gives before connecting: every endpoint is
 * on the shop's own host, so the backend sends its client secret wherever the
 * shop says. The shop is checked against the myshopify.com form wherever it
 * comes from: the exchange's body (a hostile view can send anything) and the
 * stored connection (which sits in the user's scope, where the view writes).
 * Against the real backend, the real local Secret Store and the local
 * provider's Shopify personality.
 */
import crypto from 'node:crypto';
import Stripe from 'stripe';
import {LOCAL_CLIENT_SECRET, localOAuthLayer, localRedirectUris, oauthBehaviour, startAll, startTestProvider, startTestStore, type TestProvider, type TestSecretStore} from 'stripe-apps-offline/testing';
import {connectionSecrets} from '../../backend/oauth/userConnection';
import {secretsFor} from '../../backend/secrets';
import {startBackend, type RunningBackend} from '../../backend/server';
import {connectionSecretName} from '../../src/connections';
import {createConnectionCore} from '../../src/connections/connectionCore';
import {buildAuthorizeUrl, forUser, readConnections, readUserInput, type OAuthProviderConfig} from '../../src/oauth';
import {PRESETS} from '../../src/oauth/presets';
import {findStored} from '../support/storedSecrets';

jest.setTimeout(60_000);

const SECRET = `absec_${crypto.randomBytes(16).toString('hex')}`;
const ACCOUNT = 'acct_1ShopifyShop00001';
const ADA = 'usr_ShopifyAda00001';
const APP = 'com.example.shopify';
const SHOP = 'ada-shop.myshopify.com';
const ENTRY = {id: 'shop', preset: 'shopify', clientId: 'client-for-shopify'};

let store: TestSecretStore;
let provider: TestProvider;
let backend: RunningBackend;
let connection: OAuthProviderConfig;

beforeAll(async () => {
  const target = {issuer: '', previewOrigin: 'http://127.0.0.1:4300'};
  const redirects = localRedirectUris(target, APP);
  [store, provider] = await startAll(startTestStore(), startTestProvider({redirectUris: [redirects.test, redirects.live], scopes: PRESETS.shopify.scopes}));
  const constants = {redirectUris: redirects, connections: [{...ENTRY, ...localOAuthLayer(ENTRY, oauthBehaviour(ENTRY), {...target, issuer: provider.issuer}, APP)}]};
  [connection] = readConnections(constants as never).connections;
  backend = await startBackend({
    secretKey: 'sk_test_shopify',
    signingSecrets: [SECRET],
    apiBase: new URL(store.url),
    host: '127.0.0.1',
    port: 0,
    constants,
    oauthClientSecrets: {shop: LOCAL_CLIENT_SECRET},
  });
});
afterAll(async () => {
  await Promise.all([backend?.close(), store?.close(), provider?.close()]);
});

const sign = () => Stripe.webhooks.generateTestHeaderString({payload: JSON.stringify({user_id: ADA, account_id: ACCOUNT}), secret: SECRET});

async function call(route: string, body: Record<string, unknown>): Promise<{status: number; body: Record<string, unknown> & {error?: {type: string; message: string}}}> {
  const response = await fetch(`${backend.url}/v1/connection/${route}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'stripe-signature': sign()},
    body: JSON.stringify({...body, connection: 'shop', user_id: ADA, account_id: ACCOUNT}),
  });
  return {status: response.status, body: (await response.json()) as never};
}

/** Ada signs in at her shop's authorize URL; the Dashboard hands back the code and verifier. */
async function signIn(shop = SHOP): Promise<{code: string; verifier: string}> {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const url = buildAuthorizeUrl(forUser(connection, {shop}).provider, 'test', {state: crypto.randomBytes(12).toString('base64url'), challenge});
  const returned = await provider.authorize(url);
  return {code: returned.searchParams.get('code') ?? '', verifier};
}

const exchange = (grant: {code: string; verifier: string}, inputs: unknown) =>
  call('exchange', {...grant, redirect_uri: connection.redirectUris.test, ...(inputs === undefined ? {} : {inputs})});

const admin = () => store.backend(undefined, {stripeAccount: ACCOUNT});
const stored = async () => JSON.parse((await findStored(admin(), connectionSecretName('shop'), {type: 'user', user: ADA}))?.payload ?? 'null') as Record<string, unknown> | null;

describe('what a user types for the shop', () => {
  const {shop} = PRESETS.shopify.userInputs ?? {};
  const read = (typed: string) => readUserInput(shop, typed);

  test('is read as the myshopify.com host however it is pasted', () => {
    expect(read('ada-shop')).toEqual({value: SHOP});
    expect(read(' https://Ada-Shop.myshopify.com/admin/products ')).toEqual({value: SHOP});
    expect(read('ada-shop.myshopify.com')).toEqual({value: SHOP});
  });

  test('is refused, saying what is wanted, when it is empty, a storefront domain or anything that would leave myshopify.com', () => {
    expect(read('')).toEqual({problem: expect.stringContaining("Enter the shop domain: your shop's myshopify.com domain") as string});
    for (const typed of ['shop.example.com', 'ada.myshopify.com.evil.example', 'evil.example#.myshopify.com', 'ada@evil.example', '-ada.myshopify.com', 'ada shop']) {
      expect([typed, read(typed)]).toEqual([typed, {problem: expect.stringContaining("is not your shop's myshopify.com domain") as string}]);
    }
  });
});

test("the preset's URLs are kept with {shop} in them, and each user's are filled at use", () => {
  const [preset] = readConnections({redirectUris: connection.redirectUris, connections: [ENTRY]} as never).connections;
  expect(preset.tokenUrl).toBe('https://{shop}/admin/oauth/access_token');
  expect(forUser(preset, {shop: SHOP}).provider.tokenUrl).toBe(`https://${SHOP}/admin/oauth/access_token`);
  expect(() => forUser(preset, {shop: 'evil.example'})).toThrow(/is not your shop's myshopify.com domain/);
  expect(() => forUser(preset, {})).toThrow(/Enter the shop domain/);
});

test('the exchange refuses a shop of the wrong form, naming it, before the code goes anywhere', async () => {
  const grant = await signIn();
  // The panel sends the shop as it read it: the backend takes nothing else, not even a value it could tidy.
  for (const inputs of [{shop: 'evil.example'}, {}, undefined, {shop: 'ada-shop.myshopify.com/../evil'}, {shop: 'Ada-Shop'}]) {
    const refused = await exchange(grant, inputs);
    expect([refused.status, refused.body.error?.type]).toEqual([400, 'bad-request']);
    expect(refused.body.error?.message).toMatch(/Shopify: (Enter the shop domain|".*" is not your shop's myshopify.com domain)/);
  }
  expect((await exchange(grant, ['not', 'an', 'object'])).body.error?.type).toBe('bad-request');
  expect(await stored()).toBeNull();
  // Nothing was spent: the same code still connects, once given the right shop.
  const connected = await exchange(grant, {shop: SHOP});
  expect([connected.status, connected.body.account_name]).toEqual([200, "ada's shop"]);
  expect((await stored())?.kept).toEqual({shop: SHOP});
});

test('the token request asks for an expiring token, and gets an hour with a refresh token that each refresh replaces', async () => {
  await exchange(await signIn(), {shop: SHOP});
  const first = await stored();
  expect(first?.refresh_token).toEqual(expect.any(String));
  expect(Number(first?.access_token_expires_at) - Date.now() / 1000).toBeGreaterThan(3500);
  expect(Number(first?.refresh_token_expires_at) - Date.now() / 1000).toBeGreaterThan(89 * 24 * 3600);
  expect((await call('refresh', {when: 'now'})).status).toBe(200);
  const after = await stored();
  expect(after?.refresh_token === first?.refresh_token).toBe(false);
  expect(after?.kept).toEqual({shop: SHOP});
});

test('a disconnect cannot revoke (only uninstalling the app does), and says where in her own shop to do it', async () => {
  await exchange(await signIn(), {shop: SHOP});
  const answer = await call('disconnect', {});
  expect(answer.body).toEqual({revocation: 'not-supported', revoke_at: `https://${SHOP}/admin/settings/apps`});
  expect(await stored()).toBeNull();
});

test('a stored shop of the wrong form (written by anything that writes the user\'s scope) is never used: nothing is sent, the connection reads as unusable', async () => {
  await exchange(await signIn(), {shop: SHOP});
  const held = (await stored()) as Record<string, unknown>;
  await admin().apps.secrets.create({name: connectionSecretName('shop'), scope: {type: 'user', user: ADA}, payload: JSON.stringify({...held, kept: {shop: 'evil.example'}})});
  const refused = await call('refresh', {when: 'now'});
  expect([refused.status, refused.body.error?.type]).toEqual([500, 'connection-unreadable']);

  // The real preset (its URLs on the shop's own host), as a fork's backend runs it: no request at all leaves for the forged host.
  const [real] = readConnections({redirectUris: connection.redirectUris, connections: [ENTRY]} as never).connections;
  const sent: string[] = [];
  const core = createConnectionCore({
    secrets: connectionSecrets(secretsFor(admin(), {userId: ADA, accountId: ACCOUNT}).signedInUser),
    provider: real,
    mode: 'test',
    client: {method: 'client_secret_post', secret: LOCAL_CLIENT_SECRET},
    fetch: (input) => {
      sent.push(String(input));
      return Promise.reject(new Error('no network in this test'));
    },
  });
  await core.load();
  await expect(core.refresh()).rejects.toMatchObject({name: 'ConnectionPayloadError'});
  await expect(core.fetchAsUser('graphql.json', {method: 'POST', body: '{}'})).rejects.toMatchObject({name: 'ConnectionPayloadError'});
  await expect(core.disconnect()).resolves.toEqual({revocation: 'failed'});
  expect(sent).toEqual([]);
});
