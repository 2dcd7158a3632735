/**
 * The Stripe objects' rows of the one route table (../routes.ts): each kind's
 * list and retrieve from kinds.ts, the writes of customers, products and
 * prices, and the lists kept inside other objects. Each row names the app
 * permission a UI extension needs for it (the Dashboard's rule); a handler
 * adds the read permission of every object its `expand` fetches.
 */
import {stringParam, type Raw} from '../params';
import type {Partition} from '../ids';
import type {Prepared, Route, RouteContext} from '../routes';
import type {StripeStore, StoredResponse} from '../store';
import {accountObject} from './account';
import {completeShape} from './shapes';
import {parseCustomerCreate, parseCustomerUpdate} from './customers';
import {errors} from '../errors';
import {invoiceOfPayment, invoicePayments, NO_EXPAND, render, renderList, type ExpandPlan, type Lookup, type NodeName} from './expand';
import {KIND_NAMES, KINDS, type Kind} from './kinds';
import {parseListParams, parseMetadataUpdate, parseRetrieve} from './params';
import {parsePriceCreate, parsePriceUpdate} from './prices';
import {parseProductCreate, parseProductUpdate} from './products';
import {listFilters, updatesMetadataOnly} from './registry';
import type {Resource} from './resource';
import {pageOf, parseSublist} from './sublists';
import type {SubscriptionItem} from './subscriptions';

type Handler = (store: StripeStore, partition: Partition, params: Raw, id: string) => Omit<Prepared, 'payload'>;

interface ObjectRoute {
  method: Route['method'];
  path: string;
  /** What a UI extension's app must declare; null when any app may (still only with a permission list given). */
  permission: string | null;
  handler: Handler;
}

/** As a row of the one table; objects never echo a secret, so there is no payload to keep out of a replay record. */
function toRoute({method, path, permission, handler}: ObjectRoute): Route {
  return {
    method,
    path,
    access: {permission},
    handler: ({store, caller}: RouteContext, params, id) => ({...handler(store, caller.partition, params, id), payload: null}),
  };
}

const ok = (body: unknown): StoredResponse => ({status: 200, body});
const lookupIn = (store: StripeStore, partition: Partition): Lookup => (kind, id) => store.findObject(partition, kind, id);

/** Answers one object of `kind`, expanded as planned. */
function one(store: StripeStore, partition: Partition, kind: NodeName, plan: ExpandPlan, get: () => unknown): Omit<Prepared, 'payload'> {
  return {run: () => ok(render(get(), kind, plan, lookupIn(store, partition))), needs: plan.permissions};
}

type Keeper = Pick<Resource<{id: string; created: number}>, 'list' | 'retrieve' | 'updateMetadata'>;

/**
 * What every kind of kinds.ts is served with: its list and retrieve, and, where
 * its writes are only to `metadata` (registry.ts), POST /:id. Kinds with writes
 * of their own add them below.
 */
function kindRoutes(kind: Kind): ObjectRoute[] {
  const {path, read, write} = KINDS[kind];
  const filters = listFilters(kind);
  // Each keeper answers list/retrieve/updateMetadata for its own object type; the route knows only the kind.
  const keeper = (store: StripeStore) => store.objects[kind] as unknown as Keeper;
  const routes: ObjectRoute[] = [
    {
      method: 'GET',
      path,
      permission: read,
      handler: (store, partition, params) => {
        const {query, expand} = parseListParams(params, kind, filters);
        return {run: () => ok(renderList(keeper(store).list(partition, query), kind, expand, lookupIn(store, partition))), needs: expand.permissions};
      },
    },
    {
      method: 'GET',
      path: `${path}/:id`,
      permission: read,
      handler: (store, partition, params, id) => one(store, partition, kind, parseRetrieve(params, kind), () => keeper(store).retrieve(partition, id)),
    },
  ];
  if (write !== null && updatesMetadataOnly(kind)) {
    routes.push({
      method: 'POST',
      path: `${path}/:id`,
      permission: write,
      handler: (store, partition, params, id) => {
        const p = parseMetadataUpdate(params, kind);
        return one(store, partition, kind, p.expand, () => keeper(store).updateMetadata(partition, id, p.metadata));
      },
    });
  }
  return routes;
}

