/**
 * A view's error stack mapped to source files (preview/server/sourceStack.ts):
 * a real esbuild bundle with its external source map in a temporary project,
 * and stacks as Chromium writes them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {sourceMappedStack} from '../../src/server/sourceStack';

let root: string;
let outdir: string;
/** Where `throw` landed in the bundle, 1-based as a stack writes it. */
let thrownAt: {line: number; column: number};

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-source-stack-'));
  outdir = path.join(root, '.build');
  fs.mkdirSync(path.join(root, 'src/views'), {recursive: true});
  fs.writeFileSync(path.join(root, 'src/views/Probe.tsx'), ['export function boom(): never {', '  throw new Error("boom");', '}', 'boom();', ''].join('\n'));
  await esbuild.build({
    entryPoints: [path.join(root, 'src/views/Probe.tsx')],
    outfile: path.join(outdir, 'views', 'Probe.js'),
    bundle: true,
    format: 'iife',
    sourcemap: 'external',
    absWorkingDir: root,
    logLevel: 'silent',
  });
  const lines = fs.readFileSync(path.join(outdir, 'views', 'Probe.js'), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('throw new Error'));
  thrownAt = {line: line + 1, column: lines[line].indexOf('throw') + 1};
});
afterAll(() => fs.rmSync(root, {recursive: true, force: true}));

test('a frame in a preview bundle becomes the source file, line and column it came from, from the project root', () => {
  const stack = `Error: boom\n    at boom (http://127.0.0.1:4300/__preview/views/Probe.js?build=3:${thrownAt.line}:${thrownAt.column})`;
  expect(sourceMappedStack(stack, {outdir, root})).toBe('Error: boom\n    at boom (src/views/Probe.tsx:2:3)');
});

test('frames of other scripts, of bundles without a map, and with no mapping are left as they were', () => {
  const stack = [
    'Error: boom',
    '    at x (https://elsewhere.example/scripts/Probe.js:1:1)',
    '    at y (http://127.0.0.1:4300/__preview/views/NoSuchView.js:1:1)',
    '    at z (http://127.0.0.1:4300/__preview/host.js:10:2)',
  ].join('\n');
  expect(sourceMappedStack(stack, {outdir, root})).toBe(stack);
});
