/**
 * Headless Chromium driven by playwright-core, for tests that look at a
 * preview the way a person does, and what such tests do with a page.
 */
import fs from 'node:fs';
import path from 'node:path';
import {chromium, type Browser, type Page} from 'playwright-core';
import type {RunningPreview} from '../server/server';
import {CHROMIUM_FLAGS, chromiumExecutable} from './chromium';
import {explainingTimeouts} from './explainTimeouts';

/**
 * `args`: more Chromium flags (a rebinding test maps a name to 127.0.0.1 with --host-resolver-rules). Which Chromium: chromium.ts.
 * Its waits fail after WAIT_MS, saying what the page showed (explainTimeouts.ts).
 */
export async function launchBrowser(args: string[] = []): Promise<Browser> {
  return explainingTimeouts(await chromium.launch({executablePath: await chromiumExecutable(), args: [...CHROMIUM_FLAGS, ...args]}));
}

export interface PreviewUnderTest extends RunningPreview {
  /** Every line the preview printed. */
  output: string[];
}

/** Everything a page printed to its console, including errors thrown in it. */
export function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  return lines;
}

/** The errors among recordConsole's lines: console errors and errors thrown in the page. */
export function errorsIn(lines: string[]): string[] {
  return lines.filter((line) => line.startsWith('error: ') || line.startsWith('pageerror: '));
}

/** Everything a person or a log could see of a run: the page, every frame, the request log, the console and the preview's output. */
export async function everythingShown(page: Page, consoleLines: string[], preview: {output: string[]}): Promise<string> {
  return [
    await page.content(),
    ...(await Promise.all(page.frames().map((f) => f.content().catch(() => '')))),
    await page.locator('[aria-label="Request log"]').innerText(),
    consoleLines.join('\n'),
    preview.output.join('\n'),
  ].join('\n');
}

/** A full-page picture of `page` as `<artifacts>/<name>.png`. */
export async function screenshot(page: Page, name: string, artifacts: string): Promise<string> {
  fs.mkdirSync(artifacts, {recursive: true});
  const file = path.join(artifacts, `${name}.png`);
  // The preview's drawer scrolls on its own within the window, as the Dashboard's
  // does; a full-page shot would cut it at the window's foot. For the picture the
  // window is made as tall as the page or the drawer's content, then put back.
  const size = page.viewportSize();
  const tallest = await page
    .evaluate(() =>
      Math.max(
        document.documentElement.scrollHeight,
        ...Array.from(document.querySelectorAll('.kr-drawer-inner'), (el) => el.getBoundingClientRect().top + scrollY + el.scrollHeight),
      ),
    )
    .catch(() => 0);
  const grow = size !== null && tallest > size.height;
  if (grow) await page.setViewportSize({width: size.width, height: Math.ceil(tallest)});
  await page.screenshot({path: file, fullPage: true});
  if (grow) await page.setViewportSize(size);
  return file;
}

/** Signs `login` in on the local OAuth provider's own login page (any password). */
export async function logInAtProvider(tab: Page, login: string): Promise<void> {
  await tab.getByLabel('User name').fill(login);
  await tab.getByLabel('Password').fill('any password');
  await tab.getByRole('button', {name: 'Sign in'}).click();
}

/** Answers the local provider's consent page: Allow, or Cancel. */
export async function consentAtProvider(tab: Page, options: {cancel?: boolean} = {}): Promise<void> {
  await tab.getByRole('button', {name: options.cancel ? 'Cancel' : 'Allow'}).click();
}
