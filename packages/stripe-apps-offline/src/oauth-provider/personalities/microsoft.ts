/**
 * Microsoft Entra ID's v2.0 endpoints and Microsoft Graph, as Microsoft
 * documents them ("OAuth 2.0 authorization code flow", "Refresh tokens",
 * Graph "Get user" and "error responses"):
 * - the token answer is JSON with token_type "Bearer", ext_expires_in, and an
 *   id_token when openid was asked for;
 * - a refresh token only when the scopes included offline_access, and a new
 *   one on every refresh;
 * - errors are {error, error_description "AADSTS…", error_codes, trace_id,
 *   correlation_id}: invalid_grant with AADSTS54005 for a redeemed code,
 *   AADSTS70000 for a bad refresh token;
 * - no revocation an app can call;
 * - Graph /me answers {id, displayName, mail, userPrincipalName}, and a
 *   refused token 401 with {"error": {"code": "InvalidAuthenticationToken"}}.
 * Microsoft does not revoke a refresh token once used; the local provider
 * does (oidc-provider's rotation): an app that keeps the new one, as it must,
 * does not see the difference.
 */
import crypto from 'node:crypto';
import {offlineSignIns} from './offlineSignIns';
import {json, type Personality} from './types';

const offline = offlineSignIns((params) => (params.get('scope') ?? '').split(' ').includes('offline_access'));

const AADSTS: Record<string, [number, string]> = {
  invalid_grant: [54005, 'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'],
  invalid_client: [7000215, 'AADSTS7000215: Invalid client secret provided.'],
};
const REFRESH_REFUSED: [number, string] = [70000, 'AADSTS70000: The provided value for the input parameter \'refresh_token\' or \'assertion\' is not valid.'];

export const microsoft: Personality = {
  name: 'microsoft',
  defaults: {name: 'Microsoft', exchange: 'backend', clientAuth: 'client_secret_post', scopes: ['openid', 'profile', 'offline_access', 'User.Read']},
  identity: true,
  revocation: false,
  authorize(params) {
    offline.remember(params);
    return params;
  },
  token(standard, {grantType, form}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      const [number, description] = code === 'invalid_grant' && grantType === 'refresh_token' ? REFRESH_REFUSED : (AADSTS[code] ?? [90014, `AADSTS90014: ${String(standard.body.error_description ?? code)}`]);
      const traceId = crypto.randomUUID();
      return json(standard.status, {
        error: code,
        error_description: `${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${crypto.randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
        error_codes: [number],
        timestamp: new Date().toISOString(),
        trace_id: traceId,
        correlation_id: crypto.randomUUID(),
      });
    }
    const expiresIn = Number(standard.body.expires_in ?? 3600);
    // A refresh token only when the sign-in asked for offline_access; every refresh hands out a new one.
    const {refresh_token: refreshToken, ...rest} = standard.body;
    return json(200, {...rest, token_type: 'Bearer', ext_expires_in: expiresIn, ...offline.refreshTokenField(refreshToken, {grantType, form}, true)});
  },
  user(standard) {
    if (standard.status !== 200) {
      return json(401, {error: {code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.', innerError: {date: new Date().toISOString(), 'request-id': crypto.randomUUID()}}});
    }
    const sub = String(standard.body.sub ?? '');
    return json(200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      id: crypto.createHash('sha256').update(sub).digest('hex').slice(0, 32),
      displayName: sub,
      mail: `${sub}@example.com`,
      userPrincipalName: `${sub}@example.com`,
    });
  },
};
