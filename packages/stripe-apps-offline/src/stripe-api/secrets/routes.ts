/**
 * The Secret Store's four routes (`/v1/apps/secrets`), as rows of the one
 * route table (../routes.ts). Each is authorised by the scope it names
 * (callers.ts: a UI extension reaches the account scope and its own user's),
 * not by an app permission.
 */
import {authorizeScope} from '../callers';
import {errors} from '../errors';
import type {Route} from '../routes';
import {parseDelete, parseFind, parseList, parseSet} from './params';

const ok = (body: unknown) => ({status: 200, body});

export const SECRET_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/v1/apps/secrets',
    access: 'scope',
    handler: ({store, caller}, params) => {
      const p = parseList(params);
      authorizeScope(caller, p.scope);
      return {run: () => ok(store.list(caller.partition, p)), needs: [], payload: null};
    },
  },
  {
    method: 'POST',
    path: '/v1/apps/secrets',
    access: 'scope',
    handler: ({store, caller}, params) => {
      const p = parseSet(params);
      authorizeScope(caller, p.scope);
      // An expanded set answers with the payload it was sent: the idempotency record leaves it out (store.ts).
      return {run: () => ok(store.set(caller.partition, p)), needs: [], payload: p.expandPayload ? p.payload : null};
    },
  },
  {
    method: 'GET',
    path: '/v1/apps/secrets/find',
    access: 'scope',
    handler: ({store, caller}, params) => {
      const p = parseFind(params);
      authorizeScope(caller, p.scope);
      const run = () => {
        const found = store.find(caller.partition, p.scope, p.name, p.expandPayload);
        if (!found) throw errors.noSuchSecret(p.name);
        return ok(found);
      };
      return {run, needs: [], payload: null};
    },
  },
  {
    method: 'POST',
    path: '/v1/apps/secrets/delete',
    access: 'scope',
    handler: ({store, caller}, params) => {
      const p = parseDelete(params);
      authorizeScope(caller, p.scope);
      const run = () => {
        const deleted = store.delete(caller.partition, p.scope, p.name);
        if (!deleted) throw errors.noSuchSecret(p.name);
        return ok(deleted);
      };
      return {run, needs: [], payload: null};
    },
  },
];
