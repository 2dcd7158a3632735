/**
 * Every preset, end to end through the real backend and the local provider's
 * personality of that provider (as `npm start` points them, with the kit's
 * own derivation): connect (keeping what the provider's API needs), refresh
 * as the provider allows, a used code and a dead refresh token refused as the
 * provider refuses them, and disconnect as the provider revokes (or cannot). A preset added without a personality, or a personality whose
 * answers the app cannot read, fails here.
 */
import crypto from 'node:crypto';
import Stripe from 'stripe';
import {localOAuthLayer, localRedirectUris, oauthBehaviour, startAll, startTestProvider, startTestStore, type TestProvider, type TestSecretStore} from 'stripe-apps-offline/testing';
import {LOCAL_CLIENT_SECRET} from 'stripe-apps-offline/testing';
import {connectionSecrets} from '../../backend/oauth/userConnection';
import {secretsFor} from '../../backend/secrets';
import type {ReconnectNeeded} from '../../backend/routes/types';
import {startBackend, type RunningBackend} from '../../backend/server';
import {createConnectionCore} from '../../src/connections/connectionCore';
import {connectionSecretName} from '../../src/connections';
import {buildAuthorizeUrl, fetchIdentity, forUser, readConnections, type OAuthProviderConfig} from '../../src/oauth';
import {PRESETS} from '../../src/oauth/presets';
import {findStored} from '../support/storedSecrets';

jest.setTimeout(60_000);

const SECRET = `absec_${crypto.randomBytes(16).toString('hex')}`;
const ACCOUNT = 'acct_1PresetsBackend1';
const ADA = 'usr_PresetsAda00001';
const APP = 'com.example.presets';

let store: TestSecretStore;
let provider: TestProvider;
let redirects: {test: string; live: string};
const target = {issuer: '', previewOrigin: 'http://127.0.0.1:4300'};

/** What a fork writes for each preset: its id and its own client id, nothing of the provider's. */
const declared = Object.keys(PRESETS).map((preset) => ({id: preset, preset, clientId: `client-for-${preset}`}));

beforeAll(async () => {
  redirects = localRedirectUris(target, APP);
  [store, provider] = await startAll(startTestStore(), startTestProvider({redirectUris: [redirects.test, redirects.live], scopes: Object.values(PRESETS).flatMap((p) => p.scopes ?? [])}));
});
afterAll(async () => {
  await Promise.all([store?.close(), provider?.close()]);
});

/**
 * A backend for an app that declares this one preset (a user's scope fits
 * only MAX_CONNECTIONS at once), pointed at the local provider's personality
 * exactly as `npm start` points it.
 */
async function appWith(entry: (typeof declared)[number]): Promise<{backend: RunningBackend; connection: OAuthProviderConfig}> {
  const constants = {redirectUris: redirects, connections: [{...entry, ...localOAuthLayer(entry, oauthBehaviour(entry), {...target, issuer: provider.issuer}, APP)}]};
  const read = readConnections(constants as never);
  expect(read.problems).toEqual([]);
  const [connection] = read.connections;
  const backend = await startBackend({
    secretKey: 'sk_test_presets',
    signingSecrets: [SECRET],
    apiBase: new URL(store.url),
    host: '127.0.0.1',
    port: 0,
    constants,
    oauthClientSecrets: connection.exchange === 'backend' ? {[connection.id]: LOCAL_CLIENT_SECRET} : {},
  }, {events: {reconnectNeeded: (event) => void reconnects.push(event)}});
  return {backend, connection};
}

let backend: RunningBackend;
let connection: OAuthProviderConfig;
/** What the backend's reconnectNeeded hook was told. */
const reconnects: ReconnectNeeded[] = [];

const sign = () => Stripe.webhooks.generateTestHeaderString({payload: JSON.stringify({user_id: ADA, account_id: ACCOUNT}), secret: SECRET});

