/**
 * A host endpoint for the SDK, as the Dashboard provides one: the view's
 * `stripeApiFetch` goes to the real local Secret Store as a UI-extension caller
 * whose identity the host (this test) decides.
 */
import {forwardAsExtension, type ExtensionIdentity, type ViewRequest} from '../../preview/secret-store/extension-door';
import type {TestSecretStore} from './localSecretStore';

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
}

export const DEFAULT_IDENTITY: ExtensionIdentity = {
  app: 'com.example.keyring',
  account: 'acct_1234',
  user: 'usr_1234',
  mode: 'test',
};

type ExtExports = {endpoint: {call: Record<string, (...args: never[]) => Promise<unknown>>}};

export function installHostEndpoint(store: TestSecretStore, identity: Partial<ExtensionIdentity> = {}): InstalledHost {
  const installed: InstalledHost = {requests: [], identity: {...DEFAULT_IDENTITY, ...identity}};
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
      },
    },
  };
  (globalThis as unknown as {__StripeExtExports?: ExtExports}).__StripeExtExports = hostExports;
  return installed;
}

export function uninstallHostEndpoint(): void {
  delete (globalThis as unknown as {__StripeExtExports?: unknown}).__StripeExtExports;
}
