/**
 * The Connections panel against the real local Secret Store (through a host
 * endpoint, the SDK's HTTP path) and the real local OAuth provider
 * (oidc-provider, over HTTP): every state and transition of the connection.
 * What a step stored is read back as the app's backend would read it.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {getMockContextProps} from '@stripe/ui-extension-sdk/testing';
import {Banner, ContextView, Spinner} from '@stripe/ui-extension-sdk/ui';
import manifest from '../fixtures/app/stripe-app.json';
import {type StoredConnection} from '../../src/connections';
import {CONNECTION_SECRET, FIXTURE_CONNECTION, REDIRECTS, REFRESH_LEASE_SECRET} from '../support/fixtureConnection';
import type {OAuthContext} from '../../src/connections/connectionMachine';
import {DEFAULT_IDENTITY, installHostEndpoint, uninstallHostEndpoint, type InstalledHost} from '../support/hostEndpoint';
import {startTestStore, type TestSecretStore, startTestProvider, type TestProvider, startAll} from 'stripe-apps-offline/testing';
import {buttonProps, everything} from '../support/remoteTree';
import {storedConnection} from '../support/storedSecrets';
import {closeDrawers, confirmDisconnect, connectLink as linkOf, openDrawer, openPanel, type Drawer} from './drawerHarness';

jest.setTimeout(60_000);

const ID = FIXTURE_CONNECTION.id;
const PROVIDER = 'Local OAuth provider';
const CONNECT = `Connect to ${PROVIDER}`;
const OTHER_USER = 'usr_OtherUser0002';

let store: TestSecretStore;
let provider: TestProvider;
let host: InstalledHost;
let constants: Record<string, unknown>;

beforeAll(async () => {
  [store, provider] = await startAll(startTestStore(), startTestProvider({redirectUris: [REDIRECTS.test, REDIRECTS.live]}));
  constants = {...manifest.constants, connections: [provider.oauthConstants(REDIRECTS, {id: ID})]};
});
afterAll(async () => {
  uninstallHostEndpoint();
  await Promise.all([store?.close(), provider?.close()]);
});

const backend = () => store.backend(undefined, {stripeAccount: DEFAULT_IDENTITY.account});
const userScope = (user = DEFAULT_IDENTITY.user) => ({type: 'user' as const, user});

/** The stored connection as the app's backend reads it, or null. */
const stored = (user = DEFAULT_IDENTITY.user) => storedConnection(backend(), user);

/** Whether a connection is stored (a boolean, so a failure never prints the tokens). */
const isStored = async (user = DEFAULT_IDENTITY.user) => (await stored(user)) !== null;

async function writeStored(connection: StoredConnection, user = DEFAULT_IDENTITY.user) {
  await backend().apps.secrets.create({name: CONNECTION_SECRET, scope: userScope(user), payload: JSON.stringify(connection)});
}

beforeEach(async () => {
  store.faults.clear();
  host = installHostEndpoint(store);
  for (const user of [DEFAULT_IDENTITY.user, OTHER_USER]) {
    for (const name of [CONNECTION_SECRET, REFRESH_LEASE_SECRET]) {
      await backend().apps.secrets.deleteWhere({name, scope: userScope(user)}).catch(() => undefined);
    }
  }
});

afterEach(closeDrawers);

type DrawerOptions = {oauthContext?: OAuthContext; mode?: 'test' | 'live'; oauth?: Record<string, unknown>; userId?: string};

function contextFor(options: DrawerOptions) {
  const context = getMockContextProps({
    environment: {constants: {...constants, ...(options.oauth ? {connections: [options.oauth]} : {})} as never, mode: options.mode ?? 'test'},
    ...(options.userId !== undefined ? {userContext: {id: options.userId} as never} : {}),
  });
  if (options.userId === '') context.userContext.id = undefined;
  return context;
}

function renderDrawer(options: DrawerOptions = {}) {
  return openDrawer(contextFor(options), options.oauthContext);
}

