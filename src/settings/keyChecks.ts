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

/**
 * How the key travels: `Authorization: Bearer <key>`, Basic, a named header,
 * or a query parameter. Each value is a template of the credential's parts
 * ("{accountSid}"); left out, it is the slot's one key ({key} below), and
 * Basic sends it as the user name with no password.
 *
 *   "bearer" | {"bearer": "{apiKey}"}
 *   "basic"  | {"basic": {"user": "{accountSid}", "password": "{authToken}"}}
 *   {"header": "X-Api-Key"} | {"header": "Authorization", "value": "Klaviyo-API-Key {apiKey}"}
 *   {"query": "api_key", "value": "{apiKey}"}
 */
export type KeyPresentation =
  | {kind: 'bearer'; value?: string}
  | {kind: 'basic'; user?: string; password?: string}
  | {kind: 'header'; header: string; value?: string}
  | {kind: 'query'; param: string; value: string};

export interface KeyCheck {
  /** The third party's name for messages ("Acme refused this key"); the URL's host when not declared. */
  service: string;
  /** May hold the credential's parts ("https://{dc}.api.mailchimp.com/3.0/ping"), filled and checked by the backend. */
  url: string;
  method: 'GET' | 'POST' | 'HEAD';
  present: KeyPresentation;
  timeoutMs: number;
  /** Headers the service insists on besides the key (Anthropic's anthropic-version). */
  headers?: Record<string, string>;
  /** The statuses that mean the key works (absent: any 2xx) and that it is refused (absent: 401 and 403); any other is "unreachable". */
  works?: number[];
  refused?: number[];
  /** Read before `works` and `refused`; the first that matches decides. */
  when?: KeyCheckRule[];
}

/**
 * An answer whose status alone misleads: Zendesk answers 200 to a wrong
 * token, as an anonymous user whose id is null; Resend answers 401
 * restricted_api_key to a good key allowed only to send. A rule names the
 * status and one field of the JSON body (a dotted path) and the value it
 * holds (null: absent or null; a body over 64 KiB or not JSON holds no
 * field). The backend reads the body only to compare that one field and
 * passes on nothing of it.
 */
