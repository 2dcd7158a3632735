/** `npm run stripe-api` as a child process, for restarts, signals and crashes. */
import {spawnCli, waitForReady, type CliProcess} from './cliProcess';

export interface StoreProcess extends CliProcess {
  url: string;
  port: number;
}

export function spawnSecretStore(env: Record<string, string>): CliProcess {
  return spawnCli('src/stripe-api/cli.ts', {HOST: '127.0.0.1', PORT: '0', ...env});
}

/** Starts the CLI and waits for its "listening on" line. */
export async function startSecretStoreProcess(env: Record<string, string>, timeoutMs = 20000): Promise<StoreProcess> {
  const started = spawnSecretStore(env);
  const match = await waitForReady(started, /listening on (http:\/\/127\.0\.0\.1:(\d+))/, 'the Secret Store', timeoutMs);
  return {...started, url: match[1], port: Number(match[2])};
}
