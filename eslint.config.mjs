import uiExtensionConfig from '@stripe/ui-extension-tools/eslint.config.ui-extension.mjs';

export default [
  {ignores: ['node_modules/', '.build/', '.keyring/', 'ui-tests/.artifacts/', 'bench/results/']},
  ...uiExtensionConfig,
  // The preset leaves the React version to detection, which warns on every run.
  {settings: {react: {version: '18.3'}}},
  // The preview host is the Dashboard's side of the boundary: it renders SDK components
  // into plain DOM, so the rule that keeps views to SDK components does not apply there.
  {files: ['preview/host/**/*.tsx'], rules: {'no-restricted-syntax': 'off'}},
];
