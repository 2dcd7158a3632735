/**
 * The one parameter parser of the local Stripe API: decoding Stripe's form
 * encoding (bracket notation) and reading scalar parameters, for the Secret
 * Store (secrets/params.ts) and the Stripe objects (objects/params.ts) alike.
 * Errors name a nested parameter by its full name (`scope[type]`). The bytes
 * were checked as UTF-8 before they get here (server.ts).
 */
import qs from 'qs';
import {errors} from './errors';

export const MAX_STRING = 5000;
export const MAX_PARAMS = 1000;

export type Raw = Record<string, unknown>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Decodes a query string or form body. Percent-escapes and UTF-8 are checked
 * first because `qs` silently keeps malformed escapes as literal text, and a
 * repeated scalar key is refused rather than turned into an array.
 */
export function parseForm(...sources: string[]): Raw {
  const segments = sources.flatMap((s) => s.split('&')).filter((s) => s !== '');
  if (segments.length > MAX_PARAMS) throw errors.tooMany();
  const seen = new Set<string>();
  for (const segment of segments) {
    const eq = segment.indexOf('=');
    const rawKey = eq === -1 ? segment : segment.slice(0, eq);
    let key: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      if (eq !== -1) decodeURIComponent(segment.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      throw errors.malformed();
    }
    // qs drops these without a word (they would write an object's prototype): refused by name instead.
    if (key.split(/[[\]]+/).some((part) => FORBIDDEN_KEYS.has(part))) throw errors.forbiddenKey(key);
    if (!key.endsWith('[]')) {
      if (seen.has(key)) throw errors.duplicate(key);
      seen.add(key);
    }
  }
  try {
    return qs.parse(segments.join('&'), {
      depth: 2,
      strictDepth: true,
      parameterLimit: MAX_PARAMS,
      arrayLimit: 100,
      allowPrototypes: false,
      plainObjects: true,
    }) as Raw;
  } catch (e) {
    if (e instanceof RangeError) throw errors.tooDeep();
    throw e;
  }
}

export function checkKnown(params: Raw, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw errors.unknown(key);
  }
}

/** `label` is the parameter's full name in errors when `params` is a nested hash (`scope[type]`, not `type`). */
export function stringParam(params: Raw, param: string, required: true, label?: string): string;
export function stringParam(params: Raw, param: string, required: false, label?: string): string | null;
export function stringParam(params: Raw, param: string, required: boolean, label = param): string | null {
  const value = params[param];
  if (value === undefined) {
    if (required) throw errors.missing(label);
    return null;
  }
  if (typeof value !== 'string') throw errors.notString(label);
  if (value === '') throw errors.empty(label);
  if (value.length > MAX_STRING) throw errors.tooLong(label, MAX_STRING);
  return value;
}

export function integerParam(params: Raw, param: string): number | null {
  const value = params[param];
  if (value === undefined) return null;
  if (typeof value !== 'string') throw errors.notInteger(param);
  if (value === '') throw errors.empty(param);
  if (!/^-?\d{1,15}$/.test(value)) throw errors.notInteger(param);
  return Number(value);
}

/** `true` or `false`, as Stripe's form encoding sends a boolean; null when absent. */
export function booleanParam(params: Raw, param: string): boolean | null {
  const value = params[param];
  if (value === undefined) return null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw errors.notBoolean(param, typeof value === 'string' ? value : '');
}

/**
 * An array parameter as a list of strings: indexed (`expand[0]=a`, as
 * stripe-node sends arrays) and bracketed (`expand[]=a`) both arrive as
 * arrays or hashes; absent is empty.
 */
export function stringListParam(value: unknown, param: string): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : null;
  if (items === null) throw errors.notArray(param);
  for (const item of items) if (typeof item !== 'string') throw errors.notArray(param);
  return items as string[];
}
