/**
 * Stripe's published contracts live in ../shared/reference beside a developer's
 * checkout. A user's clone has none: checks that need them are skipped, and say so.
 */
import fs from 'node:fs';
import path from 'node:path';

export function readSharedReference(file: string): unknown | null {
  const full = path.resolve(__dirname, '../../../shared/reference', file);
  if (!fs.existsSync(full)) {
    process.stdout.write(`SKIPPED: ${file} not found at ${full}; the check against Stripe's published contract did not run.\n`);
    return null;
  }
  return JSON.parse(fs.readFileSync(full, 'utf8')) as unknown;
}
