/**
 * Payment intents (`/v1/payment_intents`): retrieve, and list with the
 * `customer=` filter. They come from the seed (seed.ts); creating and
 * confirming them is not served yet.
 */
import type Database from 'better-sqlite3';
import type {Raw} from '../params';
import type {Partition} from '../store';
import {objectErrors} from './errors';
import {parseListParams, type Metadata} from './params';
import {ObjectTable, type ListPage, type PageParams} from './table';

export type PaymentIntentStatus = 'succeeded' | 'requires_payment_method' | 'canceled' | 'processing';

export interface PaymentIntentObject {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_details: {tip: Record<string, never>};
  amount_received: number;
  application: null;
  application_fee_amount: null;
  automatic_payment_methods: {enabled: boolean};
  canceled_at: number | null;
  cancellation_reason: 'abandoned' | null;
  capture_method: 'automatic';
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  customer: string | null;
  customer_account: null;
  description: string | null;
  excluded_payment_method_types: null;
  last_payment_error: null;
  latest_charge: null;
  livemode: boolean;
  managed_payments: null;
  metadata: Metadata;
  next_action: null;
  on_behalf_of: null;
  payment_method: null;
  payment_method_configuration_details: null;
  payment_method_options: Record<string, never>;
  payment_method_types: string[];
  processing: null;
  receipt_email: string | null;
  review: null;
  setup_future_usage: null;
  shipping: null;
  source: null;
  statement_descriptor: null;
  statement_descriptor_suffix: null;
  status: PaymentIntentStatus;
  transfer_data: null;
  transfer_group: null;
}

export function parsePaymentIntentList(params: Raw): PageParams {
  return parseListParams(params, 'customer');
}

export class PaymentIntents {
  private readonly table: ObjectTable<PaymentIntentObject>;

  constructor(db: Database.Database) {
    this.table = new ObjectTable(db, 'payment_intents', 'customer', '/v1/payment_intents', objectErrors.noSuchPaymentIntent);
  }

  retrieve(partition: Partition, id: string): PaymentIntentObject {
    return this.table.get(partition, id);
  }

  list(partition: Partition, params: PageParams): ListPage<PaymentIntentObject> {
    return this.table.list(partition, params);
  }

  /** For the seed; call inside a write transaction. */
  insert(partition: Partition, intent: PaymentIntentObject): void {
    this.table.insert(partition, intent);
  }

  clear(partition: Partition): void {
    this.table.clear(partition);
  }
}
