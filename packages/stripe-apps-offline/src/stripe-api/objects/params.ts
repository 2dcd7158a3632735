/**
 * Parameters shared by the Stripe objects: `metadata` updates, list
 * parameters (paging, each resource's filters, `created`) and `expand`.
 */
import {errors} from '../errors';
import {booleanParam, checkKnown, integerParam, stringListParam, stringParam, type Raw} from '../params';
import {parsePaging, PAGING_PARAMS} from '../paging';
import {NO_EXPAND, planExpand, type ExpandPlan, type Kind, type NodeName} from './expand';
import type {Condition, ListQuery} from './table';

export type Metadata = Record<string, string>;

/** Keys to set (a value) or remove (null); `clear` empties the whole hash first (`metadata=`). */
export interface MetadataChange {
  clear: boolean;
  changes: Record<string, string | null>;
}

/**
 * `metadata[key]=value` sets a key, `metadata[key]=` removes it, and
 * `metadata=` empties the hash, as on Stripe.
 */
export function metadataParam(params: Raw): MetadataChange {
  const value = params.metadata;
  if (value === undefined) return {clear: false, changes: {}};
  if (value === '') return {clear: true, changes: {}};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw errors.notHash('metadata');
  const changes: Record<string, string | null> = {};
  for (const [key, item] of Object.entries(value as Raw)) {
    if (typeof item !== 'string') throw errors.notString(`metadata[${key}]`);
    if (key.length > 40) throw errors.metadataKeyTooLong(key);
    if (item.length > 500) throw errors.metadataValueTooLong(key);
    changes[key] = item === '' ? null : item;
  }
  if (Object.keys(changes).length > 50) throw errors.metadataTooMany();
  return {clear: false, changes};
}

/** Applies a metadata change to an object (inside its write); more than 50 keys refuses the whole write. */
export function applyMetadata(object: {metadata: Metadata}, change: MetadataChange): void {
  const metadata: Metadata = change.clear ? {} : {...object.metadata};
  for (const [key, value] of Object.entries(change.changes)) {
    if (value === null) delete metadata[key];
    else metadata[key] = value;
  }
  if (Object.keys(metadata).length > 50) throw errors.metadataTooMany();
  object.metadata = metadata;
}

/** One filter a list takes, beside paging and `created`. */
export interface FilterSpec {
  param: string;
  /** A text value (up to `max` characters), a boolean, one of a few words, or a list of ids (`ids[]`: the objects' own ids). */
  kind: 'string' | 'boolean' | 'ids' | readonly string[];
  max?: number;
  /**
   * Turns the value into conditions on the table's columns; by default the
   * column of the same name equals the value. Called with null when the
   * parameter is absent (a default filter, like Stripe leaving canceled
   * subscriptions out unless asked).
   */
  condition?: (value: string | null) => Condition[];
}

/** A condition no row meets (every `created` is a real time). */
export const NOTHING: Condition = {column: 'created', op: '<', value: Number.MIN_SAFE_INTEGER};

/**
 * A filter Stripe takes whose field no object here ever has set (a test
 * clock, a transfer group, a payout): accepted, so a view passing it is not
 * refused, and it matches nothing, as it would on an account without them.
 */
export function unsetField(param: string): FilterSpec {
  return {param, kind: 'string', condition: (value) => (value === null ? [] : [NOTHING])};
}

const CREATED_OPS = {gt: '>', gte: '>=', lt: '<', lte: '<='} as const;

/** `created=ts` or `created[gt|gte|lt|lte]=ts`, as conditions on the `created` column. */
function createdParam(params: Raw): Condition[] {
  const value = params.created;
  if (value === undefined) return [];
  if (typeof value === 'string') {
    const at = integerParam(params, 'created');
    return at === null ? [] : [{column: 'created', op: '=', value: at}];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw errors.notInteger('created');
  const range = value as Raw;
  const out: Condition[] = [];
  for (const key of Object.keys(range)) {
    if (!(key in CREATED_OPS)) throw errors.unknown(`created[${key}]`);
    const item = range[key];
    if (typeof item !== 'string' || !/^-?\d{1,15}$/.test(item)) throw errors.notInteger(`created[${key}]`);
    out.push({column: 'created', op: CREATED_OPS[key as keyof typeof CREATED_OPS], value: Number(item)});
  }
  return out;
}

/** `limit`, `starting_after`, `ending_before`, `created`, `expand` (of `data.…`) and the resource's filters. */
export function parseListParams(params: Raw, root: Kind, filters: readonly FilterSpec[]): {query: ListQuery; expand: ExpandPlan} {
  checkKnown(params, [...PAGING_PARAMS, 'created', 'expand', ...filters.map((f) => f.param)]);
  const expand = planExpand(params.expand, root, true);
  const paging = parsePaging(params);
  const where = createdParam(params);
  for (const filter of filters) {
    let value: string | null;
    if (filter.kind === 'ids') {
      if (params[filter.param] === undefined) continue;
      const ids = stringListParam(params[filter.param], filter.param);
      where.push({column: 'id', op: 'IN', values: ids});
      continue;
    }
    if (filter.kind === 'boolean') {
      const b = booleanParam(params, filter.param);
      value = b === null ? null : String(b);
    } else {
      value = stringParam(params, filter.param, false);
      if (value !== null && filter.kind === 'string' && value.length > (filter.max ?? 5000)) throw errors.tooLong(filter.param, filter.max ?? 5000);
      if (value !== null && Array.isArray(filter.kind) && !filter.kind.includes(value)) throw errors.notOneOf(filter.param, filter.kind);
    }
    if (filter.condition) where.push(...filter.condition(value));
    else if (value !== null) where.push({column: filter.param, op: '=', value});
  }
  return {query: {...paging, where}, expand};
}

/** A retrieve (or a delete) takes nothing but `expand`. */
export function parseRetrieve(params: Raw, root: NodeName): ExpandPlan {
  checkKnown(params, ['expand']);
  return params.expand === undefined ? NO_EXPAND : planExpand(params.expand, root, false);
}

/** The update every object here takes: `metadata` (and `expand`); anything else is refused as unknown. */
export function parseMetadataUpdate(params: Raw, root: Kind): {metadata: MetadataChange; expand: ExpandPlan} {
  checkKnown(params, ['metadata', 'expand']);
  return {metadata: metadataParam(params), expand: parseRetrieve({expand: params.expand}, root)};
}
