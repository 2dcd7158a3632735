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
 * nothing but the error table, so every module can read it without a cycle.
 *
 * Permissions: Stripe's app permissions have no `price_*` or `refund_*`:
 * prices are under `plan_*`, refunds under `charge_*`, balance transactions
 * under `balance_read`.
 */
import {errors} from '../errors';
import {newId} from '../ids';

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
  /** How an id not in the caller's partition is answered: Stripe's word for the object, and the parameter named unless the caller says where the id came from. */
  missing: {noun: string; param: string};
  /** Its ids: the prefix, then this many letters and digits (ids.ts). */
  id: {prefix: string; length: number};
}

export const KINDS = {
  customer: {table: 'customers', path: '/v1/customers', columns: ['email'], read: 'customer_read', write: 'customer_write', expand: {}, missing: {noun: 'customer', param: 'id'}, id: {prefix: 'cus_', length: 14}},
  payment_intent: {
    table: 'payment_intents',
    path: '/v1/payment_intents',
    columns: ['customer'],
    read: 'payment_intent_read',
    write: 'payment_intent_write',
    expand: {refs: {customer: 'customer', latest_charge: 'charge'}},
    missing: {noun: 'payment_intent', param: 'intent'}, id: {prefix: 'pi_', length: 24},
  },
  product: {table: 'products', path: '/v1/products', columns: ['active'], read: 'product_read', write: 'product_write', expand: {refs: {default_price: 'price'}}, missing: {noun: 'product', param: 'id'}, id: {prefix: 'prod_', length: 14}},
  price: {
    table: 'prices',
    path: '/v1/prices',
    columns: ['active', 'currency', 'product', 'type'],
    read: 'plan_read',
    write: 'plan_write',
    expand: {refs: {product: 'product'}},
    missing: {noun: 'price', param: 'price'}, id: {prefix: 'price_', length: 24},
  },
  subscription: {
    table: 'subscriptions',
    path: '/v1/subscriptions',
    columns: ['customer', 'price', 'status'],
    read: 'subscription_read',
    write: 'subscription_write',
    expand: {refs: {customer: 'customer', latest_invoice: 'invoice'}, lists: {items: 'subscription_item'}},
    missing: {noun: 'subscription', param: 'subscription_exposed_id'}, id: {prefix: 'sub_', length: 24},
  },
  invoice: {
    table: 'invoices',
    path: '/v1/invoices',
    columns: ['customer', 'subscription', 'status', 'collection_method'],
    read: 'invoice_read',
    write: 'invoice_write',
    expand: {refs: {customer: 'customer'}, embedded: {parent: 'invoice_parent'}, includes: {payments: 'invoice_payment'}, lists: {lines: 'line_item'}},
    missing: {noun: 'invoice', param: 'invoice'}, id: {prefix: 'in_', length: 24},
  },
  charge: {
    table: 'charges',
    path: '/v1/charges',
    columns: ['customer', 'payment_intent'],
    read: 'charge_read',
    write: 'charge_write',
    expand: {refs: {customer: 'customer', payment_intent: 'payment_intent', balance_transaction: 'balance_transaction'}},
    missing: {noun: 'charge', param: 'charge'}, id: {prefix: 'ch_', length: 24},
  },
  refund: {
    table: 'refunds',
    path: '/v1/refunds',
    columns: ['charge', 'payment_intent'],
    read: 'charge_read',
    write: 'charge_write',
    expand: {refs: {charge: 'charge', payment_intent: 'payment_intent', balance_transaction: 'balance_transaction'}},
    missing: {noun: 'refund', param: 'refund'}, id: {prefix: 're_', length: 24},
  },
  balance_transaction: {
    table: 'balance_transactions',
    path: '/v1/balance_transactions',
    columns: ['type', 'source', 'currency'],
    read: 'balance_read',
    write: null,
    expand: {refs: {source: 'balance_source'}},
    missing: {noun: 'balance transaction', param: 'id'}, id: {prefix: 'txn_', length: 24},
  },
} as const satisfies Record<string, KindRow>;

/** An object type the store keeps and serves. */
export type Kind = keyof typeof KINDS;
export type TableName = (typeof KINDS)[Kind]['table'];

export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export function isKind(name: string): name is Kind {
  return Object.prototype.hasOwnProperty.call(KINDS, name);
}

/** The 404 for an id of `kind` that the caller's account and mode do not hold; `param` where the id came from. */
export function missingObject(kind: Kind, id: string, param?: string): Error {
  const {noun, param: byDefault} = KINDS[kind].missing;
  return errors.noSuch(noun, id, param ?? byDefault);
}

/** A fresh id for an object of `kind`, shaped as Stripe shapes that kind's ids. */
export function newObjectId(kind: Kind): string {
  const {prefix, length} = KINDS[kind].id;
  return newId(prefix, length);
}
