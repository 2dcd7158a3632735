/**
 * A server for the benchmark, in its own process so it never shares an event
 * loop with the load generator:
 *
 *   store <file>   the local Secret Store on a data file (WAL, synchronous=FULL), no request log
 *   floor          a bare Node HTTP server answering `?bytes=N` with a fixed JSON body of N bytes
 *
 * It reports its port to the parent over IPC.
 */
import http from 'node:http';
import {startSecretStore} from '../preview/secret-store/server';

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

async function store(file: string): Promise<number> {
  const running = await startSecretStore({host: '127.0.0.1', port: 0, file, hostKey: null});
  return running.port;
}

async function main(): Promise<void> {
  const [kind, file] = process.argv.slice(2);
  const port = kind === 'floor' ? await floor() : await store(file);
  process.send?.({port});
}

void main();
