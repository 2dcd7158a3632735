/**
 * Parameters of the Secret Store's four operations (set, find, delete, list),
 * validated against the contract in Stripe's OpenAPI spec, read with the one
 * parameter parser (../params.ts) and the one paging (../paging.ts).
 */
import {errors} from '../errors';
import {parsePaging, PAGING_PARAMS, type Paging} from '../paging';
import {checkKnown, integerParam, MAX_STRING, stringListParam, stringParam, type Raw} from '../params';

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
export interface ListParams extends Paging {
  scope: Scope;
  expandPayload: boolean;
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
  const items = stringListParam(params.expand, 'expand');
  for (const item of items) if (item !== payloadPath) throw errors.notExpandable(item);
  return items.length > 0;
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
  checkKnown(params, ['scope', ...PAGING_PARAMS, 'expand']);
  return {scope: scopeParam(params), ...parsePaging(params), expandPayload: expandParam(params, 'data.payload')};
}

