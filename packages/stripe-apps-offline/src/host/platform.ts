/**
 * The platform calls a view makes (the SDK's PlatformRPCs), answered as the
 * Dashboard answers them. Who is asking is this page's choice of preview user
 * and mode, sent to the preview server with the page's token; nothing the view
 * sends can change it.
 */
import type {SearchParams} from '@stripe/ui-extension-sdk/types/global.navigation';
import type {PlatformRPCs} from '@stripe/ui-extension-sdk/utils/platformRpcs';
import type {PreviewConfig, PreviewUser} from './config';

export interface Session {
  user: PreviewUser;
  mode: 'test' | 'live';
}

/** What a toast shows: the SDK's ToastOptions, with `onAction` a function proxy into the view. */
export interface ToastOptions {
  type?: string;
  action?: string;
  onAction?: unknown;
}

/** The controller showToast hands the view: it acts on that one toast. */
export interface ToastHandle {
  update(message: string, options?: ToastOptions): void;
  dismiss(): void;
}

export interface PlatformHooks {
  toast(message: string, options?: ToastOptions): ToastHandle;
  /** navigateToDashboardRoute, and a press on a route-descriptor href. */
  navigate(route: unknown): void;
}

/** The preview's own calls from one view (not SDK RPCs): its router's route, and useStorage writes. */
export interface ViewHooks {
  routeChanged(href: string, searchParams: SearchParams, replace: boolean): void;
  storageWrite(key: string, value: string | null): void;
}

async function post<T>(config: PreviewConfig, path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'x-keyring-preview-token': config.token},
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`preview server answered ${response.status}`);
  return (await response.json()) as T;
}

/** A view's error stack mapped to its source files; the stack as it was when the server cannot help. */
export async function sourceStack(config: PreviewConfig, stack: string): Promise<string> {
  try {
    return (await post<{stack: string}>(config, '/__preview/stack', {stack})).stack;
  } catch {
    return stack;
  }
}

/** Only the fields a toast uses, whatever else the view sent. */
function toastOptions(options: ToastOptions): ToastOptions {
  const {type, action, onAction} = options ?? {};
  return {
    type: typeof type === 'string' ? type : undefined,
    action: typeof action === 'string' && typeof onAction === 'function' ? action : undefined,
    onAction: typeof action === 'string' && typeof onAction === 'function' ? onAction : undefined,
  };
}

/** Does `source` fall under one of the manifest's connect-src entries? (A trailing slash grants the sub-tree.) */
export function allowedByCsp(connectSrc: string[], source: string): boolean {
  return connectSrc.some((entry) => (entry.endsWith('/') ? source.startsWith(entry) : source === entry));
}

/** Every RPC the SDK's PlatformRPCs declares, plus the preview's own two. */
export function createPlatform(config: PreviewConfig, session: Session, hooks: PlatformHooks, view: ViewHooks) {
  const who = {user: session.user.id, mode: session.mode};
  const platform = {
    supportsFetchAppEmbeddedKey: async () => false,
    fetchAppEmbeddedKey: async () => {
      throw new Error('App embedded keys are not available in the offline preview.');
    },
    stripeApiFetch: (path: string, init: {method?: string; headers?: Record<string, string>; body?: string} = {}) =>
      post(config, '/__preview/api', {...who, path, method: init.method ?? 'GET', headers: init.headers ?? {}, body: init.body}),
    createOAuthState: (state: string) => post<{state: string; challenge: string}>(config, '/__preview/oauth/state', {...who, state}),
    getDashboardUserEmail: async () => {
      const json = {email: session.user.email};
      return {json, email: session.user.email, headers: {}, ok: true, redirected: false, status: 200, statusText: 'OK', type: 'basic', url: ''};
    },
    fetchStripeSignature: (additionalPayload?: unknown) => post<string>(config, '/__preview/signature', {...who, additionalPayload}),
    getUserAuthorizedPermissions: async () => config.permissions,
    isPermissionAuthorized: async (permission: string) => config.permissions.includes(permission),
    isSourceInAuthorizedCSP: async (source: string) => allowedByCsp(config.connectSrc, source),
    showToast: async (message: string, options: ToastOptions = {}) => {
      const handle = hooks.toast(String(message).slice(0, 30), toastOptions(options));
      return {
        update: (m: string, next: ToastOptions = {}) => handle.update(String(m).slice(0, 30), toastOptions(next)),
        dismiss: () => handle.dismiss(),
      };
    },
    clipboardWriteText: async (text: string) => navigator.clipboard.writeText(text),
    refreshDashboardData: () => undefined,
    navigateToDashboardRoute: (route: unknown) => hooks.navigate(route),
    previewRouteChanged: (href: unknown, searchParams: unknown, replace: unknown) => {
      if (typeof href !== 'string' || !href.startsWith('/')) throw new Error('The router reported a route that is not a path.');
      view.routeChanged(href, (typeof searchParams === 'object' && searchParams ? searchParams : {}) as SearchParams, replace === true);
    },
    previewStorageWrite: (key: unknown, value: unknown) => {
      if (typeof key !== 'string') throw new Error('useStorage keys are strings.');
      view.storageWrite(key, value === null ? null : String(value));
    },
  };
  // Fails to compile when an SDK upgrade declares an RPC this page does not answer:
  // a view calling it would otherwise wait for a reply that never comes.
  return platform satisfies Record<keyof PlatformRPCs, unknown>;
}
