/**
 * Uninstall: Stripe leaves an app's secrets behind when an account removes it,
 * so the backend cleans up on `account.application.deauthorized`, verified on
 * the raw body with the webhook signing secret. Real parts: the backend over
 * HTTP (on Node, and as a Worker under workerd), the local Secret Store, and
 * the local OAuth provider whose tokens the backend's own revoker revokes.
 */
import crypto from 'node:crypto';
import Stripe from 'stripe';
import {WEBHOOK_PATH} from '../../backend/app';
import {CONNECTED_USERS_SECRET, rememberConnectedUser} from '../../backend/connectionRegistry';
import manifest from '../fixtures/app/stripe-app.json';
import {CONNECTION_SECRET, FIXTURE_CONNECTION, REDIRECTS} from '../support/fixtureConnection';
import {secretsForUninstalledAccount, createStripe} from '../../backend/secrets';
import type {RunningBackend} from '../../backend/server';
import {startBackendUnderTest} from '../support/backendUnderTest';
import type {BackendConfig} from '../../backend/config';
import {localProviderManifest, startTestStore, type TestSecretStore, startTestProvider, type TestProvider, startAll} from 'stripe-apps-offline/testing';

const WEBHOOK_SECRET = `whsec_${crypto.randomBytes(16).toString('hex')}`;
const ACCOUNT = 'acct_1UninstallTest01';
const OTHER_ACCOUNT = 'acct_1UninstallKeep02';
const REDIRECT = 'http://127.0.0.1:1/test/apps-oauth/com.example.keyring';

let store: TestSecretStore;
let provider: TestProvider;
let backend: RunningBackend;
let config: BackendConfig;

beforeAll(async () => {
  [store, provider] = await startAll(startTestStore(), startTestProvider({redirectUris: [REDIRECT]}));
  // The fixture's connection at this run's provider, so the backend's own revoker (deployedHooks, as deployed) reaches it.
  const local = (localProviderManifest(provider.issuer, REDIRECTS, [FIXTURE_CONNECTION.id]).constants as {connections: Record<string, object>}).connections[FIXTURE_CONNECTION.id];
  const constants = {...manifest.constants, connections: [{...FIXTURE_CONNECTION, ...local}]};
  config = {secretKey: 'sk_test_uninstall', signingSecrets: ['absec_unused'], webhookSecrets: [WEBHOOK_SECRET], apiBase: new URL(store.url), host: '127.0.0.1', port: 0, constants};
  backend = await startBackendUnderTest(config);
});
afterAll(async () => {
  await backend?.close();
  await Promise.all([store?.close(), provider?.close()]);
});

const webhooks = () => Stripe.webhooks;

/** Stripe's event as it arrives at the endpoint: JSON body and a Stripe-Signature over it. */
function event(type: string, account: string | undefined) {
  const payload = JSON.stringify({
    id: `evt_${crypto.randomBytes(8).toString('hex')}`,
    object: 'event',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: {id: null, idempotency_key: null},
    type,
    ...(account ? {account} : {}),
    data: {object: {id: 'ca_keyringLocal', object: 'application', name: 'Keyring'}},
  });
  return {payload, signature: webhooks().generateTestHeaderString({payload, secret: WEBHOOK_SECRET})};
}

