/**
 * `npm start` rebuilds a view when its source changes and reloads it in the
 * open page. A throwaway view in a temporary folder is edited, so the app's
 * own src/ is never touched by a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {startPreview, type RunningPreview} from '../../testing';
import {launchBrowser, PROBE_APP} from './harness';

jest.setTimeout(60_000);

const viewSource = (text: string) => `import {Box} from '@stripe/ui-extension-sdk/ui';
const WatchProbe = () => <Box>${text}</Box>;
export default WatchProbe;
`;

let browser: Browser;
let preview: RunningPreview;
let dir: string;
let file: string;
const output: string[] = [];

beforeAll(async () => {
  // Inside the project, so the view resolves the project's node_modules; git-ignored.
  fs.mkdirSync(path.join(PROBE_APP, '.artifacts'), {recursive: true});
  dir = fs.mkdtempSync(path.join(PROBE_APP, '.artifacts/watch-'));
  file = path.join(dir, 'WatchProbe.tsx');
  fs.writeFileSync(file, viewSource('First version'));
  [browser, preview] = await Promise.all([
    launchBrowser(),
    startPreview({root: PROBE_APP, port: 0, storeFile: ':memory:', watch: true, log: (l) => output.push(l), extraViews: [{viewport: 'settings', component: 'WatchProbe', file}]}),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

test('editing a view rebuilds it and the open page shows the new version without a manual reload', async () => {
  const page = await browser.newPage();
  await page.goto(`${preview.url}/?user=usr_PreviewAda0001&mode=test&drawer=closed`);
  await page.locator('[data-view="WatchProbe"]').getByText('First version').waitFor();
  // A marker on the page itself: a full page reload would lose it.
  await page.evaluate(() => ((window as unknown as {marker: string}).marker = 'still here'));
  const edited = Date.now();
  fs.writeFileSync(file, viewSource('Second version'));
  await page.locator('[data-view="WatchProbe"]').getByText('Second version').waitFor({timeout: 15_000});
  const elapsed = Date.now() - edited;
  expect(await page.evaluate(() => (window as unknown as {marker?: string}).marker)).toBe('still here');
  expect(output).toContain('rebuilt views');
  // Not a timing assertion (those belong to the benchmark): printed for a person reading the run.
  process.stdout.write(`rebuild + reload took ${elapsed} ms\n`);
  await page.close();

  // A build error is reported in the terminal, not thrown.
  fs.writeFileSync(file, 'export default (');
  await new Promise((r) => setTimeout(r, 1500));
  expect(output.some((l) => l.startsWith('build failed'))).toBe(true);
});
