/**
 * A view that does not build is shown in the page, as Vite and Next show it:
 * an overlay with the file, line and column, esbuild's message and the code
 * around it, there without a reload and gone by itself at the next good build;
 * the terminal names the same place. Throwaway views in a temporary folder are
 * edited, so the app's own src/ is never touched by a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {startPreview, type RunningPreview} from '../../testing';
import {launchBrowser, PROBE_APP, recordConsole, screenshot} from './harness';

jest.setTimeout(90_000);

const probe = (text: string) => `import {Box} from '@stripe/ui-extension-sdk/ui';
import {label} from './label';

const OverlayProbe = () => (
  <Box>
    <Box>${text}</Box>
    <Box>{label}</Box>
  </Box>
);
export default OverlayProbe;
`;
// Line 6, column 19 (1-based, as an editor counts): the "&" where esbuild expects ">".
const BROKEN_PROBE = probe('First version').replace('    <Box>First version</Box>', '    <Box css={{}} & />');
const sharedProbe = `import {Box} from '@stripe/ui-extension-sdk/ui';
import {label} from './label';

const SharedProbe = () => <Box>Shared: {label}</Box>;
export default SharedProbe;
`;
const LABEL = "export const label: string = 'from label.ts';\n";
// What esbuild is given as a path is drawn as text, never as markup.
const HOSTILE_IMPORT = "import missing from './<img src=x onerror=alert(1)>';";
// Used, or esbuild drops the import as a TypeScript type-only one and the view builds.
const neverBuilt = (first: string) => `${first}
import {Box} from '@stripe/ui-extension-sdk/ui';

const NeverBuilt = () => <Box>Built at last{missing}</Box>;
export default NeverBuilt;
`;

let browser: Browser;
let preview: RunningPreview;
let dir: string;
const output: string[] = [];
const file = (name: string) => path.join(dir, name);
/** As the overlay and the terminal name a file: from the project root, with forward slashes. */
const shown = (name: string) => path.relative(PROBE_APP, file(name)).split(path.sep).join('/');