async function call(route: string, body: Record<string, unknown>): Promise<{status: number; body: Record<string, unknown> & {error?: {type: string}}}> {
  const response = await fetch(`${backend.url}/v1/connection/${route}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'stripe-signature': sign()},
    body: JSON.stringify({...body, user_id: ADA, account_id: ACCOUNT}),
  });
  return {status: response.status, body: (await response.json()) as never};
}

/** What ada types before Connect where the provider asks (Shopify's shop), as the panel records it with the sign-in. */
const typedBy = (connection: OAuthProviderConfig): Record<string, string> =>
  Object.fromEntries(Object.entries(connection.userInputs ?? {}).map(([name, input]) => [name, input.example]));

/** What the Dashboard hands back after ada signs in at the connection's authorize URL: a code and its verifier (and what she typed first). */
async function signIn(connection: OAuthProviderConfig): Promise<{code: string; verifier: string; inputs?: Record<string, string>}> {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const inputs = typedBy(connection);
  const returned = await provider.authorize(buildAuthorizeUrl(forUser(connection, inputs).provider, 'test', {state: crypto.randomBytes(12).toString('base64url'), challenge}));
  return {code: returned.searchParams.get('code') ?? '', verifier, ...(connection.userInputs ? {inputs} : {})};
}

const stored = async (id: string) =>
  JSON.parse((await findStored(store.backend(undefined, {stripeAccount: ACCOUNT}), connectionSecretName(id), {type: 'user', user: ADA}))?.payload ?? 'null') as Record<string, unknown> | null;

/**
 * Trades a code as the connection's exchange says: the backend's route, or,
 * for a preset whose provider takes public clients (Dropbox), the connection
 * core the view runs, as a public client with PKCE, over ada's own scope. The
 * answer is the backend's status either way.
 */
async function exchange(grant: {code: string; verifier: string; inputs?: Record<string, string>}): ReturnType<typeof call> {
  if (connection.exchange === 'backend') return call('exchange', {connection: connection.id, ...grant, redirect_uri: redirects.test});
  const scope = secretsFor(store.backend(undefined, {stripeAccount: ACCOUNT}), {userId: ADA, accountId: ACCOUNT}).signedInUser;
  const view = createConnectionCore({secrets: connectionSecrets(scope), provider: connection, mode: 'test'});
  const connected = await view.connect(grant).then(
    () => null,
    (e: {kind?: string}) => ({status: 502, body: {error: {type: `provider-${e.kind ?? 'unknown'}`}}}),
  );
  return connected ?? call('status', {connection: connection.id});
}

/** Who the panel says is connected: ada (or her organisation, Xero's), or nobody where the provider has no identity call (HubSpot's needs the secret). */
const who = (id: string) => (PRESETS[id].identityUrl ? (expect.stringContaining('ada') as string) : null);

describe.each(declared.map((d) => d.id))('the %s preset', (id) => {
  beforeAll(async () => {
    ({backend, connection} = await appWith(declared.find((d) => d.id === id) as (typeof declared)[number]));
  });
  afterAll(() => backend?.close());

  test('connects through its personality, in its own secret, and says who is connected', async () => {
    const grant = await signIn(connection);
    const answer = await exchange(grant);
    expect([answer.status, answer.body.error?.type ?? null]).toEqual([200, null]);
    expect(answer.body).toMatchObject({connected: true, connection: id, provider: PRESETS[id].name, account_name: who(id)});
    // A provider that sends no expires_in (Salesforce) still gets an end, the one its preset assumes.
    if (PRESETS[id].assumedAccessTokenLifetimeSeconds) expect(answer.body.access_token_expires_at).toBeGreaterThan(Date.now() / 1000);
    const kept = (await stored(id))?.kept as Record<string, string> | undefined;
    expect((await stored(id))?.access_token).toEqual(expect.any(String));
    // What the provider's API needs beside the tokens (Salesforce's instance_url, Shopify's shop) is kept with them.
    expect(Object.keys(kept ?? {}).sort()).toEqual([...Object.keys(PRESETS[id].keep ?? {}), ...Object.keys(PRESETS[id].userInputs ?? {})].sort());
  });

  test('refreshes as the provider allows: a token that never expires needs none, one that does is renewed and still works', async () => {
    const summary = (await call('status', {connection: id})).body;
    if (!summary.can_refresh) {
      // GitHub's and Slack's (without rotation) tokens do not expire: nothing to renew, and none is attempted.
      expect(summary.access_token_expires_at).toBeNull();
      return;
    }
    const before = await stored(id);
    const renewed = await call('refresh', {connection: id, when: 'now'});
    expect([renewed.status, renewed.body.connected]).toEqual([200, true]);
    const after = await stored(id);
    expect(after?.access_token === before?.access_token).toBe(false);
    // Google's refresh answers carry no new refresh token: the old one is kept, and renews again.
    expect((await call('refresh', {connection: id, when: 'now'})).status).toBe(200);
    expect((await call('verify', {connection: id})).body).toMatchObject({connected: true, account_name: who(id)});
  });

  test('a used code is refused as the provider refuses it, and read as the sign-in\'s refusal', async () => {
    const grant = await signIn(connection);
    expect((await exchange(grant)).status).toBe(200);
    const again = await exchange(grant);
    expect(again.body.error?.type).toBe('provider-invalid-grant');
  });

  test('a refresh token the provider no longer takes is read as "connect again", not as an outage', async () => {
    const summary = (await call('status', {connection: id})).body;
    if (!summary.can_refresh) return;
    const held = (await stored(id)) as Record<string, unknown>;
    await store.backend(undefined, {stripeAccount: ACCOUNT}).apps.secrets.create({
      name: connectionSecretName(id),
      scope: {type: 'user', user: ADA},
      payload: JSON.stringify({...held, refresh_token: `revoked-${crypto.randomBytes(8).toString('hex')}`}),
    });
    reconnects.length = 0;
    const refused = await call('refresh', {connection: id, when: 'now'});
    expect(refused.body.error?.type).toBe('provider-invalid-grant');
    // The fork's backend learns it too, for this user and this connection only.
    expect(reconnects).toEqual([{accountId: ACCOUNT, userId: ADA, connection: id, code: expect.any(String) as string}]);
  });

  test('disconnects as the provider revokes, or says it cannot; a revoked token no longer works', async () => {
    expect((await exchange(await signIn(connection))).status).toBe(200);
    const token = String((await stored(id))?.access_token);
    const answer = await call('disconnect', {connection: id});
    expect(answer.status).toBe(200);
    expect(answer.body.revocation).toBe(PRESETS[id].revocationUrl ? 'revoked' : 'not-supported');
    expect(await stored(id)).toBeNull();
    if (answer.body.revocation === 'revoked' && connection.identityUrl) {
      const after = await fetchIdentity({...connection, identityUrl: connection.identityUrl}, token).catch((e: {kind?: string}) => e.kind);
      expect(after).toBe('invalid-token');
    }
  });
});
