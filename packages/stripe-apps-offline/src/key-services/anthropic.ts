/**
 * Anthropic's GET /v1/models, as Anthropic documents it: the key in x-api-key
 * and a required anthropic-version header (400 invalid_request_error without
 * it); 200 with the list, 401 authentication_error for a wrong key.
 */
import {verdictFor, type KeyService} from './types';

const error = (status: number, type: string, message: string) => ({status, body: {type: 'error', error: {type, message}}});

export const anthropic: KeyService = {
  name: 'anthropic',
  localCheckUrl: '/v1/models?limit=1',
  answer({method, path, headers}) {
    if (method !== 'GET' || path !== '/v1/models') return error(404, 'not_found_error', 'Not found');
    if (!headers['anthropic-version']) return error(400, 'invalid_request_error', 'anthropic-version: header is required');
    const key = typeof headers['x-api-key'] === 'string' ? headers['x-api-key'] : null;
    const verdict = verdictFor(key, /^sk-ant-[A-Za-z0-9_-]{20,}$/);
    if (verdict === 'outage') return error(529, 'overloaded_error', 'Overloaded');
    if (verdict === 'refused') return error(401, 'authentication_error', 'invalid x-api-key');
    return {status: 200, body: {data: [{type: 'model', id: 'claude-local', display_name: 'Claude (local)', created_at: '2026-01-01T00:00:00Z'}], has_more: false, first_id: 'claude-local', last_id: 'claude-local'}};
  },
};
