/**
 * Which Chromium the browser tests (the kit's, an app's, the benchmarks) drive, and with which flags.
 *
 * Debian's package (/usr/bin/chromium, or CHROMIUM_PATH) when the machine has it: CI
 * installs it. Otherwise the Chromium that ships inside the @sparticuz/chromium package
 * (a dependency of the kit's tests), so that `npm install && npm test` works on a machine
 * with no browser and no network but the npm registry: nothing is downloaded, the binary
 * in the tarball is only unpacked once into node_modules/.cache. Its `engines` asks for
 * Node 22.17; it runs on Node 20.20 here (npm warns at install, nothing fails).
 *
 *   KEYRING_BROWSER=system    only Debian's (or CHROMIUM_PATH): fail when it is missing
 *   KEYRING_BROWSER=bundled   only the packaged one, even where Debian's is installed
 *   (unset, or auto)          Debian's when present, else the packaged one
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {pipeline} from 'node:stream/promises';
import zlib from 'node:zlib';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Where the packaged Chromium is installed (hoisted or not), or null when it is not. */
function packageDir(): string | null {
  try {
    // Its exports hide package.json: its main (build/index.js) is resolved, never loaded, and the folder taken from it.
    return path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..');
  } catch {
    return null;
  }
}

/**
 * Our own flags, not the package's serverless defaults (--single-process, --no-zygote,
 * --disable-web-security…), which would change what the tests observe. Playwright adds
 * --headless and a fresh, temporary --user-data-dir of its own at every launch.
 * Without the background-networking flags Chromium keeps dialling Google on a closed network.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserChoice = 'system' | 'bundled' | 'auto';

export function browserChoice(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  const value = env.KEYRING_BROWSER ?? 'auto';
  if (value === 'system' || value === 'bundled' || value === 'auto') return value;
  throw new Error(`KEYRING_BROWSER=${value}: use system, bundled or auto.`);
}

/** The Chromium binary to launch, unpacking the packaged one first if it is the one chosen. */
export async function chromiumExecutable(env: NodeJS.ProcessEnv = process.env, debianPath = SYSTEM_CHROMIUM): Promise<string> {
  const choice = browserChoice(env);
  const system = env.CHROMIUM_PATH || debianPath;
  if (choice === 'bundled') return bundledChromium();
  if (fs.existsSync(system)) return system;
  // A CHROMIUM_PATH that names nothing is a mistake to report, not a reason to use another browser.
  if (choice === 'system' || env.CHROMIUM_PATH) {
    throw new Error(`No Chromium at ${system}. Install Debian's package (apt-get install chromium), fix CHROMIUM_PATH, or unset KEYRING_BROWSER to use the packaged one.`);
  }
  return bundledChromium();
}

/**
 * The packaged Chromium, unpacked (brotli) into node_modules/.cache/keyring-chromium/<version>/.
 * Two jest workers may get here at once: each writes its own temporary file and renames it
 * into place, so the binary's path never names a half-written file (rename is atomic, and a
 * process already running the old inode keeps it). The loser's work is wasted, never harmful.
 */
export async function bundledChromium(): Promise<string> {
  const PACKAGE = packageDir();
  if (!PACKAGE) {
    throw new Error(`No Chromium: neither ${SYSTEM_CHROMIUM} nor the @sparticuz/chromium package (run npm install, or apt-get install chromium).`);
  }
  const {version} = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as {version: string};
  // node_modules/@sparticuz/chromium → node_modules/.cache, beside whatever else caches there.
  const dir = path.join(PACKAGE, '../../.cache/stripe-apps-offline-chromium', version);
  const binary = path.join(dir, 'chromium');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(dir, {recursive: true});
  removeAbandoned(dir);
  const partial = path.join(dir, `chromium.${process.pid}.${crypto.randomBytes(4).toString('hex')}.partial`);
  try {
    await pipeline(fs.createReadStream(path.join(PACKAGE, 'bin/chromium.br')), zlib.createBrotliDecompress(), fs.createWriteStream(partial, {mode: 0o755}));
    fs.renameSync(partial, binary);
  } finally {
    fs.rmSync(partial, {force: true});
  }
  return binary;
}

/** Partial files of unpackings whose process was killed midway (an unpacking takes seconds, not ten minutes). */
function removeAbandoned(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.partial')) continue;
    const file = path.join(dir, name);
    // Another worker may rename or remove its own partial file meanwhile.
    const stat = fs.statSync(file, {throwIfNoEntry: false});
    if (stat && Date.now() - stat.mtimeMs > 10 * 60_000) fs.rmSync(file, {force: true});
  }
}
