/**
 * The host side of the extension door: what the preview host (and the tests'
 * host endpoint) does with a view's `stripeApiFetch`. Like the Dashboard, it
 * decides who is asking: whatever identity or account the view's request
 * carries is dropped and replaced with the host's own.
 */
import {EXTENSION_HEADERS} from './callers';

export interface ExtensionIdentity {
  app: string;
  account: string;
  user: string;
  mode: 'test' | 'live';
}

export interface ExtensionDoor {
  /** Base URL of the local Secret Store, e.g. http://127.0.0.1:4310 */
  storeUrl: string;
  /** The key the store was started with (`hostKey`). */
  hostKey: string;
}

/** What a view's `stripeApiFetch` sends (the SDK's SerializableRequestOptions, the parts used). */
export interface ViewRequest {
  method?: string;
  headers?: object;
  body?: string | URLSearchParams;
}

/** What `stripeApiFetch` answers (the SDK's SerializableResponse). */
export interface ViewResponse {
  json?: object;
  headers: Record<string, string>;
  ok: boolean;
  redirected: boolean;
  status: number;
  statusText: string;
  type: string;
  url: string;
}

/** Headers a view may not choose: identity, account and credentials come from the host. */
const HOST_OWNED = new Set(['authorization', 'stripe-account', 'host', 'content-length', ...Object.values(EXTENSION_HEADERS)]);

export async function forwardAsExtension(
  door: ExtensionDoor,
  identity: ExtensionIdentity,
  pathAndQuery: string,
  init: ViewRequest = {},
): Promise<ViewResponse> {
  const target = new URL(pathAndQuery, door.storeUrl);
  // A path like "//evil.example/x" would change the origin: views reach the Stripe API and nothing else.
  if (target.origin !== new URL(door.storeUrl).origin || !target.pathname.startsWith('/v1/')) {
    throw new Error('stripeApiFetch only reaches Stripe API paths (/v1/…).');
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (typeof value === 'string' && !HOST_OWNED.has(name.toLowerCase())) headers[name] = value;
  }
  headers.Authorization = `Bearer ${door.hostKey}`;
  headers[EXTENSION_HEADERS.app] = identity.app;
  headers[EXTENSION_HEADERS.account] = identity.account;
  headers[EXTENSION_HEADERS.user] = identity.user;
  headers[EXTENSION_HEADERS.mode] = identity.mode;

  const method = (init.method ?? 'GET').toUpperCase();
  const response = await fetch(target, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : init.body?.toString(),
  });
  const text = await response.text();
  let json: object | undefined;
  try {
    json = JSON.parse(text) as object;
  } catch {
    json = undefined;
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name.toLowerCase()] = value;
  });
  return {
    json,
    headers: responseHeaders,
    ok: response.ok,
    redirected: false,
    status: response.status,
    statusText: response.statusText,
    type: 'basic',
    url: pathAndQuery,
  };
}
