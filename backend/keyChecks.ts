/**
 * Asks a third party whether a key works: one request to the URL the
 * backend's own manifest declares (constants.keyChecks), presenting the key as
 * declared, within the declared timeout. Only the HTTP status is looked at:
 * the body is never read, because a refusal often quotes what was sent
 * ("Invalid API key provided: sk_test_…").
 */
import type {KeyCheck, KeyTestAnswer} from '../src/settings/keyChecks';
import {BackendError} from './errors';

export type KeyCheckOutcome = Pick<KeyTestAnswer, 'status'> & {result: 'works' | 'refused' | 'unreachable'};

// Visible ASCII and spaces: anything else cannot go in a header (and a line break would split one).
const HEADER_SAFE = /^[\x20-\x7e]+$/;

function keyHeaders(check: KeyCheck, key: string): Record<string, string> {
  switch (check.present.kind) {
    case 'bearer':
      return {authorization: `Bearer ${key}`};
    case 'basic':
      // The key as the user name and no password, as Stripe-style APIs take it.
      return {authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`};
    case 'header':
      return {[check.present.header]: key};
  }
}

export async function runKeyCheck(check: KeyCheck, key: string): Promise<KeyCheckOutcome> {
  if (!HEADER_SAFE.test(key)) {
    throw new BackendError('bad-request', 'The stored key holds line breaks or other characters that cannot be sent to check it: save it again.');
  }
  let response: Response;
  try {
    response = await fetch(check.url, {
      method: check.method,
      headers: {...keyHeaders(check, key), accept: 'application/json', 'user-agent': 'Stripe App backend key check'},
      // A redirect would carry a named header (and the key in it) to wherever it points.
      redirect: 'manual',
      signal: AbortSignal.timeout(check.timeoutMs),
    });
  } catch {
    // Refused connection, DNS failure or the timeout: the error's text is not passed on.
    return {result: 'unreachable'};
  }
  await response.body?.cancel().catch(() => undefined);
  const {status} = response;
  if (status >= 200 && status < 300) return {result: 'works', status};
  if (status === 401 || status === 403) return {result: 'refused', status};
  return {result: 'unreachable', status};
}
