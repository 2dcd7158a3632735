/**
 * Xero's identity endpoints and its connections API, as Xero documents them
 * ("OAuth 2.0 auth code flow", the OAuth FAQ, GET /connections):
 * - a refresh token only with the offline_access scope; a new one on every
 *   refresh (the local provider ends the old one at once, where Xero allows
 *   30 minutes' grace: an app that keeps the new one sees no difference);
 * - errors are IdentityServer's {"error": …}, HTTP 400;
 * - GET /connections lists the tenants, [{id, tenantId, tenantType,
 *   tenantName, …}]; a refused token is 401;
 * - RFC 7009 revocation with Basic.
 */
import crypto from 'node:crypto';
import {offlineSignIns} from './offlineSignIns';
import {json, type Personality} from './types';

const offline = offlineSignIns((params) => (params.get('scope') ?? '').split(' ').includes('offline_access'));

export const xero: Personality = {
  name: 'xero',
  defaults: {name: 'Xero', exchange: 'backend', clientAuth: 'client_secret_basic', scopes: ['openid', 'profile', 'email', 'offline_access']},
  identity: true,
  revocation: true,
  authorize(params) {
    offline.remember(params);
    return params;
  },
  token(standard, {grantType, form}) {
    if (standard.status !== 200) return json(400, {error: String(standard.body.error ?? 'invalid_request')});
    const {refresh_token: refreshToken, ...rest} = standard.body;
    return json(200, {...rest, token_type: 'Bearer', expires_in: 1800, ...offline.refreshTokenField(refreshToken, {grantType, form}, true)});
  },
  user(standard) {
    if (standard.status !== 200) return json(401, {Type: null, Title: 'Unauthorized', Status: 401, Detail: 'AuthenticationUnsuccessful'});
    const sub = String(standard.body.sub ?? '');
    const tenantId = crypto.createHash('sha256').update(`tenant:${sub}`).digest('hex');
    const uuid = `${tenantId.slice(0, 8)}-${tenantId.slice(8, 12)}-4${tenantId.slice(13, 16)}-8${tenantId.slice(17, 20)}-${tenantId.slice(20, 32)}`;
    const now = new Date().toISOString();
    return json(200, [{id: crypto.randomUUID(), authEventId: crypto.randomUUID(), tenantId: uuid, tenantType: 'ORGANISATION', tenantName: `${sub}'s organisation`, createdDateUtc: now, updatedDateUtc: now}]);
  },
};
