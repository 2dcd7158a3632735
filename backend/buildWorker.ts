/**
 * `npm run build:worker`: the backend as one ES module for Cloudflare Workers
 * (.build/worker/index.js), bundled for the `workerd` condition so stripe-node
 * comes in its worker build (fetch, SubtleCrypto). The tests bundle with the same options
 * (ui-tests/support/workerdBackend.ts), only with their own manifest.
 */
import fs from 'node:fs';
import path from 'node:path';
import esbuild from 'esbuild';

const BACKEND = __dirname;
export const WORKER_OUTFILE = path.join(BACKEND, '..', '.build', 'worker', 'index.js');

const OPTIONS: esbuild.BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['workerd', 'worker'],
  mainFields: ['module', 'main'],
  // Workers provide these with nodejs_compat (wrangler.toml).
  external: ['node:*'],
  target: 'es2022',
  logLevel: 'silent',
};

export interface WorkerBundle {
  code: string;
  /** Every file bundled, relative to the repository: shows which build of each package came in. */
  inputs: string[];
}

/** The Worker for this app's own stripe-app.json (worker.entry.ts), or, for a test, for `manifest`. */
export async function bundleWorker(manifest?: unknown): Promise<WorkerBundle> {
  const entry: esbuild.BuildOptions =
    manifest === undefined
      ? {entryPoints: [path.join(BACKEND, 'worker.entry.ts')]}
      : {stdin: {contents: `import {workerFor} from './worker';\nexport default workerFor(${JSON.stringify(manifest)});\n`, resolveDir: BACKEND, loader: 'ts', sourcefile: 'worker.test-entry.ts'}};
  const result = await esbuild.build({...OPTIONS, ...entry, write: false, metafile: true});
  return {code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs)};
}

/** The Worker's compatibility settings, from wrangler.toml: the tests run what deploys. */
export function workerCompatibility(): {date: string; flags: string[]} {
  const toml = fs.readFileSync(path.join(BACKEND, 'wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"([0-9-]+)"/m.exec(toml)?.[1];
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1];
  if (!date || flags === undefined) throw new Error('backend/wrangler.toml has no compatibility_date or compatibility_flags line.');
  return {date, flags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1])};
}

if (require.main === module) {
  void bundleWorker().then(({code}) => {
    fs.mkdirSync(path.dirname(WORKER_OUTFILE), {recursive: true});
    fs.writeFileSync(WORKER_OUTFILE, code);
    process.stdout.write(`${path.relative(process.cwd(), WORKER_OUTFILE)}: ${(code.length / 1024).toFixed(1)} KiB\n`);
  });
}
