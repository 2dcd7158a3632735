/** A preset key slot's check, pointed at the kit's stand-in for its service when the kit runs the app; the local file still wins. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadManifest} from '../../src/server/manifest';

function appWith(constants: Record<string, unknown>, local?: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'key-services-'));
  fs.writeFileSync(path.join(dir, 'stripe-app.json'), JSON.stringify({id: 'com.example.x', name: 'X', ui_extension: {views: []}, constants}));
  if (local) fs.writeFileSync(path.join(dir, 'stripe-app.local.json'), JSON.stringify({extends: 'stripe-app.json', ...local}));
  return dir;
}

const SERVICES = 'http://127.0.0.1:4350';
const keySlots = [{name: 'ai', preset: 'openai'}, {name: 'sms', preset: 'twilio'}, {name: 'unknown', preset: 'nobody'}, {name: 'acme', label: 'Acme'}];
const checks = (dir: string, keyServices?: string) => (loadManifest(dir, undefined, keyServices ? {keyServices} : {}).manifest as {constants?: {keyChecks?: unknown}}).constants?.keyChecks;

test('each preset slot the kit has a stand-in for is sent to it, its parts left for the backend to fill; other slots are left alone', () => {
  expect(checks(appWith({keySlots}), SERVICES)).toEqual({
    ai: {url: `${SERVICES}/as/openai/v1/models`},
    sms: {url: `${SERVICES}/as/twilio/2010-04-01/Accounts/{accountSid}.json`},
  });
});

test('without the kit (no key services given) the manifest is as written', () => {
  expect(checks(appWith({keySlots}))).toBeUndefined();
});

test("stripe-app.local.json's own check for a slot wins over the kit's", () => {
  const dir = appWith({keySlots}, {constants: {keyChecks: {ai: {url: 'http://127.0.0.1:9999/mine'}}}});
  expect(checks(dir, SERVICES)).toMatchObject({ai: {url: 'http://127.0.0.1:9999/mine'}, sms: {url: expect.stringContaining('/as/twilio/') as string}});
});
