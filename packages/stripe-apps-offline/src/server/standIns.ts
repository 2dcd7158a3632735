/**
 * Stand-ins for the app's own third parties, declared in its package.json:
 *
 *   "stripe-apps-offline": {
 *     "standIns": {
 *       "acme": {"command": "node --import tsx stand-ins/acme/cli.ts", "port": 4340, "standsInFor": "https://api.acme.example"}
 *     }
 *   }
 *
 * The third party cannot run here (no network, no account), so the kit runs
 * the app's stand-in for it: the command, in the app's folder, listening on
 * the HOST and PORT it is given (appProcess.ts). Every URL of the manifest on
 * the `standsInFor` origin is read moved to the stand-in, so neither
 * stripe-app.local.json nor the app's code names it; its requests reach the
 * page's log under its name; its port moves with <NAME>_PORT (ACME_PORT).
 */
import {KIT_SERVICES} from '../host/config';
import {readKitSection} from './appProcess';
import {DEFAULT_LOCAL_PORTS} from './localPorts';

export interface StandInConfig {
  /** Its name in the terminal and the request log, and in its port's variable. */
  name: string;
  command: string;
  /** Its default port; <NAME>_PORT moves it. */
  port: number;
  /** The third party's origin (https://api.acme.example): the manifest's URLs on it are moved to the stand-in. */
  standsInFor: string;
  readyTimeoutMs?: number;
}

const NAME = /^[a-z][a-z0-9-]{0,29}$/;

/** The variable that moves a stand-in's port: acme → ACME_PORT, shipping-api → SHIPPING_API_PORT. */
export function standInPortVariable(name: string): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/** The stand-ins the app's package.json declares (none when it declares none); a mistake stops start-up naming the field. */
export function readStandIns(root: string): StandInConfig[] {
  const declared = (readKitSection(root) as {standIns?: unknown} | null | undefined)?.standIns;
  if (declared === undefined) return [];
  const where = 'package.json "stripe-apps-offline".standIns';
  if (!declared || typeof declared !== 'object' || Array.isArray(declared)) {
    throw new Error(`${where} must be an object of stand-ins by name, for example {"acme": {"command": "node acme.js", "port": 4340, "standsInFor": "https://api.acme.example"}}.`);
  }
  const kitPorts = new Map<number, string>(Object.entries(DEFAULT_LOCAL_PORTS).map(([service, port]) => [port, service]));
  const taken = new Map<number, string>();
  return Object.entries(declared as Record<string, unknown>).map(([name, value]) => {
    const at = `${where}.${name}`;
    if (!NAME.test(name)) throw new Error(`${where}: "${name.slice(0, 40)}" is not a usable name (lower-case letters, digits and dashes, starting with a letter).`);
    if ((KIT_SERVICES as readonly string[]).includes(name)) throw new Error(`${where}: "${name}" is the name of one of the kit's own services; choose another.`);
    const entry = (value ?? {}) as Record<string, unknown>;
    if (typeof entry.command !== 'string' || !entry.command.trim()) throw new Error(`${at}.command must be the shell command that starts the stand-in.`);
    const port = entry.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${at}.port must be a port number (1 to 65535).`);
    if (kitPorts.has(port)) throw new Error(`${at}.port ${port} is the kit's ${kitPorts.get(port)} port; choose another.`);
    if (taken.has(port)) throw new Error(`${at}.port ${port} is also the port of the stand-in "${taken.get(port)}".`);
    taken.set(port, name);
    let origin: URL | null = null;
    try {
      origin = new URL(String(entry.standsInFor));
    } catch {
      origin = null;
    }
    if (!origin || !/^https?:$/.test(origin.protocol) || `${origin.origin}` !== String(entry.standsInFor).replace(/\/$/, '')) {
      throw new Error(`${at}.standsInFor must be the third party's origin, such as "https://api.acme.example" (no path).`);
    }
    const timeout = entry.readyTimeoutMs;
    return {name, command: entry.command, port, standsInFor: origin.origin, ...(typeof timeout === 'number' && timeout > 0 ? {readyTimeoutMs: timeout} : {})};
  });
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

/** Every string in `value` on a stand-in's origin, moved to that stand-in (`to`: its local origin, by name). */
export function moveToStandIns<T>(value: T, standIns: readonly {standsInFor: string; url: string}[]): T {
  if (standIns.length === 0) return value;
  const walk = (v: Json): Json => {
    if (typeof v === 'string') {
      const standIn = standIns.find((s) => v === s.standsInFor || v.startsWith(`${s.standsInFor}/`));
      return standIn ? standIn.url + v.slice(standIn.standsInFor.length) : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value as Json) as T;
}
