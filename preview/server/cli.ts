/**
 * `npm start`: the offline preview. Builds the views, starts the local Secret
 * Store (persistent, in KEYRING_DATA) and the preview server, and rebuilds on
 * every change under src/.
 *
 *   PORT          preview port (default 4300)
 *   STORE_PORT    local Secret Store port (default 4310)
 *   KEYRING_DATA  data folder (default ./.keyring)
 */
import path from 'node:path';
import {DataFileError} from '../secret-store/storage';
import {startPreview} from './server';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const port = Number(process.env.PORT || 4300);
  const storePort = Number(process.env.STORE_PORT || 4310);
  const data = process.env.KEYRING_DATA || path.join(root, '.keyring');
  const started = Date.now();
  let preview;
  try {
    preview = await startPreview({
      root,
      port,
      storePort,
      storeFile: data === ':memory:' ? data : path.resolve(data, 'secret-store.sqlite3'),
      watch: true,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof DataFileError) process.stderr.write(`${e.message}\n`);
    else if (err.code === 'EADDRINUSE') process.stderr.write(`A port is already in use (preview ${port}, Secret Store ${storePort}). Set PORT or STORE_PORT.\n`);
    else process.stderr.write(`The preview could not start: ${err.message}\n`);
    process.exit(1);
  }
  process.stdout.write(
    [
      `Keyring preview ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${preview.url}`,
      `  views:        ${preview.manifest.ui_extension.views.map((v) => `${v.component} (${v.viewport})`).join(', ')}`,
      `  Secret Store: ${preview.store.url} (backend: new Stripe('sk_test_local', {host: '127.0.0.1', port: ${preview.store.port}, protocol: 'http'}))`,
      '  Editing a file under src/ rebuilds and reloads the open views. Ctrl-C stops.',
      '',
    ].join('\n'),
  );
  const stop = (signal: string) => {
    process.stdout.write(`${signal}: stopping\n`);
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
