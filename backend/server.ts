/** Starts the backend on Node's http server; resolves once it listens. */
import {serve} from '@hono/node-server';
import type {AddressInfo} from 'node:net';
import type {Server, ServerResponse} from 'node:http';
import {createApp, type AppOptions} from './app';
import type {BackendConfig} from './config';
import {createStripe} from './secrets';
import {Lifecycle} from './lifecycle';

export interface RunningBackend {
  url: string;
  port: number;
  /**
   * Stops taking connections and answers what it already took: /readyz says
   * not ready at once, requests in flight get up to `graceMs` (default 0:
   * cut at once, as tests want), then every connection is closed. True when
   * nothing was cut.
   */
  close(options?: {graceMs?: number}): Promise<boolean>;
}

/** How long SIGTERM lets requests in flight finish (SHUTDOWN_GRACE_SECONDS): under the 30 s most orchestrators wait before SIGKILL. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;

export async function startBackend(config: BackendConfig, options: AppOptions = {}): Promise<RunningBackend> {
  const lifecycle = options.lifecycle ?? new Lifecycle();
  const app = createApp(config, createStripe(config), {...options, lifecycle});
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({fetch: app.fetch, port: config.port, hostname: config.host}, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  // Counted where the answer leaves, so a drain waits for the last byte of it.
  server.on('request', (_req, res: ServerResponse) => res.once('close', lifecycle.enter()));
  const {port} = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    async close({graceMs = 0} = {}) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold the server open; busy ones get their answer (with Connection: close) first.
      server.closeIdleConnections();
      const finished = graceMs > 0 ? await lifecycle.drain(graceMs) : lifecycle.active === 0;
      server.closeAllConnections();
      await closed;
      return finished;
    },
  };
}
