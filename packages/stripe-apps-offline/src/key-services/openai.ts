/**
 * OpenAI's GET /v1/models, as OpenAI documents it: a bearer key; 200 with the
 * list, 401 {"error": {"code": "invalid_api_key"}} for a wrong one (the key
 * quoted masked, as OpenAI does: the app must never pass it on).
 */
import {bearerOf, outage, verdictFor, type KeyService} from './types';

export const openai: KeyService = {
  name: 'openai',
  localCheckUrl: '/v1/models',
  answer({method, path, headers}) {
    if (method !== 'GET' || path !== '/v1/models') return {status: 404, body: {error: {message: 'Invalid URL', type: 'invalid_request_error'}}};
    const key = bearerOf(headers);
    const verdict = verdictFor(key, /^sk-[A-Za-z0-9_-]{20,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') {
      return {status: 401, body: {error: {message: `Incorrect API key provided: ${(key ?? '').slice(0, 3)}****${(key ?? '').slice(-4)}.`, type: 'invalid_request_error', code: 'invalid_api_key'}}};
    }
    return {status: 200, body: {object: 'list', data: [{id: 'gpt-local', object: 'model', created: 0, owned_by: 'local'}]}};
  },
};
