/**
 * How every list here pages, secrets and Stripe objects alike: `limit` (1–100,
 * default 10) and at most one of `starting_after` / `ending_before`, walked
 * by the row's insertion order (its `seq`), newest first as every Stripe list
 * answers. `ending_before` walks towards newer rows and is still answered
 * newest first.
 */
import {errors} from './errors';
import {integerParam, stringParam, type Raw} from './params';

export interface Paging {
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
}

export const PAGING_PARAMS = ['limit', 'starting_after', 'ending_before'] as const;

export function parsePaging(params: Raw): Paging {
  const limit = integerParam(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw errors.limitRange();
  const startingAfter = stringParam(params, 'starting_after', false);
  const endingBefore = stringParam(params, 'ending_before', false);
  if (startingAfter !== null && endingBefore !== null) throw errors.exclusive('starting_after', 'ending_before');
  return {limit, startingAfter, endingBefore};
}

/**
 * One page of rows: `seqOf` finds a cursor's row (throwing the caller's 404
 * naming `param`), `fetch` reads up to `take` rows older (seq below, newest
 * first) or newer (seq above, oldest first) than a seq.
 */
export function keysetPage<R>(
  paging: Paging,
  seqOf: (id: string, param: string) => number,
  fetch: (direction: 'older' | 'newer', seq: number, take: number) => R[],
): {rows: R[]; hasMore: boolean} {
  const take = paging.limit + 1;
  if (paging.endingBefore !== null) {
    const rows = fetch('newer', seqOf(paging.endingBefore, 'ending_before'), take);
    return {rows: rows.slice(0, paging.limit).reverse(), hasMore: rows.length > paging.limit};
  }
  const seq = paging.startingAfter !== null ? seqOf(paging.startingAfter, 'starting_after') : Number.MAX_SAFE_INTEGER;
  const rows = fetch('older', seq, take);
  return {rows: rows.slice(0, paging.limit), hasMore: rows.length > paging.limit};
}
