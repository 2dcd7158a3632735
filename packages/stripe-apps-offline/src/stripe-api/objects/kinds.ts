/**
 * Every Stripe object type the local API serves, one row each: where it is
 * kept, where it is served, what a UI extension needs to read and write it,
 * and which of its fields `expand[]` can follow. Storage (the tables and their
 * filter columns), the expand graph, the route table and the store's lookup
 * all read this; the object's own module (customers.ts, refunds.ts, …) holds
 * its shape, filters and writes, and registry.ts its class and routes.
 *
 * The order is the order of the tables in a data file's mark (storage.ts).
 * Adding an object type: its module, a row here (last), and its class in
 * registry.ts (the compiler names a row without one). Plain data, importing
 * nothing but the errors, so every module can read it without a cycle.
 *
 * Permissions: Stripe's app permissions have no `price_*` or `refund_*`:
 * prices are under `plan_*`, refunds under `charge_*`, balance transactions
 * under `balance_read`.
 */
import {objectErrors} from './errors';

/** A field holding an id (`refs`), an object in place (`embedded`), a list in place (`lists`), or a list absent unless expanded (`includes`). */
export interface ExpandNode {
  refs?: Record<string, string>;
  embedded?: Record<string, string>;
  lists?: Record<string, string>;
  includes?: Record<string, string>;
}

export interface KindRow {
  /** The SQL table (storage.ts creates it). */
  table: string;
  /** Where it is listed; `/:id` below it retrieves and (with `write`) updates metadata. */
  path: string;
  /** The columns a list filters on besides `created`, each read from the object's field of that name. */
  columns: readonly string[];
  read: string;
  /** The permission of its writes, or null when Stripe has none. */
  write: string | null;
  expand: ExpandNode;
  /** Thrown for an id not in the caller's partition; `param` names where it came from. */
  missing: (id: string, param?: string) => Error;
}

export const KINDS = {
  customer: {table: 'customers', path: '/v1/customers', columns: ['email'], read: 'customer_read', write: 'customer_write', expand: {}, missing: objectErrors.noSuchCustomer},
  payment_intent: {
    table: 'payment_intents',
    path: '/v1/payment_intents',
    columns: ['customer'],
    read: 'payment_intent_read',
    write: 'payment_intent_write',
    expand: {refs: {customer: 'customer', latest_charge: 'charge'}},
    missing: objectErrors.noSuchPaymentIntent,
  },
  product: {table: 'products', path: '/v1/products', columns: ['active'], read: 'product_read', write: 'product_write', expand: {refs: {default_price: 'price'}}, missing: objectErrors.noSuchProduct},
  price: {
    table: 'prices',
    path: '/v1/prices',
    columns: ['active', 'currency', 'product', 'type'],
    read: 'plan_read',
    write: 'plan_write',
    expand: {refs: {product: 'product'}},
    missing: objectErrors.noSuchPrice,
  },
  subscription: {
    table: 'subscriptions',
    path: '/v1/subscriptions',
    columns: ['customer', 'price', 'status'],
    read: 'subscription_read',
    write: 'subscription_write',
    expand: {refs: {customer: 'customer', latest_invoice: 'invoice'}, lists: {items: 'subscription_item'}},
    missing: objectErrors.noSuchSubscription,
  },
  invoice: {
    table: 'invoices',
    path: '/v1/invoices',
    columns: ['customer', 'subscription', 'status', 'collection_method'],
    read: 'invoice_read',
    write: 'invoice_write',
    expand: {refs: {customer: 'customer', subscription: 'subscription'}, includes: {payments: 'invoice_payment'}, lists: {lines: 'line_item'}},
    missing: objectErrors.noSuchInvoice,
  },
  charge: {
    table: 'charges',
    path: '/v1/charges',
    columns: ['customer', 'payment_intent'],
    read: 'charge_read',
    write: 'charge_write',
    expand: {refs: {customer: 'customer', payment_intent: 'payment_intent', balance_transaction: 'balance_transaction'}},
    missing: objectErrors.noSuchCharge,
  },
  refund: {
    table: 'refunds',
    path: '/v1/refunds',
    columns: ['charge', 'payment_intent'],
    read: 'charge_read',
    write: 'charge_write',
    expand: {refs: {charge: 'charge', payment_intent: 'payment_intent', balance_transaction: 'balance_transaction'}},
    missing: objectErrors.noSuchRefund,
  },
  balance_transaction: {
    table: 'balance_transactions',
    path: '/v1/balance_transactions',
    columns: ['type', 'source', 'currency'],
    read: 'balance_read',
    write: null,
    expand: {refs: {source: 'balance_source'}},
    missing: objectErrors.noSuchBalanceTransaction,
  },
} as const satisfies Record<string, KindRow>;

/** An object type the store keeps and serves. */
export type Kind = keyof typeof KINDS;
export type TableName = (typeof KINDS)[Kind]['table'];

export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export function isKind(name: string): name is Kind {
  return Object.prototype.hasOwnProperty.call(KINDS, name);
}
