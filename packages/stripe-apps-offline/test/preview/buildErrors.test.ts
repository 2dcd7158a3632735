/**
 * How a failed view build is told to the developer (preview/server/buildErrors.ts):
 * where, from the project root, with 1-based line and column as editors count;
 * what esbuild said; and the code around it with the column marked. Real
 * esbuild builds of real files in a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {viewBuildOptions} from '../../src/server/build';
import {buildErrorsOf, capped, codeFrame, failurePrinter, formatFailure, formatForTerminal} from '../../src/server/buildErrors';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-build-errors-'));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

/**
 * Writes `source` to `name` under the temporary project and bundles it as the preview does; the failure esbuild throws.
 * Bare imports stay external (the temporary project has no node_modules); relative ones are resolved.
 */
async function failureOf(name: string, source: string): Promise<unknown> {
  fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
  fs.writeFileSync(path.join(dir, name), source);
  try {
    await esbuild.build({entryPoints: [path.join(dir, name)], bundle: true, write: false, logLevel: 'silent', absWorkingDir: dir, jsx: 'automatic', plugins: [{name: 'bare-external', setup: (b) => b.onResolve({filter: /^[^./]/}, (a) => ({path: a.path, external: true}))}]});
  } catch (e) {
    return e;
  }
  throw new Error(`${name} built: the test needs a file that does not`);
}

const JSX_ERROR = `import {Box} from '@stripe/ui-extension-sdk/ui';

const Broken = () => (
  <Box>
    <Box css={{}} & />
  </Box>
);
export default Broken;
`;

test('a syntax error is located from the project root, 1-based, and framed with two lines either side and the column marked', async () => {
  const [error] = buildErrorsOf(await failureOf('src/views/Broken.tsx', JSX_ERROR), dir);
  expect(error).toEqual({
    file: 'src/views/Broken.tsx',
    line: 5,
    column: 19,
    text: 'Expected ">" but found "&"',
    notes: [],
    frame: ['  3 | const Broken = () => (', '  4 |   <Box>', '> 5 |     <Box css={{}} & />', '    |                   ^', '  6 |   </Box>', '  7 | );'].join('\n'),
  });
  expect(formatForTerminal(error)).toBe(
    [
      'src/views/Broken.tsx:5:19: error: Expected ">" but found "&"',
      '    3 | const Broken = () => (',
      '    4 |   <Box>',
      '  > 5 |     <Box css={{}} & />',
      '      |                   ^',
      '    6 |   </Box>',
      '    7 | );',
    ].join('\n'),
  );
});

test('the column counts characters, not the bytes esbuild counts, and tabs are drawn as two spaces under which the marker still lines up', async () => {
  const [error] = buildErrorsOf(await failureOf('Accents.ts', "const label = 'héllo';\n\tconst x = 'é' +* 2;\n"), dir);
  // esbuild says 17 (0-based, in bytes, and 'é' is two); the "*" is an editor's column 17 (1-based, in characters), not 18.
  expect([error.line, error.column]).toEqual([2, 17]);
  const [marked, marker] = error.frame.split('\n').slice(1, 3);
  expect([marked, marker]).toEqual(["> 2 |   const x = 'é' +* 2;", `    | ${' '.repeat(17)}^`]);
  expect(marked[marker.indexOf('^')]).toBe('*');
});

test('a minified line is cut to a window around the column, the marker still under the error', async () => {
  const long = `const a = [${Array.from({length: 200}, (_, i) => i).join(',')}];const b = a.map((x) => x +* 2);const c = [${Array.from({length: 200}, (_, i) => i).join(',')}];\n`;
  const [error] = buildErrorsOf(await failureOf('min.js', long), dir);
  const [marked, marker] = error.frame.split('\n');
  expect(marked.length).toBeLessThan(140);
  expect(marked).toMatch(/^> 1 \| …/);
  expect(marked).toMatch(/…$/);
  expect(marked.slice(marker.indexOf('^'))).toMatch(/^\* 2\)/);
  expect(error.column).toBe(long.indexOf('* 2') + 1);
});

test('control characters in the source reach neither the page nor the terminal: they show as U+FFFD, the columns unchanged', async () => {
  const [error] = buildErrorsOf(await failureOf('escape.ts', 'const s = "\u001b[2J"; const t = ;\n'), dir);
  expect(error.frame).not.toContain('\u001b');
  expect(error.frame).toContain('"\uFFFD[2J"');
  const [marked, marker] = error.frame.split('\n');
  expect(marked[marker.indexOf('^')]).toBe(';');
});

