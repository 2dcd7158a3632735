/**
 * Notion's OAuth endpoints for a public connection, as Notion documents them
 * ("Create a token", "Refresh a token", "Revoke token", "Status codes",
 * GET /v1/users/me):
 * - every endpoint wants a Notion-Version header (400 missing_version);
 * - the token endpoint takes HTTP Basic and a JSON body; its answer has no
 *   expires_in and no scope, token_type "bearer", the bot, the workspace and
 *   the owner, and a refresh_token that a refresh replaces;
 * - errors are Notion's object {"object": "error", "status", "code",
 *   "message"}: invalid_grant 400, unauthorized 401;
 * - revocation is POST with Basic and a JSON {"token": …}, answering
 *   {"request_id": …};
 * - /v1/users/me answers the bot user, the person under bot.owner.user.
 */
import crypto from 'node:crypto';
import {json, type PersonalAnswer, type Personality} from './types';

const WORKSPACE = {workspace_id: 'c0ffee00-0000-4000-8000-00000000cafe', workspace_name: 'Local workspace', workspace_icon: null};
const BOT_ID = 'b0b00000-0000-4000-8000-000000000b0b';

const error = (status: number, code: string, message: string): PersonalAnswer => json(status, {object: 'error', status, code, message, request_id: crypto.randomUUID()});
const person = (sub: string) => ({object: 'user', id: crypto.createHash('sha256').update(sub).digest('hex').slice(0, 32), name: sub, avatar_url: null, type: 'person', person: {email: `${sub}@example.com`}});

export const notion: Personality = {
  name: 'notion',
  defaults: {name: 'Notion', exchange: 'backend', clientAuth: 'client_secret_basic', scopes: []},
  identity: true,
  revocation: true,
  namesUser: true,
  tokenRequestBody: 'json',
  revocationStyle: 'json',
  authorize(params) {
    // Notion takes no scope (a connection's capabilities say what it may do); the standard /auth wants one.
    const out = new URLSearchParams(params);
    out.delete('owner');
    if (!out.get('scope')) out.set('scope', 'openid');
    return out;
  },
  check(headers) {
    return headers['notion-version'] ? null : error(400, 'missing_version', 'Notion-Version header failed validation: Notion-Version header should be defined.');
  },
  token(standard, {subject}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      if (code === 'invalid_client') return error(401, 'unauthorized', 'Invalid client.');
      return error(400, code, code === 'invalid_grant' ? 'Invalid code: this code has been revoked.' : String(standard.body.error_description ?? code));
    }
    return json(200, {
      access_token: standard.body.access_token,
      token_type: 'bearer',
      refresh_token: standard.body.refresh_token ?? null,
      bot_id: BOT_ID,
      ...WORKSPACE,
      owner: {type: 'user', user: person(subject)},
      duplicated_template_id: null,
      request_id: crypto.randomUUID(),
    });
  },
  user(standard) {
    if (standard.status !== 200) return error(401, 'unauthorized', 'API token is invalid.');
    const sub = String(standard.body.sub ?? '');
    return json(200, {object: 'user', id: BOT_ID, name: 'Local connection', avatar_url: null, type: 'bot', bot: {owner: {type: 'user', user: person(sub)}, workspace_name: WORKSPACE.workspace_name}, request_id: crypto.randomUUID()});
  },
  revoke(standard) {
    return standard.status === 200 ? json(200, {request_id: crypto.randomUUID()}) : error(401, 'unauthorized', 'Invalid client.');
  },
};
