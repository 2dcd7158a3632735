// The kit's own suites: the local Stripe API, the OAuth provider, the preview's build.
export default {
  displayName: 'stripe-apps-offline',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  transform: {'^.+\\.[jt]sx?$': ['ts-jest', {tsconfig: `${import.meta.dirname}/tsconfig.json`}]},
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  // The SDK ships ESM as .js (the gallery suite imports its component list): ts-jest transforms it too.
  transformIgnorePatterns: ['/node_modules/(?!@stripe/ui-extension-sdk/)'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Suites start real servers and child processes; two workers fit a 2-core machine.
  maxWorkers: 2,
  // In the setup file, not `testTimeout`: that is a run-wide option, refused when Keyring's run includes this as a project.
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};
