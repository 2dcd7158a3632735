/**
 * GitHub's OAuth app endpoints, as GitHub documents them ("Authorizing OAuth
 * apps", "Troubleshooting OAuth app access token request errors"):
 * - the token answer is form-encoded unless the request asks for JSON;
 * - an error is HTTP 200 with `error` (bad_verification_code for a code that
 *   is used, expired or not this client's; incorrect_client_credentials for a
 *   wrong client secret), with GitHub's error_description and error_uri;
 * - a token never expires and comes without a refresh token; its scope is
 *   comma-separated;
 * - there is no RFC 7009 revocation: an app DELETEs /applications/{client_id}/grant
 *   with Basic client_id:client_secret and {"access_token": …}, 204 when done
 *   (served here at /as/github/revoke);
 * - GET /user answers {login, id, …}, and a bad token is 401 "Bad credentials".
 */
import {json, type Personality, type PersonalAnswer} from './types';

const ERRORS: Record<string, {error: string; error_description: string; error_uri: string}> = {
  invalid_grant: {
    error: 'bad_verification_code',
    error_description: 'The code passed is incorrect or expired.',
    error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code',
  },
  invalid_client: {
    error: 'incorrect_client_credentials',
    error_description: 'The client_id and/or client_secret passed are incorrect.',
    error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials',
  },
};

/** As GitHub answers: JSON when asked for it, else form-encoded; always HTTP 200. */
function answer(fields: Record<string, string>, accept: string): PersonalAnswer {
  if (/application\/json/i.test(accept)) return json(200, fields);
  return {status: 200, headers: {'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'cache-control': 'no-store'}, body: new URLSearchParams(fields).toString()};
}

export const github: Personality = {
  name: 'github',
  defaults: {name: 'GitHub', exchange: 'backend', clientAuth: 'client_secret_post', scopes: ['read:user']},
  identity: true,
  revocation: true,
  revocationStyle: 'grant-delete',
  token(standard, {accept}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      return answer(ERRORS[code] ?? {error: code, error_description: String(standard.body.error_description ?? ''), error_uri: ''}, accept);
    }
    const scope = String(standard.body.scope ?? '').split(' ').filter(Boolean).join(',');
    // An OAuth app's token: no expiry, no refresh token.
    return answer({access_token: String(standard.body.access_token), token_type: 'bearer', scope}, accept);
  },
  user(standard) {
    if (standard.status !== 200) return json(401, {message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401'});
    const login = String(standard.body.sub ?? '');
    return json(200, {login, id: login.length, name: null, type: 'User'});
  },
  revoke(standard) {
    // GitHub answers a wrong client with 404, hiding whether the app exists (unconfirmed: the reference lists 422 and 404).
    return standard.status === 200 ? {status: 204, headers: {}, body: ''} : json(404, {message: 'Not Found', documentation_url: 'https://docs.github.com/rest/apps/oauth-applications#delete-an-app-authorization', status: '404'});
  },
};
