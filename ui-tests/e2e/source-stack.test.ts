/**
 * A view's error stack names the developer's files, not the bundle: the frame
 * that threw reads `ui-tests/e2e/views/LoadErrorProbe.tsx:9:9` (as an editor
 * links it), where it used to read `…/__preview/views/LoadErrorProbe.js:39651:13`.
 */
import path from 'node:path';
import {previewSuite} from './previewSuite';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'LoadErrorProbe', file: path.join(__dirname, 'views/LoadErrorProbe.tsx')}],
});

test('the stack shown in the view\'s place points at the line in the view\'s source file that threw', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=LoadErrorProbe`);
  const stack = page.locator('[data-view="LoadErrorProbe"]').getByRole('alert').locator('pre');
  await stack.getByText('ui-tests/e2e/views/LoadErrorProbe.tsx:9:', {exact: false}).waitFor({timeout: 10_000});
  const text = await stack.innerText();
  // The throw inside clientFromEnvironment, then its caller at module level.
  expect(text).toMatch(/clientFromEnvironment \(ui-tests\/e2e\/views\/LoadErrorProbe\.tsx:9:\d+\)/);
  expect(text).toMatch(/ui-tests\/e2e\/views\/LoadErrorProbe\.tsx:12:\d+/);
  expect(text).not.toMatch(/__preview\/views\/LoadErrorProbe\.js:\d+/);
});
