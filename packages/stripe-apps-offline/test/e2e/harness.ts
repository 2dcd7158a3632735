/**
 * The kit's browser suites preview a fixture app of their own
 * (test/fixtures/probe-app: a settings view and a drawer view that draw
 * nothing of note), with each suite's probe views put in the viewports it
 * tests, as an app's own views would be.
 */
import path from 'node:path';
import type {Page} from 'playwright-core';
import {screenshot as screenshotInto, type PreviewUnderTest} from '../../src/testing/browser';
import {previewSuite as kitSuite, type PreviewSuite} from '../../src/testing/previewSuite';
import {startPreview} from '../../src/server/server';

export const KIT = path.resolve(__dirname, '../..');
export const PROBE_APP = path.join(KIT, 'test/fixtures/probe-app');
export const ARTIFACTS = path.join(KIT, 'test/.artifacts');

export {launchBrowser, recordConsole} from '../../src/testing/browser';
export {freePort} from '../../src/server/localPorts';

export const screenshot = (page: Page, name: string) => screenshotInto(page, name, ARTIFACTS);

export interface TestPreviewOptions {
  port?: number;
  manifestOverrides?: Record<string, unknown>;
  extraViews?: {viewport: string; component: string; file: string}[];
}

export async function startTestPreview(options: TestPreviewOptions = {}): Promise<PreviewUnderTest> {
  const output: string[] = [];
  const preview = await startPreview({
    root: PROBE_APP,
    port: options.port ?? 0,
    manifestOverrides: options.manifestOverrides,
    storeFile: ':memory:',
    log: (line) => output.push(line),
    extraViews: options.extraViews ?? [],
  });
  return {...preview, output};
}

export function previewSuite(options: TestPreviewOptions, onPage?: (page: Page) => Promise<unknown>): PreviewSuite {
  return kitSuite(() => startTestPreview(options), onPage);
}
