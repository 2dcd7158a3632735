/**
 * constants.connections as the views and the backend read it: a list of
 * providers with ids, the Dashboard's return routes shared, every mistake
 * named by its place, and a list that cannot fit a user's Secret Store scope
 * refused with the numbers.
 */
import {MAX_CONNECTIONS, readConnections} from '../../src/oauth';
import {PRESETS} from '../../src/oauth/presets';
import {connectionSecretName, refreshLeaseName, SIGN_INS_SECRET} from '../../src/connections';
import {SECRETS_PER_SCOPE} from '../../src/secrets/limits';

const REDIRECTS = {test: 'https://dashboard.stripe.com/test/apps-oauth/com.example.x', live: 'https://dashboard.stripe.com/apps-oauth/com.example.x'};
const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id.toUpperCase(),
  authorizeUrl: `https://${id}.example/authorize`,
  tokenUrl: `https://${id}.example/token`,
  clientId: `client-${id}`,
  scopes: ['read'],
  ...extra,
});
const read = (constants: Record<string, unknown>) => readConnections(constants as never);

test('every declared connection is read in order, with the shared return routes unless it has its own', () => {
  const own = {test: 'https://dashboard.stripe.com/test/apps-oauth/other', live: 'https://dashboard.stripe.com/apps-oauth/other'};
  const {connections, problems} = read({redirectUris: REDIRECTS, connections: [entry('github', {exchange: 'backend'}), entry('slack', {redirectUris: own})]});
  expect(problems).toEqual([]);
  expect(connections.map((c) => [c.id, c.exchange, c.redirectUris.test])).toEqual([
    ['github', 'backend', REDIRECTS.test],
    ['slack', 'view', own.test],
  ]);
});

test("each connection's secrets are its own, named from its id", () => {
  expect([connectionSecretName('github'), refreshLeaseName('github'), connectionSecretName('slack')]).toEqual(['keyring_connection_github', 'keyring_refresh_lease_github', 'keyring_connection_slack']);
  expect(new Set([connectionSecretName('a'), refreshLeaseName('a'), SIGN_INS_SECRET]).size).toBe(3);
});

test.each<[string, Record<string, unknown>, string]>([
  ['an id that cannot name a variable', {redirectUris: REDIRECTS, connections: [entry('Git Hub')]}, 'constants.connections[0].id must be lower-case letters'],
  ['two connections with one id', {redirectUris: REDIRECTS, connections: [entry('github'), entry('github')]}, 'constants.connections[1].id "github" is also the id of an earlier connection'],
  ['no return routes at all', {connections: [entry('github')]}, "constants.redirectUris.test must be the Dashboard's test-mode return route"],
  ['a bad field in the second entry', {redirectUris: REDIRECTS, connections: [entry('github'), entry('slack', {tokenUrl: 'ftp://x'})]}, 'constants.connections[1].tokenUrl must be an https URL'],
  ['not a list', {redirectUris: REDIRECTS, connections: {github: entry('github')}}, 'constants.connections in stripe-app.json must be a list'],
])('%s is named where it is', (_what, constants, message) => {
  expect(read(constants).problems.join(' ')).toContain(message);
});

test('a good entry beside a bad one still works', () => {
  const {connections} = read({redirectUris: REDIRECTS, connections: [entry('github'), entry('slack', {tokenUrl: 'ftp://x'})]});
  expect(connections.map((c) => c.id)).toEqual(['github']);
});

test("a list that cannot fit a user's 10 places is refused, naming the numbers", () => {
  expect(MAX_CONNECTIONS).toBe(Math.floor((SECRETS_PER_SCOPE - 1) / 2));
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].slice(0, MAX_CONNECTIONS + 1);
  const {connections, problems} = read({redirectUris: REDIRECTS, connections: ids.map((id) => entry(id))});
  expect(connections).toEqual([]);
  expect(problems).toEqual([
    `constants.connections declares ${MAX_CONNECTIONS + 1} connections, but a user's Secret Store scope holds 10 secrets and each connection takes 2 (its tokens and its refresh lease) besides 1 for sign-ins under way: at most ${MAX_CONNECTIONS} fit.`,
  ]);
  expect(read({redirectUris: REDIRECTS, connections: ids.slice(0, MAX_CONNECTIONS).map((id) => entry(id))}).problems).toEqual([]);
});

test('the one-provider constants.oauth of an older Keyring gets a message saying how to move', () => {
  const {connections, problems} = read({oauth: {...entry('x'), redirectUris: REDIRECTS}});
  expect(connections).toEqual([]);
  expect(problems[0]).toMatch(/^constants\.oauth is the one-provider form of an older Keyring: move it into constants\.connections/);
});

test("a preset fills in the provider's facts; the entry's own fields win", () => {
  const {connections, problems} = read({redirectUris: REDIRECTS, connections: [{id: 'github', preset: 'github', clientId: 'Iv1.abc', scopes: ['repo']}]});
  expect(problems).toEqual([]);
  expect(connections[0]).toMatchObject({
    id: 'github',
    name: 'GitHub',
    authorizeUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    identityUrl: 'https://api.github.com/user',
    revokeAt: 'https://github.com/settings/applications',
    exchange: 'backend',
    clientAuth: 'client_secret_post',
    clientId: 'Iv1.abc',
    scopes: ['repo'],
  });
  // GitHub's app-level revocation names the entry's own client, and needs its secret (so, the backend).
  expect([connections[0].revocationUrl, connections[0].revocationStyle]).toEqual(['https://api.github.com/applications/Iv1.abc/grant', 'grant-delete']);
  const renamed = read({redirectUris: REDIRECTS, connections: [{id: 'gh', preset: 'github', clientId: 'x', name: 'GitHub Enterprise', exchange: 'view'}]}).connections[0];
  expect(renamed).toMatchObject({name: 'GitHub Enterprise', exchange: 'view', scopes: ['read:user']});
});

test('a preset Keyring does not have is named, with the ones it has', () => {
  const {connections, problems} = read({redirectUris: REDIRECTS, connections: [{id: 'x', preset: 'myspace', clientId: 'c'}]});
  expect(connections).toEqual([]);
  expect(problems).toEqual([`constants.connections[0].preset "myspace" is not a preset Keyring has (${Object.keys(PRESETS).join(', ')}); write the provider's fields out instead.`]);
  expect(Object.keys(PRESETS)).toEqual(expect.arrayContaining(['github', 'slack']));
});
