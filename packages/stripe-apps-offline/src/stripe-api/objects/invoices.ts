/**
 * Invoices (`/v1/invoices`): retrieve, list (`customer`, `subscription`,
 * `status`, `collection_method`) and metadata updates; from the seed. A paid
 * invoice's payment intent is kept as `_payment_intent` (never answered) and
 * shown the way Stripe's current API shows it: `expand[]=payments` lists the
 * invoice's payments, each naming its payment intent.
 */
import type Database from 'better-sqlite3';
import {unsetField, type FilterSpec, type Metadata} from './params';
import {Resource, type Write} from './resource';
import {tableSpecOf} from './table';

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';

export interface InvoiceObject {
  id: string;
  object: 'invoice';
  amount_due: number;
  amount_paid: number;
  created: number;
  currency: string;
  customer: string;
  livemode: boolean;
  metadata: Metadata;
  status: InvoiceStatus;
  subscription: string | null;
  /** The store's own link to the payment intent that paid it (expand.ts builds `payments` from it). */
  _payment_intent: string | null;
  [field: string]: unknown;
}

export const INVOICE_FILTERS: readonly FilterSpec[] = [
  {param: 'customer', kind: 'string'},
  {param: 'subscription', kind: 'string'},
  {param: 'status', kind: ['draft', 'open', 'paid', 'uncollectible', 'void']},
  {param: 'collection_method', kind: ['charge_automatically', 'send_invoice']},
  unsetField('customer_account'),
];

export class Invoices extends Resource<InvoiceObject> {
  constructor(db: Database.Database, write: Write, now: () => number) {
    super(db, tableSpecOf('invoice'), write, now);
  }
}
