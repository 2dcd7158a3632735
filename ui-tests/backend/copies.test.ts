/**
 * Three copies of the backend behind HAProxy, as production runs them: a few
 * hundred users whose access tokens all expire at once are refreshed through
 * every copy at the same time, against a provider that rotates refresh tokens
 * and revokes a grant whose old refresh token is used again. Exactly one
 * refresh grant per user reaches the provider, every answer is 200, and every
 * user ends with working tokens. Then one copy is killed (-9) mid-burst:
 * HAProxy marks it down and sends on, every answer that said 200 stays true,
 * and a lease the dead copy held lapses within its bound.
 */
import crypto from 'node:crypto';
import Stripe from 'stripe';
import {localBackendModeManifest, startTestProvider, startTestStore, type TestProvider, type TestSecretStore} from 'stripe-apps-offline/testing';
import {type StoredConnection} from '../../src/connections';
import {DEFAULT_LEASE_TIMING} from '../../src/connections/refreshLease';
import {buildAuthorizeUrl, readConnections, type OAuthProviderConfig} from '../../src/oauth';
import {copyEnvironment, startCopies, type Copies} from '../support/copies';
import {CONNECTION_SECRET, FIXTURE_CONNECTION, REDIRECTS} from '../support/fixtureConnection';
import {storedConnection} from '../support/storedSecrets';

jest.setTimeout(240_000);

const USERS = Number(process.env.COPIES_USERS ?? 200);
const SECRET = `absec_${crypto.randomBytes(16).toString('hex')}`;
const ACCOUNT = 'acct_1CopiesTests01';
const ID = FIXTURE_CONNECTION.id;
const users = Array.from({length: USERS}, (_, i) => `usr_Copies${String(i).padStart(4, '0')}`);

let store: TestSecretStore;
let provider: TestProvider;
let copies: Copies;
let oauth: Record<string, unknown>;

beforeAll(async () => {
  [store, provider] = await Promise.all([startTestStore(), startTestProvider({redirectUris: [REDIRECTS.test, REDIRECTS.live]})]);
  const layer = localBackendModeManifest(provider.issuer, REDIRECTS, 'http://127.0.0.1:1', [ID], 'client_secret_basic') as {constants: {connections: Record<string, Record<string, unknown>>}};
  oauth = layer.constants.connections[ID];
  copies = await startCopies({count: 3, constants: {connections: [oauth]}, env: copyEnvironment(store.url, SECRET, ID)});
}, 60_000);
afterAll(async () => {
  await copies?.close();
  await Promise.all([store?.close(), provider?.close()]);
});

const stripe = () => store.backend(undefined, {stripeAccount: ACCOUNT});
const sign = (user: string) => Stripe.webhooks.generateTestHeaderString({payload: JSON.stringify({user_id: user, account_id: ACCOUNT}), secret: SECRET});

interface Answer {
  status: number;
  type?: string;
}

/** A signed call through the balancer, as a view makes it. */
async function call(route: string, user: string, body: Record<string, unknown> = {}): Promise<Answer> {
  try {
    const response = await fetch(`${copies.url}/v1/connection/${route}`, {
      method: 'POST',
      headers: {'content-type': 'application/json', 'stripe-signature': sign(user)},
      body: JSON.stringify({connection: ID, ...body, user_id: user, account_id: ACCOUNT}),
    });
    const parsed = (await response.json().catch(() => ({}))) as {error?: {type?: string}};
    return {status: response.status, ...(parsed.error?.type ? {type: parsed.error.type} : {})};
  } catch {
    return {status: 0, type: 'no answer'};
  }
}

/** Runs `jobs` with at most `limit` at once, in order of start. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({length: limit}, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

function providerConfig(): OAuthProviderConfig {
  const {connections, problems} = readConnections({connections: [oauth], redirectUris: REDIRECTS} as never);
  if (!connections[0]) throw new Error(problems.join(' '));
  return connections[0];
}

async function connect(user: string, login: string): Promise<Answer> {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const returned = await provider.authorize(buildAuthorizeUrl(providerConfig(), 'test', {state: crypto.randomBytes(12).toString('base64url'), challenge}), {login});
  return call('exchange', user, {code: returned.searchParams.get('code'), verifier, redirect_uri: REDIRECTS.test});
}

const stored = (user: string) => storedConnection(stripe(), user) as Promise<StoredConnection | null>;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Every user's access token expired at once; what each held, to compare afterwards (booleans only are asserted). */
async function expireAll(): Promise<Map<string, StoredConnection>> {
  const before = new Map<string, StoredConnection>();
  await pool(
    users.map((user) => async () => {
      const current = (await stored(user)) as StoredConnection;
      before.set(user, current);
      await stripe().apps.secrets.create({name: CONNECTION_SECRET, scope: {type: 'user', user}, payload: JSON.stringify({...current, access_token_expires_at: nowSeconds() - 10})});
    }),
    16,
  );
  return before;
}

