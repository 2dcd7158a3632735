/**
 * Postmark's GET /server, as Postmark documents it: the token in
 * X-Postmark-Server-Token (a bearer header is ignored) and Accept:
 * application/json; 200 with the server's settings, 401 ErrorCode 10 for a
 * missing or wrong token.
 */
import {outage, verdictFor, type KeyService} from './types';

export const postmark: KeyService = {
  name: 'postmark',
  localCheckUrl: '/server',
  answer({method, path, headers}) {
    if (method !== 'GET' || path !== '/server') return {status: 404, body: {ErrorCode: 404, Message: 'Not found'}};
    const token = typeof headers['x-postmark-server-token'] === 'string' ? headers['x-postmark-server-token'] : null;
    const verdict = verdictFor(token, /^[A-Za-z0-9-]{20,}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused' || !/application\/json/.test(headers.accept ?? '')) {
      return {status: 401, body: {ErrorCode: 10, Message: 'Request does not contain a valid Server token.'}};
    }
    return {status: 200, body: {ID: 1, Name: 'Local server', ApiTokens: ['(not shown by the stand-in)']}};
  },
};
