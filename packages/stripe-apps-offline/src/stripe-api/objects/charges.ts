/**
 * Charges (`/v1/charges`): retrieve, list (`customer`, `payment_intent`) and
 * metadata updates. The seed gives every succeeded payment intent its charge
 * (the intent's `latest_charge`), each with a balance transaction.
 */
import type Database from 'better-sqlite3';
import {unsetField, type FilterSpec, type Metadata} from './params';
import {Resource, type Write} from './resource';
import {tableSpecOf} from './table';

export interface ChargeObject {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  balance_transaction: string | null;
  created: number;
  currency: string;
  customer: string | null;
  livemode: boolean;
  metadata: Metadata;
  payment_intent: string | null;
  refunded: boolean;
  refunds: {object: 'list'; data: unknown[]; has_more: boolean; url: string};
  [field: string]: unknown;
}

export const CHARGE_FILTERS: readonly FilterSpec[] = [
  {param: 'customer', kind: 'string'},
  {param: 'payment_intent', kind: 'string'},
  unsetField('transfer_group'),
];

export class Charges extends Resource<ChargeObject> {
  constructor(db: Database.Database, write: Write, now: () => number) {
    super(db, tableSpecOf('charge'), write, now);
  }
}
