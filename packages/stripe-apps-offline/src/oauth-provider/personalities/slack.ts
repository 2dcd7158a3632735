/**
 * Slack's oauth.v2.access, for a user token, as Slack documents it (the
 * oauth.v2.access reference; "Installing with OAuth"):
 * - the user's scopes come in `user_scope`, comma-separated;
 * - the answer is {ok: true, authed_user: {id, scope, access_token,
 *   token_type: "user"}, team: {id, name}, …}, always HTTP 200 and JSON;
 * - an error is {ok: false, error} with HTTP 200: invalid_code for a used or
 *   expired code, bad_client_secret for a wrong secret;
 * - without token rotation (opt-in), no refresh token and no expiry;
 * - auth.test answers who the token is ({ok, user, user_id, team, …}), and
 *   {ok: false, error: "invalid_auth"} for a bad token, still HTTP 200;
 * - auth.revoke answers {ok: true, revoked: true}.
 */
import {json, type Personality} from './types';

const TEAM = {id: 'T0LOCAL00', name: 'Local workspace'};
const USER_ID = 'U0LOCAL00';
const ERRORS: Record<string, string> = {invalid_grant: 'invalid_code', invalid_client: 'bad_client_secret', invalid_request: 'invalid_arguments'};

export const slack: Personality = {
  name: 'slack',
  defaults: {name: 'Slack', exchange: 'backend', clientAuth: 'client_secret_basic', scopes: ['users:read']},
  identity: true,
  revocation: true,
  authorize(params) {
    const out = new URLSearchParams(params);
    // The bot's `scope` is not what a user's own connection asks for; the user's come comma-separated.
    out.delete('scope');
    const userScope = params.get('user_scope');
    out.delete('user_scope');
    if (userScope) out.set('scope', userScope.split(',').filter(Boolean).join(' '));
    return out;
  },
  token(standard) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      return json(200, {ok: false, error: ERRORS[code] ?? code});
    }
    const scope = String(standard.body.scope ?? '').split(' ').filter(Boolean).join(',');
    return json(200, {
      ok: true,
      app_id: 'A0LOCAL00',
      authed_user: {id: USER_ID, scope, access_token: String(standard.body.access_token), token_type: 'user'},
      team: TEAM,
      enterprise: null,
      is_enterprise_install: false,
    });
  },
  user(standard) {
    if (standard.status !== 200) return json(200, {ok: false, error: 'invalid_auth'});
    return json(200, {ok: true, url: 'https://local-workspace.slack.com/', team: TEAM.name, user: String(standard.body.sub ?? ''), team_id: TEAM.id, user_id: USER_ID});
  },
  revoke(standard) {
    return standard.status === 200 ? json(200, {ok: true, revoked: true}) : json(200, {ok: false, error: 'invalid_auth'});
  },
};
