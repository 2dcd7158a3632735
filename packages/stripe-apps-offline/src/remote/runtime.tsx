// @jsxRuntime automatic
// @jsxImportSource react
/**
 * The extension realm: runs inside the view's sandboxed iframe, as the
 * Dashboard runs an app. It owns nothing but the view: every platform call
 * (API requests, OAuth state, toasts) goes to the host over a MessagePort.
 */
import {createRemoteRoot, type RemoteChannel} from '@remote-ui/core';
import * as remoteReact from '@remote-ui/react';
import {createEndpoint, fromMessagePort, retain} from '@remote-ui/rpc';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import type {SearchParams} from '@stripe/ui-extension-sdk/types/global.navigation';
import {Component, type ComponentType, type ReactNode} from 'react';
import {createExtRouter, createMemoryStorage} from './navigation';

/**
 * What either major of @remote-ui/react offers to draw into a remote root: 5.x
 * has createRoot, the 4.x that SDK 7 and 8 depend on only render. Read off the
 * namespace so esbuild does not refuse the export one of them lacks.
 */
interface LegacyRemoteReact {
  createRoot?: (root: unknown) => {render: (element: unknown) => void};
  render: (element: unknown, root: unknown) => void;
}

export interface RenderRequest {
  context: ExtensionContextValue;
  /** The view's own route (the SDK router's href) and its search params, as the page's address keeps them. */
  href: string;
  searchParams: SearchParams;
  /** What `useStorage` holds for this app and preview user when the view starts. */
  storage: Record<string, string>;
}

/** What the host may call in this realm. */
export interface RemoteApi {
  render(channel: RemoteChannel, request: RenderRequest): Promise<void>;
  /** Back or forward in the page moved the view's route. */
  setHref(href: string, searchParams: SearchParams): void;
  /** Another view of the app wrote `useStorage`. */
  storageChanged(key: string, value: string | null): void;
}

/** The preview's own calls to the host, beside the SDK's platform RPCs. */
export interface PreviewHostCalls {
  previewRouteChanged(href: string, searchParams: SearchParams, replace: boolean): Promise<void>;
  previewStorageWrite(key: string, value: string | null): Promise<void>;
}

/** The preview's own component (not the SDK's): how a crash reaches the host, which draws it in the view's place. */
export const PREVIEW_ERROR = 'PreviewError';
const PreviewError = remoteReact.createRemoteReactComponent<typeof PREVIEW_ERROR, {message: string; stack?: string; phase?: 'load' | 'render'}>(PREVIEW_ERROR);

/**
 * A render error after the first render would otherwise leave the host showing
 * the last tree it was sent, as if nothing had happened: the boundary replaces
 * the view with its message and stack, as a first-render error is shown.
 */
class CrashBoundary extends Component<{children: ReactNode}, {error: Error | null}> {
  state: {error: Error | null} = {error: null};

  static getDerivedStateFromError(error: unknown) {
    return {error: error instanceof Error ? error : new Error(String(error))};
  }

  render() {
    const {error} = this.state;
    return error ? <PreviewError message={error.message} stack={error.stack} /> : this.props.children;
  }
}

export function start(View: ComponentType<ExtensionContextValue>): void {
  serve((context) => (
    <CrashBoundary>
      <View {...context} />
    </CrashBoundary>
  ));
}

/**
 * The view's module threw while it loaded (build.ts wraps the bundle to catch
 * it): the realm still answers the host, and draws the error in the view's
 * place, where the Dashboard would show the view broken, rather than nothing.
 */
export function startFailed(error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  // Still in the realm's console too, where a developer's tools look for it.
  console.error(e);
  serve(() => <PreviewError message={e.message} stack={e.stack} phase="load" />);
}

/** Read by the bundle's wrapper, outside the bundle's own scope. */
(globalThis as unknown as {__keyringPreviewLoadFailed: (error: unknown) => void}).__keyringPreviewLoadFailed = startFailed;

function serve(draw: (context: ExtensionContextValue) => ReactNode): void {
  const boot = (port: MessagePort) => {
    port.start();
    const endpoint = createEndpoint<PreviewHostCalls>(fromMessagePort(port));
    // The SDK finds its host here (utils/apiFetch and friends).
    const realm = globalThis as unknown as {__StripeExtExports: unknown; __extRouter: unknown; __memoryStorage: unknown};
    realm.__StripeExtExports = {endpoint};
    let router: ReturnType<typeof createExtRouter> | null = null;
    let storage: ReturnType<typeof createMemoryStorage> | null = null;
    const api: RemoteApi = {
      async render(channel, {context, href, searchParams, storage: stored}) {
        // Injected before the view's first render, as the Dashboard's sandbox does: the SDK reads both at render.
        router = createExtRouter(href, searchParams, (next, search, replace) => void endpoint.call.previewRouteChanged(next, search, replace).catch(() => undefined));
        storage = createMemoryStorage(stored, (key, value) => void endpoint.call.previewStorageWrite(key, value).catch(() => undefined));
        realm.__extRouter = router;
        realm.__memoryStorage = storage;
        // The channel is released when this call returns unless retained; the tree keeps using it.
        retain(channel);
        // No component allow-list: an SDK component the host lacks becomes its placeholder there.
        const root = createRemoteRoot(channel);
        // The app's own @remote-ui/react draws the tree (see LegacyRemoteReact).
        const api = remoteReact as unknown as LegacyRemoteReact;
        const create = api.createRoot;
        if (typeof create === 'function') create(root).render(draw(context));
        else api.render(draw(context), root);
        await root.mount();
      },
      setHref(href, searchParams) {
        router?.fromHost(href, searchParams);
      },
      storageChanged(key, value) {
        storage?.fromHost(key, value);
      },
    };
    endpoint.expose(api as unknown as Record<string, (...args: never[]) => unknown>);
  };

  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent || (event.data as {type?: string})?.type !== 'init_extension') return;
    const port = event.ports[0];
    if (port) boot(port);
  });
  parent.postMessage({type: 'extension_loaded'}, '*');
}
