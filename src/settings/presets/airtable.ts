/**
 * Airtable: one personal access token (pat…), sent as a bearer token. The
 * check asks who the token is (GET /v0/meta/whoami), which needs no scope:
 * 200 for any valid token, 401 otherwise. Legacy key… API keys stopped
 * working on 1 February 2024 and are refused by the token's form.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Airtable, "Personal access tokens" (secret, shown once), "Authentication" (Bearer only;
 * api_key URL parameter not supported; legacy API keys ended 2024-02-01), "Get user ID & scopes"
 * (GET /v0/meta/whoami: no scopes required).
 * Unconfirmed: the pat prefix and the pat + 14 characters + "." + 64 hexadecimal shape (secret
 * scanners only), so only the prefix is checked; 401 for a wrong token.
 */
export const airtable: KeyPreset = {
  service: 'Airtable',
  label: 'Airtable personal access token',
  description: 'Lets the app read and write your Airtable bases.',
  helpUrl: 'https://airtable.com/create/tokens',
  parts: [{name: 'token', label: 'Airtable personal access token', pattern: '^pat[A-Za-z0-9._-]{10,}$', formatHint: 'starts with pat'}],
  check: {url: 'https://api.airtable.com/v0/meta/whoami', method: 'GET', present: {bearer: '{token}'}},
};
