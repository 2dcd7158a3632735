/**
 * The extension realm: runs inside the view's sandboxed iframe, as the
 * Dashboard runs an app. It owns nothing but the view: every platform call
 * (API requests, OAuth state, toasts) goes to the host over a MessagePort.
 */
import {createRemoteRoot, type RemoteChannel} from '@remote-ui/core';
import {createRemoteReactComponent, createRoot} from '@remote-ui/react';
import {createEndpoint, fromMessagePort, retain} from '@remote-ui/rpc';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {Component, type ComponentType, type ReactNode} from 'react';

export interface RenderRequest {
  context: ExtensionContextValue;
}

/** What the host may call in this realm. */
export interface RemoteApi {
  render(channel: RemoteChannel, request: RenderRequest): Promise<void>;
}

/** The preview's own component (not the SDK's): how a crash reaches the host, which draws it in the view's place. */
export const PREVIEW_ERROR = 'PreviewError';
const PreviewError = createRemoteReactComponent<typeof PREVIEW_ERROR, {message: string; stack?: string}>(PREVIEW_ERROR);

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
  const boot = (port: MessagePort) => {
    port.start();
    const endpoint = createEndpoint<unknown>(fromMessagePort(port));
    // The SDK finds its host here (utils/apiFetch and friends).
    (globalThis as unknown as {__StripeExtExports: unknown}).__StripeExtExports = {endpoint};
    const api: RemoteApi = {
      async render(channel, {context}) {
        // The channel is released when this call returns unless retained; the tree keeps using it.
        retain(channel);
        // No component allow-list: an SDK component the host lacks becomes its placeholder there.
        const root = createRemoteRoot(channel);
        createRoot(root).render(
          <CrashBoundary>
            <View {...context} />
          </CrashBoundary>,
        );
        await root.mount();
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
