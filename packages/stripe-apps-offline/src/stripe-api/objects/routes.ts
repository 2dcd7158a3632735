/**
 * The route table of the Stripe objects: one entry per path and method, each
 * naming the app permission a UI extension needs for it (the Dashboard's
 * rule), plus the read permission of every object an `expand` fetches.
 * Backend keys are not restricted here: the store has no restricted keys with
 * their own permission lists.
 */
import type {Caller} from '../callers';
import {stringParam, type Raw} from '../params';
import type {Partition, SecretStore, StoredResponse} from '../store';
import {accountObject} from './account';
import {BALANCE_TRANSACTION_FILTERS} from './balance-transactions';
import {CHARGE_FILTERS} from './charges';
import {CUSTOMER_FILTERS, parseCustomerCreate, parseCustomerUpdate} from './customers';
import {objectErrors} from './errors';
import {NO_EXPAND, READ_PERMISSION, render, renderList, type ExpandPlan, type Kind, type Lookup} from './expand';
import {INVOICE_FILTERS} from './invoices';
import {parseListParams, parseMetadataUpdate, parseRetrieve, type FilterSpec} from './params';
import {PAYMENT_INTENT_FILTERS} from './payment-intents';
import {parsePriceCreate, parsePriceUpdate, PRICE_FILTERS} from './prices';
import {parseProductCreate, parseProductUpdate, PRODUCT_FILTERS} from './products';
import {REFUND_FILTERS} from './refunds';
import type {Resource} from './resource';
import {pageOf, parseSublist} from './sublists';
import {SUBSCRIPTION_FILTERS, type SubscriptionItem} from './subscriptions';

/** A parsed request: what runs once authorised (the server checks idempotency in between), and the expand permissions it needs. */
interface Prepared {
  run: () => StoredResponse;
  needs: readonly string[];
}

type Handler = (store: SecretStore, partition: Partition, params: Raw, id: string) => Prepared;

interface ObjectRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** `:id` stands for one path segment. */
  path: string;
  /** What a UI extension's app must declare; null when any app may (still only with a permission list given). */
  permission: string | null;
  handler: Handler;
}

const ok = (body: unknown): StoredResponse => ({status: 200, body});
const lookupIn = (store: SecretStore, partition: Partition): Lookup => (kind, id) => store.findObject(partition, kind, id);

/** Answers one object of `kind`, expanded as planned. */
function one(store: SecretStore, partition: Partition, kind: Kind, plan: ExpandPlan, get: () => unknown): Prepared {
  return {run: () => ok(render(get(), kind, plan, lookupIn(store, partition))), needs: plan.permissions};
}

interface ResourceRoutes {
  path: string;
  kind: Kind;
  filters: readonly FilterSpec[];
  resource: (store: SecretStore) => Pick<Resource<{id: string; created: number}>, 'list' | 'retrieve' | 'updateMetadata'>;
  read: string;
  /** The permission of a metadata update, or null when Stripe has no update (balance transactions). */
  write: string | null;
}

/** Retrieve, list and (where Stripe has one) the metadata update of a resource the store only reads otherwise. */
function readRoutes(spec: ResourceRoutes): ObjectRoute[] {
  const routes: ObjectRoute[] = [
    {
      method: 'GET',
      path: spec.path,
      permission: spec.read,
      handler: (store, partition, params) => {
        const {query, expand} = parseListParams(params, spec.kind, spec.filters);
        return {
          run: () => ok(renderList(spec.resource(store).list(partition, query), spec.kind, expand, lookupIn(store, partition))),
          needs: expand.permissions,
        };
      },
    },
    {
      method: 'GET',
      path: `${spec.path}/:id`,
      permission: spec.read,
      handler: (store, partition, params, id) => one(store, partition, spec.kind, parseRetrieve(params, spec.kind), () => spec.resource(store).retrieve(partition, id)),
    },
  ];
  if (spec.write !== null) {
    routes.push({
      method: 'POST',
      path: `${spec.path}/:id`,
      permission: spec.write,
      handler: (store, partition, params, id) => {
        const p = parseMetadataUpdate(params, spec.kind);
        return one(store, partition, spec.kind, p.expand, () => spec.resource(store).updateMetadata(partition, id, p.metadata));
      },
    });
  }
  return routes;
}

