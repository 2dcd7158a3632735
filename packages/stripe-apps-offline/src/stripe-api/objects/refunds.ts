/**
 * Refunds (`/v1/refunds`): retrieve, list (`charge`, `payment_intent`) and
 * metadata updates; a few seeded, each with its own balance transaction.
 */
import type Database from 'better-sqlite3';
import type {FilterSpec, Metadata} from './params';
import {Resource, type Write} from './resource';
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

export const REFUND_FILTERS: readonly FilterSpec[] = [
  {param: 'charge', kind: 'string'},
  {param: 'payment_intent', kind: 'string'},
];

export class Refunds extends Resource<RefundObject> {
  constructor(db: Database.Database, write: Write, now: () => number) {
    super(db, tableSpecOf('refund'), write, now);
  }
}
