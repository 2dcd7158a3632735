/**
 * The connection service on its own, with a fake clock, an in-memory user
 * scope and a provider that is a `fetch` function: what it holds, when it
 * refreshes, what fetchAsUser sends, and what it stores. (The drawer suite
 * drives the same service through the view, against the real local store and
 * oidc-provider.) Tokens are compared as booleans, never printed.
 */
import {getMockContextProps} from '@stripe/ui-extension-sdk/testing';
import {createConnectionService, type StoredConnection} from '../../src/connections';
import {CONNECTION_SECRET, REFRESH_LEASE_SECRET} from '../support/fixtureConnection';
import {ConnectionGoneError, type ConnectionServiceOptions} from '../../src/connections/connectionService';
import {acquireRefreshLease, DEFAULT_LEASE_TIMING} from '../../src/connections/refreshLease';
import {ProviderError} from '../../src/oauth';
import {fakeClock, type FakeClock} from '../support/fakeClock';
import {FAKE_PROVIDER, fakeOAuthProvider, type FakeOAuthProvider} from '../support/fakeOAuthProvider';
import {memorySecrets, type MemorySecrets} from '../support/memorySecrets';

let clock: FakeClock;
let scope: MemorySecrets;
let provider: FakeOAuthProvider;

beforeEach(() => {
  clock = fakeClock();
  scope = memorySecrets(clock);
  provider = fakeOAuthProvider();
});

const nowSeconds = () => Math.floor(clock.now() / 1000);

function service(overrides: Partial<typeof FAKE_PROVIDER> = {}, options: ConnectionServiceOptions = {}) {
  const context = getMockContextProps();
  return createConnectionService(context, {...FAKE_PROVIDER, ...overrides}, {
    secrets: scope,
    fetch: provider.fetch,
    lease: {now: clock.now, sleep: clock.sleep},
    ...options,
  });
}

/** Stores a connection as a view that connected earlier would have, and returns its tokens. */
async function storeConnection(fields: Partial<StoredConnection> = {}) {
  const {access, refresh} = provider.issue();
  const connection: StoredConnection = {
    version: 1,
    access_token: access,
    refresh_token: refresh,
    token_type: 'Bearer',
    scope: 'read',
    access_token_expires_at: nowSeconds() + 3600,
    refresh_token_expires_at: null,
    connected_at: nowSeconds() - 100,
    account_name: 'ada',
    ...fields,
  };
  await scope.set(CONNECTION_SECRET, JSON.stringify(connection));
  return {access, refresh};
}

const storedNow = async () => JSON.parse((await scope.reveal(CONNECTION_SECRET)) ?? 'null') as StoredConnection | null;

describe('what it holds', () => {
  test('load reads the stored connection once and hands out a summary without tokens', async () => {
    await storeConnection();
    const connection = service();
    expect(connection.summary()).toBeNull();
    scope.calls.length = 0;
    const summary = await connection.load();
    expect(scope.calls).toEqual([`reveal ${CONNECTION_SECRET}`]);
    expect(summary).toEqual({scopes: ['read'], accessTokenExpiresAt: nowSeconds() + 3600, refreshTokenExpiresAt: null, canRefresh: true, connectedAt: nowSeconds() - 100, accountName: 'ada'});
    expect(connection.summary()).toEqual(summary);
  });

  test('with nothing stored, load answers null and every call that needs a connection is ConnectionGoneError', async () => {
    const connection = service();
    expect(await connection.load()).toBeNull();
    for (const call of [() => connection.fresh(), () => connection.refresh(), () => connection.verify(), () => connection.fetchAsUser('https://api.acme.test/things')]) {
      await expect(call()).rejects.toMatchObject({kind: 'gone'});
    }
    await expect(connection.disconnect()).rejects.toBeInstanceOf(ConnectionGoneError);
  });
});

describe('refreshing', () => {
  test('fresh leaves a token that is not due alone, and refreshes one within the margin, saving the rotated tokens', async () => {
    const first = await storeConnection({access_token_expires_at: nowSeconds() + 3600});
    const connection = service();
    await connection.load();
    await connection.fresh();
    expect(provider.refreshes).toBe(0);

    clock.advance((3600 - 30) * 1000);
    // Before the lease's wait moves the fake clock on.
    const asked = nowSeconds();
    const renewed = await connection.fresh();
    expect(provider.refreshes).toBe(1);
    expect(renewed.accessTokenExpiresAt).toBe(nowSeconds() + 3600);
    const saved = await storedNow();
    expect(saved!.refresh_token === first.refresh).toBe(false);
    expect(saved!.connected_at).toBe(asked - 100 - (3600 - 30));
    // The lease it refreshed under is given back.
    expect(await scope.find(REFRESH_LEASE_SECRET)).toBeNull();
  });

  test('two views refreshing at once: one refresh at the provider, and both end up holding its tokens', async () => {
    await storeConnection({access_token_expires_at: nowSeconds() - 1});
    const a = service();
    const b = service();
    await Promise.all([a.load(), b.load()]);
    await Promise.all([a.refresh(), b.refresh()]);
    expect(provider.refreshes).toBe(1);
    // Each view's next request carries the one live token.
    await a.fetchAsUser(FAKE_PROVIDER.identityUrl!);
    await b.fetchAsUser(FAKE_PROVIDER.identityUrl!);
    expect(provider.identityCalls).toEqual([true, true]);
  });

  test('waiting on another view that never finishes its refresh ends after waitForOtherRefreshMs, as unavailable', async () => {
    await storeConnection({access_token_expires_at: nowSeconds() - 1});
    const stuck = await acquireRefreshLease(scope, REFRESH_LEASE_SECRET, {...DEFAULT_LEASE_TIMING, now: clock.now, sleep: clock.sleep});
    expect(stuck).not.toBeNull();
    const connection = service({}, {waitForOtherRefreshMs: 2000});
    await connection.load();
    const started = clock.now();
    await expect(connection.refresh()).rejects.toMatchObject({kind: 'unavailable'});
    expect(clock.now() - started).toBeGreaterThan(2000);
    expect(clock.now() - started).toBeLessThan(2000 + 500);
    expect(provider.refreshes).toBe(0);
  });

  test('a connection deleted elsewhere is ConnectionGoneError, and the service then holds nothing', async () => {
    await storeConnection();
    const connection = service();
    await connection.load();
    await scope.delete(CONNECTION_SECRET);
    await expect(connection.refresh()).rejects.toBeInstanceOf(ConnectionGoneError);
    expect(connection.summary()).toBeNull();
  });

  test('a refused refresh token is a ProviderError of kind invalid-grant', async () => {
    const {refresh} = await storeConnection();
    await provider.fetch(FAKE_PROVIDER.revocationUrl!, {method: 'POST', body: new URLSearchParams({token: refresh, token_type_hint: 'refresh_token'})});
    const connection = service();
    await connection.load();
    const error = await connection.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('invalid-grant');
  });
});

