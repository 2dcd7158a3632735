/**
 * `npm run backend`: the app backend alone, configured from the environment
 * (see config.ts). `npm start` runs it beside the preview, wired to the local
 * Secret Store and the preview's signing secret.
 */
import {ConfigError, readConfig} from './config';
import {uninstallRevoker} from './oauth/userConnection';
import {startBackend} from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`backend: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  let backend;
  try {
    backend = await startBackend(config, {
      log: (e) => process.stdout.write(`${e.method} ${e.path} ${e.status} ${e.ms.toFixed(1)}ms\n`),
      // On uninstall, tokens are revoked at the provider as the app's OAuth client before they are deleted.
      uninstall: {revoke: uninstallRevoker(config)},
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`backend: ${config.host}:${config.port} is already in use. Stop the other process or set BACKEND_PORT.\n`);
      process.exit(1);
    }
    throw e;
  }
  process.stdout.write(`App backend listening on ${backend.url} (Secret Store: ${config.apiBase?.origin ?? "Stripe's API"})\n`);
  const stop = (signal: string) => {
    process.stdout.write(`${signal}: stopping\n`);
    void backend.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
