/**
 * Airtable's GET /v0/meta/whoami, as Airtable documents it: a personal access
 * token as the bearer, no scope needed; 200 {"id": "usr…"}, 401
 * AUTHENTICATION_REQUIRED for a wrong token.
 */
import {bearerOf, outage, verdictFor, type KeyService} from './types';

export const airtable: KeyService = {
  name: 'airtable',
  localCheckUrl: '/v0/meta/whoami',
  answer({method, path, headers}) {
    if (method !== 'GET' || path !== '/v0/meta/whoami') return {status: 404, body: {error: 'NOT_FOUND'}};
    const verdict = verdictFor(bearerOf(headers), /^pat[A-Za-z0-9._-]{10,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return {status: 401, body: {error: {type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required'}}};
    return {status: 200, body: {id: 'usrLocal00000000'}};
  },
};
