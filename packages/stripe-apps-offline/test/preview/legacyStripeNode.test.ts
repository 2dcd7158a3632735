/**
 * A view may call Stripe with stripe-node 8, as SDK 8 told apps to (and as
 * Stripe's older sample apps do): stripe-node 8 has no browser build, and the
 * preview bundles its Node built-ins with the kit's stand-ins
 * (remote/node-shims). Any other package that needs a Node built-in still
 * fails to build and says so. Real esbuild builds with the preview's view
 * options, of a temporary app whose node_modules/stripe is stripe 8.222 (the
 * kit's devDependency `stripe-node-8`), run in a realm with no Node in it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import {describeBuildError, viewBuildOptions} from '../../src/server/build';

let app: string;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(app, file)), {recursive: true});
  fs.writeFileSync(path.join(app, file), text);
}

beforeAll(() => {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-legacy-stripe-'));
  const stripe8 = path.dirname(require.resolve('stripe-node-8/package.json'));
  fs.mkdirSync(path.join(app, 'node_modules'), {recursive: true});
  fs.symlinkSync(stripe8, path.join(app, 'node_modules/stripe'), 'dir');
  // A package that is not stripe and needs Node's crypto.
  write('node_modules/hashes/package.json', JSON.stringify({name: 'hashes', version: '1.0.0', main: 'index.js'}));
  write('node_modules/hashes/index.js', `const crypto = require('crypto');\nexports.sha = (s) => crypto.createHash('sha256').update(s).digest('hex');\n`);
});
afterAll(() => fs.rmSync(app, {recursive: true, force: true}));

/** Bundles `source` with the preview's view build options (its plugins: single copies, the stand-ins) as one script. */
async function bundle(source: string): Promise<string> {
  const options = viewBuildOptions(app, {component: 'Legacy', file: path.join(app, 'unused.tsx')});
  const result = await esbuild.build({...options, stdin: {contents: source, resolveDir: app, sourcefile: 'legacy.entry.js', loader: 'js'}, write: false, outfile: path.join(app, 'out.js')});
  return result.outputFiles[0]?.text ?? '';
}

/** stripe-node 8 with an HTTP client that records each request and answers a customer, as the SDK's client relays one. */
const RETRIEVE_A_CUSTOMER = `
const Stripe = require('stripe');
class Answer extends Stripe.HttpClientResponse {
  constructor(body) { super(200, {'request-id': 'req_legacy'}); this.body = body; }
  getRawResponse() { return this.body; }
  toJSON() { return Promise.resolve(this.body); }
}
class Relay extends Stripe.HttpClient {
  getClientName() { return 'relay'; }
  makeRequest(host, port, path, method) {
    globalThis.requests.push(method + ' ' + path);
    return Promise.resolve(new Answer({id: 'cus_Legacy1', object: 'customer'}));
  }
}
const stripe = new Stripe('placeholder-key', {httpClient: new Relay(), apiVersion: '2020-08-27'});
globalThis.outcome = stripe.customers.retrieve('cus_Legacy1').then((c) => c.id);
`;

test('stripe-node 8 builds for a view and makes its request through the given HTTP client, with no Node around it', async () => {
  const code = await bundle(RETRIEVE_A_CUSTOMER);
  // What a view's realm has: no require, process, Buffer or Node modules.
  const realm: Record<string, unknown> = {requests: [], console, setTimeout, clearTimeout};
  vm.runInNewContext(code, realm);
  expect(await realm['outcome']).toBe('cus_Legacy1');
  expect(realm['requests']).toEqual(['GET /v1/customers/cus_Legacy1']);
});

// stripe-node wraps it as "An error occurred with our connection to Stripe.", the cause in `detail`.
test("stripe-node 8's own Node HTTP client says what to pass instead when a view uses it", async () => {
  const code = await bundle(`const Stripe = require('stripe');\nconst stripe = new Stripe('placeholder-key', {apiVersion: '2020-08-27', maxNetworkRetries: 0});\nglobalThis.outcome = stripe.customers.retrieve('cus_Legacy1').then(() => 'answered', (e) => (e.detail || e).message);\n`);
  const realm: Record<string, unknown> = {console, setTimeout, clearTimeout};
  vm.runInNewContext(code, realm);
  expect(await realm['outcome']).toMatch(/does not run in a view.*httpClient: createHttpClient\(\)/);
});

test('another package that needs a Node built-in still fails to build, named with what it needs', async () => {
  const failure = await bundle(`const {sha} = require('hashes');\nglobalThis.outcome = sha('x');\n`).then(
    () => null,
    (e: unknown) => e,
  );
  expect(failure).not.toBeNull();
  expect(describeBuildError(failure).join('\n')).toMatch(/hashes needs Node's `crypto`/);
});
