/** Parameters shared by the Stripe objects: `metadata` updates and `expand`, which no object here expands yet. */
import {errors} from '../errors';
import {checkKnown, integerParam, stringParam, type Raw} from '../params';
import type {PageParams} from './table';
import {objectErrors} from './errors';

export type Metadata = Record<string, string>;

/**
 * `metadata[key]=value` sets a key, `metadata[key]=` removes it, and
 * `metadata=` empties the hash, as on Stripe.
 */
export function metadataParam(params: Raw): {clear: boolean; changes: Record<string, string | null>} {
  const value = params.metadata;
  if (value === undefined) return {clear: false, changes: {}};
  if (value === '') return {clear: true, changes: {}};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw errors.notHash('metadata');
  const changes: Record<string, string | null> = {};
  for (const [key, item] of Object.entries(value as Raw)) {
    if (typeof item !== 'string') throw errors.notString(`metadata[${key}]`);
    if (key.length > 40) throw objectErrors.metadataKeyTooLong(key);
    if (item.length > 500) throw objectErrors.metadataValueTooLong(key);
    changes[key] = item === '' ? null : item;
  }
  if (Object.keys(changes).length > 50) throw objectErrors.metadataTooMany();
  return {clear: false, changes};
}

/** Refuses every `expand` path: nothing these objects answer is expandable yet. */
export function noExpand(params: Raw): void {
  const value = params.expand;
  if (value === undefined) return;
  const items = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : null;
  if (items === null) throw errors.notArray('expand');
  for (const item of items) {
    if (typeof item !== 'string') throw errors.notArray('expand');
    throw errors.notExpandable(item);
  }
}

/** `limit`, `starting_after`, `ending_before` and the one filter a list takes (`email`, `customer`). */
export function parseListParams(params: Raw, filter: string, maxFilter = 5000): PageParams {
  checkKnown(params, ['limit', 'starting_after', 'ending_before', filter, 'expand']);
  noExpand(params);
  const limit = integerParam(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw errors.limitRange();
  const startingAfter = stringParam(params, 'starting_after', false);
  const endingBefore = stringParam(params, 'ending_before', false);
  if (startingAfter !== null && endingBefore !== null) throw errors.exclusive('starting_after', 'ending_before');
  const value = stringParam(params, filter, false);
  if (value !== null && value.length > maxFilter) throw errors.tooLong(filter, maxFilter);
  return {limit, startingAfter, endingBefore, filter: value};
}
