/**
 * The one suite that reads the shipped stripe-app.json (and stripe-app.local.json
 * beside it), whatever a fork has put there: Stripe's manifest schema (when
 * ../shared/reference holds it), the views it names exist, and what the
 * schema cannot say: the constants read without a problem, and the CSP
 * allows every URL the views call in the exchange mode the manifest chooses.
 * A failure names the field. Every other suite runs on its own manifest
 * (ui-tests/fixtures/app), so editing this one changes nothing they test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {allowedByCsp, DEFAULT_LOCAL_PORTS, localTarget, remapLocalPorts, loadManifest, readSharedReference} from 'stripe-apps-offline/testing';
import {readConnections} from '../src/oauth';
import {readKeySlots} from '../src/settings/keySlots';
import fixture from './fixtures/app/stripe-app.json';

const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(__dirname, 'fixtures/app');

interface Shipped {
  id: string;
  permissions?: {permission: string; purpose?: string}[];
  ui_extension: {views: {viewport: string; component: string}[]; content_security_policy?: {'connect-src'?: string[]}};
  constants?: Record<string, unknown>;
}

const shipped = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'stripe-app.json'), 'utf8')) as Shipped;
const layers: [string, () => Shipped][] = [
  ['stripe-app.json', shipped],
  ...(fs.existsSync(path.join(ROOT, 'stripe-app.local.json')) ? [['stripe-app.json + stripe-app.local.json', () => loadManifest(ROOT, undefined, {localProvider: localTarget()}).manifest as unknown as Shipped] as [string, () => Shipped]] : []),
];

/** The URLs the views call for this manifest, each with the field that names it. */
function urlsTheViewsCall(manifest: Shipped): [string, string][] {
  const constants = (manifest.constants ?? {}) as never;
  const urls: [string, string][] = [];
  const backendUrl = manifest.constants?.backendUrl;
  if (typeof backendUrl === 'string') urls.push(['constants.backendUrl', `${backendUrl.replace(/\/$/, '')}/v1/`]);
  readConnections(constants).connections.forEach((provider, index) => {
    // In backend mode the backend calls the provider; the views call only the backend.
    if ((provider.exchange ?? 'view') !== 'view') return;
    const at = `constants.connections[${index}]`;
    urls.push([`${at}.tokenUrl`, provider.tokenUrl]);
    if (provider.revocationUrl) urls.push([`${at}.revocationUrl`, provider.revocationUrl]);
    if (provider.identityUrl) urls.push([`${at}.identityUrl`, provider.identityUrl]);
  });
  return urls;
}

/** The URLs the views call that the manifest's CSP leaves out, each with the field that names it. */
function blockedByCsp(manifest: Shipped): [string, string][] {
  const connectSrc = manifest.ui_extension.content_security_policy?.['connect-src'] ?? [];
  return urlsTheViewsCall(manifest).filter(([, url]) => !allowedByCsp(connectSrc, url));
}

describe.each(layers)('%s', (_name, load) => {
  test('its constants read without a problem (key slots, key checks, the connections when there are any)', () => {
    const constants = (load().constants ?? {}) as never;
    const problems = [...readKeySlots(constants).problems];
    if (load().constants?.connections !== undefined || load().constants?.oauth !== undefined) problems.push(...readConnections(constants).problems);
    expect(problems).toEqual([]);
  });

  test('the CSP allows every URL the views call in its exchange mode', () => {
    const blocked = blockedByCsp(load()).map(([field, url]) => `${field} (${url}) is not in ui_extension.content_security_policy.connect-src`);
    expect(blocked).toEqual([]);
  });

  test('backend mode needs a backend to exchange the code', () => {
    const inBackend = readConnections((load().constants ?? {}) as never).connections.filter((c) => c.exchange === 'backend');
    const missing = inBackend.length > 0 && typeof load().constants?.backendUrl !== 'string';
    expect(missing ? [`${inBackend.map((c) => `connection "${c.id}"`).join(', ')} exchanges on the backend but constants.backendUrl is not set`] : []).toEqual([]);
  });
});