const ROUTES: readonly ObjectRoute[] = [
  {
    method: 'GET',
    path: '/v1/account',
    permission: null,
    handler: (_store, partition, params) => {
      parseRetrieve(params, 'customer');
      return {run: () => ok(accountObject(partition)), needs: []};
    },
  },
  {
    method: 'GET',
    path: '/v1/customers',
    permission: 'customer_read',
    handler: (store, partition, params) => {
      const {query, expand} = parseListParams(params, 'customer', CUSTOMER_FILTERS);
      return {run: () => ok(renderList(store.customers.list(partition, query), 'customer', expand, lookupIn(store, partition))), needs: expand.permissions};
    },
  },
  {
    method: 'POST',
    path: '/v1/customers',
    permission: 'customer_write',
    handler: (store, partition, params) => {
      const p = parseCustomerCreate(params);
      return one(store, partition, 'customer', p.expand ?? NO_EXPAND, () => store.customers.create(partition, p));
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id',
    permission: 'customer_read',
    handler: (store, partition, params, id) => one(store, partition, 'customer', parseRetrieve(params, 'customer'), () => store.customers.retrieve(partition, id)),
  },
  {
    method: 'POST',
    path: '/v1/customers/:id',
    permission: 'customer_write',
    handler: (store, partition, params, id) => {
      const p = parseCustomerUpdate(params);
      return one(store, partition, 'customer', p.expand ?? NO_EXPAND, () => store.customers.update(partition, id, p));
    },
  },
  {
    method: 'DELETE',
    path: '/v1/customers/:id',
    permission: 'customer_write',
    handler: (store, partition, params, id) => {
      parseRetrieve(params, 'customer');
      return {run: () => ok(store.customers.delete(partition, id)), needs: []};
    },
  },
  ...readRoutes({
    path: '/v1/payment_intents',
    kind: 'payment_intent',
    filters: PAYMENT_INTENT_FILTERS,
    resource: (s) => s.paymentIntents,
    read: 'payment_intent_read',
    write: 'payment_intent_write',
  }),
  // Products and prices are read like the rest; their creates and updates follow.
  ...readRoutes({path: '/v1/products', kind: 'product', filters: PRODUCT_FILTERS, resource: (s) => s.products, read: 'product_read', write: null}),
  {
    method: 'POST',
    path: '/v1/products',
    permission: 'product_write',
    handler: (store, partition, params) => {
      const p = parseProductCreate(params);
      return one(store, partition, 'product', p.expand, () => store.products.create(partition, p));
    },
  },
  {
    method: 'POST',
    path: '/v1/products/:id',
    permission: 'product_write',
    handler: (store, partition, params, id) => {
      const p = parseProductUpdate(params);
      return one(store, partition, 'product', p.expand, () => store.products.update(partition, id, p));
    },
  },
  ...readRoutes({path: '/v1/prices', kind: 'price', filters: PRICE_FILTERS, resource: (s) => s.prices, read: 'plan_read', write: null}),
  {
    method: 'POST',
    path: '/v1/prices',
    permission: 'plan_write',
    handler: (store, partition, params) => {
      const p = parsePriceCreate(params);
      return one(store, partition, 'price', p.expand, () => store.prices.create(partition, p));
    },
  },
  {
    method: 'POST',
    path: '/v1/prices/:id',
    permission: 'plan_write',
    handler: (store, partition, params, id) => {
      const p = parsePriceUpdate(params);
      return one(store, partition, 'price', p.expand, () => store.prices.update(partition, id, p));
    },
  },
  ...readRoutes({
    path: '/v1/subscriptions',
    kind: 'subscription',
    filters: SUBSCRIPTION_FILTERS,
    resource: (s) => s.subscriptions,
    read: 'subscription_read',
    write: 'subscription_write',
  }),
  {
    method: 'GET',
    path: '/v1/invoices/:id/lines',
    permission: 'invoice_read',
    handler: (store, partition, params, id) => {
      const q = parseSublist(params, 'line_item');
      return {
        run: () => {
          const lines = (store.invoices.retrieve(partition, id).lines as {data: {id: string}[]}).data;
          return ok(renderList(pageOf(lines, q, `/v1/invoices/${id}/lines`, 'line_item'), 'line_item', q.expand, lookupIn(store, partition)));
        },
        needs: q.expand.permissions,
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/subscription_items',
    permission: 'subscription_read',
    handler: (store, partition, params) => {
      const q = parseSublist(params, 'subscription_item', ['subscription']);
      const subscription = stringParam(params, 'subscription', true);
      return {
        run: () => {
          const sub = store.subscriptions.find(partition, subscription);
          if (!sub) throw objectErrors.missingReference('subscription', subscription, 'subscription');
          const items: SubscriptionItem[] = sub.items.data;
          return ok(renderList(pageOf(items, q, '/v1/subscription_items', 'subscription_item'), 'subscription_item', q.expand, lookupIn(store, partition)));
        },
        needs: q.expand.permissions,
      };
    },
  },
  ...readRoutes({path: '/v1/invoices', kind: 'invoice', filters: INVOICE_FILTERS, resource: (s) => s.invoices, read: 'invoice_read', write: 'invoice_write'}),
  ...readRoutes({path: '/v1/charges', kind: 'charge', filters: CHARGE_FILTERS, resource: (s) => s.charges, read: 'charge_read', write: 'charge_write'}),
  // Stripe's app permissions have no refund_*: refunds are read and written under charge_*.
  ...readRoutes({path: '/v1/refunds', kind: 'refund', filters: REFUND_FILTERS, resource: (s) => s.refunds, read: 'charge_read', write: 'charge_write'}),
  ...readRoutes({
    path: '/v1/balance_transactions',
    kind: 'balance_transaction',
    filters: BALANCE_TRANSACTION_FILTERS,
    resource: (s) => s.balanceTransactions,
    read: READ_PERMISSION.balance_transaction,
    write: null,
  }),
];

export interface ObjectRouteMatch {
  route: ObjectRoute;
  id: string;
}

/** The route for a method and path, or null (the server then answers Stripe's "Unrecognized request URL"). */
export function matchObjectRoute(method: string, path: string): ObjectRouteMatch | null {
  const segments = path.split('/');
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    let id = '';
    const matches = pattern.every((part, i) => {
      if (part !== ':id') return part === segments[i];
      if (segments[i] === '') return false;
      try {
        id = decodeURIComponent(segments[i]);
      } catch {
        return false;
      }
      return true;
    });
    if (matches) return {route, id};
  }
  return null;
}

/** Whether an app's permission list grants `permission`; a `_write` grants its `_read`, as in the Dashboard's permission list. */
function grants(permissions: readonly string[], permission: string): boolean {
  return permissions.includes(permission) || (permission.endsWith('_read') && permissions.includes(permission.replace(/_read$/, '_write')));
}

/**
 * A UI extension reaches an object only with its app's permission. With no
 * permission list (`permissions: null`) the extension door is shut to
 * objects: the store cannot know what the app declared.
 */
export function authorizeObject(caller: Caller, permissions: readonly string[] | null, permission: string | null): void {
  if (caller.door !== 'extension') return;
  if (permissions === null) throw objectErrors.noPermissionList();
  if (permission === null) return;
  if (!grants(permissions, permission)) throw objectErrors.missingPermission(caller.partition.account, permission);
}

export function prepareObject(store: SecretStore, caller: Caller, permissions: readonly string[] | null, match: ObjectRouteMatch, params: Raw) {
  authorizeObject(caller, permissions, match.route.permission);
  const prepared = match.route.handler(store, caller.partition, params, match.id);
  for (const need of prepared.needs) authorizeObject(caller, permissions, need);
  return prepared.run;
}