const refreshGrants = () => provider.clientRequests().filter((r) => r.endpoint === 'token').length;
const tally = (answers: Answer[]) => answers.reduce<Record<string, number>>((t, a) => ({...t, [`${a.status}${a.type ? ` ${a.type}` : ''}`]: (t[`${a.status}${a.type ? ` ${a.type}` : ''}`] ?? 0) + 1}), {});

test(`${USERS} users connect through the balancer, each through whichever copy it reaches`, async () => {
  const answers = await pool(
    users.map((user, i) => () => connect(user, `user${i}`)),
    12,
  );
  expect(tally(answers)).toEqual({200: USERS});
  // Every copy took a share.
  for (const copy of copies.copies) expect(copy.output()).toMatch(/"route":"\/v1\/connection\/exchange","status":200/);
});

test('every token expires at once and is refreshed through all three copies together: one refresh grant per user, every answer 200, none lost', async () => {
  const before = await expireAll();
  const grants = refreshGrants();
  // Three views of each user ask at the same moment, each reaching a different copy.
  const answers = await pool(
    users.flatMap((user) => [0, 1, 2].map(() => () => call('refresh', user, {when: 'due'}))),
    48,
  );
  expect(tally(answers)).toEqual({200: USERS * 3});
  expect(refreshGrants() - grants).toBe(USERS);
  const after = await Promise.all(users.map(stored));
  const fresh = after.filter((c, i) => !!c && c.access_token_expires_at !== null && c.access_token_expires_at > nowSeconds() && c.refresh_token !== before.get(users[i])?.refresh_token);
  expect(fresh.length).toBe(USERS);
  for (const copy of copies.copies) expect(copy.output()).toMatch(/"route":"\/v1\/connection\/refresh","status":200/);
});

test('one copy killed (-9) mid-burst: the balancer moves on, every 200 stays true, and a lease the dead copy held lapses within its bound', async () => {
  await expireAll();
  let done = 0;
  const victim = copies.copies[1];
  const burst = pool(
    users.flatMap((user) => [0, 1].map(() => async () => {
      const answer = await call('refresh', user, {when: 'due'});
      done++;
      return {user, ...answer};
    })),
    48,
  );
  while (done < USERS / 2) await new Promise((r) => setTimeout(r, 5));
  victim.child.kill('SIGKILL');
  const killedAt = Date.now();
  const answers = await burst;
  expect(await victim.exited).toBe(null);
  expect((await copies.states())[victim.name]).toMatch(/^DOWN/);

  // An answer that is not 200 is one a request at the dead copy caused: its user's refresh was cut there.
  const failed = new Set(answers.filter((a) => a.status !== 200).map((a) => a.user));
  const acknowledged = new Set(answers.filter((a) => a.status === 200).map((a) => a.user));
  // At most the requests the dead copy held when it died (a third of those in flight), each of a user whose other ask it may also have blocked.
  expect(failed.size).toBeLessThanOrEqual(48);
  for (const a of answers.filter((x) => x.status !== 200)) expect(['provider-unavailable', 'provider-invalid-grant', 'no answer']).toContain(a.type ?? String(a.status));

  // Past the lease's bound, nothing waits on the dead copy: each user refreshes now, or is told to reconnect.
  const bound = DEFAULT_LEASE_TIMING.leaseSeconds * 1000;
  await new Promise((r) => setTimeout(r, Math.max(0, killedAt + bound + 1000 - Date.now())));
  const after = await pool(
    users.map((user) => async () => ({user, ...(await call('refresh', user, {when: 'now'}))})),
    24,
  );
  // Every user whose refresh was acknowledged keeps working tokens: nothing acknowledged was lost.
  const lost = after.filter((a) => a.status !== 200 && acknowledged.has(a.user) && !failed.has(a.user));
  expect(lost).toEqual([]);
  // The rest either refresh or were cut after the provider rotated their token but before the dead copy saved it: reconnect needed, never "busy".
  expect(after.filter((a) => a.status !== 200 && a.type !== 'provider-invalid-grant')).toEqual([]);
  const reconnect = after.filter((a) => a.status !== 200).map((a) => a.user);
  expect(reconnect.every((u) => failed.has(u))).toBe(true);
});
