/**
 * The Connections panel in backend mode (a connection's exchange "backend"),
 * rendered with the SDK: the view makes the PKCE link and hands the code to
 * the real app backend in signed calls (the host's fetchStripeSignature signs
 * with the backend's signing secret); the backend exchanges, refreshes,
 * checks and disconnects as a confidential client at the real local provider
 * and keeps the tokens in the real local Secret Store. The tokens must never
 * reach the view: not its rendered tree, not any answer it received, and the
 * view never reads the Secret Store itself.
 */
import {getMockContextProps} from '@stripe/ui-extension-sdk/testing';
import manifest from '../fixtures/app/stripe-app.json';
import {startBackend, type RunningBackend} from '../../backend/server';
import {CONFIDENTIAL_CLIENTS, LOCAL_CLIENT_SECRET, localBackendModeManifest, startTestStore, type TestSecretStore, startTestProvider, type TestProvider, startAll} from 'stripe-apps-offline/testing';
import {type StoredConnection} from '../../src/connections';
import {CONNECTION_SECRET, FIXTURE_CONNECTION, REDIRECTS, REFRESH_LEASE_SECRET} from '../support/fixtureConnection';
import type {OAuthContext} from '../../src/connections/connectionMachine';
import {DEFAULT_IDENTITY, installHostEndpoint, TEST_SIGNING_SECRET, uninstallHostEndpoint, type InstalledHost} from '../support/hostEndpoint';
import {buttonProps, everything} from '../support/remoteTree';
import {storedConnection} from '../support/storedSecrets';
import {closeDrawers, confirmDisconnect, connectLink as linkOf, openDrawer, openPanel, type Drawer} from './drawerHarness';

jest.setTimeout(60_000);

const ID = FIXTURE_CONNECTION.id;
const PROVIDER = 'Local OAuth provider';
const CONNECT = `Connect to ${PROVIDER}`;

let store: TestSecretStore;
let provider: TestProvider;
let backend: RunningBackend;
let host: InstalledHost;
const extra: RunningBackend[] = [];

/** Every answer the view's signed calls received from the backend, as text. */
const received: string[] = [];
/** The path of every signed call the view made, in order. */
const signedCalls: string[] = [];
const realFetch = globalThis.fetch;

/** The manifest layer for backend mode, pointing at `backendUrl`. */
function backendModeConstants(backendUrl: string, overrides: Record<string, unknown> = {}): {constants: Record<string, unknown>; oauth: Record<string, unknown>} {
  const layer = localBackendModeManifest(provider.issuer, REDIRECTS, backendUrl, [ID]) as {constants: {backendUrl: string; connections: Record<string, Record<string, unknown>>}};
  const oauth = {...layer.constants.connections[ID], ...overrides};
  return {constants: {...manifest.constants, backendUrl: layer.constants.backendUrl, connections: [oauth]}, oauth};
}

async function startBackendFor(oauthOverrides: Record<string, unknown> = {}, secret = LOCAL_CLIENT_SECRET): Promise<RunningBackend> {
  return startBackend({
    secretKey: 'sk_test_drawerBackendMode',
    signingSecrets: [TEST_SIGNING_SECRET],
    apiBase: new URL(store.url),
    host: '127.0.0.1',
    port: 0,
    constants: backendModeConstants('http://127.0.0.1:1', oauthOverrides).constants,
    oauthClientSecrets: {[ID]: secret},
  });
}

beforeAll(async () => {
  [store, provider] = await startAll(startTestStore(), startTestProvider({redirectUris: [REDIRECTS.test, REDIRECTS.live]}));
  backend = await startBackendFor();
  // Records what the view's signed calls were answered. The backend shares this process (and fetch) for its
  // own calls to the provider, which do carry tokens; only the view's calls carry a Stripe-Signature.
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (new Headers(init?.headers).has('stripe-signature')) {
      received.push(await response.clone().text());
      signedCalls.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
    }
    return response;
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  uninstallHostEndpoint();
  await Promise.all([backend?.close(), store?.close(), provider?.close()]);
});

const stripe = () => store.backend(undefined, {stripeAccount: DEFAULT_IDENTITY.account});
const stored = () => storedConnection(stripe(), DEFAULT_IDENTITY.user);
const isStored = async () => (await stored()) !== null;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Replaces the stored connection, as the backend would have written it. */
const rewriteStored = (connection: StoredConnection) =>
  stripe().apps.secrets.create({name: CONNECTION_SECRET, scope: {type: 'user', user: DEFAULT_IDENTITY.user}, payload: JSON.stringify(connection)});

