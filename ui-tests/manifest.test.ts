/**
 * stripe-app.json against Stripe's official manifest schema (when
 * ../shared/reference holds it), plus what the schema cannot say about Keyring.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import manifest from '../stripe-app.json';
import {readSharedReference} from './support/sharedReference';

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
