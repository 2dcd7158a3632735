/**
 * Zendesk's GET /api/v2/users/me.json, as Zendesk documents its API tokens:
 * Basic with `<email>/token` as the user and the token as the password, on
 * the account's subdomain (here the path segment after /as/zendesk/); 200
 * with the user, 401 "Couldn't authenticate you" for a wrong token. It also
 * answers a caller without credentials, or with a token that holds
 * "anonymous", as Zendesk answers an anonymous one: 200 and a user whose id
 * is null.
 */
import {basicOf, outage, verdictFor, type KeyService} from './types';

const anonymous = {status: 200, body: {user: {id: null, name: 'Anonymous user', email: 'invalid@example.com', role: 'end-user'}}};

export const zendesk: KeyService = {
  name: 'zendesk',
  localCheckUrl: '/{subdomain}/api/v2/users/me.json',
  answer({method, path, headers}) {
    if (method !== 'GET' || !/^\/[a-z0-9][a-z0-9-]{0,62}\/api\/v2\/users\/me\.json$/.test(path)) return {status: 404, body: {error: 'InvalidEndpoint', description: 'Not found'}};
    const basic = basicOf(headers);
    if (!basic || /anonymous/i.test(basic.password)) return anonymous;
    const email = /^(.+@.+)\/token$/.exec(basic.user)?.[1];
    const verdict = email ? verdictFor(basic.password, /^[A-Za-z0-9]{20,}$/) : 'refused';
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return {status: 401, body: {error: "Couldn't authenticate you"}};
    return {status: 200, body: {user: {id: 1, name: 'Local agent', email, role: 'admin'}}};
  },
};
