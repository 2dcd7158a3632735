/** Headless Chromium driven by playwright-core (the kit's harness), and a preview of this app to point it at. */
import fs from 'node:fs';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {freePort, launchBrowser, startPreview, type RunningPreview} from 'stripe-apps-offline/testing';

export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'ui-tests/.artifacts');

// Chromium and free ports come from the kit's harness, which its own browser tests use too.
export {freePort, launchBrowser};

export interface PreviewUnderTest extends RunningPreview {
  /** Every line the preview printed. */
  output: string[];
}

export async function startTestPreview(
  options: {withProbe?: boolean; port?: number; manifestOverrides?: Record<string, unknown>; extraViews?: {viewport: string; component: string; file: string}[]} = {},
): Promise<PreviewUnderTest> {
  const output: string[] = [];
  const preview = await startPreview({
    root: ROOT,
    port: options.port ?? 0,
    manifestOverrides: options.manifestOverrides,
    storeFile: ':memory:',
    log: (line) => output.push(line),
    extraViews: [
      ...(options.withProbe ? [{viewport: 'stripe.dashboard.drawer.default', component: 'PreviewProbe', file: path.join(__dirname, 'views/PreviewProbe.tsx')}] : []),
      ...(options.extraViews ?? []),
    ],
  });
  return {...preview, output};
}

/** Everything a page printed to its console, including errors thrown in it. */
export function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  return lines;
}

/** Everything a person or a log could see of a run: the page, every frame, the request log, the console and the preview's output. */
export async function everythingShown(page: Page, consoleLines: string[], preview: PreviewUnderTest): Promise<string> {
  return [
    await page.content(),
    ...(await Promise.all(page.frames().map((f) => f.content().catch(() => '')))),
    await page.locator('[aria-label="Request log"]').innerText(),
    consoleLines.join('\n'),
    preview.output.join('\n'),
  ].join('\n');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, {recursive: true});
  const file = path.join(ARTIFACTS, `${name}.png`);
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
