/**
 * Payment intents (`/v1/payment_intents`): retrieve, list with the
 * `customer=` filter, and metadata updates. They come from the seed (seed.ts):
 * a succeeded one has its charge (`latest_charge`); creating and confirming
 * them is not served yet.
 */
import type Database from 'better-sqlite3';
import {unsetField, type FilterSpec, type Metadata} from './params';
import {inStripeOrder, Resource, type Write} from './resource';
import {tableSpecOf} from './table';

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
  latest_charge: string | null;
  livemode: boolean;
  managed_payments: null;
  metadata: Metadata;
  next_action: null;
  on_behalf_of: null;
  payment_method: string | null;
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

/**
 * A card payment intent in the given state, with Stripe's defaults for the
 * rest: what was received, when and why it was canceled, and whether it holds
 * a payment method follow from the status. `secret` is the random part of its
 * client secret. Keys in Stripe's order; given fields win.
 */
export function paymentIntentObject(
  fields: Pick<PaymentIntentObject, 'id' | 'livemode' | 'created' | 'amount' | 'currency' | 'status'> & Partial<PaymentIntentObject> & {secret: string; card: string; now: number},
): PaymentIntentObject {
  const {secret, card, now, ...given} = fields;
  const {status, created, amount} = given;
  return inStripeOrder<PaymentIntentObject>(
    {
      id: given.id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_details: {tip: {}},
      amount_received: status === 'succeeded' ? amount : 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: {enabled: true},
      canceled_at: status === 'canceled' ? Math.min(now - 60, created + 3600) : null,
      cancellation_reason: status === 'canceled' ? 'abandoned' : null,
      capture_method: 'automatic',
      client_secret: `${given.id}_secret_${secret}`,
      confirmation_method: 'automatic',
      created,
      currency: given.currency,
      customer: null,
      customer_account: null,
      description: null,
      excluded_payment_method_types: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: given.livemode,
      managed_payments: null,
      metadata: {},
      next_action: null,
      on_behalf_of: null,
      payment_method: status === 'succeeded' || status === 'processing' ? card : null,
      payment_method_configuration_details: null,
      payment_method_options: {},
      payment_method_types: ['card'],
      processing: null,
      receipt_email: null,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status,
      transfer_data: null,
      transfer_group: null,
},
    given,
  );
}

export const PAYMENT_INTENT_FILTERS: readonly FilterSpec[] = [{param: 'customer', kind: 'string'}, unsetField('customer_account')];

export class PaymentIntents extends Resource<PaymentIntentObject> {
  constructor(db: Database.Database, write: Write, now: () => number) {
    super(db, tableSpecOf('payment_intent'), write, now);
  }
}
