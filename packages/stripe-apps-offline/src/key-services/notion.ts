/**
 * Notion's GET /v1/users/me, as Notion documents it: a bearer integration
 * secret and a required Notion-Version header (400 missing_version without
 * it); 200 with the token's bot user, 401 unauthorized for a wrong secret.
 */
import {bearerOf, outage, verdictFor, type KeyService} from './types';

const error = (status: number, code: string, message: string) => ({status, body: {object: 'error', status, code, message}});

export const notion: KeyService = {
  name: 'notion',
  localCheckUrl: '/v1/users/me',
  answer({method, path, headers}) {
    if (method !== 'GET' || path !== '/v1/users/me') return error(404, 'object_not_found', 'Not found.');
    if (!headers['notion-version']) return error(400, 'missing_version', 'Notion-Version header failed validation: Notion-Version header should be defined.');
    const verdict = verdictFor(bearerOf(headers), /^(ntn_|secret_)[A-Za-z0-9]{20,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return error(401, 'unauthorized', 'API token is invalid.');
    return {status: 200, body: {object: 'user', id: '00000000-0000-0000-0000-000000000001', type: 'bot', name: 'Local integration', bot: {owner: {type: 'workspace', workspace: true}}}};
  },
};
