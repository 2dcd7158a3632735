import uiExtensionJestConfig from '@stripe/ui-extension-tools/jest.config.ui-extension.mjs';

export default {
  ...uiExtensionJestConfig,
  // The SDK ships ESM as .js: ts-jest must transform it too.
  transform: {...uiExtensionJestConfig.transform, '^.+\\.[jt]sx?$': 'ts-jest'},
  transformIgnorePatterns: ['/node_modules/(?!@stripe/ui-extension-sdk/)'],
  testMatch: ['<rootDir>/ui-tests/**/*.test.ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Suites start real servers and child processes; two workers fit a 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
};
