/** Headless Chromium driven by playwright-core (the kit's harness), and a preview of this app to point it at. */
import path from 'node:path';
import type {Page} from 'playwright-core';
import {consentAtProvider, everythingShown, freePort, launchBrowser, logInAtProvider, recordConsole, screenshot as screenshotInto, startPreview, type PreviewUnderTest} from 'stripe-apps-offline/testing';

export const ROOT = path.resolve(__dirname, '../..');
/** The manifest the app's browser suites run on (ui-tests/fixtures/app), not the one a fork edits. */
export const FIXTURE_APP = path.join(ROOT, 'ui-tests/fixtures/app');
export const ARTIFACTS = path.join(ROOT, 'ui-tests/.artifacts');

// Chromium, ports and what a test does with a page come from the kit's harness, which its own browser tests use too.
export {consentAtProvider, everythingShown, freePort, launchBrowser, logInAtProvider, recordConsole, type PreviewUnderTest};

/** A full-page picture into ui-tests/.artifacts. */
export const screenshot = (page: Page, name: string) => screenshotInto(page, name, ARTIFACTS);

export async function startTestPreview(
  options: {withProbe?: boolean; port?: number; manifestOverrides?: Record<string, unknown>; extraViews?: {viewport: string; component: string; file: string}[]} = {},
): Promise<PreviewUnderTest> {
  const output: string[] = [];
  const preview = await startPreview({
    root: ROOT,
    manifestDir: FIXTURE_APP,
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

