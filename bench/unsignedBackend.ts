/**
 * The benchmark's baseline for a signed call: the backend's own route
 * handlers and Secret Store access, mounted with the caller taken from the
 * body as it stands — no signature check. It exists only here, so the cost
 * of verification can be measured against the same work without it; the
 * backend itself has no way to skip the check.
 */
import {serve} from '@hono/node-server';
import {Hono} from 'hono';
import type {AddressInfo} from 'node:net';
import type {Server} from 'node:http';
import {ROUTES} from '../backend/app';
import type {BackendConfig} from '../backend/config';
import {createStripe, secretsFor} from '../backend/secrets';

export async function startUnsignedBackend(config: BackendConfig): Promise<{port: number}> {
  const stripe = createStripe(config);
  const app = new Hono();
  for (const [path, handle] of Object.entries(ROUTES)) {
    app.post(path, async (c) => {
      const body = JSON.parse(await c.req.text()) as {user_id: string; account_id: string};
      const caller = {userId: body.user_id, accountId: body.account_id};
      return c.json(await handle({caller, body: {}, config, secrets: secretsFor(stripe, caller)}));
    });
  }
  const server = await new Promise<Server>((resolve) => {
    const s = serve({fetch: app.fetch, port: 0, hostname: '127.0.0.1'}, () => resolve(s as Server)) as Server;
  });
  return {port: (server.address() as AddressInfo).port};
}
