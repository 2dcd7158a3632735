/**
 * Preloaded (`node --import`) into every CLI the tests start as a child process
 * (cliProcess.ts), never into the CLIs as people run them: the child's stdin is a
 * pipe from the test process, and its end means that process is gone — killed by
 * jest after a worker failed to exit, crashed, or done without closing the child.
 * Without this an OAuth provider or Secret Store whose suite never reached its
 * afterAll outlives the whole run.
 */
let gone = false;
function parentGone(): void {
  if (gone) return;
  gone = true;
  // The CLI's own SIGTERM handler closes its server (and temporary data) as on Ctrl-C;
  // the timer ends it regardless if that handler is not installed yet or hangs.
  setTimeout(() => process.exit(1), 5000).unref();
  process.kill(process.pid, 'SIGTERM');
}
process.stdin.on('end', parentGone);
// A broken pipe is the same news (and must not crash the CLI as an unhandled 'error').
process.stdin.on('error', parentGone);
process.stdin.resume();
// Only listening: the pipe must not keep a CLI alive that would otherwise exit by itself.
process.stdin.unref();
export {};
