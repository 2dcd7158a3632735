/**
 * The app's constants.connections as the preview runs them: its own provider settings,
 * with only the endpoints, the client and the return routes pointed at the
 * local provider; the local file and overrides still win, and a local change
 * that makes Connect behave otherwise than the app ships is named with its fix.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadManifest} from '../../src/server/manifest';
import {localTarget} from '../../src/server/localOAuth';

const GITHUB = {
  id: 'github',
  name: 'GitHub',
  authorizeUrl: 'https://github.com/login/oauth/authorize',
  tokenUrl: 'https://github.com/login/oauth/access_token',
  identityUrl: 'https://api.github.com/user',
  clientId: 'Iv1.shipsync',
  scopes: ['repo', 'read:user'],
  exchange: 'backend',
  clientAuth: 'client_secret_post',
};
const REDIRECTS = {test: 'https://dashboard.stripe.com/test/apps-oauth/com.example.shipsync', live: 'https://dashboard.stripe.com/apps-oauth/com.example.shipsync'};
const LOCAL_REDIRECTS = {test: 'http://127.0.0.1:4300/test/apps-oauth/com.example.shipsync', live: 'http://127.0.0.1:4300/apps-oauth/com.example.shipsync'};

/** An app folder with these connections in stripe-app.json and, when given, a local file's constants. */
function appWith(connection: Record<string, unknown> | Record<string, unknown>[] | null, localConstants?: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-oauth-'));
  const connections = Array.isArray(connection) ? connection : connection ? [connection] : null;
  const constants = connections ? {backendUrl: 'https://backend.shipsync.example', redirectUris: REDIRECTS, connections} : {};
  fs.writeFileSync(path.join(dir, 'stripe-app.json'), JSON.stringify({id: 'com.example.shipsync', name: 'ShipSync', ui_extension: {views: []}, constants}));
  if (localConstants) fs.writeFileSync(path.join(dir, 'stripe-app.local.json'), JSON.stringify({extends: 'stripe-app.json', constants: localConstants}));
  return dir;
}

const LOCAL = localTarget({preview: 4300, oauth: 4320});
type Connection = Record<string, unknown>;
const constantsOf = (dir: string, overrides?: Record<string, unknown>) => loadManifest(dir, overrides, {localProvider: LOCAL}).manifest.constants as {redirectUris: unknown; connections: Connection[]};
const oauthOf = (dir: string, overrides?: Record<string, unknown>, id = 'github') => constantsOf(dir, overrides).connections.find((c) => c.id === id) as Connection;

test("the app's provider keeps its name, scopes, exchange mode and client authentication; only what must reach the local provider changes", () => {
  expect(constantsOf(appWith(GITHUB)).redirectUris).toEqual(LOCAL_REDIRECTS);
  expect(oauthOf(appWith(GITHUB))).toEqual({
    id: 'github',
    name: 'GitHub',
    authorizeUrl: 'http://127.0.0.1:4320/auth',
    tokenUrl: 'http://127.0.0.1:4320/token',
    identityUrl: 'http://127.0.0.1:4320/api/me',
    // The local provider's confidential client for the app's way of sending the secret.
    clientId: 'keyring-preview-backend-post',
    scopes: ['repo', 'read:user'],
    exchange: 'backend',
    clientAuth: 'client_secret_post',
  });
});

test('several connections are each pointed at the local provider with their own client; one with return routes of its own gets the preview’s', () => {
  const slack = {id: 'slack', name: 'Slack', authorizeUrl: 'https://slack.com/oauth/v2/authorize', tokenUrl: 'https://slack.com/api/oauth.v2.access', clientId: 'x', scopes: ['chat:write'], redirectUris: REDIRECTS};
  const dir = appWith([GITHUB, slack]);
  expect(oauthOf(dir, undefined, 'github')).toMatchObject({clientId: 'keyring-preview-backend-post', authorizeUrl: 'http://127.0.0.1:4320/auth'});
  expect(oauthOf(dir, undefined, 'slack')).toMatchObject({clientId: 'keyring-preview', tokenUrl: 'http://127.0.0.1:4320/token', scopes: ['chat:write'], redirectUris: LOCAL_REDIRECTS});
});

test('a provider without revocation runs without it locally too; one with revocation gets the local endpoint', () => {
  expect(oauthOf(appWith(GITHUB))).not.toHaveProperty('revocationUrl');
  expect(oauthOf(appWith({...GITHUB, revocationUrl: 'https://example.com/revoke'})).revocationUrl).toBe('http://127.0.0.1:4320/token/revocation');
});

