/**
 * PostHog's GET /api/users/@me/, as PostHog documents it: a personal API
 * key as the bearer, on the US or EU host (here the path segment after
 * /as/posthog/); 200 with the user, 401 for a wrong key. A project key
 * (phc_…) is not a personal key and is refused.
 */
import {bearerOf, outage, verdictFor, type KeyService} from './types';

export const posthog: KeyService = {
  name: 'posthog',
  localCheckUrl: '/{region}/api/users/@me/',
  answer({method, path, headers}) {
    if (method !== 'GET' || !/^\/(us|eu)\/api\/users\/@me\/$/.test(path)) return {status: 404, body: {type: 'invalid_request', code: 'not_found', detail: 'Not found.'}};
    const verdict = verdictFor(bearerOf(headers), /^phx_[A-Za-z0-9]{20,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return {status: 401, body: {type: 'authentication_error', code: 'invalid_api_key', detail: 'Personal API key found in request Authorization header is invalid.'}};
    return {status: 200, body: {uuid: '00000000-0000-0000-0000-000000000000', email: 'local@example.com', team: {id: 1, name: 'Local project'}}};
  },
};
