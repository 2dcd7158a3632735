/**
 * A css key SDK 9.3's css prop does not have (older SDKs' `layout`,
 * `background`) is not silently dropped: the view still draws, and the
 * terminal names each such key once, so the developer learns why that box
 * lost its layout before they upload.
 */
import path from 'node:path';
import {previewSuite} from './harness';
import {until} from '../../src/testing/until';

jest.setTimeout(60_000);

const suite = previewSuite({
  extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'LegacyCssProbe', file: path.join(__dirname, 'views/LegacyCssProbe.tsx')}],
});

const unknownKeyLines = () => suite.preview.output.filter((line) => line.includes('css prop does not have'));

test('each unknown css key is named once in the terminal; known keys are not, and the view still draws', async () => {
  const {page, preview} = suite;
  await page.goto(`${preview.url}/?view=LegacyCssProbe`);
  await page.locator('[data-view="LegacyCssProbe"]').getByText('a box with known keys only').waitFor();
  await until(() => page.waitForTimeout(100), () => expect(unknownKeyLines()).toHaveLength(2), 10_000);
  expect(unknownKeyLines().some((line) => line.includes('"layout"'))).toBe(true);
  expect(unknownKeyLines().some((line) => line.includes('"background"'))).toBe(true);
  expect(unknownKeyLines().some((line) => line.includes('"gap"') || line.includes('"padding"'))).toBe(false);

  // A re-render or a reload does not repeat them: once per key for the preview's run.
  await page.reload();
  await page.locator('[data-view="LegacyCssProbe"]').getByText('a box with known keys only').waitFor();
  await page.waitForTimeout(500);
  expect(unknownKeyLines()).toHaveLength(2);
});
