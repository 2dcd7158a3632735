/**
 * The local OAuth provider in this process. Apart from index.ts because
 * oidc-provider is ESM only: a test runner that loads modules as CommonJS
 * (jest) runs it as a child process instead (testing.ts, startTestProvider).
 */
export {startOAuthProvider, type RunningOAuthProvider} from './src/oauth-provider/provider';
