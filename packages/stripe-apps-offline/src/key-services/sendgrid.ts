/**
 * SendGrid's GET /v3/scopes, as Twilio SendGrid documents it: a bearer key;
 * the global host and the EU regional host (here the path segment after
 * /as/sendgrid/: api or api.eu); 200 with the key's scopes, 401 with
 * SendGrid's errors list for a wrong key.
 */
import {bearerOf, outage, verdictFor, type KeyService} from './types';

export const sendgrid: KeyService = {
  name: 'sendgrid',
  localCheckUrl: '/{region}/v3/scopes',
  answer({method, path, headers}) {
    if (method !== 'GET' || !/^\/(api|api\.eu)\/v3\/scopes$/.test(path)) return {status: 404, body: {errors: [{field: null, message: 'not found'}]}};
    const verdict = verdictFor(bearerOf(headers), /^(?=.{69}$)SG\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return {status: 401, body: {errors: [{field: null, message: 'The provided authorization grant is invalid, expired, or revoked'}]}};
    return {status: 200, body: {scopes: ['mail.send', 'scopes.read']}};
  },
};
