/**
 * Resend's GET /domains, as Resend documents it: a bearer key and a
 * required User-Agent (403 without one); 200 with the domains, 403
 * invalid_api_key for a wrong key, and 401 restricted_api_key for a key
 * allowed only to send (here one that holds "sending").
 */
import {bearerOf, outage, verdictFor, type KeyService} from './types';

const error = (statusCode: number, name: string, message: string) => ({status: statusCode, body: {statusCode, name, message}});

export const resend: KeyService = {
  name: 'resend',
  localCheckUrl: '/domains',
  answer({method, path, headers}) {
    if (method !== 'GET' || path !== '/domains') return error(404, 'not_found', 'The requested endpoint does not exist.');
    if (!headers['user-agent']) return error(403, 'missing_user_agent', 'Requests must include a User-Agent header.');
    const key = bearerOf(headers);
    if (!key) return error(401, 'missing_api_key', 'Missing API key in the authorization header.');
    const verdict = verdictFor(key, /^re_[A-Za-z0-9_]{8,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return error(403, 'invalid_api_key', 'API key is invalid');
    if (/sending/i.test(key)) return error(401, 'restricted_api_key', 'This API key is restricted to only send emails');
    return {status: 200, body: {object: 'list', has_more: false, data: [{id: 'local-domain', name: 'example.com', status: 'verified', region: 'us-east-1'}]}};
  },
};
