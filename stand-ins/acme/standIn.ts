/**
 * A STAND-IN for Acme's API, not Acme: the real third party cannot run on
 * this machine, so the preview and the tests check keys against this small
 * server instead. package.json declares it to the kit ("stripe-apps-offline".
 * standIns.acme: this folder's cli.ts, standing in for https://api.acme.example),
 * so `npm start` runs it and moves the manifest's Acme URLs to it; a fork's
 * own third party gets a folder like this one and an entry like that one.
 * It answers one route, on the loopback interface only:
 *
 *   GET /v1/ping   200 when the presented key is accepted, 401 otherwise
 *
 * Which keys it accepts, so a person can try both outcomes by hand:
 *   sk_test_… or sk_live_… followed by at least 8 letters or digits
 *   (the Acme slot's own format), UNLESS what follows the prefix starts with
 *   "revoked" — sk_test_revoked123 is refused, sk_test_abcdefgh works.
 *
 * The key may come as `Authorization: Bearer <key>`, as Basic with the key
 * as the user name, or in `X-Api-Key`, so every way constants.keyChecks can
 * present a key is exercised. Like real APIs, a refusal quotes the key
 * masked ("sk_test_****h123"): the app backend must never pass it on.
 * Tests can make it fail on purpose with `simulate`.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';

export const DEFAULT_ACME_PORT = 4340;

const ACCEPTED = /^sk_(test|live)_[A-Za-z0-9]{8,}$/;
const REVOKED = /^sk_(test|live)_revoked/i;

export type Presentation = 'bearer' | 'basic' | 'header' | 'none';

/** What the stand-in saw of a request: never the key itself. */
export interface AcmeRequest {
  method: string;
  path: string;
  presentedAs: Presentation;
  status: number;
}

/** Trouble on demand, for tests: every request answers `status`, or waits `delayMs` first. */
export type Trouble = {status: number} | {delayMs: number} | null;

export interface RunningAcmeStandIn {
  url: string;
  port: number;
  requests: AcmeRequest[];
  simulate(trouble: Trouble): void;
  close(): Promise<void>;
}

export function acceptsKey(key: string): boolean {
  return ACCEPTED.test(key) && !REVOKED.test(key);
}

function presentedKey(req: http.IncomingMessage): {key: string | null; presentedAs: Presentation} {
  const auth = req.headers.authorization ?? '';
  const bearer = /^Bearer (.+)$/i.exec(auth);
  if (bearer) return {key: bearer[1], presentedAs: 'bearer'};
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(auth);
  if (basic) return {key: Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0], presentedAs: 'basic'};
  const header = req.headers['x-api-key'];
  if (typeof header === 'string') return {key: header, presentedAs: 'header'};
  return {key: null, presentedAs: 'none'};
}

const masked = (key: string) => `${key.slice(0, 8)}****${key.slice(-4)}`;

export interface AcmeStandInOptions {
  port?: number;
  /** Where to listen; loopback by default, as a stand-in has no business answering the network. */
  host?: string;
  log?: (line: string) => void;
}

export async function startAcmeStandIn(options: AcmeStandInOptions = {}): Promise<RunningAcmeStandIn> {
  const requests: AcmeRequest[] = [];
  let trouble: Trouble = null;
  const delayed = new Set<NodeJS.Timeout>();
  const host = options.host ?? '127.0.0.1';

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const answer = (status: number, body: unknown, presentedAs: Presentation = 'none') => {
      requests.push({method: req.method ?? 'GET', path, presentedAs, status});
      options.log?.(`${req.method} ${path} ${status} (key ${presentedAs === 'none' ? 'missing' : `as ${presentedAs}`})`);
      res.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(body));
    };
    const respond = () => {
      if (trouble && 'status' in trouble) return answer(trouble.status, {error: {message: 'Acme is having trouble (simulated).'}});
      if (path !== '/v1/ping') return answer(404, {error: {message: 'Only GET /v1/ping exists on this stand-in.'}});
      if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, {error: {message: 'Use GET.'}});
      const {key, presentedAs} = presentedKey(req);
      if (!key) return answer(401, {error: {message: 'No API key provided.'}}, presentedAs);
      if (!acceptsKey(key)) return answer(401, {error: {message: `Invalid API key provided: ${masked(key)}`}}, presentedAs);
      return answer(200, {ok: true, livemode: key.startsWith('sk_live_')}, presentedAs);
    };
    if (trouble && 'delayMs' in trouble) {
      const timer = setTimeout(() => {
        delayed.delete(timer);
        respond();
      }, trouble.delayMs);
      delayed.add(timer);
    } else respond();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_ACME_PORT, host, () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    simulate: (next) => {
      trouble = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // A delayed answer nobody waits for any more must not keep the process alive.
        for (const timer of delayed) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
