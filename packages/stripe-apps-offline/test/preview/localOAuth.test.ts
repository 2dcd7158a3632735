/**
 * The app's constants.oauth as the preview runs it: its own provider settings,
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
  name: 'GitHub',
  authorizeUrl: 'https://github.com/login/oauth/authorize',
  tokenUrl: 'https://github.com/login/oauth/access_token',
  identityUrl: 'https://api.github.com/user',
  clientId: 'Iv1.shipsync',
  scopes: ['repo', 'read:user'],
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  redirectUris: {test: 'https://dashboard.stripe.com/test/apps-oauth/com.example.shipsync', live: 'https://dashboard.stripe.com/apps-oauth/com.example.shipsync'},
};

/** An app folder with this provider in stripe-app.json and, when given, a local file's constants. */
function appWith(oauth: Record<string, unknown> | null, localConstants?: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-oauth-'));
  const constants = oauth ? {backendUrl: 'https://backend.shipsync.example', oauth} : {};
  fs.writeFileSync(path.join(dir, 'stripe-app.json'), JSON.stringify({id: 'com.example.shipsync', name: 'ShipSync', ui_extension: {views: []}, constants}));
  if (localConstants) fs.writeFileSync(path.join(dir, 'stripe-app.local.json'), JSON.stringify({extends: 'stripe-app.json', constants: localConstants}));
  return dir;
}

const LOCAL = localTarget({preview: 4300, oauth: 4320});
const oauthOf = (dir: string, overrides?: Record<string, unknown>) => loadManifest(dir, overrides, {localProvider: LOCAL}).manifest.constants?.oauth as Record<string, unknown>;

test("the app's provider keeps its name, scopes, exchange mode and client authentication; only what must reach the local provider changes", () => {
  expect(oauthOf(appWith(GITHUB))).toEqual({
    name: 'GitHub',
    authorizeUrl: 'http://127.0.0.1:4320/auth',
    tokenUrl: 'http://127.0.0.1:4320/token',
    identityUrl: 'http://127.0.0.1:4320/api/me',
    // The local provider's confidential client for the app's way of sending the secret.
    clientId: 'keyring-preview-backend-post',
    scopes: ['repo', 'read:user'],
    exchange: 'backend',
    clientAuth: 'client_secret_post',
    redirectUris: {test: 'http://127.0.0.1:4300/test/apps-oauth/com.example.shipsync', live: 'http://127.0.0.1:4300/apps-oauth/com.example.shipsync'},
  });
});

test('a provider without revocation runs without it locally too; one with revocation gets the local endpoint', () => {
  expect(oauthOf(appWith(GITHUB))).not.toHaveProperty('revocationUrl');
  expect(oauthOf(appWith({...GITHUB, revocationUrl: 'https://example.com/revoke'})).revocationUrl).toBe('http://127.0.0.1:4320/token/revocation');
});

test('view mode (the default) uses the public client; the return routes follow the preview port and the app id', () => {
  const {exchange: _exchange, clientAuth: _auth, ...viewMode} = GITHUB;
  const oauth = oauthOf(appWith(viewMode));
  expect(oauth.clientId).toBe('keyring-preview');
  const moved = loadManifest(appWith(viewMode), undefined, {localProvider: localTarget({preview: 5300, oauth: 5320})}).manifest.constants?.oauth as Record<string, unknown>;
  expect(moved).toMatchObject({authorizeUrl: 'http://127.0.0.1:5320/auth', redirectUris: {test: 'http://127.0.0.1:5300/test/apps-oauth/com.example.shipsync'}});
});

test('the local file decides the client when it changes the exchange mode, and overrides decide over both', () => {
  const dir = appWith(GITHUB, {oauth: {exchange: 'view'}});
  expect(oauthOf(dir)).toMatchObject({exchange: 'view', clientId: 'keyring-preview', name: 'GitHub'});
  expect(oauthOf(dir, {constants: {oauth: {exchange: 'backend', clientAuth: 'client_secret_basic'}}})).toMatchObject({exchange: 'backend', clientId: 'keyring-preview-backend'});
});

test('a local file that sets the whole block (an older layout) still wins over the derived one', () => {
  expect(oauthOf(appWith(GITHUB, {oauth: {name: 'Local OAuth provider', authorizeUrl: 'http://127.0.0.1:4999/auth'}}))).toMatchObject({name: 'Local OAuth provider', authorizeUrl: 'http://127.0.0.1:4999/auth'});
});

test('a local change to the exchange mode, the client authentication or the scopes is named with its fix; endpoints are not', () => {
  const notices = (local: Record<string, unknown>) => loadManifest(appWith(GITHUB, {oauth: local}), undefined, {localProvider: LOCAL}).notices;
  expect(notices({exchange: 'view'})).toEqual([
    'stripe-app.local.json sets constants.oauth.exchange to "view", stripe-app.json says "backend": locally the code is exchanged otherwise than in the Dashboard. Remove it from stripe-app.local.json to run as the app ships.',
  ]);
  expect(notices({clientAuth: 'client_secret_basic'})[0]).toMatch(/^stripe-app\.local\.json sets constants\.oauth\.clientAuth to "client_secret_basic", stripe-app\.json says "client_secret_post"/);
  expect(notices({scopes: ['read']})[0]).toMatch(/constants\.oauth\.scopes to \["read"\].*other scopes than in the Dashboard/);
  // Saying what stripe-app.json already says, or pointing endpoints at the local provider, changes nothing.
  expect(notices({exchange: 'backend', scopes: ['repo', 'read:user'], authorizeUrl: 'http://127.0.0.1:4320/auth'})).toEqual([]);
  const {exchange: _exchange, ...viewMode} = GITHUB;
  expect(loadManifest(appWith(viewMode, {oauth: {exchange: 'backend'}}), undefined, {localProvider: LOCAL}).notices[0]).toContain('stripe-app.json leaves the default "view"');
});

test('without a local provider, or without an oauth block, the manifest is read as written', () => {
  expect((loadManifest(appWith(GITHUB)).manifest.constants?.oauth as Record<string, unknown>).authorizeUrl).toBe(GITHUB.authorizeUrl);
  expect(loadManifest(appWith(null), undefined, {localProvider: LOCAL}).manifest.constants).toEqual({});
});
