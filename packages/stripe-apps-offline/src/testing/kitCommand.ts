/**
 * The kit's command (`stripe-apps-offline --root DIR`) as a child process, on
 * free ports and an in-memory store: what a developer runs, for tests that
 * check the whole thing (the terminal, the app's backend, the page's log).
 */
import {freePort} from '../server/localPorts';
import {readStandIns, standInPortVariable} from '../server/standIns';
import {killIfRunning, spawnCli, waitForReady, type CliProcess} from './cliProcess';

export {freePort};

export interface RunningKitCommand {
  /** The preview's origin, from the "ready" line. */
  url: string;
  ports: {preview: number; store: number; oauth: number; backend: number; keys: number};
  /** Each stand-in the app's package.json declares, by name: the free port it was moved to. */
  standInPorts: Record<string, number>;
  cli: CliProcess;
  stop(): Promise<void>;
}

/** Starts the command on the app in `root` and waits for its "<App name> preview ready" line; `env` adds variables (KEYRING_OAUTH_EXCHANGE…). */
export async function startKitCommand(root: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningKitCommand> {
  const [preview, store, oauth, backend, keys] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  const standInPorts: Record<string, number> = {};
  for (const standIn of readStandIns(root)) standInPorts[standIn.name] = await freePort();
  const cli = spawnCli('src/server/cli.ts', {
    APP_ROOT: root,
    PORT: String(preview),
    STORE_PORT: String(store),
    OAUTH_PORT: String(oauth),
    BACKEND_PORT: String(backend),
    KEYS_PORT: String(keys),
    ...Object.fromEntries(Object.entries(standInPorts).map(([name, port]) => [standInPortVariable(name), String(port)])),
    KEYRING_DATA: ':memory:',
    ...env,
  });
  const [, url] = await waitForReady(cli, / preview ready in [\d.]+ s: (http:\/\/127\.0\.0\.1:\d+)/, `the kit's command on ${root}`, timeoutMs);
  return {url, ports: {preview, store, oauth, backend, keys}, standInPorts, cli, stop: () => killIfRunning(cli)};
}
