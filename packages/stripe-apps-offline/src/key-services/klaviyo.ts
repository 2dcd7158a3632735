/**
 * Klaviyo's GET /api/accounts, as Klaviyo documents it: `Authorization:
 * Klaviyo-API-Key <key>` and a required revision header (400 without it);
 * 200 with the account, 401 not_authenticated for a wrong key or another
 * scheme (a bearer header is refused).
 */
import {outage, verdictFor, type KeyService} from './types';

const error = (status: number, code: string, detail: string) => ({status, body: {errors: [{id: 'local', status, code, title: code, detail, source: {pointer: '/data/'}}]}});

export const klaviyo: KeyService = {
  name: 'klaviyo',
  localCheckUrl: '/api/accounts',
  answer({method, path, headers}) {
    if (method !== 'GET' || !/^\/api\/accounts\/?$/.test(path)) return error(404, 'not_found', 'Not found.');
    if (!/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(String(headers.revision ?? ''))) return error(400, 'invalid', 'A valid revision header is required.');
    const key = /^Klaviyo-API-Key (.+)$/.exec(headers.authorization ?? '')?.[1] ?? null;
    const verdict = verdictFor(key, /^pk_[A-Za-z0-9]{20,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return error(401, 'not_authenticated', 'Incorrect authentication credentials. Please use Klaviyo-API-Key.');
    return {status: 200, body: {data: [{type: 'account', id: 'LOCAL1', attributes: {contact_information: {organization_name: 'Local store'}}}]}};
  },
};
