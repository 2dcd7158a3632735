/** The kit's suite hooks around a preview of this app (browser.ts). */
import type {Page} from 'playwright-core';
import {previewSuite as kitSuite, type PreviewSuite} from 'stripe-apps-offline/testing';
import {startTestPreview} from './browser';

export function previewSuite(options: Parameters<typeof startTestPreview>[0], onPage?: (page: Page) => Promise<unknown>): PreviewSuite {
  return kitSuite(() => startTestPreview(options), onPage);
}
