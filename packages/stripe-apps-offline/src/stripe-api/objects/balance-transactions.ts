/**
 * Balance transactions (`/v1/balance_transactions`): retrieve and list
 * (`type`, `source`, `currency`). Stripe has no update for them (and they
 * carry no metadata), so none is served. One per seeded charge and refund.
 */
import type Database from 'better-sqlite3';
import {unsetField, type FilterSpec} from './params';
import {Resource, type Write} from './resource';
import {tableSpecOf} from './table';

export interface BalanceTransactionObject {
  id: string;
  object: 'balance_transaction';
  amount: number;
  available_on: number;
  created: number;
  currency: string;
  fee: number;
  net: number;
  source: string | null;
  status: 'available' | 'pending';
  type: string;
  [field: string]: unknown;
}

export const BALANCE_TRANSACTION_FILTERS: readonly FilterSpec[] = [
  {param: 'type', kind: 'string', max: 100},
  {param: 'source', kind: 'string'},
  {param: 'currency', kind: 'string', max: 3},
  unsetField('payout'),
];

export class BalanceTransactions extends Resource<BalanceTransactionObject> {
  constructor(db: Database.Database, write: Write, now: () => number) {
    super(db, tableSpecOf('balance_transaction'), write, now);
  }
}
