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

/**
 * A balance transaction for a charge or a refund: its net, its fee line and
 * its reporting category follow from the amount, fee and type given, and it
 * is available two days after it was created, as a card payment in the US is.
 */
export function balanceTransactionObject(
  fields: Pick<BalanceTransactionObject, 'id' | 'created' | 'amount' | 'fee' | 'currency' | 'source'> & {type: 'charge' | 'refund'; description: string | null},
  now: number,
): BalanceTransactionObject {
  const availableOn = fields.created + 2 * 24 * 3600;
  return {
    id: fields.id,
    object: 'balance_transaction',
    amount: fields.amount,
    available_on: availableOn,
    balance_type: 'payments',
    created: fields.created,
    currency: fields.currency,
    description: fields.description,
    exchange_rate: null,
    fee: fields.fee,
    fee_details: fields.fee > 0 ? [{amount: fields.fee, application: null, currency: fields.currency, description: 'Stripe processing fees', type: 'stripe_fee'}] : [],
    net: fields.amount - fields.fee,
    reporting_category: fields.type,
    source: fields.source,
    status: availableOn <= now ? 'available' : 'pending',
    type: fields.type,
  };
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
