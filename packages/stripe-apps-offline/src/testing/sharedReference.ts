/**
 * Stripe's published contracts live in ../shared/reference beside a developer's
 * checkout. A user's clone has none: checks that need them are skipped, and say so.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The first ancestor folder holding shared/reference/<file>: the checkout's own depth does not matter. */
function findShared(file: string): string | null {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/reference', file);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

export function readSharedReference(file: string): unknown | null {
  const full = findShared(file);
  if (!full) {
    process.stdout.write(`SKIPPED: ${file} not found in a shared/reference folder above this checkout; the check against Stripe's published contract did not run.\n`);
    return null;
  }
  return JSON.parse(fs.readFileSync(full, 'utf8')) as unknown;
}
