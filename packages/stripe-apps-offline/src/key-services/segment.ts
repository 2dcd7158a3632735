/**
 * Segment Public API's GET /, as Segment documents its test request: a
 * bearer token, on the US or EU host (here the path segment after
 * /as/segment/: api or eu1.api); 200 with the token's workspace, 401 for a
 * missing or wrong token.
 */
import {bearerOf, outage, verdictFor, type KeyService} from './types';

export const segment: KeyService = {
  name: 'segment',
  localCheckUrl: '/{region}/',
  answer({method, path, headers}) {
    if (method !== 'GET' || !/^\/(api|eu1\.api)\/$/.test(path)) return {status: 404, body: {errors: [{type: 'not-found', message: 'Not found'}]}};
    const verdict = verdictFor(bearerOf(headers), /^sgp_[A-Za-z0-9]{20,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return {status: 401, body: {errors: [{type: 'unauthorized', message: 'Unauthorized'}]}};
    return {status: 200, body: {data: {workspace: {id: 'local-workspace', name: 'Local workspace', slug: 'local'}}}};
  },
};
