/** One preview and one browser per test file, a fresh page per test: the hooks every preview browser suite repeats. */
import type {Browser, Page} from 'playwright-core';
import {launchBrowser, recordConsole, type PreviewUnderTest} from './browser';
import {startAll} from './startAll';

export interface PreviewSuite<P extends PreviewUnderTest = PreviewUnderTest> {
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
 */
export function previewSuite<P extends PreviewUnderTest>(start: () => Promise<P>, onPage?: (page: Page) => Promise<unknown>): PreviewSuite<P> {
  const suite = {} as PreviewSuite<P>;
  beforeAll(async () => {
    [suite.browser, suite.preview] = await startAll(launchBrowser(), start());
  });
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
