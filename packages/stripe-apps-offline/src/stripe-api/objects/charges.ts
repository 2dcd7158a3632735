/**
 * Charges (`/v1/charges`): retrieve, list (`customer`, `payment_intent`) and
 * metadata updates. The seed gives every succeeded payment intent its charge
 * (the intent's `latest_charge`), each with a balance transaction.
 */
import type Database from 'better-sqlite3';
import {unsetField, type FilterSpec, type Metadata} from './params';
import {inStripeOrder, Resource, type Write} from './resource';
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

/**
 * A captured, succeeded card charge with Stripe's defaults for everything not
 * given (the seed's shape; creating charges is not served). Keys in Stripe's
 * order; given fields win.
 */
export function chargeObject(fields: Pick<ChargeObject, 'id' | 'livemode' | 'created' | 'amount' | 'currency'> & Partial<ChargeObject>): ChargeObject {
  return inStripeOrder<ChargeObject>(
    {
      id: fields.id,
      object: 'charge',
      amount: fields.amount,
      amount_captured: fields.amount,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: null,
      billing_details: {address: {city: null, country: null, line1: null, line2: null, postal_code: null, state: null}, email: null, name: null, phone: null, tax_id: null},
      calculated_statement_descriptor: null,
      captured: true,
      created: fields.created,
      currency: fields.currency,
      customer: null,
      description: null,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
      fraud_details: {},
      livemode: fields.livemode,
      metadata: {},
      on_behalf_of: null,
      outcome: {
        advice_code: null,
        network_advice_code: null,
        network_decline_code: null,
        network_status: 'approved_by_network',
        reason: null,
        risk_level: 'normal',
        seller_message: 'Payment complete.',
        type: 'authorized',
      },
      paid: true,
      payment_intent: null,
      payment_method: null,
      payment_method_details: null,
      receipt_email: null,
      receipt_number: null,
      receipt_url: null,
      refunded: false,
      refunds: {object: 'list', data: [], has_more: false, url: `/v1/charges/${fields.id}/refunds`},
      review: null,
      shipping: null,
      source: null,
      source_transfer: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: 'succeeded',
      transfer_data: null,
      transfer_group: null,
},
    fields,
  );
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
