import uiExtensionConfig from '@stripe/ui-extension-tools/eslint.config.ui-extension.mjs';

export default [
  {ignores: ['**/node_modules/', '**/.build/', '**/.keyring/', 'ui-tests/.artifacts/', 'bench/results/', '**/.artifacts/']},
  ...uiExtensionConfig,
  // The preset leaves the React version to detection, which warns on every run.
  {settings: {react: {version: '18.3'}}},
  // The preview host is the Dashboard's side of the boundary: it renders SDK components
  // into plain DOM, so the rule that keeps views to SDK components does not apply there.
  {files: ['packages/stripe-apps-offline/src/host/**/*.tsx'], rules: {'no-restricted-syntax': 'off'}},
  // The app and the kit stay apart: the views and the backend never import the kit,
  // and the kit never reaches into the app (its tests preview an app by its folder).
  {
    files: ['src/**', 'backend/**'],
    rules: {'no-restricted-imports': ['error', {patterns: [{group: ['stripe-apps-offline', 'stripe-apps-offline/*', '**/packages/**'], message: 'The app never imports the offline kit: only its tests may.'}]}]},
  },
  {
    files: ['packages/**'],
    rules: {'no-restricted-imports': ['error', {patterns: [{group: ['../../../src/*', '../../../../src/*', '**/backend/*', '../../../ui-tests/*'], message: 'The kit never imports the app it previews.'}]}]},
  },
];