beforeEach(async () => {
  host = installHostEndpoint(store);
  received.length = 0;
  signedCalls.length = 0;
  for (const name of [CONNECTION_SECRET, REFRESH_LEASE_SECRET]) {
    await stripe().apps.secrets.deleteWhere({name, scope: {type: 'user', user: DEFAULT_IDENTITY.user}}).catch(() => undefined);
  }
});

afterEach(async () => {
  closeDrawers();
  await Promise.all(extra.splice(0).map((b) => b.close()));
});

function renderDrawer(options: {oauthContext?: OAuthContext; backendUrl?: string} = {}) {
  const {constants} = backendModeConstants(options.backendUrl ?? backend.url);
  return openDrawer(getMockContextProps({environment: {constants: constants as never, mode: 'test'}}), options.oauthContext);
}

const connectLink = (drawer: Drawer, label = CONNECT) => linkOf(drawer, label);

test('while the other tab signs in, each look is one status call; the first tab shows the connection once the backend made it', async () => {
  const {constants} = backendModeConstants(backend.url);
  const first = openPanel(getMockContextProps({environment: {constants: constants as never, mode: 'test'}}), {lookForLanding: {everyMs: 100, forMs: 20_000}});
  const href = await connectLink(first);
  first.press(CONNECT);
  await first.wait(() => expect(first.text()).toContain('This panel shows the connection as soon as it is made'));
  const second = renderDrawer({oauthContext: host.oauthReturn(await provider.authorize(href, {login: 'ada'}))});
  await second.wait(() => expect(second.text()).toContain('Connected as ada'));
  await first.wait(() => expect(first.text()).toContain('Connected as ada'));
  expect(new Set(signedCalls)).toEqual(new Set(['/v1/connection/status', '/v1/connection/exchange']));
  expect(signedCalls.filter((p) => p === '/v1/connection/exchange')).toHaveLength(1);
  // The view never read the Secret Store itself.
  expect(host.requests).toEqual([]);
});

async function signIn(login = 'ada'): Promise<OAuthContext> {
  const href = await connectLink(renderDrawer());
  return host.oauthReturn(await provider.authorize(href, {login}));
}

async function connect(login = 'ada'): Promise<Drawer> {
  const drawer = renderDrawer({oauthContext: await signIn(login)});
  await drawer.wait(() => expect(drawer.text()).toContain(`Connected as ${login}`));
  return drawer;
}

/** Every rendered element's props, as text: a token in an href or a label would show here. */
function renderedProps(drawer: Drawer): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(
    everything(drawer.wrapper).map((f) => f.props),
    (_key, value: unknown) => {
      if (typeof value === 'function') return undefined;
      if (value && typeof value === 'object') {
        if (seen.has(value)) return undefined;
        seen.add(value);
      }
      return value;
    },
  );
}

/**
 * Whether any token of `connections` is in the rendered tree or in an answer
 * the view received (a boolean, so a failure prints no token).
 */
function tokensReachedTheView(drawer: Drawer, ...connections: Array<StoredConnection | null>): boolean {
  const seen = [drawer.text(), renderedProps(drawer), ...received].join('\n');
  return connections.some((c) => !!c && [c.access_token, c.refresh_token].some((t) => !!t && (seen.includes(t) || seen.includes(t.slice(0, 12)))));
}

