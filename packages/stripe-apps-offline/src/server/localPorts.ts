/**
 * The one table of the kit's ports. stripe-app.local.json names the local
 * services by these defaults (preview 4300, OAuth provider 4320, backend 4330, key services 4350;
 * the Stripe API's 4310 only reaches backends; an app's stand-ins declare
 * their own, standIns.ts, and the kit refuses one on these). When
 * `npm start` runs on other ports, the same file is read with those origins
 * moved, so one variable (PORT, OAUTH_PORT, …) is enough: nobody edits URLs.
 */
import net from 'node:net';

export const DEFAULT_LOCAL_PORTS = {preview: 4300, store: 4310, oauth: 4320, backend: 4330, keys: 4350} as const;
export type LocalPorts = {[K in keyof typeof DEFAULT_LOCAL_PORTS]: number};

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

/** Every string in `value` with http://127.0.0.1:<default port> moved to the port in use. */
export function remapLocalPorts<T>(value: T, ports: Partial<LocalPorts>): T {
  const moves = (Object.keys(DEFAULT_LOCAL_PORTS) as (keyof LocalPorts)[])
    .filter((name) => ports[name] !== undefined && ports[name] !== DEFAULT_LOCAL_PORTS[name])
    .map((name) => ({from: new RegExp(`^(http://(?:127\\.0\\.0\\.1|localhost)):${DEFAULT_LOCAL_PORTS[name]}(?=/|$)`), to: `$1:${ports[name]}`}));
  const walk = (v: Json): Json => {
    if (typeof v === 'string') return moves.reduce((s, m) => s.replace(m.from, m.to), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value as Json) as T;
}

/** Ports this process has handed out: the kernel may give a just-closed ephemeral port again, and two services on one port fail to start. */
const handedOut = new Set<number>();

/** A port free on `host` right now and not handed out before by this process (a service whose port must be known before it starts: the app's backend, a test's preview). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (;;) {
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
    const {port} = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}
