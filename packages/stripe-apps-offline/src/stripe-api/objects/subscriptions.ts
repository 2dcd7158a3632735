/**
 * Subscriptions (`/v1/subscriptions`): retrieve, list (`customer`, `price`,
 * `status`) and metadata updates. They come from the seed (seed.ts); creating
 * them is not served. As on Stripe, a list without `status` leaves canceled
 * subscriptions out; `status=all` shows every one, `status=ended` the canceled
 * and the expired.
 */
import type Database from 'better-sqlite3';
import {NOTHING, unsetField, type FilterSpec, type Metadata} from './params';
import type {PriceObject} from './prices';
import {Resource, type Write} from './resource';
import {tableSpecOf} from './table';

export type SubscriptionStatus = 'active' | 'canceled' | 'incomplete' | 'incomplete_expired' | 'past_due' | 'paused' | 'trialing' | 'unpaid';
const STATUSES: readonly SubscriptionStatus[] = ['active', 'canceled', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'];

export interface SubscriptionItem {
  id: string;
  object: 'subscription_item';
  billing_thresholds: null;
  created: number;
  current_period_end: number;
  current_period_start: number;
  discounts: string[];
  metadata: Metadata;
  plan: Record<string, unknown>;
  price: PriceObject;
  quantity: number;
  subscription: string;
  tax_rates: unknown[];
}

export interface SubscriptionObject {
  id: string;
  object: 'subscription';
  created: number;
  customer: string;
  status: SubscriptionStatus;
  latest_invoice: string | null;
  livemode: boolean;
  metadata: Metadata;
  items: {object: 'list'; data: SubscriptionItem[]; has_more: boolean; url: string};
  [field: string]: unknown;
}

export const SUBSCRIPTION_FILTERS: readonly FilterSpec[] = [
  {param: 'customer', kind: 'string'},
  {param: 'price', kind: 'string'},
  // A subscription item's plan is its price here (the plan object carries the price's id).
  {param: 'plan', kind: 'string', condition: (value) => (value === null ? [] : [{column: 'price', op: '=', value}])},
  // Every seeded subscription charges automatically.
  {
    param: 'collection_method',
    kind: ['charge_automatically', 'send_invoice'],
    condition: (value) => (value === 'send_invoice' ? [NOTHING] : []),
  },
  unsetField('customer_account'),
  unsetField('test_clock'),
  {
    param: 'status',
    kind: [...STATUSES, 'all', 'ended'],
    condition: (value) => {
      if (value === 'all') return [];
      if (value === 'ended') return [{column: 'status', op: 'IN', values: ['canceled', 'incomplete_expired']}];
      if (value === null) return [{column: 'status', op: 'NOT IN', values: ['canceled']}];
      return [{column: 'status', op: '=', value}];
    },
  },
];

export class Subscriptions extends Resource<SubscriptionObject> {
  constructor(db: Database.Database, write: Write, now: () => number) {
    super(
      db,
      // One item per subscription here; the filter matches any item's price on Stripe.
      tableSpecOf('subscription', {price: (s) => (s as unknown as SubscriptionObject).items.data[0]?.price.id ?? null}),
      write,
      now,
    );
  }
}
