/**
 * A server for the benchmark, in its own process so it never shares an event
 * loop with the load generator:
 *
 *   store <file> [options]   the local Secret Store on a data file (WAL, synchronous=FULL), no request log;
 *                  options as JSON: {hostKey, permissions, seed} (the extension door and the made-up objects)
 *   floor          a bare Node HTTP server answering `?bytes=N` with a fixed JSON body of N bytes
 *   backend <store port> <signing secret>            the app backend, reading that store
 *   backend-unsigned <store port> <signing secret>   the same route handlers with no signature check (bench/unsignedBackend.ts)
 *   (both take the app's constants as JSON in a third argument)
 *   acme           the Acme stand-in (stand-ins/acme), for Test key
 *
 * It reports its port to the parent over IPC.
 */
import http from 'node:http';
import {startSecretStore, type StartOptions} from 'stripe-apps-offline/testing';
import {startAcmeStandIn} from '../stand-ins/acme/standIn';
import {startBackend} from '../backend/server';
import {startUnsignedBackend} from './unsignedBackend';

async function floor(): Promise<number> {
  const bodies = new Map<number, Buffer>();
  const bodyOf = (bytes: number): Buffer => {
    let body = bodies.get(bytes);
    if (!body) {
      const filler = Math.max(0, bytes - '{"object":"floor","pad":""}'.length);
      body = Buffer.from(JSON.stringify({object: 'floor', pad: 'x'.repeat(filler)}));
      bodies.set(bytes, body);
    }
    return body;
  };
  const server = http.createServer((req, res) => {
    // Read the request body as the store does, so both pay for it.
    req.on('data', () => undefined);
    req.on('end', () => {
      const bytes = Number(new URL(req.url ?? '/', 'http://floor').searchParams.get('bytes') ?? 0);
      const body = bodyOf(bytes);
      res.writeHead(200, {'content-type': 'application/json', 'content-length': body.length});
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as {port: number}).port;
}

type StoreOptions = Pick<StartOptions, 'hostKey' | 'permissions' | 'seed'>;

async function store(file: string, options = '{}'): Promise<number> {
  const running = await startSecretStore({host: '127.0.0.1', port: 0, file, hostKey: null, ...(JSON.parse(options) as StoreOptions)});
  return running.port;
}

async function backend(kind: 'backend' | 'backend-unsigned', storePort: string, signingSecret: string, constants = '{}'): Promise<number> {
  const config = {
    secretKey: 'sk_test_benchBackend',
    signingSecrets: [signingSecret],
    apiBase: new URL(`http://127.0.0.1:${storePort}`),
    host: '127.0.0.1',
    port: 0,
    constants: JSON.parse(constants) as Record<string, unknown>,
  };
  return (kind === 'backend' ? await startBackend(config) : await startUnsignedBackend(config)).port;
}

async function main(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  const port =
    kind === 'floor'
      ? await floor()
      : kind === 'acme'
        ? (await startAcmeStandIn({port: 0})).port
        : kind === 'backend' || kind === 'backend-unsigned'
          ? await backend(kind, args[0], args[1], args[2])
          : await store(args[0], args[1]);
  process.send?.({port});
  // A bench stopped by Ctrl-C or a crash never sends SIGTERM: the lost IPC channel ends this server instead of leaving it listening.
  process.on('disconnect', () => process.exit(0));
}

void main();