describe('stripe-app.json', () => {
  test("passes Stripe's manifest schema", () => {
    const schema = readSharedReference('stripe-app.schema.json');
    if (!schema) return; // readSharedReference printed SKIPPED
    const ajv = new Ajv({strict: false, allErrors: true});
    addFormats(ajv);
    const validate = ajv.compile(schema as object);
    validate(shipped());
    expect((validate.errors ?? []).map((e) => `${e.instancePath || '(top)'} ${e.message}`)).toEqual([]);
  });

  test('every view it declares has its module under src/views', () => {
    const missing = shipped()
      .ui_extension.views.map((v) => v.component)
      .filter((component) => !['.tsx', '.ts', '.jsx', '.js'].some((ext) => fs.existsSync(path.join(ROOT, 'src/views', `${component}${ext}`))));
    expect(missing.map((c) => `ui_extension.views names ${c}, but there is no src/views/${c}.tsx`)).toEqual([]);
  });

  test('it asks for secret_write, which keeping keys and tokens in the Secret Store needs, and says why for every permission', () => {
    const permissions = shipped().permissions ?? [];
    expect(permissions.some((p) => p.permission === 'secret_write') ? [] : ['permissions has no secret_write']).toEqual([]);
    expect(permissions.filter((p) => !(typeof p.purpose === 'string' && p.purpose.trim().length > 0)).map((p) => `permissions: ${p.permission} has no purpose`)).toEqual([]);
  });

  test("every connection returns to the Dashboard's routes for this app id", () => {
    const manifest = shipped();
    const expected = {test: `https://dashboard.stripe.com/test/apps-oauth/${manifest.id}`, live: `https://dashboard.stripe.com/apps-oauth/${manifest.id}`};
    const wrong = readConnections((manifest.constants ?? {}) as never)
      .connections.filter((c) => JSON.stringify(c.redirectUris) !== JSON.stringify(expected))
      .map((c) => `connection "${c.id}" returns to ${c.redirectUris.test}, not ${expected.test} (constants.redirectUris)`);
    expect(wrong).toEqual([]);
  });
});

describe('the checks above can fail', () => {
  test("the schema refuses an unknown field and a bad id", () => {
    const schema = readSharedReference('stripe-app.schema.json');
    if (!schema) return;
    const ajv = new Ajv({strict: false});
    addFormats(ajv);
    const validate = ajv.compile(schema as object);
    expect(validate({...fixture, id: 'not a valid id!', surprise: true})).toBe(false);
  });

  test('a view-mode provider whose token URL the CSP leaves out is named', () => {
    const manifest = {...fixture, ui_extension: {...fixture.ui_extension, content_security_policy: {'connect-src': ['https://backend.keyring.example/v1/']}}} as unknown as Shipped;
    expect(blockedByCsp(manifest).map(([field]) => field)).toEqual([
      'constants.connections[0].tokenUrl',
      'constants.connections[0].revocationUrl',
      'constants.connections[0].identityUrl',
    ]);
  });

  test('in backend mode only the backend has to be allowed, and no revocation URL is needed', () => {
    const {revocationUrl: _left, ...oauth} = fixture.constants.connections[0];
    const manifest = {...fixture, constants: {...fixture.constants, connections: [{...oauth, exchange: 'backend'}]}} as unknown as Shipped;
    expect(urlsTheViewsCall(manifest)).toEqual([['constants.backendUrl', 'https://backend.keyring.example/v1/']]);
    expect(readConnections(manifest.constants as never).problems).toEqual([]);
  });
});

describe('reading the manifest layers (on the suites’ own manifest)', () => {
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

  const local = () => JSON.parse(fs.readFileSync(path.join(FIXTURE, 'stripe-app.local.json'), 'utf8')) as Record<string, unknown>;

  test('on the default ports the local layer is read as written', () => {
    expect(remapLocalPorts(local(), DEFAULT_LOCAL_PORTS)).toEqual(local());
  });

  test('loadManifest reads the local layer on the ports it is given', () => {
    const {manifest: moved} = loadManifest(FIXTURE, undefined, {localPorts: {oauth: 5320}, localProvider: localTarget({oauth: 5320})});
    expect((moved.constants as {connections: {tokenUrl: string}[]}).connections[0].tokenUrl).toBe('http://127.0.0.1:5320/token');
    expect(moved.ui_extension.content_security_policy?.['connect-src']).toContain('http://127.0.0.1:5320/');
  });

  test('PORT, OAUTH_PORT and BACKEND_PORT move every local URL with them, and nothing else', () => {
    const ports = {preview: 5300, oauth: 5320, backend: 5330};
    // As npm start reads it: the local layer moved, the app's provider pointed at the local one on these ports.
    const moved = JSON.stringify(loadManifest(FIXTURE, undefined, {localPorts: ports, localProvider: localTarget(ports)}).manifest);
    for (const old of [':4300', ':4320', ':4330']) expect(moved.includes(`127.0.0.1${old}`)).toBe(false);
    expect(moved).toContain(`http://127.0.0.1:5300/test/apps-oauth/${fixture.id}`);
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
