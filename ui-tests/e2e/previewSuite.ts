/** One preview and one browser per test file, a fresh page per test: the hooks every preview e2e suite repeats. */
import type {Browser, Page} from 'playwright-core';
import {launchBrowser, recordConsole, startTestPreview, type PreviewUnderTest} from './browser';

export interface PreviewSuite {
  browser: Browser;
  preview: PreviewUnderTest;
  page: Page;
  /** What the current page printed to its console. */
  consoleLines: string[];
}

/** Registers the suite's hooks; `onPage` runs on each new page before the test (e.g. to answer an image host). */
export function previewSuite(options: Parameters<typeof startTestPreview>[0], onPage?: (page: Page) => Promise<unknown>): PreviewSuite {
  const suite = {} as PreviewSuite;
  beforeAll(async () => {
    [suite.browser, suite.preview] = await Promise.all([launchBrowser(), startTestPreview(options)]);
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
    await suite.page.close();
  });
  return suite;
}
