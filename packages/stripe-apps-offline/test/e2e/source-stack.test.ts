/**
 * A view's error stack names the developer's files, not the bundle: the frame
 * that threw reads its path from the app's root and `…/LoadErrorProbe.tsx:9:9`
 * (as an editor links it), where it used to read
 * `…/__preview/views/LoadErrorProbe.js:39651:13`.
 */
import path from 'node:path';
import {previewSuite, PROBE_APP} from './harness';

const FILE = path.join(__dirname, 'views/LoadErrorProbe.tsx');
/** The probe as the stack names it: from the previewed app's folder (the fixture's, so with `../`). */
const SHOWN = path.relative(PROBE_APP, FILE).split(path.sep).join('/');
const escaped = SHOWN.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'LoadErrorProbe', file: FILE}],
});

test('the stack shown in the view\'s place points at the line in the view\'s source file that threw', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=LoadErrorProbe`);
  const stack = page.locator('[data-view="LoadErrorProbe"]').getByRole('alert').locator('pre');
  await stack.getByText(`${SHOWN}:9:`, {exact: false}).waitFor({timeout: 10_000});
  const text = await stack.innerText();
  // The throw inside clientFromEnvironment, then its caller at module level.
  expect(text).toMatch(new RegExp(`clientFromEnvironment \\(${escaped}:9:\\d+\\)`));
  expect(text).toMatch(new RegExp(`${escaped}:12:\\d+`));
  expect(text).not.toMatch(/__preview\/views\/LoadErrorProbe\.js:\d+/);
});
