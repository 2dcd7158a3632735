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

// One run for the app and the kit (packages/stripe-apps-offline has its own `npm test` too).
export default {
  projects: [app, '<rootDir>/packages/stripe-apps-offline'],
  // Suites start real servers and child processes; two workers fit a 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
};