describe('fetchAsUser', () => {
  test('calls the provider with the user’s access token and hands back the response', async () => {
    await storeConnection();
    const connection = service();
    await connection.load();
    const response = await connection.fetchAsUser(FAKE_PROVIDER.identityUrl!, {headers: {accept: 'application/json'}});
    expect(response.status).toBe(200);
    expect(provider.identityCalls).toEqual([true]);
    expect(provider.refreshes).toBe(0);
  });

  test('refreshes first when the access token is due', async () => {
    await storeConnection({access_token_expires_at: nowSeconds() + 10});
    const connection = service();
    await connection.load();
    await connection.fetchAsUser(FAKE_PROVIDER.identityUrl!);
    expect(provider.refreshes).toBe(1);
    expect(provider.identityCalls).toEqual([true]);
  });

  test('on a 401 it refreshes once and tries again with the new token', async () => {
    const {access} = await storeConnection();
    provider.forget(access);
    const connection = service();
    await connection.load();
    const response = await connection.fetchAsUser(FAKE_PROVIDER.identityUrl!);
    expect(response.status).toBe(200);
    expect(provider.identityCalls).toEqual([false, true]);
    expect(provider.refreshes).toBe(1);
  });

  test('without a refresh token a 401 is handed back as it is', async () => {
    const {access} = await storeConnection({refresh_token: null});
    provider.forget(access);
    const connection = service();
    await connection.load();
    expect((await connection.fetchAsUser(FAKE_PROVIDER.identityUrl!)).status).toBe(401);
    expect(provider.refreshes).toBe(0);
  });

  test('no answer at all is a ProviderError of kind network', async () => {
    await storeConnection();
    const connection = service({}, {fetch: () => Promise.reject(new TypeError('Failed to fetch'))});
    await connection.load();
    await expect(connection.fetchAsUser('https://api.acme.test/things')).rejects.toMatchObject({kind: 'network'});
  });
});

describe('verify', () => {
  test('saves the name the provider now gives, keeping the tokens', async () => {
    const before = await storeConnection({account_name: 'ada-before-rename'});
    const connection = service();
    await connection.load();
    expect((await connection.verify()).accountName).toBe('ada');
    const saved = await storedNow();
    expect(saved!.account_name).toBe('ada');
    expect(saved!.access_token === before.access && saved!.refresh_token === before.refresh).toBe(true);
    expect(await scope.find(REFRESH_LEASE_SECRET)).toBeNull();
  });

  test('writes nothing when the name is unchanged', async () => {
    await storeConnection({account_name: 'ada'});
    const connection = service();
    await connection.load();
    scope.calls.length = 0;
    expect((await connection.verify()).accountName).toBe('ada');
    expect(scope.calls.filter((c) => c.startsWith('set'))).toEqual([]);
  });

  test('without an identity endpoint it only renews when due', async () => {
    await storeConnection({access_token_expires_at: nowSeconds() + 10});
    const connection = service({identityUrl: undefined});
    await connection.load();
    await connection.verify();
    expect(provider.refreshes).toBe(1);
    expect(provider.identityCalls).toEqual([]);
  });
});

describe('disconnect', () => {
  test('revokes the refresh token, then the access token, then deletes the secret', async () => {
    await storeConnection();
    const connection = service();
    await connection.load();
    expect(await connection.disconnect()).toEqual({revocation: 'revoked'});
    expect(provider.revoked).toEqual(['refresh_token', 'access_token']);
    expect(await scope.find(CONNECTION_SECRET)).toBeNull();
    expect(connection.summary()).toBeNull();
  });

  test('revokes the tokens another view stored since, not the ones it loaded', async () => {
    await storeConnection({access_token_expires_at: nowSeconds() - 1});
    const stale = service();
    const other = service();
    await Promise.all([stale.load(), other.load()]);
    await other.refresh();
    const rotated = await storedNow();
    await stale.disconnect();
    // The rotated pair no longer works at the provider.
    provider.identityCalls.length = 0;
    await provider.fetch(FAKE_PROVIDER.identityUrl!, {headers: {authorization: `Bearer ${rotated!.access_token}`}});
    expect(provider.identityCalls).toEqual([false]);
  });

  test('a provider without revocation: the secret is deleted and the answer says so', async () => {
    await storeConnection();
    const connection = service({revocationUrl: undefined});
    await connection.load();
    expect(await connection.disconnect()).toEqual({revocation: 'not-supported'});
    expect(await scope.find(CONNECTION_SECRET)).toBeNull();
  });
});
