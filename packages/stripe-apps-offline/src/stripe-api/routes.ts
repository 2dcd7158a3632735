/**
 * The one route table of the local Stripe API: every path and method it
 * answers, the Secret Store's (secrets/routes.ts) and the Stripe objects'
 * (objects/routes.ts), each with who may call it. A request is parsed and
 * authorised by its row's handler without running it (`Prepared.run`), so the
 * server checks an idempotency key in between and a replay never skips the
 * access check.
 */
import type {Caller} from './callers';
import {errors} from './errors';
import {OBJECT_ROUTES} from './objects/routes';
import type {Raw} from './params';
import {SECRET_ROUTES} from './secrets/routes';
import type {StripeStore, StoredResponse} from './store';

export interface Prepared {
  run: () => StoredResponse;
  /** The read permissions of what an `expand` fetches, checked like the route's own. */
  needs: readonly string[];
  /** A secret value the answer echoes (an expanded set), which the idempotency record must not keep; null otherwise. */
  payload: string | null;
}

export interface RouteContext {
  store: StripeStore;
  caller: Caller;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** `:id` stands for one path segment. */
  path: string;
  /**
   * `scope`: authorised by the secret scope the request names (its handler
   * checks). Otherwise the app permission a UI extension needs, as the
   * Dashboard requires; null when any app may (still only with a permission
   * list given). Backend keys are not restricted: the store has no restricted
   * keys with their own permission lists.
   */
  access: 'scope' | {permission: string | null};
  handler: (context: RouteContext, params: Raw, id: string) => Prepared;
}

export const ROUTES: readonly Route[] = [...SECRET_ROUTES, ...OBJECT_ROUTES];

export interface RouteMatch {
  route: Route;
  /** The `:id` segment, percent-decoded; '' for a path without one. */
  id: string;
}

/** The route for a method and path, or null (the server then answers Stripe's "Unrecognized request URL"). */
export function matchRoute(method: string, path: string): RouteMatch | null {
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
  if (permissions === null) throw errors.noPermissionList();
  if (permission === null) return;
  if (!grants(permissions, permission)) throw errors.missingPermission(caller.partition.account, permission);
}

/** Parses and authorises a matched request; what it returns runs it. */
export function prepareRoute(store: StripeStore, caller: Caller, permissions: readonly string[] | null, match: RouteMatch, params: Raw): Prepared {
  const {access} = match.route;
  if (access !== 'scope') authorizeObject(caller, permissions, access.permission);
  const prepared = match.route.handler({store, caller}, params, match.id);
  for (const need of prepared.needs) authorizeObject(caller, permissions, need);
  return prepared;
}
