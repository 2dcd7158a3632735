/**
 * Asks a third party whether a key works: one request to the URL the
 * backend's own manifest declares (a preset's, or constants.keyChecks'),
 * presenting the credential as declared, within the declared timeout. The
 * HTTP status decides, and the body is passed on nowhere, because a refusal
 * often quotes what was sent ("Invalid API key provided: sk_test_…"). Only a
 * check's `when` rule reads it, to compare one field of it.
 *
 * A check's URL may hold the credential's own parts (Mailchimp's data centre
 * in the host, Twilio's Account SID in the path). Each is filled URL-encoded,
 * and one in the host must be a host name's letters (and its part's own
 * anchored form, which the manifest reader insists on): a stored value,
 * which any user of the account can write, cannot send the key elsewhere.
 */
import type {KeyCheck, KeyTestAnswer} from '../src/settings/keyChecks';
import {fillCredentialTemplate} from '../src/settings/credential';
import {HOST_SAFE} from '../src/settings/keySlots';
import {readUpTo} from './boundedBody';
import {BackendError} from './errors';

/** Base64 of the text's UTF-8 bytes, with what every runtime has (btoa takes Latin-1 only, so bytes first). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export type KeyCheckOutcome = Pick<KeyTestAnswer, 'status'> & {result: 'works' | 'refused' | 'unreachable'};

// Visible ASCII and spaces: anything else cannot go in a header (and a line break would split one).
const HEADER_SAFE = /^[\x20-\x7e]+$/;

const unusable = () => new BackendError('bad-request', 'The stored key holds line breaks or other characters that cannot be sent to check it, or a part not of its form: save it again.');

/** A template of the credential's parts for a header; a value that cannot go in one is refused. */
function header(template: string | undefined, values: Record<string, string>): string {
  const filled = fillCredentialTemplate(template ?? '{key}', values);
  if (filled === null || !HEADER_SAFE.test(filled)) throw unusable();
  return filled;
}

function keyHeaders(check: KeyCheck, values: Record<string, string>): Record<string, string> {
  const present = check.present;
  switch (present.kind) {
    case 'bearer':
      return {authorization: `Bearer ${header(present.value, values)}`};
    case 'basic': {
      // Left out, the key is the user name and the password empty, as Stripe-style APIs take it.
      const user = header(present.user || '{key}', values);
      const password = present.password ? header(present.password, values) : '';
      return {authorization: `Basic ${base64(`${user}:${password}`)}`};
    }
    case 'header':
      return {[present.header]: header(present.value, values)};
    case 'query':
      return {};
  }
}

/** The check's URL for these values: parts in the host checked, every value URL-encoded, a query key added. */
function checkUrl(check: KeyCheck, values: Record<string, string>): string {
  const host = /^https?:\/\/([^/?#]*)/.exec(check.url)?.[1] ?? '';
  for (const [, name] of host.matchAll(/\{([A-Za-z0-9_]+)\}/g)) {
    if (!HOST_SAFE.test(values[name] ?? '')) throw unusable();
  }
  const filled = fillCredentialTemplate(check.url, values, encodeURIComponent);
  if (filled === null) throw unusable();
  const url = new URL(filled);
  if (check.present.kind === 'query') url.searchParams.set(check.present.param, header(check.present.value, values));
  return url.toString();
}

/** Enough body for a rule: this many bytes at most (a "who am I" answer is small); more, or not JSON, reads as no body. */
const MAX_RULE_BODY = 64 * 1024;

async function readJson(response: Response, timeoutMs: number): Promise<unknown> {
  if (!response.body) return undefined;
  try {
    // A body that trickles past the check's timeout is cut where it is, and reads as no JSON.
    const text = await readUpTo(response.body, MAX_RULE_BODY, AbortSignal.timeout(timeoutMs));
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** The value at a dotted path: a string as it is, a number or a boolean as its text, null for anything else (absent, null, an object). */
function fieldOf(body: unknown, path: string): string | null {
  let at: unknown = body;
  for (const key of path.split('.')) at = at && typeof at === 'object' && Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  if (typeof at === 'string') return at;
  return typeof at === 'number' || typeof at === 'boolean' ? String(at) : null;
}

/** `values`: the credential's parts by name, the values they give (Mailchimp's dc), and `key`, its first part. */
export async function runKeyCheck(check: KeyCheck, values: Record<string, string>): Promise<KeyCheckOutcome> {
  const url = checkUrl(check, values);
  const headers = {...Object.fromEntries(Object.entries(check.headers ?? {}).map(([name, template]) => [name, header(template, values)])), ...keyHeaders(check, values)};
  let response: Response;
  try {
    response = await fetch(url, {
      method: check.method,
      headers: {accept: 'application/json', 'user-agent': 'Stripe App backend key check', ...headers},
      // A redirect would carry a named header (and the key in it) to wherever it points.
      redirect: 'manual',
      signal: AbortSignal.timeout(check.timeoutMs),
    });
  } catch {
    // Refused connection, DNS failure or the timeout: the error's text is not passed on.
    return {result: 'unreachable'};
  }
  const {status} = response;
  const rules = check.when?.filter((rule) => rule.status === status) ?? [];
  if (rules.length > 0) {
    const body = await readJson(response, check.timeoutMs);
    const rule = rules.find((r) => fieldOf(body, r.field) === r.is);
    if (rule) return {result: rule.result, status};
  } else await response.body?.cancel().catch(() => undefined);
  if (check.works ? check.works.includes(status) : status >= 200 && status < 300) return {result: 'works', status};
  if ((check.refused ?? [401, 403]).includes(status)) return {result: 'refused', status};
  return {result: 'unreachable', status};
}
