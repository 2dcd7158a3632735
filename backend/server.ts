/** Starts the backend on Node's http server; resolves once it listens. */
import {serve} from '@hono/node-server';
import type {AddressInfo} from 'node:net';
import type {Server} from 'node:http';
import {createApp, type AppOptions} from './app';
import type {BackendConfig} from './config';
import {createStripe} from './secrets';

export interface RunningBackend {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startBackend(config: BackendConfig, options: AppOptions = {}): Promise<RunningBackend> {
  const app = createApp(config, createStripe(config), options);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({fetch: app.fetch, port: config.port, hostname: config.host}, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  const {port} = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