beforeAll(async () => {
  // Inside the project, so the views resolve the project's node_modules; git-ignored.
  fs.mkdirSync(path.join(PROBE_APP, '.artifacts'), {recursive: true});
  dir = fs.mkdtempSync(path.join(PROBE_APP, '.artifacts/overlay-'));
  fs.writeFileSync(file('OverlayProbe.tsx'), probe('First version'));
  fs.writeFileSync(file('SharedProbe.tsx'), sharedProbe);
  fs.writeFileSync(file('label.ts'), LABEL);
  fs.writeFileSync(file('NeverBuilt.tsx'), neverBuilt(HOSTILE_IMPORT));
  [browser, preview] = await Promise.all([
    launchBrowser(),
    startPreview({
      root: PROBE_APP,
      port: 0,
      storeFile: ':memory:',
      watch: true,
      log: (l) => output.push(l),
      extraViews: [
        {viewport: 'settings', component: 'OverlayProbe', file: file('OverlayProbe.tsx')},
        {viewport: 'stripe.dashboard.drawer.default', component: 'SharedProbe', file: file('SharedProbe.tsx')},
        {viewport: 'stripe.dashboard.customer.detail', component: 'NeverBuilt', file: file('NeverBuilt.tsx')},
      ],
    }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

const overlayOf = (page: Page) => page.getByRole('dialog', {name: 'Build failed'});
const view = (page: Page, component: string) => page.locator(`[data-view="${component}"]`);
/** A mark on the page itself: a full reload would lose it. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as {marker: string}).marker = 'still here'));
const pageKept = (page: Page) => page.evaluate(() => (window as unknown as {marker?: string}).marker === 'still here');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core over one part of the page: its serious and critical findings, as rule ids and selectors. */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    // axe is the global the script above defined; its types are not imported into the page.
    const axe = (globalThis as unknown as {axe: {run(context: unknown, options: unknown): Promise<{violations: {id: string; impact: string | null; nodes: {target: unknown[]}[]}[]}>}}).axe;
    const {violations} = await axe.run({include: [include]}, {resultTypes: ['violations']});
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}
/** What the terminal printed, waited for: the page can show a failure a moment before the terminal line is checked. */
async function printed(pattern: RegExp): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  while (!output.some((l) => pattern.test(l)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return output.filter((l) => pattern.test(l));
}

test('a view file that stops building: the overlay names file, line and column with the code around it, over the last good build; the next good build clears it', async () => {
  const page = await browser.newPage({viewport: {width: 800, height: 900}});
  const consoleLines = recordConsole(page);
  await page.goto(`${preview.url}/?user=usr_PreviewAda0001&mode=test`);
  await view(page, 'OverlayProbe').getByText('First version').waitFor();
  await view(page, 'SharedProbe').getByText('Shared: from label.ts').waitFor();
  // NeverBuilt did not build either, but it is not on this page: its errors wait for its own page (and the terminal).
  expect(await overlayOf(page).count()).toBe(0);
  await markPage(page);

  const before = output.length;
  fs.writeFileSync(file('OverlayProbe.tsx'), BROKEN_PROBE);
  const overlay = overlayOf(page);
  await overlay.waitFor({timeout: 15_000});
  const where = `${shown('OverlayProbe.tsx')}:6:19`;
  await overlay.getByText(where, {exact: true}).waitFor();
  await overlay.getByText('Expected ">" but found "&"', {exact: true}).waitFor();
  expect(await overlay.getByLabel('Code around line 6').innerText()).toBe(
    ['  4 | const OverlayProbe = () => (', '  5 |   <Box>', '> 6 |     <Box css={{}} & />', '    |                   ^', '  7 |     <Box>{label}</Box>', '  8 |   </Box>'].join('\n'),
  );
  // The last good build stays underneath, and the page was not reloaded to show the overlay.
  await view(page, 'OverlayProbe').getByText('First version').waitFor();
  expect(await pageKept(page)).toBe(true);
  // Readable at 800 px: the panel fits the window and its button is in view.
  const box = await overlay.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 800).toBe(true);
  expect(await overlay.getByRole('button', {name: 'Dismiss build errors'}).isVisible()).toBe(true);
  await screenshot(page, 'build-overlay-rebuild-800');

  const lines = await printed(/error: Expected ">" but found "&"/);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`${where}: error: Expected ">" but found "&"`);
  expect(lines[0]).toContain(['  > 6 |     <Box css={{}} & />', '      |                   ^'].join('\n'));
  expect(output.slice(before).filter((l) => l.startsWith('build failed'))).toHaveLength(1);

  // Reloaded while the file is broken: the overlay again, over the last good build.
  await page.reload();
  await overlay.getByText(where, {exact: true}).waitFor();
  await view(page, 'OverlayProbe').getByText('First version').waitFor();
  await markPage(page);

  fs.writeFileSync(file('OverlayProbe.tsx'), probe('Second version'));
  await view(page, 'OverlayProbe').getByText('Second version').waitFor({timeout: 15_000});
  await overlay.waitFor({state: 'detached'});
  expect(await pageKept(page)).toBe(true);
  expect(consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  await page.close();
});

test('a file two views import breaks both: the overlay and the terminal give its error once, naming both views', async () => {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  await page.goto(`${preview.url}/?user=usr_PreviewAda0001&mode=test`);
  await view(page, 'SharedProbe').getByText('Shared: from label.ts').waitFor();
  const before = output.length;
  const broken = "export const label: string = 'from label.ts' +* 1;\n";
  fs.writeFileSync(file('label.ts'), broken);
  const where = `${shown('label.ts')}:1:${broken.indexOf('*') + 1}`;
  const overlay = overlayOf(page);
  await overlay.waitFor({timeout: 15_000});
  await overlay.getByText(where, {exact: true}).waitFor();
  await overlay.getByText('in OverlayProbe, SharedProbe').or(overlay.getByText('in SharedProbe, OverlayProbe')).waitFor();
  expect(await overlay.getByText('Unexpected "*"', {exact: true}).count()).toBe(1);
  await screenshot(page, 'build-overlay-shared-1280');
  const lines = await printed(/label\.ts:\d+:\d+: error: Unexpected "\*"/);
  expect(lines[0]).toContain(`${where}: error: Unexpected "*"`);
  // Each view's bundle watches the files on its own and can fail a moment after the other: still one block in the terminal.
  await new Promise((r) => setTimeout(r, 1500));
  const failures = output.slice(before).filter((l) => l.startsWith('build failed'));
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatch(/^build failed: 1 error in (OverlayProbe|SharedProbe)/);
  expect(output.filter((l) => l.includes(`${where}: error:`))).toHaveLength(1);

  fs.writeFileSync(file('label.ts'), "export const label: string = 'mended';\n");
  await view(page, 'SharedProbe').getByText('Shared: mended').waitFor({timeout: 15_000});
  await view(page, 'OverlayProbe').getByText('mended').waitFor();
  await overlay.waitFor({state: 'detached'});
  await page.close();
});

test('a view that never built shows the overlay when its page opens, its text drawn as text, dismissed and brought back by keyboard; fixing it draws the view without a reload', async () => {
  const page = await browser.newPage({viewport: {width: 800, height: 900}});
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${preview.url}/?view=NeverBuilt&user=usr_PreviewAda0001&mode=test`);
  const overlay = overlayOf(page);
  await overlay.waitFor();
  const column = HOSTILE_IMPORT.indexOf("'./<img") + 1;
  await overlay.getByText(`${shown('NeverBuilt.tsx')}:1:${column}`, {exact: true}).waitFor();
  await overlay.getByText('Could not resolve "./<img src=x onerror=alert(1)>"', {exact: true}).waitFor();
  expect(await overlay.getByLabel('Code around line 1').innerText()).toContain(`> 1 | ${HOSTILE_IMPORT}`);
  expect(await overlay.locator('img').count()).toBe(0);
  // The view has nothing to show: its place says so too.
  await view(page, 'NeverBuilt').getByText('NeverBuilt cannot be shown').waitFor();
  await screenshot(page, 'build-overlay-start-800');
  expect(await axeFindings(page, '.kr-build-overlay')).toEqual([]);

  // Keyboard only: the overlay takes the focus when it opens, Enter dismisses it, and the button that brings it back takes the focus.
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(await focused()).toBe('Dismiss build errors');
  await page.keyboard.press('Enter');
  await overlay.waitFor({state: 'detached'});
  expect(await focused()).toBe('Show 1 build error');
  expect(await axeFindings(page, '.kr-build-overlay-reopen')).toEqual([]);
  await page.keyboard.press('Enter');
  await overlay.waitFor();
  expect(await focused()).toBe('Dismiss build errors');
  await page.keyboard.press('Escape');
  await overlay.waitFor({state: 'detached'});
  await page.getByRole('button', {name: 'Show 1 build error'}).click();
  await overlay.waitFor();
  await markPage(page);

  const lines = output.filter((l) => l.startsWith('problem: NeverBuilt did not build:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`${shown('NeverBuilt.tsx')}:1:${column}: error: Could not resolve "./<img src=x onerror=alert(1)>"`);
  expect(lines[0]).toContain(`  > 1 | ${HOSTILE_IMPORT}`);

  fs.writeFileSync(file('NeverBuilt.tsx'), neverBuilt("const missing = '';"));
  await view(page, 'NeverBuilt').getByText('Built at last').waitFor({timeout: 15_000});
  await overlay.waitFor({state: 'detached'});
  expect(await page.getByRole('button', {name: /build error/}).count()).toBe(0);
  // Its problem leaves the page's banner with it.
  expect(await page.getByText('NeverBuilt did not build').count()).toBe(0);
  expect(await pageKept(page)).toBe(true);
  // A reload finds it built, with no problem left over.
  await page.reload();
  await view(page, 'NeverBuilt').getByText('Built at last').waitFor();
  expect(await page.getByText('NeverBuilt did not build').count()).toBe(0);
  expect(dialogs).toEqual([]);
  await page.close();
});
