/**
 * The SDK's `ui/next` components (Stripe's full-page sample uses them) through
 * the real preview in headless Chromium. They share names with `ui`'s Tabs,
 * Tab, BarChart and LineChart but not their props; the host tells them apart
 * by the `schemaVersion` the SDK sends with each ("v9Next").
 */
import fs from 'node:fs';
import path from 'node:path';
import * as sdkNext from '@stripe/ui-extension-sdk/ui/next';
import {IMPLEMENTED, IMPLEMENTED_NEXT} from '../../testing';
import {previewSuite, screenshot} from './harness';

jest.setTimeout(90_000);

const FILE = path.join(__dirname, 'views/NextGallery.tsx');
const suite = previewSuite({extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'NextGallery', file: FILE}]});
const view = () => suite.page.locator('[data-view="NextGallery"]');

async function open() {
  await suite.page.goto(`${suite.preview.url}/?view=NextGallery`);
  await view().getByRole('tab', {name: 'Overview'}).waitFor();
}

test('the host draws every component ui/next exports, and the test view uses each one', () => {
  const exported = Object.keys(sdkNext).filter((name) => /^[A-Z]/.test(name)).sort();
  // A new SDK that adds a next component fails here, naming it.
  expect(exported.filter((name) => !(name in IMPLEMENTED_NEXT || name in IMPLEMENTED))).toEqual([]);
  const source = fs.readFileSync(FILE, 'utf8');
  expect(exported.filter((name) => !new RegExp(`<${name}[\\s>/]`).test(source))).toEqual([]);
});

test('Tabs draws a tab per Tab from its label; the view chooses the panel, by click or by arrow key', async () => {
  await open();
  expect(await view().getByRole('tab').allTextContents()).toEqual(['Overview', 'Tiers']);
  expect(await view().getByRole('tab', {selected: true}).allTextContents()).toEqual(['Overview']);
  expect(await view().getByText('The overview panel').isVisible()).toBe(true);
  expect(await view().getByText('The tiers panel').isVisible()).toBe(false);

  await view().getByRole('tab', {name: 'Tiers'}).click();
  await view().getByText('Selected tab: tiers').waitFor();
  await view().getByRole('tab', {name: 'Tiers', selected: true}).waitFor();
  await view().getByText('The tiers panel').waitFor();
  expect(await view().getByText('The overview panel').isVisible()).toBe(false);

  await view().getByRole('tab', {name: 'Tiers'}).focus();
  await suite.page.keyboard.press('ArrowLeft');
  await view().getByText('Selected tab: overview').waitFor();
  await view().getByRole('tab', {name: 'Overview', selected: true}).waitFor();
  expect(await view().locator('.kr-placeholder').count()).toBe(0);
  expect(suite.consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});

test('the charts are drawn from data alone: one series per name, null values left out', async () => {
  await open();
  const line = view().locator('[data-chart="Line chart"]');
  expect(await line.locator('.kr-chart-point').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-y'))))).toEqual([10, 14, 21]);
  const bars = view().locator('[data-chart="Bar chart"] .kr-chart-bar');
  expect(await bars.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-x')}=${el.getAttribute('data-y')}`))).toEqual(['Jan=120', 'Feb=80', 'Jan=30']);
  expect(await view().locator('[data-chart="Bar chart"] .kr-chart-legend').textContent()).toMatch(/Revenue.*Refunds/);
  // The compared sparkline: a line for the current period and one for the previous.
  expect(await view().locator('[data-chart="Sparkline"] polyline').count()).toBe(2);
  await screenshot(suite.page, 'next-overview');
});

test('MeterChart shows each segment in proportion, a legend with formatted values, and hands a click back', async () => {
  await open();
  await view().getByRole('tab', {name: 'Tiers'}).click();
  const meter = view().locator('[data-chart="Meter chart"]').first();
  const widths = await meter.locator('.kr-meter-segment').evaluateAll((els) => els.map((el) => (el as HTMLElement).style.width));
  expect(widths).toEqual(['60%', '30%', '10%']);
  expect(await meter.locator('.kr-meter-legend li').allTextContents()).toEqual(['Barista6', 'Regular3', 'Gold1']);
  // Segments are buttons named for what they show, so the keyboard reaches them.
  await meter.locator('.kr-meter-bar').getByRole('button', {name: 'Regular: 3'}).click();
  await view().getByText('Clicked: meter.segment.click Regular').waitFor();
  await meter.locator('.kr-meter-legend').getByRole('button', {name: 'Gold: 1'}).focus();
  await suite.page.keyboard.press('Enter');
  await view().getByText('Clicked: meter.legend.click Gold').waitFor();
  // No onSegmentClick and no legendEnabled: plain segments, no legend; currency formatting from unitFormat.
  const paid = view().locator('[data-chart="Meter chart"]').nth(1);
  expect(await paid.getByRole('button').count()).toBe(0);
  expect(await paid.locator('.kr-meter-legend').count()).toBe(0);
  expect(await paid.getByRole('img').getAttribute('aria-label')).toBe('Paid: €1,234.50');
  await screenshot(suite.page, 'next-tiers');
});
