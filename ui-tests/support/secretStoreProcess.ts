/** `npm run secret-store` as a child process, for restarts, signals and crashes. */
import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface StoreProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

export function spawnSecretStore(env: Record<string, string>): {child: ChildProcess; output(): string; exited: StoreProcess['exited']} {
  // Node itself with tsx as a loader, not the tsx CLI: the CLI runs the server in
  // a second process, so a SIGKILL sent to it would not crash the store.
  const child = spawn(process.execPath, ['--import', 'tsx', 'preview/secret-store/cli.ts'], {
    cwd: ROOT,
    env: {...process.env, HOST: '127.0.0.1', PORT: '0', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) =>
    child.on('exit', (code, signal) => resolve({code, signal})),
  );
  return {child, output: () => output, exited};
}

/** Starts the CLI and waits for its "listening on" line. */
export async function startSecretStoreProcess(env: Record<string, string>, timeoutMs = 20000): Promise<StoreProcess> {
  const started = spawnSecretStore(env);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(started.output());
    if (match) return {...started, url: match[1], port: Number(match[2])};
    if (started.child.exitCode !== null || Date.now() > deadline) {
      started.child.kill('SIGKILL');
      throw new Error(`the Secret Store did not start:\n${started.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
