/**
 * What an app's own tests need from the kit: every local service started in
 * the test's process or as a child, and the pieces of the Dashboard's side a
 * test plays itself (signing a view's call, the extension door of the local
 * Stripe API, the OAuth return's state). An app's tests import this; the app's
 * views and backend never import the kit.
 */
export * from './index';
export {forwardAsExtension, type ExtensionIdentity, type ViewRequest} from './src/stripe-api/extension-door';
export {EXTENSION_HEADERS} from './src/stripe-api/callers';
export {LIVE_PICKER, PICKER_CUSTOMER, PICKER_PAYMENT_INTENT} from './src/stripe-api/objects/seed';
export {oauthContextForReturn, OAuthStates, MAX_OUTSTANDING, type OAuthContext} from './src/server/oauthStates';
export {signForView} from './src/server/signature';
export {describeBuildError, viewBuildOptions} from './src/server/build';
export {
  CONFIDENTIAL_CLIENTS,
  LOCAL_CLIENT_SECRET,
  localBackendModeManifest,
  localOAuthConstants,
  localProviderManifest,
  PREVIEW_CLIENT_ID,
  previewRedirectUris,
} from './src/oauth-provider/constants';
export {placementOf, titleOf, VIEWPORTS} from './src/host/viewports';
export {IMPLEMENTED, IMPLEMENTED_NEXT} from './src/host/components';
export {allowedByCsp} from './src/host/platform';
export {startTestStore, TEST_KEY, type RawBody, type TestSecretStore} from './src/testing/localSecretStore';
export {startTestProvider, type ClientAs, type ClientRequest, type TestProvider} from './src/testing/oauthProvider';
export {killIfRunning, spawnCli, waitForReady, type CliProcess} from './src/testing/cliProcess';
export {readSharedReference} from './src/testing/sharedReference';
export {StripeStore} from './src/stripe-api/store';
export type {PaymentIntentObject} from './src/stripe-api/objects/payment-intents';
export {startSecretStoreProcess, spawnSecretStore, type StoreProcess} from './src/testing/secretStoreProcess';
export {launchBrowser} from './src/testing/browser';
export {explainingTimeouts, WAIT_MS} from './src/testing/explainTimeouts';
export {freePort, startKitCommand, type RunningKitCommand} from './src/testing/kitCommand';
export {consentAtProvider, everythingShown, logInAtProvider, recordConsole, screenshot, type PreviewUnderTest} from './src/testing/browser';
export {previewSuite, type PreviewSuite} from './src/testing/previewSuite';
export {until} from './src/testing/until';
export {startAll, type Closable} from './src/testing/startAll';
export {bundledChromium, chromiumExecutable, CHROMIUM_FLAGS} from './src/testing/chromium';

export {localKeyCheckUrl, startKeyServices, type RunningKeyServices} from './src/key-services/server';
export {KEY_SERVICES, type KeyService} from './src/key-services';