export interface KeyCheckRule {
  status: number;
  field: string;
  is: string | null;
  result: 'works' | 'refused';
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
const PARAM_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const TEMPLATE = /^[\x20-\x7e]{1,200}$/;
// Headers fetch sets itself, or that would change how the request is framed or routed.
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect', 'cookie']);

interface KeyCheckConfig {
  checks: Map<string, KeyCheck>;
  problems: string[];
}

/** https:// anywhere; http:// only on this machine, for a local stand-in of the third party. */
function checkUrl(value: string): URL | null {
  try {
    // A part in the URL ({dc}, {shop}) is filled on the backend, which checks it first; here only the rest.
    const url = new URL(value.replace(/\{[A-Za-z0-9_]+\}/g, 'part'));
    if (url.username || url.password) return null;
    const local = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
    return url.protocol === 'https:' || local ? url : null;
  } catch {
    return null;
  }
}

const template = (value: unknown): string | undefined => (typeof value === 'string' && TEMPLATE.test(value) ? value : undefined);

function readPresentation(value: unknown): KeyPresentation | string {
  if (value === 'bearer' || value === 'basic') return {kind: value};
  const shapes = 'must be "bearer", "basic", {"bearer": "<template>"}, {"basic": {"user", "password"}}, {"header": "<name>", "value"?} or {"query": "<param>", "value"}';
  if (!value || typeof value !== 'object' || Array.isArray(value)) return shapes;
  const v = value as Record<string, unknown>;
  if (v.bearer !== undefined) return template(v.bearer) ? {kind: 'bearer', value: v.bearer as string} : 'bearer must be a template of the key\'s parts, e.g. "{apiKey}"';
  if (v.basic !== undefined) {
    const basic = (v.basic && typeof v.basic === 'object' ? v.basic : {}) as Record<string, unknown>;
    const user = basic.user === undefined ? '' : template(basic.user);
    const password = basic.password === undefined ? '' : template(basic.password);
    if (user === undefined || password === undefined) return 'basic must be {"user": "<template>", "password": "<template>"}';
    return {kind: 'basic', user, password};
  }
  if (v.query !== undefined) {
    const param = text(v.query);
    if (!param || !PARAM_NAME.test(param) || !template(v.value)) return 'query must name a parameter and give its "value" template, e.g. {"query": "api_key", "value": "{key}"}';
    return {kind: 'query', param, value: v.value as string};
  }
  const header = text(v.header);
  if (!header || !HEADER_NAME.test(header)) return v.header === undefined ? shapes : 'must name a header of letters, digits and "-", e.g. {"header": "X-Api-Key"}';
  if (RESERVED_HEADERS.has(header.toLowerCase())) return `cannot use the "${header}" header: the request itself needs it`;
  if (v.value !== undefined && !template(v.value)) return 'value must be a template of the key\'s parts, e.g. "Klaviyo-API-Key {apiKey}"';
  return {kind: 'header', header, ...(v.value !== undefined ? {value: v.value as string} : {})};
}

function statusList(value: unknown): number[] | undefined | null {
  if (value === undefined) return undefined;
  return Array.isArray(value) && value.length > 0 && value.every((n) => Number.isInteger(n) && n >= 200 && n <= 599) ? (value as number[]) : null;
}

const FIELD_PATH = /^[A-Za-z0-9_]{1,64}(\.[A-Za-z0-9_]{1,64}){0,7}$/;

function readRules(value: unknown): KeyCheckRule[] | undefined | null {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) return null;
  const rules: KeyCheckRule[] = [];
  for (const rule of value as unknown[]) {
    const r = (rule && typeof rule === 'object' ? rule : {}) as Record<string, unknown>;
    const status = statusList([r.status])?.[0];
    const field = typeof r.field === 'string' && FIELD_PATH.test(r.field) ? r.field : undefined;
    const is = r.is === null || (typeof r.is === 'string' && r.is.length <= 200) ? r.is : undefined;
    if (status === undefined || field === undefined || is === undefined || (r.result !== 'works' && r.result !== 'refused')) return null;
    rules.push({status, field, is, result: r.result});
  }
  return rules;
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
  const headers: Record<string, string> = {};
  if (e.headers !== undefined) {
    const given = e.headers && typeof e.headers === 'object' && !Array.isArray(e.headers) ? Object.entries(e.headers) : null;
    if (!given || !given.every(([name, value]) => HEADER_NAME.test(name) && !RESERVED_HEADERS.has(name.toLowerCase()) && template(value))) {
      problems.push(`${where}.headers must be an object of header names and values.`);
      return null;
    }
    for (const [name, value] of given) headers[name] = value as string;
  }
  const works = statusList(e.works);
  const refused = statusList(e.refused);
  if (works === null || refused === null) {
    problems.push(`${where}.${works === null ? 'works' : 'refused'} must be a list of HTTP statuses.`);
    return null;
  }
  const when = readRules(e.when);
  if (when === null) {
    problems.push(`${where}.when must be a list of rules such as {"status": 200, "field": "user.id", "is": null, "result": "refused"}.`);
    return null;
  }
  // The URL as written (a part's {name} kept for the backend to fill).
  const written = (rawUrl as string).trim();
  return {
    service: text(e.service) ?? url.hostname.replace(/^part\./, ''),
    url: /\{[A-Za-z0-9_]+\}/.test(written) ? written : url.href,
    method,
    present,
    timeoutMs: timeoutSeconds * 1000,
    ...(Object.keys(headers).length > 0 ? {headers} : {}),
    ...(works ? {works} : {}),
    ...(refused ? {refused} : {}),
    ...(when ? {when} : {}),
  };
}

/** A check a slot has without constants.keyChecks (its preset's), and where a mistake in it is named. */
export interface BaseCheck {
  check: Record<string, unknown>;
  where: string;
}

/**
 * constants.keyChecks, each entry read as a check; a slot with a `base`
 * check (its preset's) has its entry read as changes to that one, field by
 * field, and is read even when the manifest gives no entry for it.
 */
export function readKeyChecks(constants: ManifestConstants, bases: Readonly<Record<string, BaseCheck>> = {}): KeyCheckConfig {
  const raw = manifestConstant(constants, 'keyChecks');
  const checks = new Map<string, KeyCheck>();
  const problems: string[] = [];
  let entries: Record<string, unknown> = {};
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== 'object' || Array.isArray(raw)) problems.push('constants.keyChecks in stripe-app.json must be an object keyed by key slot name.');
    else entries = raw as Record<string, unknown>;
  }
  for (const name of new Set([...Object.keys(entries), ...Object.keys(bases)])) {
    const base = Object.hasOwn(bases, name) ? bases[name] : undefined;
    const changes = entries[name];
    const entry = base ? {...base.check, ...(changes && typeof changes === 'object' ? changes : {})} : changes;
    const check = readCheck(entry, base?.where ?? `constants.keyChecks.${name}`, problems);
    if (check) checks.set(name, check);
  }
  return {checks, problems};
}
