/**
 * The key services' stand-in server: every service of KEY_SERVICES at
 * /as/<name>/…, on the loopback interface only. Like the kit's other local
 * services it starts, stops and says where it is; it records each request's
 * service, method, path and status (never a header, a query or a key).
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {KEY_SERVICES} from './index';

export interface KeyServiceRequestLine {
  service: string;
  method: string;
  path: string;
  status: number;
}

export interface RunningKeyServices {
  url: string;
  port: number;
  requests: KeyServiceRequestLine[];
  close(): Promise<void>;
}

/** A slot's check URL here for preset `name`, or null when the kit has no stand-in for it. */
export function localKeyCheckUrl(url: string, name: string): string | null {
  const service = Object.hasOwn(KEY_SERVICES, name) ? KEY_SERVICES[name] : undefined;
  return service ? `${url}/as/${service.name}${service.localCheckUrl}` : null;
}

export async function startKeyServices(options: {port?: number; host?: string; onServed?(line: KeyServiceRequestLine & {ms: number}): void} = {}): Promise<RunningKeyServices> {
  const requests: KeyServiceRequestLine[] = [];
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/as\/([a-z0-9_-]{1,40})(\/.*)$/.exec(url.pathname);
    const service = match && Object.hasOwn(KEY_SERVICES, match[1]) ? KEY_SERVICES[match[1]] : undefined;
    const answer = service
      ? service.answer({method: req.method ?? 'GET', path: match?.[2] ?? '/', query: url.searchParams, headers: req.headers})
      : {status: 404, body: {error: `No key service here: the kit stands in for ${Object.keys(KEY_SERVICES).join(', ')} at /as/<name>/.`}};
    const line = {service: service?.name ?? 'none', method: req.method ?? 'GET', path: url.pathname, status: answer.status};
    requests.push(line);
    options.onServed?.({...line, ms: performance.now() - started});
    res.writeHead(answer.status, {'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store'});
    res.end(JSON.stringify(answer.body));
    req.resume();
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
