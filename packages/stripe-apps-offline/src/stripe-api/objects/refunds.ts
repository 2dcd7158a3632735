/**
 * Refunds (`/v1/refunds`): retrieve, list (`charge`, `payment_intent`) and
 * metadata updates; a few seeded, each with its own balance transaction.
 */
import type Database from 'better-sqlite3';
import type {FilterSpec, Metadata} from './params';
import {inStripeOrder, Resource, type Write} from './resource';
import {tableSpecOf} from './table';

export interface RefundObject {
  id: string;
  object: 'refund';
  amount: number;
  balance_transaction: string | null;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string | null;
  status: 'succeeded' | 'pending' | 'failed' | 'canceled';
  [field: string]: unknown;
}

/** A succeeded refund with Stripe's defaults for everything not given. Keys in Stripe's order; given fields win. */
export function refundObject(fields: Pick<RefundObject, 'id' | 'created' | 'amount' | 'currency' | 'charge'> & Partial<RefundObject>): RefundObject {
  return inStripeOrder<RefundObject>(
    {
      id: fields.id,
      object: 'refund',
      amount: fields.amount,
      balance_transaction: null,
      charge: fields.charge,
      created: fields.created,
      currency: fields.currency,
      customer: null,
      customer_account: null,
      destination_details: null,
      metadata: {},
      payment_intent: null,
      payment_method: null,
      reason: null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
},
    fields,
  );
}

export const REFUND_FILTERS: readonly FilterSpec[] = [
  {param: 'charge', kind: 'string'},
  {param: 'payment_intent', kind: 'string'},
];

export class Refunds extends Resource<RefundObject> {
  constructor(db: Database.Database, write: Write, now: () => number) {
    super(db, tableSpecOf('refund'), write, now);
  }
}
