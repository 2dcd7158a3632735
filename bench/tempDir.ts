/**
 * A section's folder for its data files, in the system's temp folder. The
 * section removes it in its `finally`; a bench interrupted by Ctrl-C or a kill
 * skips every `finally`, so the folders still open are removed then too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const open = new Set<string>();

function removeOpen(): void {
  for (const dir of open) fs.rmSync(dir, {recursive: true, force: true});
  open.clear();
}

let watching = false;
function watchSignals(): void {
  if (watching) return;
  watching = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      removeOpen();
      process.exit(code);
    });
  }
}

export interface BenchTempDir {
  path: string;
  remove(): void;
}

export function benchTempDir(prefix: string): BenchTempDir {
  watchSignals();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  open.add(dir);
  return {
    path: dir,
    remove() {
      open.delete(dir);
      fs.rmSync(dir, {recursive: true, force: true});
    },
  };
}