describe('backend mode', () => {
  test('Connect links to the confidential client with PKCE; the backend exchanges with its secret; the view never sees a token or touches the store', async () => {
    const drawer = renderDrawer();
    const href = new URL(await connectLink(drawer));
    expect(href.searchParams.get('client_id')).toBe(CONFIDENTIAL_CLIENTS.client_secret_basic);
    expect(href.searchParams.get('code_challenge_method')).toBe('S256');
    const oauthContext = host.oauthReturn(await provider.authorize(href.toString(), {login: 'ada'}));
    const exchanges = provider.grants('authorization_code');
    const requestsBefore = provider.clientRequests().length;

    const connected = renderDrawer({oauthContext});
    await connected.wait(() => expect(connected.text()).toContain('Connected as ada'));
    expect(connected.text()).toContain('Scopes: read, write');
    expect(provider.grants('authorization_code')).toBe(exchanges + 1);
    expect(provider.clientRequests().slice(requestsBefore).map((r) => `${r.endpoint} ${r.auth} ${r.status}`)).toEqual(['token basic 200']);
    // In backend mode the view reads and writes nothing in the Secret Store itself.
    expect(host.requests).toEqual([]);
    const saved = await stored();
    expect(saved !== null).toBe(true);
    expect(await provider.me(saved!.access_token)).toBe(200);
    expect(received.length).toBeGreaterThan(0);
    expect(tokensReachedTheView(connected, saved)).toBe(false);
    expect(received.some((text) => text.includes('_token"'))).toBe(false);
  });

  test('a due access token is renewed through the backend on opening, the rotation saved, no token shown', async () => {
    await connect();
    const before = await stored();
    await rewriteStored({...before!, access_token_expires_at: nowSeconds() - 10});
    const grants = provider.grants('refresh_token');
    const drawer = renderDrawer();
    await drawer.wait(() => expect(provider.grants('refresh_token')).toBe(grants + 1), 10_000);
    await drawer.wait(() => expect(buttonProps(drawer.wrapper, `Check ${PROVIDER} connection`)?.pending).toBeFalsy());
    const after = await stored();
    expect(after!.refresh_token === before!.refresh_token).toBe(false);
    expect(await provider.me(after!.access_token)).toBe(200);
    expect(tokensReachedTheView(drawer, before, after)).toBe(false);
    expect(host.requests).toEqual([]);
  });

  test('Check connection with a refused access token renews it at the backend and carries on', async () => {
    await connect();
    const before = await stored();
    await rewriteStored({...before!, access_token: 'unknown-to-the-provider-0123456789'});
    const drawer = renderDrawer();
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada'));
    const grants = provider.grants('refresh_token');
    drawer.press(`Check ${PROVIDER} connection`);
    await drawer.wait(() => expect(provider.grants('refresh_token')).toBe(grants + 1), 10_000);
    await drawer.wait(() => expect(buttonProps(drawer.wrapper, `Check ${PROVIDER} connection`)?.pending).toBeFalsy());
    expect(drawer.banner('Reconnect needed')).toBeUndefined();
    expect(tokensReachedTheView(drawer, before, await stored())).toBe(false);
  });

  test('a revoked grant turns into “Reconnect needed”', async () => {
    await connect();
    const before = await stored();
    expect(await provider.revoke(before!.refresh_token!, 'refresh_token', {clientId: CONFIDENTIAL_CLIENTS.client_secret_basic, auth: 'basic', secret: LOCAL_CLIENT_SECRET})).toBe(200);
    await rewriteStored({...before!, access_token_expires_at: nowSeconds() - 10});
    const drawer = renderDrawer();
    await drawer.wait(() => expect(drawer.banner('Reconnect needed')).toBeDefined(), 10_000);
    await connectLink(drawer, `Reconnect to ${PROVIDER}`);
  });

  test('Disconnect revokes at the provider through the backend and deletes the secret', async () => {
    const drawer = await connect();
    const before = await stored();
    await confirmDisconnect(drawer);
    await drawer.wait(() => expect(drawer.banner('Disconnected')).toBeDefined());
    expect(String(drawer.banner('Disconnected')?.props.description)).toContain('revoked');
    expect(await isStored()).toBe(false);
    expect(await provider.me(before!.access_token)).toBe(401);
    await connectLink(drawer);
  });

  test('a revocation failure at the backend still deletes, and the panel says to revoke at the provider', async () => {
    await connect();
    const unreachable = await startBackendFor({revocationUrl: 'http://127.0.0.1:9/revoke'});
    extra.push(unreachable);
    const drawer = renderDrawer({backendUrl: unreachable.url});
    await drawer.wait(() => expect(drawer.text()).toContain('Connected as ada'));
    await confirmDisconnect(drawer);
    await drawer.wait(() => expect(drawer.banner('Disconnected here; revoke at the provider')).toBeDefined());
    expect(await isStored()).toBe(false);
  });

  test('a backend with the wrong client secret: the provider refuses, the panel says so, nothing stored', async () => {
    const misconfigured = await startBackendFor({}, 'not-the-client-secret');
    extra.push(misconfigured);
    const oauthContext = await signIn('ada');
    const drawer = renderDrawer({oauthContext, backendUrl: misconfigured.url});
    await drawer.wait(() => expect(drawer.banner(`Could not connect to ${PROVIDER}`)).toBeDefined());
    expect(String(drawer.banner(`Could not connect to ${PROVIDER}`)?.props.description)).toContain('refused the token request. Nothing was stored.');
    expect(await isStored()).toBe(false);
  });

  test('a backend that cannot be reached: the panel says so and offers Try again', async () => {
    const drawer = renderDrawer({backendUrl: 'http://127.0.0.1:9'});
    await drawer.wait(() => expect(drawer.banner('Could not check your connection')).toBeDefined());
    expect(String(drawer.banner('Could not check your connection')?.props.description)).toContain('Could not reach the app backend');
    expect(buttonProps(drawer.wrapper, 'Try again')).toBeDefined();
  });
});