/** Looks for another tab's sign-in every 100 ms, for 1 s (the drawer: every 3 s, for 5 minutes). */
const SHORT_LOOKS = {lookForLanding: {everyMs: 100, forMs: 1000}};

const connectLink = (drawer: Drawer, label = CONNECT) => linkOf(drawer, label);

/** Opens the drawer, follows Connect through the provider's pages, and reopens the drawer as the Dashboard does. */
async function signIn(login = 'ada', options: {cancel?: boolean} = {}): Promise<OAuthContext> {
  const first = renderDrawer();
  const href = await connectLink(first);
  return host.oauthReturn(await provider.authorize(href, {login, ...options}));
}

async function connect(login = 'ada'): Promise<Drawer> {
  const oauthContext = await signIn(login);
  const drawer = renderDrawer({oauthContext});
  await drawer.wait(() => expect(drawer.text()).toContain(`Connected as ${login}`));
  return drawer;
}

/** Whether two tokens are the same, as a boolean, so a failing assertion never prints a token. */
const same = (a: string | null | undefined, b: string | null | undefined) => a === b;

function expectNoTokens(drawer: Drawer, connection: StoredConnection | null) {
  if (!connection) return;
  const strings = drawer.text();
  for (const token of [connection.access_token, connection.refresh_token].filter((t): t is string => !!t)) {
    expect(strings.includes(token)).toBe(false);
    expect(strings.includes(token.slice(0, 12))).toBe(false);
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Connected, then Disconnect… and Disconnect, which Stripe refuses to delete: the panel says "Could not disconnect". */
async function refusedDisconnect(): Promise<Drawer> {
  const drawer = await connect('ada');
  drawer.press(`Disconnect from ${PROVIDER}…`);
  await drawer.wait(() => expect(buttonProps(drawer.wrapper, `Disconnect from ${PROVIDER}`)).toBeDefined());
  store.faults.inject({fault: {kind: 'server-error'}, method: 'POST', path: '/v1/apps/secrets/delete'});
  drawer.press(`Disconnect from ${PROVIDER}`);
  await drawer.wait(() => expect(drawer.banner('Could not disconnect')).toBeDefined());
  store.faults.clear();
  return drawer;
}

describe('not connected', () => {
  test('opening costs one list of the user\'s scope; Connect links to the provider with PKCE (S256), the state, the scopes and this mode’s return route', async () => {
    const drawer = renderDrawer();
    const href = new URL(await connectLink(drawer));
    // One list with the payloads, shared by every panel's first look (firstReads.ts), even with one connection.
    expect(host.requests).toEqual([{method: 'GET', path: '/v1/apps/secrets', query: expect.stringContaining('expand[0]=data.payload') as string, status: 200}]);
    expect(host.requests[0].query).toContain(`scope[user]=${DEFAULT_IDENTITY.user}`);
    expect(drawer.text()).toContain('You are not connected to Local OAuth provider');
    expect(`${href.origin}${href.pathname}`).toBe(`${provider.issuer}/auth`);
    const p = href.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('keyring-preview');
    expect(p.get('redirect_uri')).toBe(REDIRECTS.test);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('scope')).toBe('read write');
    const issued = host.oauthStates.match(p.get('state')!);
    expect(issued).not.toBeNull();
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(buttonProps(drawer.wrapper, CONNECT)?.target).toBe('_blank');
  });

  test('live mode returns to the live route', async () => {
    const drawer = renderDrawer({mode: 'live'});
    expect(new URL(await connectLink(drawer)).searchParams.get('redirect_uri')).toBe(REDIRECTS.live);
  });

  test('pressing Connect waits for the other tab; Check again reads the store again, Start over offers a new link', async () => {
    const drawer = renderDrawer();
    const first = await connectLink(drawer);
    drawer.press(CONNECT);
    await drawer.wait(() => expect(drawer.text()).toContain('Finish signing in to Local OAuth provider in the new tab'));
    drawer.press('Start over');
    const second = await connectLink(drawer);
    expect(new URL(second).searchParams.get('state')).not.toBe(new URL(first).searchParams.get('state'));
    drawer.press(CONNECT);
    await drawer.wait(() => expect(drawer.text()).toContain('Check again'));
    await writeStored({version: 1, access_token: 'x'.repeat(20), refresh_token: null, token_type: 'Bearer', scope: 'read', access_token_expires_at: null, refresh_token_expires_at: null, connected_at: nowSeconds(), account_name: 'ada'});
    drawer.press('Check again');
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada'));
  });

  test('a misconfigured manifest says what is wrong instead of breaking', async () => {
    const drawer = renderDrawer({oauth: {name: 'Acme', tokenUrl: 'ftp://nope', clientId: ''}});
    await drawer.wait(() => expect(drawer.banner("Check the app's stripe-app.json")).toBeDefined());
    const description = String(drawer.banner("Check the app's stripe-app.json")?.props.description);
    expect(description).toContain('authorizeUrl');
    expect(description).toContain('tokenUrl must be an https URL');
    expect(description).toContain('clientId is missing');
    expect(description).toContain('constants.connections[0].id must be');
    expect(host.requests).toHaveLength(0);
  });

  test('without a signed-in user nothing is read or written, and the panel says why', async () => {
    const drawer = renderDrawer({userId: ''});
    await drawer.wait(() => expect(drawer.banner('Could not check your connection')).toBeDefined());
    expect(String(drawer.banner('Could not check your connection')?.props.description)).toContain('No signed-in Dashboard user');
    expect(host.requests).toHaveLength(0);
  });
});

describe('connecting', () => {
  test('one token exchange and one write to the signed-in user’s scope; the panel shows who, scopes and expiry, never a token', async () => {
    const oauthContext = await signIn('ada');
    const grantsBefore = provider.grants('authorization_code');
    host.requests.length = 0;
    const drawer = renderDrawer({oauthContext});
    await drawer.wait(() => expect(drawer.text()).toContain('Finishing the connection'), 2000).catch(() => undefined);
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada'));
    expect(provider.grants('authorization_code')).toBe(grantsBefore + 1);
    // After the redirect: the write and nothing else reaches the Secret Store.
    expect(host.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v1/apps/secrets 200']);

    const saved = await stored();
    expect(saved !== null).toBe(true);
    expect(saved!.access_token.length).toBeGreaterThan(20);
    expect(saved!.refresh_token!.length).toBeGreaterThan(20);
    expect(saved!.scope).toBe('read write');
    expect(saved!.account_name).toBe('ada');
    expect(saved!.access_token_expires_at).toBeGreaterThan(nowSeconds() + 3500);
    // The secret ends with the refresh token (14 days, from the connection's refreshTokenLifetimeSeconds).
    expect(saved!.expiresAt).toBeGreaterThan(nowSeconds() + 14 * 24 * 3600 - 120);
    expect(saved!.expiresAt).toBeLessThanOrEqual(nowSeconds() + 14 * 24 * 3600);
    expect(await provider.me(saved!.access_token)).toBe(200);

    expect(drawer.text()).toContain('Scopes: read, write');
    expect(drawer.text()).toMatch(/Access token expires .*renewed automatically/);
    expect(everything(drawer.wrapper).some((f) => f.type === 'Badge' && f.text === 'Connected')).toBe(true);
    expectNoTokens(drawer, saved);
    expect(drawer.text().includes(oauthContext.code!)).toBe(false);
    expect(drawer.text().includes(oauthContext.verifier!)).toBe(false);
  });

  test('the token is in this user’s scope only: another user of the account sees “not connected”', async () => {
    await connect('ada');
    expect(await isStored(OTHER_USER)).toBe(false);
    host.identity.user = OTHER_USER;
    const drawer = renderDrawer({userId: OTHER_USER});
    await connectLink(drawer);
    expect(drawer.text()).toContain('You are not connected');
    expect((await backend().apps.secrets.list({scope: {type: 'account'}})).data.map((s) => s.name)).not.toContain(CONNECTION_SECRET);
  });

  test('a re-render or a remount with the same code does not exchange it again', async () => {
    const oauthContext = await signIn('ada');
    const before = provider.grants('authorization_code');
    const drawer = renderDrawer({oauthContext});
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada'));
    drawer.wrapper.unmount();
    host.requests.length = 0;
    const again = renderDrawer({oauthContext});
    await again.wait(() => expect(again.text()).toContain('Connected as ada'));
    expect(provider.grants('authorization_code')).toBe(before + 1);
    expect(provider.lines().filter((l) => l.startsWith('grant authorization_code refused'))).toHaveLength(0);
    // The remount just reads the connection (the drawer's one list).
    expect(host.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/apps/secrets']);
  });

  test('opening the drawer when connected costs one list of the scope, and no provider request', async () => {
    await connect('ada');
    host.requests.length = 0;
    const linesBefore = provider.lines().length;
    const drawer = renderDrawer();
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada'));
    expect(host.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/apps/secrets']);
    expect(provider.lines().slice(linesBefore)).toEqual([]);
  });

  test('cancelling at the provider (oauthContext.error) explains it, offers Connect again, and stores nothing', async () => {
    const oauthContext = await signIn('ada', {cancel: true});
    expect(oauthContext).toEqual({error: 'access_denied', state: expect.any(String)});
    const drawer = renderDrawer({oauthContext});
    await drawer.wait(() => expect(drawer.banner('Not connected')).toBeDefined());
    expect(String(drawer.banner('Not connected')?.props.description)).toContain('cancelled or refused');
    await connectLink(drawer);
    expect(await isStored()).toBe(false);
  });

  test('a state this Dashboard did not issue arrives without a verifier: refused, nothing exchanged or stored', async () => {
    const href = await connectLink(renderDrawer());
    const back = await provider.authorize(href);
    back.searchParams.set('state', 'forged-state');
    const oauthContext = host.oauthReturn(back);
    expect(oauthContext).toEqual({error: 'invalid_state'});
    const before = provider.grants('authorization_code');
    const drawer = renderDrawer({oauthContext});
    await drawer.wait(() => expect(drawer.banner('Sign-in not accepted')).toBeDefined());
    expect(provider.grants('authorization_code')).toBe(before);
    expect(await isStored()).toBe(false);
  });

  test('a replayed code (already exchanged elsewhere) is refused by the provider: clear message, nothing stored', async () => {
    const oauthContext = await signIn('ada');
    // Someone else uses the code first.
    const first = await provider.token({grant_type: 'authorization_code', code: oauthContext.code!, code_verifier: oauthContext.verifier!, redirect_uri: REDIRECTS.test});
    expect(first.status).toBe(200);
    const drawer = renderDrawer({oauthContext});
    await drawer.wait(() => expect(drawer.banner(`Could not connect to ${PROVIDER}`)).toBeDefined());
    expect(String(drawer.banner(`Could not connect to ${PROVIDER}`)?.props.description)).toContain('already used or has expired');
    await connectLink(drawer);
    expect(await isStored()).toBe(false);
    expect(provider.lines().some((l) => l.startsWith('grant authorization_code refused'))).toBe(true);
  });

  test('a wrong verifier is refused (PKCE): nothing stored', async () => {
    const oauthContext = await signIn('ada');
    const drawer = renderDrawer({oauthContext: {...oauthContext, verifier: 'x'.repeat(43)}});
    await drawer.wait(() => expect(drawer.banner(`Could not connect to ${PROVIDER}`)).toBeDefined());
    expect(await isStored()).toBe(false);
  });

  test('a provider answering 5xx, and one that cannot be reached, each get a clear message; nothing stored', async () => {
    const down = http.createServer((_req, res) => {
      res.writeHead(503, {'content-type': 'application/json', 'access-control-allow-origin': '*'});
      res.end(JSON.stringify({error: 'temporarily_unavailable'}));
    });
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const downUrl = `http://127.0.0.1:${(down.address() as AddressInfo).port}/token`;
    try {
      const failing = await signIn('ada');
      const drawer = renderDrawer({oauthContext: failing, oauth: provider.oauthConstants(REDIRECTS, {id: ID, tokenUrl: downUrl})});
      await drawer.wait(() => expect(drawer.banner(`Could not connect to ${PROVIDER}`)).toBeDefined());
      expect(String(drawer.banner(`Could not connect to ${PROVIDER}`)?.props.description)).toContain('answered with an error (HTTP 503)');
      expect(await isStored()).toBe(false);
    } finally {
      await new Promise<void>((resolve) => down.close(() => resolve()));
    }
    // The same port, now closed: a network failure.
    const unreachable = await signIn('ada');
    const drawer = renderDrawer({oauthContext: unreachable, oauth: provider.oauthConstants(REDIRECTS, {id: ID, tokenUrl: downUrl})});
    await drawer.wait(() => expect(drawer.banner(`Could not connect to ${PROVIDER}`)).toBeDefined());
    expect(String(drawer.banner(`Could not connect to ${PROVIDER}`)?.props.description)).toContain('could not be reached');
    expect(await isStored()).toBe(false);
  });

  test('when Stripe refuses the write, the fresh tokens are revoked at the provider and nothing is kept', async () => {
    const oauthContext = await signIn('ada');
    store.faults.inject({fault: {kind: 'server-error'}, method: 'POST', path: '/v1/apps/secrets'});
    const drawer = renderDrawer({oauthContext});
    await drawer.wait(() => expect(drawer.banner(`Could not connect to ${PROVIDER}`)).toBeDefined());
    store.faults.clear();
    expect(String(drawer.banner(`Could not connect to ${PROVIDER}`)?.props.description)).toContain('Stripe could not save the connection');
    expect(await isStored()).toBe(false);
    await drawer.wait(() => expect(provider.lines().slice(-3)).toContain('refresh token revoked'));
  });
});

describe('refreshing', () => {
  async function expireAccessToken() {
    const current = await stored();
    await writeStored({...current!, access_token_expires_at: nowSeconds() - 10});
    return current!;
  }

  test('an access token about to expire is renewed on opening; the rotated refresh token is saved and keeps working', async () => {
    await connect('ada');
    const before = await expireAccessToken();
    const refreshes = provider.grants('refresh_token');
    const drawer = renderDrawer();
    await drawer.wait(() => expect(provider.grants('refresh_token')).toBe(refreshes + 1));
    await drawer.wait(() => expect(drawer.text()).toContain(`Check ${PROVIDER} connection`));
    await drawer.wait(() => expect(everything(drawer.wrapper).some((f) => f.type === 'Button' && f.text === `Check ${PROVIDER} connection` && !f.props.pending)).toBe(true));
    const after = await stored();
    expect(same(after!.refresh_token, before.refresh_token)).toBe(false);
    expect(same(after!.access_token, before.access_token)).toBe(false);
    expect(after!.access_token_expires_at).toBeGreaterThan(nowSeconds() + 3500);
    expect(after!.connected_at).toBe(before.connected_at);
    expect(await provider.me(after!.access_token)).toBe(200);
    expectNoTokens(drawer, after);

    // And again, with the rotated one.
    await expireAccessToken();
    const again = renderDrawer();
    await again.wait(() => expect(provider.grants('refresh_token')).toBe(refreshes + 2));
    await again.wait(async () => expect(same((await stored())!.refresh_token, after!.refresh_token)).toBe(false));
    expect(await provider.me((await stored())!.access_token)).toBe(200);
  });

  test('when the provider rejects the access token, Check connection renews it and carries on', async () => {
    await connect('ada');
    // The provider no longer knows the token the app holds (as after a key rotation at the provider).
    const current = await stored();
    await writeStored({...current!, access_token: 'unknown-to-the-provider-0123456789'});
    const drawer = renderDrawer();
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada'));
    const refreshes = provider.grants('refresh_token');
    drawer.press(`Check ${PROVIDER} connection`);
    await drawer.wait(() => expect(provider.grants('refresh_token')).toBe(refreshes + 1));
    await drawer.wait(async () => expect(same((await stored())!.refresh_token, current!.refresh_token)).toBe(false));
    await drawer.wait(() => expect(buttonProps(drawer.wrapper, `Check ${PROVIDER} connection`)?.pending).toBeFalsy());
    expect(drawer.banner('Reconnect needed')).toBeUndefined();
    expect(drawer.text()).toContain('Connected as ada');
    expect(await provider.me((await stored())!.access_token)).toBe(200);
  });

  test('Check connection saves the name the provider now gives, keeping the tokens; the next opening shows it', async () => {
    await connect('ada');
    // As if the account was renamed at the provider since the connection was made.
    const before = await stored();
    await writeStored({...before!, account_name: 'ada-before-rename'});
    const drawer = renderDrawer();
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada-before-rename'));
    drawer.press(`Check ${PROVIDER} connection`);
    await drawer.wait(() => expect(drawer.text()).toMatch(/^Connected as ada$/m));
    await drawer.wait(async () => expect((await stored())!.account_name).toBe('ada'));
    const after = await stored();
    expect(same(after!.refresh_token, before!.refresh_token)).toBe(true);
    expect(same(after!.access_token, before!.access_token)).toBe(true);
    // The lease the write was made under is given back.
    await expect(backend().apps.secrets.find({name: REFRESH_LEASE_SECRET, scope: userScope()})).rejects.toMatchObject({statusCode: 404});
    const again = renderDrawer();
    await again.wait(() => expect(again.text()).toMatch(/^Connected as ada$/m));
    expect(again.text().includes('ada-before-rename')).toBe(false);
  });

  test('a revoked grant turns into “Reconnect needed”, offering Reconnect and Disconnect', async () => {
    await connect('ada');
    const before = await stored();
    expect(await provider.revoke(before!.refresh_token!, 'refresh_token')).toBe(200);
    await expireAccessToken();
    const drawer = renderDrawer();
    await drawer.wait(() => expect(drawer.banner('Reconnect needed')).toBeDefined());
    await connectLink(drawer, `Reconnect to ${PROVIDER}`);
    expect(buttonProps(drawer.wrapper, `Disconnect from ${PROVIDER}…`)).toBeDefined();
  });

  test('two views opening at once refresh once: the provider sees one refresh and the grant survives', async () => {
    await connect('ada');
    const before = await expireAccessToken();
    const refreshes = provider.grants('refresh_token');
    const linesBefore = provider.lines().length;
    const a = renderDrawer();
    const b = renderDrawer();
    await Promise.all([
      a.wait(() => expect(a.text()).toContain('Connected as ada'), 20_000),
      b.wait(() => expect(b.text()).toContain('Connected as ada'), 20_000),
    ]);
    await a.wait(async () => expect(same((await stored())!.refresh_token, before.refresh_token)).toBe(false), 20_000);
    // Let any second refresh have its chance before counting.
    await new Promise((r) => setTimeout(r, 1500));
    expect(provider.grants('refresh_token')).toBe(refreshes + 1);
    expect(provider.lines().slice(linesBefore).filter((l) => l.includes('refused') || l === 'grant revoked')).toEqual([]);
    const after = await stored();
    expect(await provider.me(after!.access_token)).toBe(200);
    expect(a.banner('Reconnect needed')).toBeUndefined();
    expect(b.banner('Reconnect needed')).toBeUndefined();
    // The lease is given back.
    await expect(backend().apps.secrets.find({name: REFRESH_LEASE_SECRET, scope: userScope()})).rejects.toMatchObject({statusCode: 404});
  });
});

describe('disconnecting', () => {
  test('asks first; then revokes at the provider and deletes the secret: the old tokens stop working', async () => {
    const drawer = await connect('ada');
    const before = await stored();
    drawer.press(`Disconnect from ${PROVIDER}…`);
    await drawer.wait(() => expect(drawer.banner(`Disconnect from ${PROVIDER}?`)).toBeDefined());
    expect(await isStored()).toBe(true);
    drawer.press(`Disconnect from ${PROVIDER}`);
    await drawer.wait(() => expect(drawer.banner('Disconnected')).toBeDefined());
    expect(String(drawer.banner('Disconnected')?.props.description)).toContain('revoked');
    await connectLink(drawer);
    expect(await isStored()).toBe(false);
    expect(await provider.me(before!.access_token)).toBe(401);
    const refreshed = await provider.token({grant_type: 'refresh_token', refresh_token: before!.refresh_token!});
    expect(refreshed.status).toBe(400);
    expect(refreshed.body.error).toBe('invalid_grant');
  });

  test('cancel keeps the connection', async () => {
    const drawer = await connect('ada');
    drawer.press(`Disconnect from ${PROVIDER}…`);
    await drawer.wait(() => expect(drawer.banner(`Disconnect from ${PROVIDER}?`)).toBeDefined());
    drawer.press('Stay connected');
    await drawer.wait(() => expect(buttonProps(drawer.wrapper, `Disconnect from ${PROVIDER}…`)).toBeDefined());
    expect(await isStored()).toBe(true);
  });

  test('when revocation fails the secret is still deleted, and the panel says to revoke at the provider', async () => {
    await connect('ada');
    const drawer = renderDrawer({oauth: provider.oauthConstants(REDIRECTS, {id: ID, revocationUrl: 'http://127.0.0.1:9/revoke'})});
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada'));
    await confirmDisconnect(drawer);
    await drawer.wait(() => expect(drawer.banner('Disconnected here; revoke at the provider')).toBeDefined());
    expect(await isStored()).toBe(false);
  });

  test('when Stripe refuses the delete, the panel stays connected and says so', async () => {
    const drawer = await refusedDisconnect();
    expect(drawer.text()).toContain('Connected as ada');
    expect(await isStored()).toBe(true);
  });
});

describe('waiting for the other tab', () => {
  const finds = () => host.requests.filter((r) => r.path === '/v1/apps/secrets/find').length;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('the tab that started the sign-in shows the connection once the other tab made it, without Check again', async () => {
    const first = renderDrawer();
    const href = await connectLink(first);
    first.press(CONNECT);
    await first.wait(() => expect(first.text()).toContain('This panel shows the connection as soon as it is made'));
    // The other tab: the provider's pages, then the drawer the Dashboard reopens with the code.
    const second = renderDrawer({oauthContext: host.oauthReturn(await provider.authorize(href, {login: 'ada'}))});
    await second.wait(() => expect(second.text()).toContain('Connected as ada'));
    // The drawer looks every 3 s.
    await first.wait(() => expect(first.text()).toContain('Connected as ada'), 8000);
    expect(first.text()).not.toContain('Check again');
  });

  test('each look is one find, at most one per interval; after the time allowed it stops, says so and keeps Check again', async () => {
    const panel = openPanel(contextFor({}), SHORT_LOOKS);
    await connectLink(panel);
    host.requests.length = 0;
    const started = Date.now();
    panel.press(CONNECT);
    await panel.wait(() => expect(panel.text()).toContain('stopped looking'), 3000);
    const elapsed = Date.now() - started;
    expect(host.requests.every((r) => r.method === 'GET' && r.path === '/v1/apps/secrets/find')).toBe(true);
    expect(finds()).toBeGreaterThanOrEqual(3);
    expect(finds()).toBeLessThanOrEqual(Math.ceil(elapsed / 100));
    const after = finds();
    await sleep(400);
    expect(finds()).toBe(after);
    expect(buttonProps(panel.wrapper, 'Check again')).toBeDefined();
    expect(buttonProps(panel.wrapper, 'Start over')).toBeDefined();
  });

  test('looking stops when the connection lands, when the user starts over, and when the panel closes', async () => {
    // Lands.
    const landing = openPanel(contextFor({}), SHORT_LOOKS);
    await connectLink(landing);
    landing.press(CONNECT);
    await writeStored({version: 1, access_token: 'x'.repeat(20), refresh_token: null, token_type: 'Bearer', scope: 'read', access_token_expires_at: null, refresh_token_expires_at: null, connected_at: nowSeconds(), account_name: 'ada'});
    await landing.wait(() => expect(landing.text()).toContain('Connected as ada'));
    let before = finds();
    await sleep(400);
    expect(finds()).toBe(before);
    landing.close();
    await backend().apps.secrets.deleteWhere({name: CONNECTION_SECRET, scope: userScope()});

    // Start over.
    const abandoned = openPanel(contextFor({}), SHORT_LOOKS);
    await connectLink(abandoned);
    abandoned.press(CONNECT);
    await abandoned.wait(() => expect(abandoned.text()).toContain('Start over'));
    abandoned.press('Start over');
    await connectLink(abandoned);
    before = finds();
    await sleep(400);
    expect(finds()).toBe(before);

    // Closed.
    const closed = openPanel(contextFor({}), SHORT_LOOKS);
    await connectLink(closed);
    closed.press(CONNECT);
    await sleep(250);
    closed.close();
    before = finds();
    await sleep(400);
    expect(finds()).toBe(before);
  });
});

describe('modes and messages', () => {
  test('the panel names the mode its connection belongs to, and says the other mode keeps its own', async () => {
    const testMode = renderDrawer();
    await connectLink(testMode);
    expect(testMode.text()).toContain('You are not connected to Local OAuth provider in test mode.');
    expect(testMode.text()).toContain('Live mode keeps its own.');
    const drawer = await connect('ada');
    expect(drawer.text()).toContain('This is your test-mode connection. Live mode keeps its own.');
    host.identity.mode = 'live';
    const live = renderDrawer({mode: 'live'});
    await connectLink(live);
    expect(live.text()).toContain('You are not connected to Local OAuth provider in live mode.');
    expect(live.text()).toContain('Test mode keeps its own.');
  });

  test('Disconnect… is not the red button (only the confirming one is), and “Disconnected” reads as a sentence', async () => {
    const drawer = await connect('ada');
    expect(buttonProps(drawer.wrapper, `Disconnect from ${PROVIDER}…`)?.type).not.toBe('destructive');
    drawer.press(`Disconnect from ${PROVIDER}…`);
    await drawer.wait(() => expect(buttonProps(drawer.wrapper, `Disconnect from ${PROVIDER}`)).toBeDefined());
    expect(buttonProps(drawer.wrapper, `Disconnect from ${PROVIDER}`)?.type).toBe('destructive');
    drawer.press(`Disconnect from ${PROVIDER}`);
    await drawer.wait(() => expect(drawer.banner('Disconnected')).toBeDefined());
    expect(String(drawer.banner('Disconnected')?.props.description)).toMatch(/^This app's access was revoked/);
  });

  test('“Could not disconnect” goes once the user backs out with Stay connected', async () => {
    const drawer = await refusedDisconnect();
    drawer.press('Stay connected');
    await drawer.wait(() => expect(drawer.banner('Could not disconnect')).toBeUndefined());
    expect(drawer.text()).toContain('Connected as ada');
    expect(await isStored()).toBe(true);
  });
});

test('the panel renders inside a ContextView and shows a spinner while loading', async () => {
  const drawer = renderDrawer();
  expect(drawer.wrapper).toContainComponent(ContextView);
  expect(drawer.wrapper).toContainComponent(Spinner);
  await connectLink(drawer);
  expect(drawer.wrapper).not.toContainComponent(Banner);
});
