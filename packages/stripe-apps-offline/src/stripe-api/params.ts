/**
 * Parameters of the four Secret Store operations: decoding Stripe's bracket
 * notation and validating it against the contract in Stripe's OpenAPI spec.
 * Errors name a nested parameter by its full name (`scope[type]`). The bytes
 * were checked as UTF-8 before they get here (server.ts).
 */
import qs from 'qs';
import {ApiError, errors} from './errors';

export const MAX_STRING = 5000;
export const MAX_PARAMS = 1000;

export type Scope = {type: 'account'} | {type: 'user'; user: string};

export interface SetParams {
  name: string;
  payload: string;
  scope: Scope;
  expiresAt: number | null;
  expandPayload: boolean;
}
export interface FindParams {
  name: string;
  scope: Scope;
  expandPayload: boolean;
}
export type DeleteParams = FindParams;
export interface ListParams {
  scope: Scope;
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
  expandPayload: boolean;
}

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

function scopeParam(params: Raw): Scope {
  const value = params.scope;
  if (value === undefined) throw errors.missing('scope');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw errors.notHash('scope');
  }
  const scope = value as Raw;
  for (const key of Object.keys(scope)) {
    if (key !== 'type' && key !== 'user') throw errors.unknown(`scope[${key}]`);
  }
  const type = stringParam(scope, 'type', false, 'scope[type]');
  if (type === null) throw errors.missing('scope[type]');
  if (type !== 'account' && type !== 'user') throw errors.notOneOf('scope[type]', ['account', 'user']);
  if (type === 'account') {
    if (scope.user !== undefined) throw errors.userForbidden();
    return {type};
  }
  if (scope.user === undefined) throw errors.userRequired();
  if (typeof scope.user !== 'string') throw errors.notString('scope[user]');
  if (scope.user === '') throw errors.empty('scope[user]');
  if (scope.user.length > MAX_STRING) throw errors.tooLong('scope[user]', MAX_STRING);
  return {type, user: scope.user};
}

/** Whether `expand` asks for the payload; `payloadPath` is what this operation may expand. */
function expandParam(params: Raw, payloadPath: string): boolean {
  const value = params.expand;
  if (value === undefined) return false;
  // Indexed arrays (`expand[0]=…`, as stripe-node sends them) and `expand[]=…` both arrive as arrays.
  const items = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? Object.values(value)
      : null;
  if (items === null) throw errors.notArray('expand');
  let payload = false;
  for (const item of items) {
    if (typeof item !== 'string') throw errors.notArray('expand');
    if (item !== payloadPath) throw errors.notExpandable(item);
    payload = true;
  }
  return payload;
}

export function parseSet(params: Raw): SetParams {
  checkKnown(params, ['name', 'payload', 'scope', 'expires_at', 'expand']);
  const name = stringParam(params, 'name', true);
  const payload = stringParam(params, 'payload', true);
  const scope = scopeParam(params);
  const expiresAt = integerParam(params, 'expires_at');
  return {name, payload, scope, expiresAt, expandPayload: expandParam(params, 'payload')};
}

export function parseFind(params: Raw): FindParams {
  checkKnown(params, ['name', 'scope', 'expand']);
  const name = stringParam(params, 'name', true);
  const scope = scopeParam(params);
  return {name, scope, expandPayload: expandParam(params, 'payload')};
}

export const parseDelete: (params: Raw) => DeleteParams = parseFind;

export function parseList(params: Raw): ListParams {
  checkKnown(params, ['scope', 'limit', 'starting_after', 'ending_before', 'expand']);
  const scope = scopeParam(params);
  const limit = integerParam(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw errors.limitRange();
  const startingAfter = stringParam(params, 'starting_after', false);
  const endingBefore = stringParam(params, 'ending_before', false);
  if (startingAfter !== null && endingBefore !== null) {
    throw errors.exclusive('starting_after', 'ending_before');
  }
  return {scope, limit, startingAfter, endingBefore, expandPayload: expandParam(params, 'data.payload')};
}

export {ApiError};
