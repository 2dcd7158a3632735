/**
 * The route table of the Stripe objects: one entry per path and method, each
 * naming the app permission a UI extension needs for it (the Dashboard's
 * rule). Backend keys are not restricted here: the store has no restricted
 * keys with their own permission lists.
 */
import type {Caller} from '../callers';
import type {Raw} from '../params';
import type {Partition, SecretStore, StoredResponse} from '../store';
import {accountObject} from './account';
import {parseCustomerCreate, parseCustomerList, parseRead, parseCustomerUpdate} from './customers';
import {objectErrors} from './errors';
import {parsePaymentIntentList} from './payment-intents';

type Handler = (store: SecretStore, partition: Partition, params: Raw, id: string) => () => StoredResponse;

interface ObjectRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** `:id` stands for one path segment. */
  path: string;
  /** What a UI extension's app must declare; null when any app may (still only with a permission list given). */
  permission: string | null;
  handler: Handler;
}

const ok = (body: unknown): StoredResponse => ({status: 200, body});

/** Parses first, then hands back the run: the server checks idempotency between the two. */
const ROUTES: readonly ObjectRoute[] = [
  {
    method: 'GET',
    path: '/v1/account',
    permission: null,
    handler: (_store, partition, params) => {
      parseRead(params);
      return () => ok(accountObject(partition));
    },
  },
  {
    method: 'GET',
    path: '/v1/customers',
    permission: 'customer_read',
    handler: (store, partition, params) => {
      const p = parseCustomerList(params);
      return () => ok(store.customers.list(partition, p));
    },
  },
  {
    method: 'POST',
    path: '/v1/customers',
    permission: 'customer_write',
    handler: (store, partition, params) => {
      const p = parseCustomerCreate(params);
      return () => ok(store.customers.create(partition, p));
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id',
    permission: 'customer_read',
    handler: (store, partition, params, id) => {
      parseRead(params);
      return () => ok(store.customers.retrieve(partition, id));
    },
  },
  {
    method: 'POST',
    path: '/v1/customers/:id',
    permission: 'customer_write',
    handler: (store, partition, params, id) => {
      const p = parseCustomerUpdate(params);
      return () => ok(store.customers.update(partition, id, p));
    },
  },
  {
    method: 'DELETE',
    path: '/v1/customers/:id',
    permission: 'customer_write',
    handler: (store, partition, params, id) => {
      parseRead(params);
      return () => ok(store.customers.delete(partition, id));
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents',
    permission: 'payment_intent_read',
    handler: (store, partition, params) => {
      const p = parsePaymentIntentList(params);
      return () => ok(store.paymentIntents.list(partition, p));
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents/:id',
    permission: 'payment_intent_read',
    handler: (store, partition, params, id) => {
      parseRead(params);
      return () => ok(store.paymentIntents.retrieve(partition, id));
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

/**
 * A UI extension reaches an object only with its app's permission; `customer_write`
 * covers reads too, as a write permission does in the Dashboard's permission
 * list. With no permission list (`permissions: null`) the extension door is
 * shut to objects: the store cannot know what the app declared.
 */
export function authorizeObject(caller: Caller, permissions: readonly string[] | null, route: ObjectRoute): void {
  if (caller.door !== 'extension') return;
  if (permissions === null) throw objectErrors.noPermissionList();
  if (route.permission === null) return;
  const account = caller.partition.account;
  const granted =
    permissions.includes(route.permission) ||
    (route.permission.endsWith('_read') && permissions.includes(route.permission.replace(/_read$/, '_write')));
  if (!granted) throw objectErrors.missingPermission(account, route.permission);
}

export function prepareObject(store: SecretStore, caller: Caller, permissions: readonly string[] | null, match: ObjectRouteMatch, params: Raw) {
  authorizeObject(caller, permissions, match.route);
  return match.route.handler(store, caller.partition, params, match.id);
}