test('a file changed since the build is not framed with lines it no longer has: only the line esbuild read is shown', async () => {
  const failure = await failureOf('Changed.tsx', JSX_ERROR);
  fs.writeFileSync(path.join(dir, 'Changed.tsx'), '// rewritten since\n');
  const [error] = buildErrorsOf(failure, dir);
  expect(error.frame).toBe(['> 5 |     <Box css={{}} & />', '    |                   ^'].join('\n'));
});

test('an error without a location is its text alone', () => {
  const [error] = buildErrorsOf(new Error('The service was stopped'), dir);
  expect(error).toEqual({file: null, line: 0, column: 0, text: 'The service was stopped', frame: '', notes: []});
  expect(formatForTerminal(error)).toBe('error: The service was stopped');
});

test('many errors are capped and counted; the terminal prints an error two views share once', async () => {
  const source = Array.from({length: 14}, (_, i) => `import './missing-${i}';`).join('\n');
  const failure = capped(buildErrorsOf(await failureOf('many.ts', source), dir), 10);
  expect(failure.errors).toHaveLength(10);
  expect(failure.more).toBe(4);
  expect(failure.errors[9]).toMatchObject({line: 10, text: 'Could not resolve "./missing-9"'});

  const shared = capped(buildErrorsOf(await failureOf('src/shared.tsx', JSX_ERROR), dir));
  const printed = formatFailure([
    {component: 'AppSettings', failure: shared},
    {component: 'ConnectionsDrawer', failure: shared},
  ]);
  expect(printed.split('\n')[0]).toBe('build failed: 1 error in AppSettings, ConnectionsDrawer');
  expect(printed.match(/src\/shared\.tsx:5:19: error: /g)).toHaveLength(1);
});

test('a frame from the first lines of a file starts at line 1, and the gutter widens for two-digit line numbers', () => {
  const lines = Array.from({length: 12}, (_, i) => `line ${i + 1}`);
  expect(codeFrame(lines, 1, {line: 1, column: 1, length: 4})).toBe(['> 1 | line 1', '    | ^^^^', '  2 | line 2', '  3 | line 3'].join('\n'));
  expect(codeFrame(lines, 1, {line: 10, column: 6})).toBe(['   8 | line 8', '   9 | line 9', '> 10 | line 10', '     |      ^', '  11 | line 11', '  12 | line 12'].join('\n'));
});

test('the terminal prints an error once when the views it breaks report it a moment apart, and again when a later save fails the same way', async () => {
  const shared = capped(buildErrorsOf(await failureOf('src/again.tsx', JSX_ERROR), dir));
  const other = capped(buildErrorsOf(await failureOf('src/other.ts', 'const x = ;\n'), dir));
  let clock = 10_000;
  const print = failurePrinter(2000, () => clock);
  expect(print([{component: 'AppSettings', failure: shared}])).toMatch(/^build failed: 1 error in AppSettings\nsrc\/again\.tsx:5:19: error: /);
  clock += 300;
  // The drawer's bundle noticed the same save a poll later: nothing new to say.
  expect(print([{component: 'ConnectionsDrawer', failure: shared}])).toBeNull();
  // A new error in the same moment is printed, alone.
  const printed = print([{component: 'ConnectionsDrawer', failure: {errors: [...shared.errors, ...other.errors], more: 0}}]);
  expect(printed).toMatch(/^build failed: 1 error in ConnectionsDrawer\nsrc\/other\.ts:1:11: error: Unexpected ";"/);
  expect(printed).not.toContain('src/again.tsx');
  clock += 5000;
  expect(print([{component: 'AppSettings', failure: shared}])).toMatch(/src\/again\.tsx:5:19: error: /);
});

test("a view file without a default export is named, not the preview's entry module that imports it", async () => {
  const root = path.resolve(__dirname, '../..');
  const file = path.join(dir, 'NoDefault.tsx');
  fs.writeFileSync(file, 'export const NoDefault = () => null;\n');
  const failure = await esbuild.build({...viewBuildOptions(root, {component: 'NoDefault', file}), write: false}).catch((e: unknown) => e);
  expect(buildErrorsOf(failure, root)).toEqual([
    {file: null, line: 0, column: 0, frame: '', notes: [], text: `${path.relative(root, file)} has no default export: a view is its file's default export (export default MyView), as Stripe loads it.`},
  ]);
});
