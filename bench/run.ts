/**
 * `npm run bench`: measures, then prints a Markdown report and writes it to
 * bench/results/. Figures are ratios against a baseline measured in the same
 * run, because absolute numbers on a shared machine mean little.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {benchBackend} from './backend';
import {benchConnect} from './connect';
import {benchCopies} from './copies';
import {benchObjects} from './objects';
import {benchSecretStore} from './secret-store';
import {benchViews} from './views';
import {benchWorkers} from './workers';

async function main(): Promise<void> {
  const started = new Date();
  // BENCH_ONLY=views,connect runs only those sections (secret-store, objects, views, connect, backend, copies, workers).
  const only = process.env.BENCH_ONLY?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  const sections = [
    ...(wanted('secret-store') ? [await benchSecretStore()] : []),
    ...(wanted('objects') ? [await benchObjects()] : []),
    ...(wanted('views') ? [await benchViews()] : []),
    ...(wanted('connect') ? [await benchConnect()] : []),
    ...(wanted('backend') ? [await benchBackend()] : []),
    ...(wanted('copies') ? [await benchCopies()] : []),
    ...(wanted('workers') ? [await benchWorkers()] : []),
  ];
  const report = [
    `# Keyring benchmark, ${started.toISOString()}`,
    '',
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.platform()} ${os.release()}.`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n');
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, {recursive: true});
  const file = path.join(dir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.md`);
  fs.writeFileSync(file, report);
  process.stdout.write(`${report}\nWritten to ${path.relative(process.cwd(), file)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
