/** Stand-ins an app declares in its package.json: read with every mistake named, and the manifest's URLs moved to them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadManifest} from '../../src/server/manifest';
import {moveToStandIns, readStandIns, standInPortVariable} from '../../src/server/standIns';

function appWith(standIns: unknown, manifest: Record<string, unknown> = {}, local?: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stand-ins-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({name: 'x', 'stripe-apps-offline': {standIns}}));
  fs.writeFileSync(path.join(dir, 'stripe-app.json'), JSON.stringify({id: 'com.example.x', name: 'X', ui_extension: {views: []}, ...manifest}));
  if (local) fs.writeFileSync(path.join(dir, 'stripe-app.local.json'), JSON.stringify({extends: 'stripe-app.json', ...local}));
  return dir;
}

const acme = {command: 'node acme.js', port: 4340, standsInFor: 'https://api.acme.example'};

test('a declared stand-in is read with its name, command, port and origin; its port moves with <NAME>_PORT', () => {
  expect(readStandIns(appWith({acme}))).toEqual([{name: 'acme', ...acme}]);
  expect(standInPortVariable('acme')).toBe('ACME_PORT');
  expect(standInPortVariable('shipping-api')).toBe('SHIPPING_API_PORT');
});

test('an app that declares none has none', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stand-ins-'));
  expect(readStandIns(dir)).toEqual([]);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({name: 'x'}));
  expect(readStandIns(dir)).toEqual([]);
});

test.each<[string, unknown, RegExp]>([
  ['a list', [acme], /standIns must be an object of stand-ins by name/],
  ['a name that cannot name a variable', {'Acme API': acme}, /"Acme API" is not a usable name/],
  ["a kit service's name", {backend: acme}, /"backend" is the name of one of the kit's own services/],
  ['no command', {acme: {...acme, command: ''}}, /standIns\.acme\.command must be the shell command/],
  ['no port', {acme: {...acme, port: '4340'}}, /standIns\.acme\.port must be a port number/],
  ["the kit's own port", {acme: {...acme, port: 4320}}, /standIns\.acme\.port 4320 is the kit's oauth port/],
  ['two on one port', {acme, other: {...acme, standsInFor: 'https://other.example'}}, /standIns\.other\.port 4340 is also the port of the stand-in "acme"/],
  ['a URL with a path', {acme: {...acme, standsInFor: 'https://api.acme.example/v1'}}, /standIns\.acme\.standsInFor must be the third party's origin/],
  ['not a URL', {acme: {...acme, standsInFor: 'acme'}}, /standIns\.acme\.standsInFor/],
])('%s is refused, naming the field', (_what, standIns, message) => {
  expect(() => readStandIns(appWith(standIns))).toThrow(message);
});

test("the manifest's URLs on the stand-in's origin are moved to it, and only those", () => {
  const moved = moveToStandIns(
    {a: 'https://api.acme.example/v1/ping', b: ['https://api.acme.example'], c: 'https://api.acme.example.evil/x', d: 'https://auth.acme.example/token', e: 3},
    [{standsInFor: 'https://api.acme.example', url: 'http://127.0.0.1:4340'}],
  );
  expect(moved).toEqual({a: 'http://127.0.0.1:4340/v1/ping', b: ['http://127.0.0.1:4340'], c: 'https://api.acme.example.evil/x', d: 'https://auth.acme.example/token', e: 3});
});

test("the preview's manifest reaches the stand-in, and keeps it in the CSP when the local file replaces connect-src", () => {
  const dir = appWith(
    {acme},
    {ui_extension: {views: [], content_security_policy: {'connect-src': ['https://api.acme.example/v1/'], purpose: 'Acme.'}}, constants: {pingUrl: 'https://api.acme.example/v1/ping'}},
    {ui_extension: {content_security_policy: {'connect-src': ['http://127.0.0.1:4330/']}}},
  );
  const {manifest} = loadManifest(dir, undefined, {standIns: [{standsInFor: acme.standsInFor, url: 'http://127.0.0.1:5555'}]});
  expect(manifest.constants).toEqual({pingUrl: 'http://127.0.0.1:5555/v1/ping'});
  expect(manifest.ui_extension.content_security_policy?.['connect-src']).toEqual(['http://127.0.0.1:4330/', 'http://127.0.0.1:5555/v1/']);
});
