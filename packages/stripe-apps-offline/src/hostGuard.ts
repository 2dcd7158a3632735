/**
 * The DNS-rebinding guard shared by the local servers (Secret Store, preview).
 *
 * A page on `http://rebind.example:4310` whose name resolves to 127.0.0.1 is,
 * to the browser, same-origin with itself: CORS does not stop it. What still
 * gives it away is the `Host` header, which carries the name the browser
 * thinks it is talking to. So a local server answers only the loopback names
 * it can be reached by (`127.0.0.1`, `localhost`, `[::1]`) and the address it
 * was told to bind, each with its own port, and refuses everything else before
 * it reads a key, a body or a route.
 */
import type {IncomingMessage} from 'node:http';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** A host as it appears in a `Host` header: IPv6 literals bracketed, names lower-cased. */
function hostForHeader(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

export interface HostGuard {
  /** True when the request names this server by one of its own names. */
  allows(req: IncomingMessage): boolean;
  /** The names it answers to, for error messages (`127.0.0.1:4310, localhost:4310, …`). */
  describe(): string;
}

/**
 * `port` is read on every request, since a server started on port 0 learns its
 * port only once it listens.
 */
export function createHostGuard(bindHost: string, port: () => number): HostGuard {
  const names = () => {
    const all = new Set([...LOOPBACK_NAMES, hostForHeader(bindHost)]);
    return [...all].map((name) => `${name}:${port()}`);
  };
  return {
    allows(req) {
      const given = req.headers.host;
      if (typeof given !== 'string' || given === '') return false;
      const lower = given.toLowerCase();
      const allowed = names();
      // A browser leaves out the port only when it is the scheme's default.
      if (port() === 80) allowed.push(...allowed.map((n) => n.slice(0, n.lastIndexOf(':'))));
      return allowed.includes(lower);
    },
    describe: () => names().join(', '),
  };
}

/** A `Host` value fit for a log line or an error message: short and printable. */
export function quoteHost(req: IncomingMessage): string {
  const given = String(req.headers.host ?? '');
  const printable = given.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}