async function deliver(body: string, signature?: string): Promise<{status: number; json: Record<string, unknown>}> {
  const response = await fetch(`${backend.url}${WEBHOOK_PATH}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...(signature ? {'stripe-signature': signature} : {})},
    body,
  });
  return {status: response.status, json: (await response.json()) as Record<string, unknown>};
}

/** Real tokens for `login`, through the provider's own login and consent (PKCE). */
async function connect(login: string) {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(`${provider.issuer}/auth`);
  url.search = new URLSearchParams({response_type: 'code', client_id: 'keyring-preview', redirect_uri: REDIRECT, scope: 'read write', state: 's', code_challenge: challenge, code_challenge_method: 'S256'}).toString();
  const back = await provider.authorize(url.toString(), {login});
  const {body} = await provider.token({grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', code_verifier: verifier, redirect_uri: REDIRECT});
  return {access_token: String(body.access_token), refresh_token: String(body.refresh_token)};
}

const stripe = () => createStripe(config);

async function storeConnection(account: string, user: string, login: string) {
  const tokens = await connect(login);
  const scopes = secretsForUninstalledAccount(stripe(), account);
  await scopes.user(user).write(
    CONNECTION_SECRET,
    JSON.stringify({version: 1, ...tokens, token_type: 'Bearer', scope: 'read write', access_token_expires_at: null, refresh_token_expires_at: null, connected_at: 1, account_name: login}),
  );
  await rememberConnectedUser(scopes.account, user);
  return tokens;
}

const namesIn = (account: string, user?: string) => (user ? secretsForUninstalledAccount(stripe(), account).user(user) : secretsForUninstalledAccount(stripe(), account).account).names();

test("uninstall revokes and deletes every listed user's connection, then deletes the account's keys; other accounts keep theirs", async () => {
  const account = secretsForUninstalledAccount(stripe(), ACCOUNT).account;
  await account.write('acme_api_key', 'sk_test_AcmeKeyToForget01');
  await account.write('shipping_webhook_secret', 'whsec_shippingForget');
  const ada = await storeConnection(ACCOUNT, 'usr_UninstallAda', 'ada');
  await storeConnection(ACCOUNT, 'usr_UninstallBen', 'ben');
  await secretsForUninstalledAccount(stripe(), OTHER_ACCOUNT).account.write('acme_api_key', 'sk_test_AcmeKeyToKeep01');
  expect(await provider.me(ada.access_token)).toBe(200);

  const {payload, signature} = event('account.application.deauthorized', ACCOUNT);
  const answer = await deliver(payload, signature);
  expect(answer.status).toBe(200);
  expect(answer.json).toEqual({received: true, type: 'account.application.deauthorized', cleaned: {account_secrets: 3, connections: 2, revocations_failed: 0}});

  expect(await namesIn(ACCOUNT)).toEqual([]);
  expect(await namesIn(ACCOUNT, 'usr_UninstallAda')).toEqual([]);
  expect(await namesIn(ACCOUNT, 'usr_UninstallBen')).toEqual([]);
  expect(await provider.me(ada.access_token)).toBe(401);
  expect((await provider.token({grant_type: 'refresh_token', refresh_token: ada.refresh_token})).body.error).toBe('invalid_grant');
  expect(await namesIn(OTHER_ACCOUNT)).toEqual(['acme_api_key']);

  // Stripe retries deliveries: a second one finds nothing left and is still a 200.
  const again = await deliver(payload, signature);
  expect(again.json).toMatchObject({cleaned: {account_secrets: 0, connections: 0}});
});

test('a connection the list does not name survives: the documented limit of what uninstall can reach', async () => {
  const scopes = secretsForUninstalledAccount(stripe(), ACCOUNT);
  await scopes.user('usr_UnlistedCara').write(CONNECTION_SECRET, '{"version":1}');
  const {payload, signature} = event('account.application.deauthorized', ACCOUNT);
  expect((await deliver(payload, signature)).status).toBe(200);
  expect(await namesIn(ACCOUNT, 'usr_UnlistedCara')).toEqual([CONNECTION_SECRET]);
  expect(await namesIn(ACCOUNT)).not.toContain(CONNECTED_USERS_SECRET);
});

test.each([
  ['no signature', () => ({payload: event('account.application.deauthorized', ACCOUNT).payload, signature: undefined})],
  ['a signature made with another secret', () => {
    const {payload} = event('account.application.deauthorized', ACCOUNT);
    return {payload, signature: webhooks().generateTestHeaderString({payload, secret: 'whsec_someoneElse'})};
  }],
  ['a body changed after signing', () => {
    const {payload, signature} = event('account.application.deauthorized', ACCOUNT);
    return {payload: payload.replace(ACCOUNT, OTHER_ACCOUNT), signature};
  }],
])('%s: refused with 400, nothing deleted', async (_what, make) => {
  await secretsForUninstalledAccount(stripe(), OTHER_ACCOUNT).account.write('acme_api_key', 'sk_test_AcmeKeyToKeep01');
  const {payload, signature} = make();
  const answer = await deliver(payload, signature);
  expect(answer.status).toBe(400);
  expect(await namesIn(OTHER_ACCOUNT)).toEqual(['acme_api_key']);
});

test('other events are acknowledged and change nothing', async () => {
  await secretsForUninstalledAccount(stripe(), OTHER_ACCOUNT).account.write('acme_api_key', 'sk_test_AcmeKeyToKeep01');
  const {payload, signature} = event('customer.created', OTHER_ACCOUNT);
  expect(await deliver(payload, signature)).toEqual({status: 200, json: {received: true, type: 'customer.created'}});
  expect(await namesIn(OTHER_ACCOUNT)).toEqual(['acme_api_key']);
});
