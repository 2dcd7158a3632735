/**
 * A host endpoint for the SDK, as the Dashboard provides one: the view's
 * `stripeApiFetch` goes to the real local Secret Store as a UI-extension caller
 * whose identity the host (this test) decides.
 */
import {forwardAsExtension, type ExtensionIdentity, type ViewRequest, oauthContextForReturn, OAuthStates, type OAuthContext, signForView} from 'stripe-apps-offline/testing';
import type {TestSecretStore} from 'stripe-apps-offline/testing';

export interface HostRequest {
  method: string;
  path: string;
  /** The query string: names and scopes only, never a payload. */
  query: string;
  status: number;
}

export interface InstalledHost {
  /** Every request a view made through the host, in order. */
  requests: HostRequest[];
  identity: ExtensionIdentity;
  /** States and verifiers handed out by createOAuthState, as the Dashboard keeps them. */
  oauthStates: OAuthStates;
  /** The oauthContext the Dashboard would reopen the drawer with after the provider sent the browser to `returned`. */
  oauthReturn(returned: URL): OAuthContext;
  /** What fetchStripeSignature signs with, as the app's signing secret: the tests' backend verifies with it. */
  signingSecret: string;
}

export const TEST_SIGNING_SECRET = 'absec_hostEndpointTests';

export const DEFAULT_IDENTITY: ExtensionIdentity = {
  app: 'com.example.keyring',
  account: 'acct_1234',
  user: 'usr_1234',
  mode: 'test',
};

type ExtExports = {endpoint: {call: Record<string, (...args: never[]) => Promise<unknown>>}};

export function installHostEndpoint(store: TestSecretStore, identity: Partial<ExtensionIdentity> = {}, signingSecret = TEST_SIGNING_SECRET): InstalledHost {
  const oauthStates = new OAuthStates();
  const installed: InstalledHost = {
    requests: [],
    identity: {...DEFAULT_IDENTITY, ...identity},
    oauthStates,
    oauthReturn: (returned) => oauthContextForReturn(oauthStates, returned, returned.pathname.startsWith('/test/') ? 'test' : 'live').oauthContext,
    signingSecret,
  };
  const hostExports: ExtExports = {
    endpoint: {
      call: {
        // Never true: the SDK would then call Stripe's real host directly.
        supportsFetchAppEmbeddedKey: async () => false,
        stripeApiFetch: async (path: string, init: ViewRequest) => {
          const response = await forwardAsExtension({storeUrl: store.url, hostKey: store.hostKey}, installed.identity, path, init);
          const [pathOnly, query = ''] = path.split('?');
          installed.requests.push({method: init?.method ?? 'GET', path: pathOnly, query: decodeURIComponent(query), status: response.status});
          return response;
        },
        createOAuthState: async (state: string) => oauthStates.issue(installed.identity, state),
        fetchStripeSignature: async (additionalPayload?: unknown) => signForView(installed.identity, additionalPayload, signingSecret).header,
      },
    },
  };
  (globalThis as unknown as {__StripeExtExports?: ExtExports}).__StripeExtExports = hostExports;
  return installed;
}

export function uninstallHostEndpoint(): void {
  delete (globalThis as unknown as {__StripeExtExports?: unknown}).__StripeExtExports;
}
