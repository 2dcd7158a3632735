/** One of the project's CLIs as a child process, and waiting for the line that says it is ready. */
import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface CliProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

export function spawnCli(script: string, env: Record<string, string>): CliProcess {
  // Node itself with tsx as a loader, not the tsx CLI: the CLI runs the script in
  // a second process, so a signal sent to it would not reach the server.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: {...process.env, ...env},
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

/** The first match of `ready` in what the process printed; kills it and throws if it exits or times out first. */
export async function waitForReady(started: CliProcess, ready: RegExp, what: string, timeoutMs = 20000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = ready.exec(started.output());
    if (match) return match;
    if (started.child.exitCode !== null || Date.now() > deadline) {
      await killIfRunning(started);
      throw new Error(`${what} did not start:\n${started.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Stops the process if it is still running and waits until it has gone:
 * SIGTERM first, so it stops what it started itself (the kit stops an app's
 * backend, which runs in a process group of its own), then SIGKILL.
 */
export async function killIfRunning(started: CliProcess | null | undefined, graceMs = 5000): Promise<void> {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill('SIGTERM');
  const gone = await Promise.race([started.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs))]);
  if (!gone) {
    started.child.kill('SIGKILL');
    await started.exited;
  }
}
