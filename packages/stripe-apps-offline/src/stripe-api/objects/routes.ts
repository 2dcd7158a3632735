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
import {parseCustomerCreate, parseCustomerUpdate} from './customers';
import {objectErrors} from './errors';
import {NO_EXPAND, render, renderList, type ExpandPlan, type Lookup} from './expand';
import {KIND_NAMES, KINDS, type Kind} from './kinds';
import {parseListParams, parseMetadataUpdate, parseRetrieve} from './params';
import {parsePriceCreate, parsePriceUpdate} from './prices';
import {parseProductCreate, parseProductUpdate} from './products';
import {listFilters, updatesMetadataOnly} from './registry';
import type {Resource} from './resource';
import {pageOf, parseSublist} from './sublists';
import type {SubscriptionItem} from './subscriptions';

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
  const keeper = (store: SecretStore) => store.objects[kind] as unknown as Keeper;
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
      return {run: () => ok(store.objects.customer.delete(partition, id)), needs: []};
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
          if (!sub) throw objectErrors.missingReference('subscription', subscription, 'subscription');
          const items: SubscriptionItem[] = sub.items.data;
          return ok(renderList(pageOf(items, q, '/v1/subscription_items', 'subscription_item'), 'subscription_item', q.expand, lookupIn(store, partition)));
        },
        needs: q.expand.permissions,
      };
    },
  },
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
