/**
 * Invoices (`/v1/invoices`): retrieve, list (`customer`, `subscription`,
 * `status`, `collection_method`) and metadata updates; from the seed. A paid
 * invoice's payment intent is kept as `_payment_intent` (never answered) and
 * shown the way Stripe's current API shows it: `expand[]=payments` lists the
 * invoice's payments, each naming its payment intent.
 */
import type Database from 'better-sqlite3';
import {unsetField, type FilterSpec, type Metadata} from './params';
import {inStripeOrder, Resource, type Write} from './resource';
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
  /** What the invoice is for: a subscription's, in the current API, as parent.subscription_details.subscription (no top-level field). */
  parent: {quote_details: null; subscription_details: {metadata: Metadata; subscription: string} | null; type: 'subscription_details'} | null;
  /** The store's own link to the payment intent that paid it (expand.ts builds `payments` from it). */
  _payment_intent: string | null;
  [field: string]: unknown;
}

/**
 * A finalized invoice for one amount (no tax, no discount), paid or still
 * open, with Stripe's defaults for the rest: its amounts follow from the
 * amount and the status. Keys in Stripe's order; given fields win.
 */
export function invoiceObject(
  fields: Pick<InvoiceObject, 'id' | 'livemode' | 'created' | 'customer' | 'currency' | '_payment_intent'> &
    Partial<InvoiceObject> & {amount: number; status: 'open' | 'paid'; finalizedAt: number; paidAt: number | null; lines: unknown[]},
): InvoiceObject {
  const {amount, status, finalizedAt, paidAt, lines, ...given} = fields;
  const open = status === 'open';
  return inStripeOrder<InvoiceObject>(
    {
      id: given.id,
      object: 'invoice',
      account_country: 'US',
      account_name: null,
      account_tax_ids: null,
      amount_due: amount,
      amount_overpaid: 0,
      amount_paid: open ? 0 : amount,
      amount_remaining: open ? amount : 0,
      amount_shipping: 0,
      application: null,
      attempt_count: 0,
      attempted: amount > 0,
      auto_advance: open,
      automatic_tax: {disabled_reason: null, enabled: false, liability: null, provider: null, status: null},
      automatically_finalizes_at: null,
      billing_reason: 'manual',
      collection_method: 'charge_automatically',
      created: given.created,
      currency: given.currency,
      custom_fields: null,
      customer: given.customer,
      customer_account: null,
      customer_address: null,
      customer_email: null,
      customer_name: null,
      customer_phone: null,
      customer_shipping: null,
      customer_tax_exempt: 'none',
      customer_tax_ids: [],
      default_payment_method: null,
      default_source: null,
      default_tax_rates: [],
      description: null,
      discounts: [],
      due_date: null,
      effective_at: finalizedAt,
      ending_balance: 0,
      footer: null,
      from_invoice: null,
      hosted_invoice_url: null,
      invoice_pdf: null,
      issuer: {type: 'self'},
      last_finalization_error: null,
      latest_revision: null,
      lines: {object: 'list', data: lines, has_more: false, url: `/v1/invoices/${given.id}/lines`},
      livemode: given.livemode,
      metadata: {},
      next_payment_attempt: null,
      number: null,
      on_behalf_of: null,
      parent: null,
      payment_settings: {default_mandate: null, payment_method_options: null, payment_method_types: null},
      period_end: given.created,
      period_start: given.created,
      post_payment_credit_notes_amount: 0,
      pre_payment_credit_notes_amount: 0,
      receipt_number: null,
      rendering: null,
      shipping_cost: null,
      shipping_details: null,
      starting_balance: 0,
      statement_descriptor: null,
      status,
      status_transitions: {finalized_at: finalizedAt, marked_uncollectible_at: null, paid_at: paidAt, voided_at: null},
      subtotal: amount,
      subtotal_excluding_tax: amount,
      test_clock: null,
      total: amount,
      total_discount_amounts: [],
      total_excluding_tax: amount,
      total_pretax_credit_amounts: [],
      total_taxes: [],
      webhooks_delivered_at: finalizedAt,
      _payment_intent: given._payment_intent,
},
    given,
  );
}

/** An invoice's line for one unit of a subscription item's price over one period. */
export function subscriptionLineItem(fields: {
  id: string;
  invoice: string;
  livemode: boolean;
  amount: number;
  currency: string;
  description: string;
  period: {start: number; end: number};
  price: string;
  product: string;
  subscription: string;
  subscriptionItem: string;
}) {
  return {
    id: fields.id,
    object: 'line_item',
    amount: fields.amount,
    currency: fields.currency,
    description: fields.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: fields.invoice,
    livemode: fields.livemode,
    metadata: {},
    parent: {
      invoice_item_details: null,
      subscription_item_details: {invoice_item: null, proration: false, proration_details: {credited_items: null}, subscription: fields.subscription, subscription_item: fields.subscriptionItem},
      type: 'subscription_item_details',
    },
    period: {end: fields.period.end, start: fields.period.start},
    pretax_credit_amounts: [],
    pricing: {price_details: {price: fields.price, product: fields.product}, type: 'price_details', unit_amount_decimal: String(fields.amount)},
    quantity: 1,
    quantity_decimal: '1',
    subscription: fields.subscription,
    subtotal: fields.amount,
    taxes: [],
  };
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
    // The subscription filter reads where the current API keeps it.
    super(db, tableSpecOf('invoice', {subscription: (o) => (o as unknown as InvoiceObject).parent?.subscription_details?.subscription ?? null}), write, now);
  }
}
