/**
 * `npm run backend`: the app backend alone, configured from the environment
 * (see config.ts). `npm start` runs it beside the preview, wired to the local
 * Secret Store and the preview's signing secret.
 */
import {ConfigError} from './config';
import {readConfig} from './readConfig';
import {deployedHooks} from './app';
import {DEFAULT_SHUTDOWN_GRACE_MS, startBackend} from './server';
import {requestLogLine} from './observability';

/** One JSON object per line on stdout, as log collectors read them. */
const logLine = (fields: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({time: new Date().toISOString(), ...fields})}\n`);

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
      log: (e) => process.stdout.write(`${requestLogLine(e)}\n`),
      ...deployedHooks(config),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`backend: ${config.host}:${config.port} is already in use. Stop the other process or set BACKEND_PORT.\n`);
      process.exit(1);
    }
    throw e;
  }
  logLine({level: 'info', msg: `App backend listening on ${backend.url} (Secret Store: ${config.apiBase?.origin ?? "Stripe's API"})`, url: backend.url});
  let stopping = false;
  const stop = (signal: string) => {
    // A second signal while draining changes nothing: the bound below still holds.
    if (stopping) return;
    stopping = true;
    const graceMs = config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    logLine({level: 'info', msg: `${signal}: stopping; requests in flight have ${graceMs / 1000} s`});
    void backend.close({graceMs}).then((finished) => {
      logLine({level: finished ? 'info' : 'warn', msg: finished ? 'stopped: every request in flight was answered' : 'stopped: requests still in flight were cut at the bound'});
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
