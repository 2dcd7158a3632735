/**
 * The class that keeps each object kind of kinds.ts, and the filters its list
 * takes: the store makes one of each (createObjects), the route table serves
 * each kind's list and retrieve from here. `metadataUpdate`: POST /:id updates
 * only `metadata` (kinds with writes of their own add their routes in routes.ts).
 * A kind in kinds.ts without an entry here does not compile.
 */
import type Database from 'better-sqlite3';
import {BalanceTransactions, BALANCE_TRANSACTION_FILTERS} from './balance-transactions';
import {Charges, CHARGE_FILTERS} from './charges';
import {Customers, CUSTOMER_FILTERS} from './customers';
import {Invoices, INVOICE_FILTERS} from './invoices';
import {KIND_NAMES, type Kind} from './kinds';
import type {FilterSpec} from './params';
import {PaymentIntents, PAYMENT_INTENT_FILTERS} from './payment-intents';
import {Prices, PRICE_FILTERS} from './prices';
import {Products, PRODUCT_FILTERS} from './products';
import {Refunds, REFUND_FILTERS} from './refunds';
import type {Write} from './resource';
import {Subscriptions, SUBSCRIPTION_FILTERS} from './subscriptions';

export interface ResourceContext {
  db: Database.Database;
  write: Write;
  now: () => number;
  /** The kinds made so far, in kinds.ts's order (prices need products). */
  made: Partial<Record<Kind, unknown>>;
}

const RESOURCES = {
  customer: {create: (c: ResourceContext) => new Customers(c.db, c.write, c.now), filters: CUSTOMER_FILTERS, metadataUpdate: false},
  payment_intent: {create: (c: ResourceContext) => new PaymentIntents(c.db, c.write, c.now), filters: PAYMENT_INTENT_FILTERS, metadataUpdate: true},
  product: {create: (c: ResourceContext) => new Products(c.db, c.write, c.now), filters: PRODUCT_FILTERS, metadataUpdate: false},
  price: {create: (c: ResourceContext) => new Prices(c.db, c.write, c.now, c.made.product as Products), filters: PRICE_FILTERS, metadataUpdate: false},
  subscription: {create: (c: ResourceContext) => new Subscriptions(c.db, c.write, c.now), filters: SUBSCRIPTION_FILTERS, metadataUpdate: true},
  invoice: {create: (c: ResourceContext) => new Invoices(c.db, c.write, c.now), filters: INVOICE_FILTERS, metadataUpdate: true},
  charge: {create: (c: ResourceContext) => new Charges(c.db, c.write, c.now), filters: CHARGE_FILTERS, metadataUpdate: true},
  refund: {create: (c: ResourceContext) => new Refunds(c.db, c.write, c.now), filters: REFUND_FILTERS, metadataUpdate: true},
  balance_transaction: {create: (c: ResourceContext) => new BalanceTransactions(c.db, c.write, c.now), filters: BALANCE_TRANSACTION_FILTERS, metadataUpdate: false},
} satisfies Record<Kind, {create: (c: ResourceContext) => unknown; filters: readonly FilterSpec[]; metadataUpdate: boolean}>;

/** Each kind's keeper, by kind: `store.objects.customer`, `store.objects.price`, … */
export type Objects = {[K in Kind]: ReturnType<(typeof RESOURCES)[K]['create']>};

export function createObjects(context: Omit<ResourceContext, 'made'>): Objects {
  const made: Partial<Record<Kind, unknown>> = {};
  for (const kind of KIND_NAMES) made[kind] = RESOURCES[kind].create({...context, made});
  return made as Objects;
}

export function listFilters(kind: Kind): readonly FilterSpec[] {
  return RESOURCES[kind].filters;
}

export function updatesMetadataOnly(kind: Kind): boolean {
  return RESOURCES[kind].metadataUpdate;
}
