import uiExtensionJestConfig from '@stripe/ui-extension-tools/jest.config.ui-extension.mjs';

/** The app's own suites (views, backend, and the app in the offline preview). */
const app = {
  ...uiExtensionJestConfig,
  displayName: 'keyring',
  // The SDK ships ESM as .js: ts-jest must transform it too.
  transform: {...uiExtensionJestConfig.transform, '^.+\\.[jt]sx?$': 'ts-jest'},
  transformIgnorePatterns: ['/node_modules/(?!@stripe/ui-extension-sdk/)'],
  testMatch: ['<rootDir>/ui-tests/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/'],
};

/**
 * The backend's route tests again, with the backend as a Cloudflare Worker under workerd
 * (ui-tests/support/backendUnderTest.ts): signed calls, Test key, the code exchange and the webhook,
 * health, logs and retries, and the body limit.
 */
const onWorkerd = {
  ...app,
  displayName: 'backend on workerd',
  testMatch: ['signedCalls', 'keysTest', 'oauthBackendMode', 'uninstall', 'operations', 'bodyLimit'].map((name) => `<rootDir>/ui-tests/backend/${name}.test.ts`),
  setupFiles: ['<rootDir>/ui-tests/support/onWorkerd.ts'],
};

// One run for the app and the kit (packages/stripe-apps-offline has its own `npm test` too).
export default {
  projects: [app, onWorkerd, '<rootDir>/packages/stripe-apps-offline'],
  // Suites start real servers and child processes; two workers fit a 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
};