const ROWS: readonly ObjectRoute[] = [
  {
    method: 'GET',
    path: '/v1/account',
    permission: null,
    handler: (_store, partition, params) => {
      parseRetrieve(params, 'customer');
      return {run: () => ok(completeShape(accountObject(partition), 'Account')), needs: []};
    },
  },
  {
    method: 'POST',
    path: '/v1/customers',
    permission: KINDS.customer.write,
    handler: (store, partition, params) => {
      const p = parseCustomerCreate(params);
      return one(store, partition, 'customer', p.expand ?? NO_EXPAND, () => store.objects.customer.create(partition, p));
    },
  },
  {
    method: 'POST',
    path: '/v1/customers/:id',
    permission: KINDS.customer.write,
    handler: (store, partition, params, id) => {
      const p = parseCustomerUpdate(params);
      return one(store, partition, 'customer', p.expand ?? NO_EXPAND, () => store.objects.customer.update(partition, id, p));
    },
  },
  {
    method: 'DELETE',
    path: '/v1/customers/:id',
    permission: KINDS.customer.write,
    handler: (store, partition, params, id) => {
      parseRetrieve(params, 'customer');
      return {run: () => ok(completeShape(store.objects.customer.delete(partition, id), 'DeletedCustomer')), needs: []};
    },
  },
  // Every kind's list and retrieve (and metadata update where that is its only write).
  ...KIND_NAMES.flatMap(kindRoutes),
  // The writes of customers, products and prices.
  {
    method: 'POST',
    path: '/v1/products',
    permission: KINDS.product.write,
    handler: (store, partition, params) => {
      const p = parseProductCreate(params);
      return one(store, partition, 'product', p.expand, () => store.objects.product.create(partition, p));
    },
  },
  {
    method: 'POST',
    path: '/v1/products/:id',
    permission: KINDS.product.write,
    handler: (store, partition, params, id) => {
      const p = parseProductUpdate(params);
      return one(store, partition, 'product', p.expand, () => store.objects.product.update(partition, id, p));
    },
  },
  {
    method: 'POST',
    path: '/v1/prices',
    permission: KINDS.price.write,
    handler: (store, partition, params) => {
      const p = parsePriceCreate(params);
      return one(store, partition, 'price', p.expand, () => store.objects.price.create(partition, p));
    },
  },
  {
    method: 'POST',
    path: '/v1/prices/:id',
    permission: KINDS.price.write,
    handler: (store, partition, params, id) => {
      const p = parsePriceUpdate(params);
      return one(store, partition, 'price', p.expand, () => store.objects.price.update(partition, id, p));
    },
  },
  {
    method: 'GET',
    path: '/v1/invoices/:id/lines',
    permission: KINDS.invoice.read,
    handler: (store, partition, params, id) => {
      const q = parseSublist(params, 'line_item');
      return {
        run: () => {
          const lines = (store.objects.invoice.retrieve(partition, id).lines as {data: {id: string}[]}).data;
          return ok(renderList(pageOf(lines, q, `/v1/invoices/${id}/lines`, 'line_item'), 'line_item', q.expand, lookupIn(store, partition)));
        },
        needs: q.expand.permissions,
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/subscription_items',
    permission: KINDS.subscription.read,
    handler: (store, partition, params) => {
      const q = parseSublist(params, 'subscription_item', ['subscription']);
      const subscription = stringParam(params, 'subscription', true);
      return {
        run: () => {
          const sub = store.objects.subscription.find(partition, subscription);
          if (!sub) throw errors.missingReference('subscription', subscription, 'subscription');
          const items: SubscriptionItem[] = sub.items.data;
          return ok(renderList(pageOf(items, q, '/v1/subscription_items', 'subscription_item'), 'subscription_item', q.expand, lookupIn(store, partition)));
        },
        needs: q.expand.permissions,
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/invoice_payments',
    permission: KINDS.invoice.read,
    handler: (store, partition, params) => {
      const q = parseSublist(params, 'invoice_payment', ['invoice']);
      const invoice = stringParam(params, 'invoice', true);
      return {
        run: () => {
          const found = store.objects.invoice.find(partition, invoice);
          if (!found) throw errors.missingReference('invoice', invoice, 'invoice');
          const payments = invoicePayments(found as unknown as Record<string, unknown>) as unknown as {id: string}[];
          return ok(renderList(pageOf(payments, q, '/v1/invoice_payments', 'invoice_payment'), 'invoice_payment', q.expand, lookupIn(store, partition)));
        },
        needs: q.expand.permissions,
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/invoice_payments/:id',
    permission: KINDS.invoice.read,
    handler: (store, partition, params, id) => {
      const plan = parseRetrieve(params, 'invoice_payment');
      return one(store, partition, 'invoice_payment', plan, () => {
        const invoice = invoiceOfPayment(id);
        const found = invoice === null ? null : store.objects.invoice.find(partition, invoice);
        const payment = found ? invoicePayments(found as unknown as Record<string, unknown>).find((p) => p.id === id) : undefined;
        if (!payment) throw errors.noSuch('invoice_payment', id, 'id');
        return payment;
      });
    },
  },
  {
    method: 'GET',
    path: '/v1/subscription_items/:id',
    permission: KINDS.subscription.read,
    handler: (store, partition, params, id) => {
      const plan = parseRetrieve(params, 'subscription_item');
      return one(store, partition, 'subscription_item', plan, () => {
        const item = store.objects.subscription.findItem(partition, id);
        if (!item) throw errors.noSuch('subscription_item', id, 'id');
        return item;
      });
    },
  },
];

export const OBJECT_ROUTES: readonly Route[] = ROWS.map(toRoute);
