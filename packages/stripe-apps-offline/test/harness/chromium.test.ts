/**
 * Which Chromium the browser suites launch: Debian's when the machine has it,
 * else the one packaged in @sparticuz/chromium (unpacked once), so a machine
 * with no browser still runs them; KEYRING_BROWSER forces one or the other.
 */
import fs from 'node:fs';
import {chromium} from 'playwright-core';
import {CHROMIUM_FLAGS, chromiumExecutable} from '../../src/testing/chromium';

const NO_DEBIAN = '/nonexistent/usr/bin/chromium';

test('with no Debian Chromium on the machine, the packaged one is unpacked, and it launches and draws a page', async () => {
  const executable = await chromiumExecutable({}, NO_DEBIAN);
  expect(executable).toContain('stripe-apps-offline-chromium');
  expect(fs.statSync(executable).mode & 0o111).not.toBe(0);
  const browser = await chromium.launch({executablePath: executable, args: CHROMIUM_FLAGS});
  try {
    const page = await browser.newPage();
    await page.setContent('<p>drawn</p>');
    expect(await page.textContent('p')).toBe('drawn');
  } finally {
    await browser.close();
  }
}, 60_000);

test("Debian's is taken when it is there", async () => {
  // Any existing file stands for it: only the choice is checked here.
  expect(await chromiumExecutable({}, process.execPath)).toBe(process.execPath);
});

test('KEYRING_BROWSER=system with no Debian Chromium fails, naming where it looked', async () => {
  await expect(chromiumExecutable({KEYRING_BROWSER: 'system'}, NO_DEBIAN)).rejects.toThrow(`No Chromium at ${NO_DEBIAN}`);
});

test('a CHROMIUM_PATH that names nothing is reported, not replaced by another browser', async () => {
  await expect(chromiumExecutable({CHROMIUM_PATH: '/nowhere/chrome'}, process.execPath)).rejects.toThrow('No Chromium at /nowhere/chrome');
});

test('an unknown KEYRING_BROWSER is refused by name', async () => {
  await expect(chromiumExecutable({KEYRING_BROWSER: 'firefox'})).rejects.toThrow('KEYRING_BROWSER=firefox: use system, bundled or auto.');
});
