/**
 * The preview bundles views as `stripe apps start` does: the app's tsconfig
 * `paths` aliases resolve, and a dependency that needs Node built-ins is
 * named in a message that says why a view cannot have it.
 */
import path from 'node:path';
import type * as esbuild from 'esbuild';
import {describeBuildError} from '../../testing';
import {previewSuite} from './harness';

jest.setTimeout(90_000);

const views = path.join(__dirname, 'views');
const suite = previewSuite({
  extraViews: [
    {component: 'AliasProbe', viewport: 'stripe.dashboard.home.overview', file: path.join(views, 'AliasProbe.tsx')},
    {component: 'NodeDependencyProbe', viewport: 'stripe.dashboard.payment.list', file: path.join(views, 'NodeDependencyProbe.tsx')},
  ],
});

test("a view importing through the project's tsconfig paths alias builds and draws", async () => {
  await suite.page.goto(`${suite.preview.url}/?view=AliasProbe`);
  await suite.page.locator('[data-view="AliasProbe"]').getByText('Imported through a tsconfig path alias').waitFor();
});

test('a dependency needing Node built-ins is named, on the page and in the terminal, and the other views still run', async () => {
  await suite.page.goto(`${suite.preview.url}/?view=NodeDependencyProbe`);
  const message = "graceful-fs needs Node's `fs`, `util`, `assert`, `stream`, `constants`, which a view cannot use";
  await suite.page.locator('[data-view="NodeDependencyProbe"]').getByText(message, {exact: false}).waitFor();
  expect(suite.preview.output.join('\n')).toContain(message);
  await suite.page.goto(`${suite.preview.url}/?view=AliasProbe`);
  await suite.page.locator('[data-view="AliasProbe"]').getByText('Imported through a tsconfig path alias').waitFor();
});

test("the app's own file and a scoped package are named as the importer; other errors pass through", () => {
  const unresolved = (name: string, file: string): esbuild.Message =>
    ({text: `Could not resolve "${name}"`, location: {file, line: 3, column: 7}, notes: []}) as unknown as esbuild.Message;
  expect(
    describeBuildError({
      errors: [
        unresolved('node:crypto', 'src/views/Home.tsx'),
        unresolved('fs/promises', 'node_modules/@acme/pdf/node_modules/@acme/io/index.js'),
        unresolved('left-pad', 'src/views/Home.tsx'),
      ],
    }),
  ).toEqual([
    // Located at the first such import, with columns 1-based as editors count (esbuild's are 0-based).
    expect.stringMatching(/^src\/views\/Home\.tsx:3:8: src\/views\/Home\.tsx needs Node's `crypto`, which a view cannot use: /),
    expect.stringMatching(/^node_modules\/@acme\/pdf\/node_modules\/@acme\/io\/index\.js:3:8: @acme\/io needs Node's `fs\/promises`, which a view cannot use/),
    'src/views/Home.tsx:3:8: Could not resolve "left-pad"',
  ]);
});
