/**
 * A view bundle holds one copy of each package the kit's runtime and the app's
 * SDK share, whatever module format the SDK was compiled to. SDK 8 and older
 * ship CommonJS (`require('@remote-ui/react')`) while the kit's runtime uses
 * `import`; a package with both builds would be bundled twice, and the SDK's
 * components then find no remote-ui Render context (Stripe's older sample apps
 * drew only an error). And react-reconciler comes from where that SDK's
 * @remote-ui/react finds it, so an app on React 18 whose SDK brings React 17
 * does not get the kit's reconciler for React 18. Real esbuild builds of
 * temporary apps shaped like those samples' node_modules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {viewBuildOptions} from '../../src/server/build';

let app: string;
/** Every temporary app made, removed at the end. */
const made: string[] = [];

function link(pkg: string): void {
  // Not `${pkg}/package.json`: @remote-ui's exports do not list it.
  const entry = require.resolve(pkg);
  const target = entry.slice(0, entry.lastIndexOf(`node_modules/${pkg}/`) + `node_modules/${pkg}`.length);
  const at = path.join(app, 'node_modules', pkg);
  fs.mkdirSync(path.dirname(at), {recursive: true});
  fs.symlinkSync(target, at, 'dir');
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(app, file)), {recursive: true});
  fs.writeFileSync(path.join(app, file), text);
}

/** A temporary app with SDK 8's shape (CommonJS, components made by the SDK's own require) and the kit's copies of `linked`. */
function makeApp(linked: string[]): void {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-single-copies-'));
  made.push(app);
  for (const pkg of linked) link(pkg);
  write('node_modules/@stripe/ui-extension-sdk/package.json', JSON.stringify({name: '@stripe/ui-extension-sdk', version: '8.0.0'}));
  write('node_modules/@stripe/ui-extension-sdk/ui/index.js', `"use strict";\nconst react_1 = require("@remote-ui/react");\nexports.Box = (0, react_1.createRemoteReactComponent)('Box');\n`);
  write('src/views/Old.tsx', `import {Box} from '@stripe/ui-extension-sdk/ui';\nconst Old = () => <Box>old SDK</Box>;\nexport default Old;\n`);
}

beforeAll(() => makeApp(['@remote-ui/react', '@remote-ui/core', '@remote-ui/rpc', 'react']));
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, {recursive: true, force: true});
});

/** The real paths of the files esbuild put in the bundle of the app's view Old. */
async function bundledFiles(): Promise<string[]> {
  const options = viewBuildOptions(app, {component: 'Old', file: path.join(app, 'src/views/Old.tsx')});
  const result = await esbuild.build({...options, write: false, metafile: true, outfile: path.join(app, 'out.js')});
  return Object.keys(result.metafile.inputs).map((input) => path.resolve(app, input));
}

/** The files of `pkg` esbuild put in the bundle, by the build folder they come from (cjs, esm, …). */
async function bundledBuildsOf(pkg: string): Promise<string[]> {
  const builds = new Set<string>();
  for (const real of await bundledFiles()) {
    const marker = `${pkg}/build/`;
    const at = real.indexOf(marker);
    if (at >= 0) builds.add(real.slice(at + marker.length).split('/')[0] ?? '');
  }
  return [...builds];
}

test("a CommonJS SDK and the kit's runtime share one @remote-ui/react", async () => {
  const builds = await bundledBuildsOf('@remote-ui/react');
  expect(builds).toHaveLength(1);
});

test('one @remote-ui/core, too: the root the runtime makes is the one the components draw into', async () => {
  expect(await bundledBuildsOf('@remote-ui/core')).toHaveLength(1);
});

describe('an app on React 18 with SDK 8, whose React 17 reconciler sits only under @remote-ui/react', () => {
  let reconciler: string;
  beforeAll(() => {
    // The shape of install-webhooks/frontend's node_modules: react 18 at the
    // top, @remote-ui/react 4 with react-reconciler 0.26 nested under it.
    // A folder of its own: Node's resolution cache still knows the first app's @remote-ui/react.
    makeApp(['@remote-ui/core', '@remote-ui/rpc', 'react']);
    write('node_modules/@remote-ui/react/package.json', JSON.stringify({name: '@remote-ui/react', version: '4.5.0', main: 'index.js'}));
    write('node_modules/@remote-ui/react/index.js', `"use strict";\nconst reconciler = require("react-reconciler");\nexports.createRemoteReactComponent = (type) => type;\nexports.render = (element, root) => reconciler(element, root);\n`);
    write('node_modules/@remote-ui/react/node_modules/react-reconciler/package.json', JSON.stringify({name: 'react-reconciler', version: '0.26.2', main: 'index.js'}));
    reconciler = path.join(app, 'node_modules/@remote-ui/react/node_modules/react-reconciler/index.js');
    write('node_modules/@remote-ui/react/node_modules/react-reconciler/index.js', `"use strict";\nmodule.exports = () => "0.26";\n`);
  });

  test("the bundle's react-reconciler is the one beside the app's @remote-ui/react, not the kit's", async () => {
    const reconcilers = (await bundledFiles()).filter((file) => file.includes(`${path.sep}react-reconciler${path.sep}`));
    expect(reconcilers).toEqual([fs.realpathSync(reconciler)]);
  });
});
