/** One preview and one browser per test file, a fresh page per test: the hooks every preview browser suite repeats. */
import type {Browser, Page} from 'playwright-core';
import {launchBrowser, recordConsole, type PreviewUnderTest} from './browser';
import {startAll} from './startAll';

/** What a suite can start and close: a preview in this process, or the kit's command (startKitCommand, closed with its stop). */
export interface Closable {
  close(): Promise<void>;
}

export interface PreviewSuite<P extends Closable = PreviewUnderTest> {
  browser: Browser;
  preview: P;
  page: Page;
  /** What the current page printed to its console. */
  consoleLines: string[];
}

/**
 * Registers the suite's hooks around `start` (a preview of the app under
 * test); `onPage` runs on each new page before the test (e.g. to answer an
 * image host). A set-up that half fails closes what it started.
 * `setupTimeoutMs` for a start slower than a test's 30 s (the kit's command
 * builds every view before it says it is ready).
 */
export function previewSuite<P extends Closable>(start: () => Promise<P>, onPage?: (page: Page) => Promise<unknown>, setupTimeoutMs?: number): PreviewSuite<P> {
  const suite = {} as PreviewSuite<P>;
  beforeAll(async () => {
    [suite.browser, suite.preview] = await startAll(launchBrowser(), start());
  }, setupTimeoutMs);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.preview?.close();
  });
  beforeEach(async () => {
    suite.page = await suite.browser.newPage({viewport: {width: 1280, height: 900}});
    suite.consoleLines = recordConsole(suite.page);
    await onPage?.(suite.page);
  });
  afterEach(async () => {
    await suite.page?.close();
  });
  return suite;
}
