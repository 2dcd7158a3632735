/**
 * How a key slot's key can be checked against the third party, declared in
 * stripe-app.json next to the slots:
 *
 *   "constants": {"keyChecks": {"acme_api_key": {"service": "Acme",
 *     "url": "https://api.acme.example/v1/ping", "method": "GET", "present": "bearer"}}}
 *
 * An object keyed by slot name (not a list) so that stripe-app.local.json can
 * override one slot's URL alone: manifest layers merge objects key by key.
 *
 * Read on both sides: the settings page only learns which slots offer
 * "Test", and shows mistakes; the app backend reads its OWN copy of the
 * manifest to decide where a key is sent, never a URL from a view (a hostile
 * view could otherwise send the key anywhere). No React here, so the backend
 * can import it.
 */
import {manifestConstant, text, type ManifestConstants} from '../manifestConstants';

/** How the key travels: `Authorization: Bearer <key>`, Basic with the key as user name and no password, or a named header. */
export type KeyPresentation = {kind: 'bearer'} | {kind: 'basic'} | {kind: 'header'; header: string};

export interface KeyCheck {
  /** The third party's name for messages ("Acme refused this key"); the URL's host when not declared. */
  service: string;
  url: string;
  method: 'GET' | 'POST' | 'HEAD';
  present: KeyPresentation;
  timeoutMs: number;
}

/** What the backend's POST /v1/keys/test answers: the outcome, never the key or the third party's words. */
export type KeyTestResult = 'works' | 'refused' | 'unreachable' | 'not-set';

export interface KeyTestAnswer {
  result: KeyTestResult;
  /** The third party's HTTP status, when it answered. */
  status?: number;
  /** Unix seconds. */
  checked_at: number;
}

export const DEFAULT_CHECK_TIMEOUT_SECONDS = 5;
const MAX_CHECK_TIMEOUT_SECONDS = 10;
const METHODS = ['GET', 'POST', 'HEAD'] as const;
const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
// Headers fetch sets itself, or that would change how the request is framed or routed.
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect', 'cookie']);

interface KeyCheckConfig {
  checks: Map<string, KeyCheck>;
  problems: string[];
}

/** https:// anywhere; http:// only on this machine, for a local stand-in of the third party. */
function checkUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    if (url.username || url.password) return null;
    const local = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
    return url.protocol === 'https:' || local ? url : null;
  } catch {
    return null;
  }
}

function readPresentation(value: unknown): KeyPresentation | string {
  if (value === 'bearer' || value === 'basic') return {kind: value};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const header = text((value as {header?: unknown}).header);
    if (!header || !HEADER_NAME.test(header)) return 'must name a header of letters, digits and "-", e.g. {"header": "X-Api-Key"}';
    if (RESERVED_HEADERS.has(header.toLowerCase())) return `cannot use the "${header}" header: the request itself needs it`;
    return {kind: 'header', header};
  }
  return 'must be "bearer", "basic" or {"header": "<name>"}';
}

function readCheck(entry: unknown, where: string, problems: string[]): KeyCheck | null {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
    problems.push(`${where} must be an object with a url and how to present the key.`);
    return null;
  }
  const e = entry as Record<string, unknown>;
  const rawUrl = text(e.url);
  const url = rawUrl ? checkUrl(rawUrl) : null;
  if (!url) {
    problems.push(`${where}.url must be an https:// URL without credentials (http:// only on 127.0.0.1 or localhost, for a local stand-in).`);
    return null;
  }
  const method = e.method === undefined ? 'GET' : METHODS.find((m) => m === e.method);
  if (!method) {
    problems.push(`${where}.method must be one of ${METHODS.join(', ')}.`);
    return null;
  }
  const present = readPresentation(e.present);
  if (typeof present === 'string') {
    problems.push(`${where}.present ${present}.`);
    return null;
  }
  let timeoutSeconds = DEFAULT_CHECK_TIMEOUT_SECONDS;
  if (e.timeoutSeconds !== undefined) {
    const t = e.timeoutSeconds;
    if (typeof t !== 'number' || !(t > 0) || t > MAX_CHECK_TIMEOUT_SECONDS) {
      problems.push(`${where}.timeoutSeconds must be a number of seconds above 0 and at most ${MAX_CHECK_TIMEOUT_SECONDS}; using ${DEFAULT_CHECK_TIMEOUT_SECONDS}.`);
    } else timeoutSeconds = t;
  }
  return {service: text(e.service) ?? url.hostname, url: url.href, method, present, timeoutMs: timeoutSeconds * 1000};
}

export function readKeyChecks(constants: ManifestConstants): KeyCheckConfig {
  const raw = manifestConstant(constants, 'keyChecks');
  const checks = new Map<string, KeyCheck>();
  if (raw === undefined || raw === null) return {checks, problems: []};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {checks, problems: ['constants.keyChecks in stripe-app.json must be an object keyed by key slot name.']};
  }
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(raw)) {
    const check = readCheck(entry, `constants.keyChecks.${name}`, problems);
    if (check) checks.set(name, check);
  }
  return {checks, problems};
}
