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
import {inStripeOrder, Resource, type Write} from './resource';
import {tableSpecOf} from './table';
import type {Partition} from '../ids';

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

/** A subscription item for one unit of a recurring price; its legacy `plan` mirrors the price. */
export function subscriptionItemObject(fields: {id: string; created: number; price: PriceObject; subscription: string; period: {start: number; end: number}}): SubscriptionItem {
  const {price} = fields;
  const recurring = price.recurring as NonNullable<PriceObject['recurring']>;
  return {
    id: fields.id,
    object: 'subscription_item',
    billing_thresholds: null,
    created: fields.created,
    current_period_end: fields.period.end,
    current_period_start: fields.period.start,
    discounts: [],
    metadata: {},
    plan: {
      id: price.id,
      object: 'plan',
      active: price.active,
      amount: price.unit_amount,
      amount_decimal: price.unit_amount_decimal,
      billing_scheme: 'per_unit',
      created: price.created,
      currency: price.currency,
      interval: recurring.interval,
      interval_count: recurring.interval_count,
      livemode: price.livemode,
      metadata: {},
      meter: null,
      nickname: price.nickname,
      product: price.product,
      tiers_mode: null,
      transform_usage: null,
      trial_period_days: null,
      usage_type: 'licensed',
    },
    price,
    quantity: 1,
    subscription: fields.subscription,
    tax_rates: [],
  };
}

/**
 * A subscription of one item, charged automatically, with Stripe's defaults
 * for the rest. Keys in Stripe's order; given fields win.
 */
export function subscriptionObject(
  fields: Pick<SubscriptionObject, 'id' | 'livemode' | 'created' | 'customer' | 'status' | 'latest_invoice'> & Partial<SubscriptionObject> & {item: SubscriptionItem; currency: string},
): SubscriptionObject {
  const {item, ...given} = fields;
  return inStripeOrder<SubscriptionObject>(
    {
      id: given.id,
      object: 'subscription',
      application: null,
      application_fee_percent: null,
      automatic_tax: {disabled_reason: null, enabled: false, liability: null},
      billing_cycle_anchor: given.created,
      billing_cycle_anchor_config: null,
      billing_mode: {flexible: null, type: 'classic'},
      billing_schedules: [],
      billing_thresholds: null,
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      cancellation_details: {comment: null, feedback: null, reason: null},
      collection_method: 'charge_automatically',
      created: given.created,
      currency: given.currency,
      customer: given.customer,
      customer_account: null,
      days_until_due: null,
      default_payment_method: null,
      default_source: null,
      default_tax_rates: [],
      description: null,
      discounts: [],
      ended_at: null,
      invoice_settings: {account_tax_ids: null, issuer: {type: 'self'}},
      items: {object: 'list', data: [item], has_more: false, url: `/v1/subscription_items?subscription=${given.id}`},
      latest_invoice: given.latest_invoice,
      livemode: given.livemode,
      managed_payments: null,
      metadata: {},
      next_pending_invoice_item_invoice: null,
      on_behalf_of: null,
      pause_collection: null,
      payment_settings: {payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off'},
      pending_invoice_item_interval: null,
      pending_setup_intent: null,
      pending_update: null,
      schedule: null,
      start_date: given.created,
      status: given.status,
      test_clock: null,
      transfer_data: null,
      trial_end: null,
      trial_settings: {end_behavior: {missing_payment_method: 'create_invoice'}},
      trial_start: null,
},
    given,
  );
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
  private readonly byItem: Database.Statement<{account: string; livemode: number; item: string}, string>;

  constructor(db: Database.Database, write: Write, now: () => number) {
    super(
      db,
      // One item per subscription here; the filter matches any item's price on Stripe.
      tableSpecOf('subscription', {price: (s) => (s as unknown as SubscriptionObject).items.data[0]?.price.id ?? null}),
      write,
      now,
    );
    // An item lives inside its subscription (as Stripe lists it there): found by the ids in the kept body.
    this.byItem = db
      .prepare<{account: string; livemode: number; item: string}, string>(
        "SELECT body FROM subscriptions WHERE account = @account AND livemode = @livemode AND EXISTS (SELECT 1 FROM json_each(body, '$.items.data') WHERE json_extract(value, '$.id') = @item)",
      )
      .pluck();
  }

  /** GET /v1/subscription_items/:id: the item of one of this partition's subscriptions, or null. */
  findItem(partition: Partition, id: string): SubscriptionItem | null {
    const body = this.byItem.get({account: partition.account, livemode: partition.livemode ? 1 : 0, item: id});
    return body === undefined ? null : ((JSON.parse(body) as SubscriptionObject).items.data.find((item) => item.id === id) ?? null);
  }
}
