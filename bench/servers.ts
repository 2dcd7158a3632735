/** Starts bench/server-process.ts in a child process and waits for its port. */
import {fork, type ChildProcess} from 'node:child_process';
import path from 'node:path';

export interface BenchServer {
  port: number;
  stop(): Promise<void>;
}

export async function startBenchServer(kind: 'store' | 'floor' | 'backend' | 'backend-unsigned' | 'acme', ...args: string[]): Promise<BenchServer> {
  const child: ChildProcess = fork(path.join(__dirname, 'server-process.ts'), [kind, ...args], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: {port: number}) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bench ${kind} server exited (${code}) before listening`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
