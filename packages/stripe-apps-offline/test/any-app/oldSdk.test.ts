/**
 * The kit previews an app on SDK 8, as Stripe's older sample apps are: its SDK
 * is CommonJS and brings @remote-ui/react 4 (render, no createRoot) and React
 * 17, and its view calls Stripe with stripe-node 8, as SDK 8 told apps to.
 * The app is made in a temporary folder, its node_modules linking the kit's
 * devDependencies `ui-extension-sdk-8` (@stripe/ui-extension-sdk 8.0.0) and
 * `stripe-node-8` (stripe 8.222.0); the kit's command runs on it as a
 * developer runs it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {errorsIn} from '../../src/testing/browser';
import {startKitCommand} from '../../src/testing/kitCommand';
import {previewSuite} from '../../src/testing/previewSuite';

const VIEW = `import {Box, Button, ContextView, Spinner} from '@stripe/ui-extension-sdk/ui';
import {createHttpClient, STRIPE_API_KEY} from '@stripe/ui-extension-sdk/http_client';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useEffect, useState} from 'react';
import Stripe from 'stripe';

const stripe = new Stripe(STRIPE_API_KEY, {httpClient: createHttpClient(), apiVersion: '2020-08-27'});

const Old = ({environment}: ExtensionContextValue) => {
  const [name, setName] = useState<string | null>(null);
  const [presses, setPresses] = useState(0);
  useEffect(() => {
    stripe.customers.list({limit: 1}).then((list) => setName(list.data[0]?.name ?? 'no customer'), (e: Error) => setName('failed: ' + e.message));
  }, []);
  return (
    <ContextView title="Old SDK">
      {name === null ? <Spinner /> : <Box>First customer: {name}</Box>}
      <Box>Viewport: {environment.viewportID}</Box>
      <Button onPress={() => setPresses(presses + 1)}>Count a press</Button>
      <Box>Presses: {presses}</Box>
    </ContextView>
  );
};

export default Old;
`;

let app = '';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(app, file)), {recursive: true});
  fs.writeFileSync(path.join(app, file), text);
}

function link(name: string, devDependency: string): void {
  const target = path.dirname(require.resolve(`${devDependency}/package.json`));
  fs.mkdirSync(path.dirname(path.join(app, 'node_modules', name)), {recursive: true});
  fs.symlinkSync(target, path.join(app, 'node_modules', name), 'dir');
}

/** Makes the app in a temporary folder and starts the kit's command on it; closing stops the command and removes the folder. */
async function startOnOldSdkApp() {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-old-sdk-app-'));
  write('stripe-app.json', JSON.stringify({id: 'com.example.oldsdk', version: '0.0.1', name: 'Old SDK App', icon: '', permissions: [{permission: 'customer_read', purpose: 'Shows the first customer.'}], ui_extension: {views: [{viewport: 'stripe.dashboard.drawer.default', component: 'Old'}], content_security_policy: {'connect-src': null, 'image-src': null, purpose: ''}}}));
  write('package.json', JSON.stringify({name: 'old-sdk-app', private: true, dependencies: {'@stripe/ui-extension-sdk': '^8.0.0', stripe: '^8.219.0'}}));
  write('src/views/Old.tsx', VIEW);
  link('@stripe/ui-extension-sdk', 'ui-extension-sdk-8');
  link('stripe', 'stripe-node-8');
  const kit = await startKitCommand(app);
  return {
    ...kit,
    close: async () => {
      await kit.stop();
      fs.rmSync(app, {recursive: true, force: true});
    },
  };
}

const suite = previewSuite(startOnOldSdkApp, undefined, 90_000);

test("the view draws with SDK 8's components, its spinner replaced by what stripe-node 8 fetched", async () => {
  await suite.page.goto(`${suite.preview.url}/?view=Old`);
  await suite.page.getByText(/First customer: (?!failed)/).waitFor();
  await suite.page.getByText('Viewport: stripe.dashboard.drawer.default').waitFor();
  expect(errorsIn(suite.consoleLines)).toEqual([]);
});

test("the view's state updates on a press, by keyboard", async () => {
  await suite.page.goto(`${suite.preview.url}/?view=Old`);
  const button = suite.page.getByRole('button', {name: 'Count a press'});
  await button.focus();
  await suite.page.keyboard.press('Enter');
  await suite.page.getByText('Presses: 1').waitFor();
  expect(errorsIn(suite.consoleLines)).toEqual([]);
});
