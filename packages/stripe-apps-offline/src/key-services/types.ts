/**
 * A key service: how the kit's stand-in answers one service's key check,
 * the way that service documents it, at /as/<name>/… on the key services'
 * server. The app's key preset of the same name says where the real check
 * goes; the kit points it here (`localCheckUrl`), so the check the app's
 * backend makes runs unchanged, presentation and parts included.
 *
 * Which keys work, so a person can try each outcome by hand: a key of the
 * service's own form works, unless it holds "revoked" (refused as the
 * service refuses) or "outage" (the service answers 503). A key of
 * hexadecimal digits, which cannot hold those words, is refused when it
 * starts with "dead" and meets an outage when it starts with "0ff".
 */
import type http from 'node:http';

export interface KeyServiceRequest {
  method: string;
  /** The path after /as/<name>, query excluded. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
}

export interface KeyServiceAnswer {
  status: number;
  body: unknown;
}

export interface KeyService {
  /** The key preset's name ("openai"). */
  name: string;
  /** The check's URL here, as a template of the credential's parts, relative to /as/<name> ("/{dc}/3.0/"). */
  localCheckUrl: string;
  /** The service's answer to a request: what it documents for a good key, a refused one, a wrong path. */
  answer(request: KeyServiceRequest): KeyServiceAnswer;
}

/** "Basic <base64 user:password>" read, or null. */
export function basicOf(headers: http.IncomingHttpHeaders): {user: string; password: string} | null {
  const match = /^Basic (.+)$/i.exec(headers.authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : {user: decoded.slice(0, colon), password: decoded.slice(colon + 1)};
}

/** "Bearer <token>" read, or null. */
export const bearerOf = (headers: http.IncomingHttpHeaders): string | null => /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1] ?? null;

/** What a key of the right form gets: works, unless it says "revoked" or "outage". */
export function verdictFor(key: string | null, form: RegExp): 'works' | 'refused' | 'outage' {
  if (!key || !form.test(key) || /revoked/i.test(key) || /^dead/i.test(key)) return 'refused';
  return /outage/i.test(key) || /^0ff/i.test(key) ? 'outage' : 'works';
}

export const outage: KeyServiceAnswer = {status: 503, body: {error: 'Service temporarily unavailable (the local stand-in plays an outage for this key).'}};
