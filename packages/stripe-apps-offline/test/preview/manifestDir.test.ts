/**
 * An app's tests preview its views on a manifest of their own: `manifestDir`
 * (the kit's command: `--manifest DIR` or APP_MANIFEST) reads stripe-app.json
 * and stripe-app.local.json from another folder, while the views still build
 * from the app's. A fork's edits to its own manifest then leave what its
 * tests exercise unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startPreview, type RunningPreview} from '../../src/server/server';
import {startKitCommand, type RunningKitCommand} from '../../src/testing/kitCommand';
import {PROBE_APP} from '../e2e/harness';

jest.setTimeout(90_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-manifest-dir-'));
  const probe = JSON.parse(fs.readFileSync(path.join(PROBE_APP, 'stripe-app.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(dir, 'stripe-app.json'), JSON.stringify({...probe, id: 'com.example.elsewhere', name: 'Elsewhere App'}));
  fs.writeFileSync(path.join(dir, 'stripe-app.local.json'), JSON.stringify({extends: 'stripe-app.json', constants: {from: 'the local layer beside it'}}));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

test("startPreview reads both manifest layers from manifestDir and builds the app's own views", async () => {
  let preview: RunningPreview | undefined;
  try {
    preview = await startPreview({root: PROBE_APP, manifestDir: dir, port: 0, storeFile: ':memory:', log: () => undefined});
    expect(preview.manifest.name).toBe('Elsewhere App');
    expect(preview.manifest.id).toBe('com.example.elsewhere');
    expect((preview.manifest.constants as Record<string, unknown>).from).toBe('the local layer beside it');
    const page = await (await fetch(preview.url)).text();
    expect(page).toContain('<title>Elsewhere App · offline preview</title>');
    const view = await fetch(`${preview.url}/__preview/views/ProbeSettings.js`);
    expect(view.status).toBe(200);
  } finally {
    await preview?.close();
  }
});

test("the kit's command takes the folder from APP_MANIFEST", async () => {
  let kit: RunningKitCommand | undefined;
  try {
    kit = await startKitCommand(PROBE_APP, {APP_MANIFEST: dir});
    expect(kit.cli.output()).toContain('Elsewhere App preview ready');
  } finally {
    await kit?.stop();
  }
});
