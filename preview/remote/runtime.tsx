/**
 * The extension realm: runs inside the view's sandboxed iframe, as the
 * Dashboard runs an app. It owns nothing but the view: every platform call
 * (API requests, OAuth state, toasts) goes to the host over a MessagePort.
 */
import {createRemoteRoot, type RemoteChannel} from '@remote-ui/core';
import {createRoot} from '@remote-ui/react';
import {createEndpoint, fromMessagePort, retain} from '@remote-ui/rpc';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import type {ComponentType} from 'react';

export interface RenderRequest {
  context: ExtensionContextValue;
}

/** What the host may call in this realm. */
export interface RemoteApi {
  render(channel: RemoteChannel, request: RenderRequest): Promise<void>;
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
        createRoot(root).render(<View {...context} />);
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
