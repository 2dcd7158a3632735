/**
 * The lists kept inside other objects, answered at their own URLs as Stripe
 * does: an invoice's line items (`/v1/invoices/:id/lines`) and a
 * subscription's items (`/v1/subscription_items?subscription=`). Paged in
 * memory, in the order the parent keeps them (a handful each here).
 */
import {checkKnown, type Raw} from '../params';
import {errors} from '../errors';
import {planExpand, type ExpandPlan, type NodeName} from './expand';
import {parsePaging, PAGING_PARAMS} from '../paging';
import type {ListPage} from './table';

export interface SublistQuery {
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
  expand: ExpandPlan;
}

export function parseSublist(params: Raw, node: NodeName, extra: readonly string[] = []): SublistQuery {
  checkKnown(params, [...PAGING_PARAMS, 'expand', ...extra]);
  const expand = planExpand(params.expand, node, true);
  return {...parsePaging(params), expand};
}

/** One page of `items` (in their kept order) after or before a cursor among them. */
export function pageOf<T extends {id: string}>(items: readonly T[], query: SublistQuery, url: string, what: string): ListPage<T> {
  const at = (id: string, param: string) => {
    const index = items.findIndex((item) => item.id === id);
    if (index === -1) throw errors.missingReference(what, id, param);
    return index;
  };
  if (query.endingBefore !== null) {
    const end = at(query.endingBefore, 'ending_before');
    const start = Math.max(0, end - query.limit);
    return {object: 'list', data: items.slice(start, end), has_more: start > 0, url};
  }
  const start = query.startingAfter !== null ? at(query.startingAfter, 'starting_after') + 1 : 0;
  return {object: 'list', data: items.slice(start, start + query.limit), has_more: start + query.limit < items.length, url};
}
