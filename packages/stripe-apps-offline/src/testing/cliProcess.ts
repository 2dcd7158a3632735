/** One of the project's CLIs as a child process, and waiting for the line that says it is ready. */
import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';
import type {Socket} from 'node:net';
import {pathToFileURL} from 'node:url';

const ROOT = path.resolve(__dirname, '../..');
const EXIT_WITH_PARENT = pathToFileURL(path.join(__dirname, 'exitWithParent.ts')).href;

export interface CliProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

export function spawnCli(script: string, env: Record<string, string>): CliProcess {
  // Node itself with tsx as a loader, not the tsx CLI: the CLI runs the script in
  // a second process, so a signal sent to it would not reach the server. stdin is a
  // pipe that exitWithParent.ts watches: the child ends when this process does.
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', EXIT_WITH_PARENT, script], {
    cwd: ROOT,
    env: {...process.env, ...env},
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A child a suite never stopped must not keep the test process alive ("Jest did not
  // exit"): unreferenced, it and its pipes let this process end, which closes the
  // stdin pipe, and exitWithParent.ts then stops the child.
  child.unref();
  for (const pipe of [child.stdin, child.stdout, child.stderr]) (pipe as Socket | null)?.unref();
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
