/**
 * The backend as its own process, as a host runs it: `npm run backend`'s
 * cli.ts by default, or another command (the container's bundle). Resolves
 * once it says where it listens; a process that exits or stays silent first
 * is reported with what it printed.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface BackendProcess {
  /** Where it said it listens. */
  url: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

export async function startBackendProcess(
  env: NodeJS.ProcessEnv,
  {command = [process.execPath, '--import', 'tsx', 'backend/cli.ts'], cwd = ROOT, timeoutMs = 20_000}: {command?: string[]; cwd?: string; timeoutMs?: number} = {},
): Promise<BackendProcess> {
  const [file, ...args] = command;
  const child = spawn(file, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // cli.ts's first line: {"msg":"App backend listening on …","url":"http://…"}.
    const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
    if (url) return {url, child, output: () => output, exited};
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the backend did not start:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the backend did not say it listens within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
