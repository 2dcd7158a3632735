/**
 * A run whose set-up fails ends, with its exit code, and leaves no process of
 * its own behind: the preview a half-started suite had started is closed, and
 * the child processes it started (here the OAuth provider, which a suite that
 * never reached its afterAll would leave running) end with the test process.
 */
import {spawn} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const KIT = path.resolve(__dirname, '../..');
const JEST = require.resolve('jest/bin/jest');

/** Pids of live processes whose environment carries `marker` (children inherit the test run's environment). */
function processesMarked(marker: string): number[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) return [];
    try {
      return fs.readFileSync(path.join('/proc', entry, 'environ'), 'utf8').includes(marker) ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

test('a suite whose browser cannot start fails the run, which ends and leaves no process behind', async () => {
  const marker = `KIT_SETUP_FAILURE_${crypto.randomBytes(6).toString('hex')}`;
  const config = {
    rootDir: KIT,
    testMatch: ['<rootDir>/test/fixtures/setup-failure/*.suite.ts'],
    transform: {'^.+\\.[jt]sx?$': ['ts-jest', {tsconfig: path.join(KIT, 'tsconfig.json')}]},
    testEnvironment: 'node',
  };
  const run = spawn(process.execPath, [JEST, '--config', JSON.stringify(config), '--runInBand'], {
    cwd: KIT,
    env: {...process.env, [marker]: '1', KEYRING_BROWSER: 'system', CHROMIUM_PATH: '/nonexistent/chromium'},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  run.stdout.on('data', (d: Buffer) => (output += d.toString()));
  run.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const ended = await Promise.race([
    new Promise<number | null>((resolve) => run.on('exit', (code) => resolve(code))),
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 90_000)),
  ]);
  if (ended === 'still running') run.kill('SIGKILL');
  expect({ended, mentionsChromium: output.includes('No Chromium at /nonexistent/chromium')}).toEqual({ended: 1, mentionsChromium: true});
  // Children end when the pipe from their parent closes; give them the moment their shutdown takes.
  const deadline = Date.now() + 10_000;
  while (processesMarked(marker).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect(processesMarked(marker)).toEqual([]);
}, 120_000);
