/**
 * The local Stripe API answers from one route table: the Secret Store's four
 * routes and every object kind's list and retrieve are rows of it, each path
 * and method once, each with who may call it.
 */
import {KIND_NAMES, KINDS} from '../../src/stripe-api/objects/kinds';
import {matchRoute, ROUTES} from '../../src/stripe-api/routes';

describe('the route table', () => {
  it('holds each method and path once', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('serves the Secret Store by scope and every object by an app permission', () => {
    for (const [method, path] of [['GET', '/v1/apps/secrets'], ['POST', '/v1/apps/secrets'], ['GET', '/v1/apps/secrets/find'], ['POST', '/v1/apps/secrets/delete']]) {
      expect(matchRoute(method, path)?.route.access).toBe('scope');
    }
    for (const kind of KIND_NAMES) {
      const {path, read} = KINDS[kind];
      expect(matchRoute('GET', path)?.route.access).toEqual({permission: read});
      expect(matchRoute('GET', `${path}/${KINDS[kind].id.prefix}123`)).toMatchObject({route: {access: {permission: read}}, id: `${KINDS[kind].id.prefix}123`});
    }
  });

  it('matches nothing it does not list', () => {
    expect(matchRoute('DELETE', '/v1/apps/secrets')).toBeNull();
    expect(matchRoute('GET', '/v1/customers/')).toBeNull();
    expect(matchRoute('GET', '/v1/customers/%E0%A4%A')).toBeNull();
  });
});