test('view mode (the default) uses the public client; the return routes follow the preview port and the app id', () => {
  const {exchange: _exchange, clientAuth: _auth, ...viewMode} = GITHUB;
  const oauth = oauthOf(appWith(viewMode));
  expect(oauth.clientId).toBe('keyring-preview');
  const moved = loadManifest(appWith(viewMode), undefined, {localProvider: localTarget({preview: 5300, oauth: 5320})}).manifest.constants as {redirectUris: unknown; connections: Connection[]};
  expect(moved.connections[0]).toMatchObject({authorizeUrl: 'http://127.0.0.1:5320/auth'});
  expect(moved.redirectUris).toEqual({test: 'http://127.0.0.1:5300/test/apps-oauth/com.example.shipsync', live: 'http://127.0.0.1:5300/apps-oauth/com.example.shipsync'});
});

test('the local file decides the client when it changes the exchange mode, and overrides decide over both', () => {
  const dir = appWith(GITHUB, {connections: {github: {exchange: 'view'}}});
  expect(oauthOf(dir)).toMatchObject({exchange: 'view', clientId: 'keyring-preview', name: 'GitHub'});
  expect(oauthOf(dir, {constants: {connections: {github: {exchange: 'backend', clientAuth: 'client_secret_basic'}}}})).toMatchObject({exchange: 'backend', clientId: 'keyring-preview-backend'});
});

test('a layer keyed by id changes only the connections it names, and only those it can find; a list replaces the list', () => {
  const other = {...GITHUB, id: 'other', name: 'Other'};
  const dir = appWith([GITHUB, other], {connections: {other: {name: 'Renamed'}, missing: {name: 'Nobody'}}});
  expect(constantsOf(dir).connections.map((c) => [c.id, c.name])).toEqual([['github', 'GitHub'], ['other', 'Renamed']]);
  const replaced = appWith([GITHUB, other], {connections: [{...other, name: 'Only one'}]});
  expect(constantsOf(replaced).connections.map((c) => c.name)).toEqual(['Only one']);
});

test('a local file that sets a whole connection still wins over the derived one', () => {
  expect(oauthOf(appWith(GITHUB, {connections: {github: {name: 'Local OAuth provider', authorizeUrl: 'http://127.0.0.1:4999/auth'}}}))).toMatchObject({name: 'Local OAuth provider', authorizeUrl: 'http://127.0.0.1:4999/auth'});
});

test('a local change to the exchange mode, the client authentication or the scopes is named with its fix; endpoints are not', () => {
  const notices = (local: Record<string, unknown>) => loadManifest(appWith(GITHUB, {connections: {github: local}}), undefined, {localProvider: LOCAL}).notices;
  expect(notices({exchange: 'view'})).toEqual([
    'stripe-app.local.json sets the exchange of connection "github" to "view", stripe-app.json says "backend": locally the code is exchanged otherwise than in the Dashboard. Remove it from stripe-app.local.json to run as the app ships.',
  ]);
  expect(notices({clientAuth: 'client_secret_basic'})[0]).toMatch(/^stripe-app\.local\.json sets the clientAuth of connection "github" to "client_secret_basic", stripe-app\.json says "client_secret_post"/);
  expect(notices({scopes: ['read']})[0]).toMatch(/the scopes of connection "github" to \["read"\].*other scopes than in the Dashboard/);
  // Saying what stripe-app.json already says, or pointing endpoints at the local provider, changes nothing.
  expect(notices({exchange: 'backend', scopes: ['repo', 'read:user'], authorizeUrl: 'http://127.0.0.1:4320/auth'})).toEqual([]);
  const {exchange: _exchange, ...viewMode} = GITHUB;
  expect(loadManifest(appWith(viewMode, {connections: {github: {exchange: 'backend'}}}), undefined, {localProvider: LOCAL}).notices[0]).toContain('stripe-app.json leaves the default "view"');
});

test('without a local provider, or without connections, the manifest is read as written', () => {
  expect((loadManifest(appWith(GITHUB)).manifest.constants as {connections: Connection[]}).connections[0].authorizeUrl).toBe(GITHUB.authorizeUrl);
  expect(loadManifest(appWith(null), undefined, {localProvider: LOCAL}).manifest.constants).toEqual({});
});
