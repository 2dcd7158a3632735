/**
 * stripe-app.json against Stripe's official manifest schema (when
 * ../shared/reference holds it), plus what the schema cannot say about Keyring.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import manifest from '../stripe-app.json';
import {allowedByCsp, DEFAULT_PROVIDER_PORT, PREVIEW_CLIENT_ID, DEFAULT_LOCAL_PORTS, remapLocalPorts, loadManifest, readSharedReference} from 'stripe-apps-offline/testing';
import {readOAuthProvider} from '../src/oauth';

const ROOT = path.resolve(__dirname, '..');

test("stripe-app.json passes Stripe's manifest schema", () => {
  const schema = readSharedReference('stripe-app.schema.json');
  if (!schema) return; // readSharedReference printed SKIPPED
  const ajv = new Ajv({strict: false, allErrors: true});
  addFormats(ajv);
  const validate = ajv.compile(schema as object);
  const valid = validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
});

test('the schema check can fail: a manifest with an unknown field and a bad id is refused', () => {
  const schema = readSharedReference('stripe-app.schema.json');
  if (!schema) return;
  const ajv = new Ajv({strict: false});
  addFormats(ajv);
  const validate = ajv.compile(schema as object);
  expect(validate({...manifest, id: 'not a valid id!', surprise: true})).toBe(false);
});

test('Keyring asks for secret_write with a purpose, and nothing it does not use', () => {
  expect(manifest.permissions.map((p) => p.permission)).toEqual(['secret_write']);
  expect(manifest.permissions[0].purpose.length).toBeGreaterThan(20);
});

test('every view the manifest declares exists under src/views', () => {
  const views = (manifest.ui_extension.views as {component: string}[]).map((v) => v.component);
  for (const component of views) {
    expect(fs.existsSync(path.join(ROOT, 'src/views', `${component}.tsx`))).toBe(true);
  }
});

describe('OAuth provider settings', () => {
  function urlsTheViewFetches(constants: unknown): string[] {
    const {provider, problems} = readOAuthProvider(constants as never);
    expect(problems).toEqual([]);
    return [provider!.tokenUrl, provider!.revocationUrl!, provider!.identityUrl!];
  }

  test("the shipped provider returns to the Dashboard's routes for this app id, and the CSP allows every URL the view fetches", () => {
    const {provider} = readOAuthProvider(manifest.constants as never);
    expect(provider!.redirectUris).toEqual({
      test: `https://dashboard.stripe.com/test/apps-oauth/${manifest.id}`,
      live: `https://dashboard.stripe.com/apps-oauth/${manifest.id}`,
    });
    const connectSrc = manifest.ui_extension.content_security_policy['connect-src'];
    for (const url of urlsTheViewFetches(manifest.constants)) expect([url, allowedByCsp(connectSrc, url)]).toEqual([url, true]);
    expect(manifest.ui_extension.views).toContainEqual({viewport: 'stripe.dashboard.drawer.default', component: 'ConnectionsDrawer'});
  });

  test('stripe-app.local.json points the preview at the local provider and back at the preview, and its CSP allows it', () => {
    const {manifest: local, files} = loadManifest(ROOT);
    expect(files.map((f) => path.basename(f))).toEqual(['stripe-app.json', 'stripe-app.local.json']);
    const oauth = (local.constants as {oauth: {authorizeUrl: string; redirectUris: {test: string; live: string}; clientId: string}}).oauth;
    expect(new URL(oauth.authorizeUrl).origin).toBe(`http://127.0.0.1:${DEFAULT_PROVIDER_PORT}`);
    expect(oauth.clientId).toBe(PREVIEW_CLIENT_ID);
    expect(oauth.redirectUris).toEqual({test: `http://127.0.0.1:4300/test/apps-oauth/${manifest.id}`, live: `http://127.0.0.1:4300/apps-oauth/${manifest.id}`});
    const connectSrc = local.ui_extension.content_security_policy?.['connect-src'] ?? [];
    for (const url of urlsTheViewFetches(local.constants)) expect([url, allowedByCsp(connectSrc, url)]).toEqual([url, true]);
    // Objects merge key by key: the rest of the manifest is the real one.
    expect(local.ui_extension.views).toEqual(manifest.ui_extension.views);
    expect((local.constants as {keySlots: unknown}).keySlots).toEqual(manifest.constants.keySlots);
  });

  test('merging: objects merge key by key, lists and values replace, a third layer overrides both, a wrong "extends" is refused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-manifest-'));
    try {
      const base = {id: 'com.example.x', name: 'X', version: '1', permissions: [], ui_extension: {views: [{viewport: 'settings', component: 'A'}], content_security_policy: {'connect-src': ['https://a.example/'], purpose: 'p'}}, constants: {a: 1, b: {c: 2, d: 3}}};
      fs.writeFileSync(path.join(dir, 'stripe-app.json'), JSON.stringify(base));
      fs.writeFileSync(path.join(dir, 'stripe-app.local.json'), JSON.stringify({extends: 'stripe-app.json', ui_extension: {content_security_policy: {'connect-src': ['http://127.0.0.1:1/']}}, constants: {b: {c: 20}}}));
      const merged = loadManifest(dir, {constants: {a: 100}}).manifest;
      expect(merged.ui_extension.content_security_policy).toEqual({'connect-src': ['http://127.0.0.1:1/'], purpose: 'p'});
      expect(merged.constants).toEqual({a: 100, b: {c: 20, d: 3}});
      expect(merged.ui_extension.views).toEqual(base.ui_extension.views);
      expect(merged).not.toHaveProperty('extends');
      fs.writeFileSync(path.join(dir, 'stripe-app.local.json'), JSON.stringify({extends: 'other.json'}));
      expect(() => loadManifest(dir)).toThrow('stripe-app.local.json extends "other.json"');
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('the app backend', () => {
  test.each([
    ['stripe-app.json', () => manifest as unknown as {constants: {backendUrl?: string}; ui_extension: {content_security_policy?: {'connect-src'?: string[]}}}, 'https://backend.keyring.example'],
    ['stripe-app.json + stripe-app.local.json', () => loadManifest(ROOT).manifest as unknown as {constants: {backendUrl?: string}; ui_extension: {content_security_policy?: {'connect-src'?: string[]}}}, 'http://127.0.0.1:4330'],
  ])("%s: constants.backendUrl is set and the CSP lets the views call its routes", (_what, load, expected) => {
    const {constants, ui_extension: extension} = load();
    expect(constants.backendUrl).toBe(expected);
    const connectSrc = extension.content_security_policy?.['connect-src'] ?? [];
    expect(allowedByCsp(connectSrc, `${constants.backendUrl}/v1/connection/status`)).toBe(true);
  });
});

describe('stripe-app.local.json on other ports', () => {
  const local = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'stripe-app.local.json'), 'utf8')) as Record<string, unknown>;

  test('on the default ports it is read as written', () => {
    expect(remapLocalPorts(local(), DEFAULT_LOCAL_PORTS)).toEqual(local());
  });

  test('loadManifest reads the local layer on the ports it is given', () => {
    const {manifest: moved} = loadManifest(ROOT, undefined, {localPorts: {oauth: 5320}});
    expect((moved.constants as {oauth: {tokenUrl: string}}).oauth.tokenUrl).toBe('http://127.0.0.1:5320/token');
    expect(moved.ui_extension.content_security_policy?.['connect-src']).toContain('http://127.0.0.1:5320/');
  });

  test('PORT, OAUTH_PORT and BACKEND_PORT move every local URL with them, and nothing else', () => {
    const moved = JSON.stringify(remapLocalPorts(local(), {preview: 5300, oauth: 5320, backend: 5330}));
    for (const old of [':4300', ':4320', ':4330']) expect(moved.includes(`127.0.0.1${old}`)).toBe(false);
    expect(moved).toContain(`http://127.0.0.1:5300/test/apps-oauth/${manifest.id}`);
    expect(moved).toContain('http://127.0.0.1:5320/token');
    expect(moved).toContain('"http://127.0.0.1:5330/v1/"');
    // Only the origin moves: other hosts, and port-like text elsewhere in a URL, stay.
    expect(remapLocalPorts({a: 'https://api.example:4320/x', b: 'http://127.0.0.1:43201/', c: 'http://127.0.0.1:9/4320'}, {oauth: 1})).toEqual({
      a: 'https://api.example:4320/x',
      b: 'http://127.0.0.1:43201/',
      c: 'http://127.0.0.1:9/4320',
    });
  });
});
