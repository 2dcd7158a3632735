/**
 * The host end of one view: a sandboxed iframe (opaque origin, scripts only)
 * that runs the view, joined to this page by a MessagePort over which the
 * host answers platform calls and receives the view's component tree.
 */
import type {RemoteReceiver} from '@remote-ui/core';
import {createEndpoint, fromMessagePort, release, retain} from '@remote-ui/rpc';
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import type {RemoteApi, RenderRequest} from '../remote/runtime';
import {acceptingOlderRemotes} from './remoteProtocol';

export interface ExtensionFrame {
  dispose(): void;
  /** The view's realm, once it has loaded (for calls the page starts: back/forward, storage). */
  remote(): RemoteApi | null;
}

export function connectExtension(options: {
  /** URL of the frame document that loads the view's bundle. */
  src: string;
  /** Where the (invisible) iframe lives. */
  holder: HTMLElement;
  receiver: RemoteReceiver;
  context: ExtensionContextValue;
  /** Read when the frame loads, so a reload of the frame starts from the current route and storage. */
  start(): Omit<RenderRequest, 'context'>;
  platform: Record<string, (...args: never[]) => unknown>;
  onError(message: string): void;
}): ExtensionFrame {
  const iframe = document.createElement('iframe');
  // allow-scripts only: an opaque origin with no access to this page, its cookies or storage.
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('title', 'extension realm');
  iframe.src = options.src;
  iframe.className = 'kr-realm';
  // Drawn now (a pixel, for requestAnimationFrame), so kept out of the Tab order: the view's controls are drawn by the host.
  iframe.tabIndex = -1;

  let endpoint: ReturnType<typeof createEndpoint<RemoteApi>> | null = null;
  // One function for the frame's life: it is what is retained, sent and released.
  const receive = acceptingOlderRemotes(options.receiver.receive);
  // The receiver is retained once per frame, however often the frame says it loaded, and released once.
  let retained = false;
  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || (event.data as {type?: string})?.type !== 'extension_loaded') return;
    const {port1, port2} = new MessageChannel();
    iframe.contentWindow?.postMessage({type: 'init_extension'}, '*', [port2]);
    port1.start();
    endpoint?.terminate();
    endpoint = createEndpoint<RemoteApi>(fromMessagePort(port1));
    endpoint.expose(options.platform);
    if (!retained) {
      retain(receive);
      retained = true;
    }
    endpoint.call.render(receive, {context: options.context, ...options.start()}).catch((e: unknown) => {
      options.onError(`The view failed to render: ${e instanceof Error ? e.message : String(e)}`);
    });
  };
  window.addEventListener('message', onMessage);
  options.holder.appendChild(iframe);

  return {
    remote: () => endpoint?.call ?? null,
    dispose() {
      window.removeEventListener('message', onMessage);
      if (retained) release(receive);
      endpoint?.terminate();
      iframe.remove();
    },
  };
}
