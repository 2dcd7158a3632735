#!/usr/bin/env node
// The kit ships as TypeScript: tsx (one of its dependencies) compiles each file
// as it loads, with the same hooks `node --import tsx` installs. Resolved from
// here, not from the app's folder, which need not have tsx at all.
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const loader = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs');
try {
  await import(pathToFileURL(loader).href);
  await import(pathToFileURL(path.join(here, '../src/server/cli.ts')).href);
} catch (e) {
  process.stderr.write(`stripe-apps-offline could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
