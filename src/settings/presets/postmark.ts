/**
 * Postmark: a server's API token, sent in the X-Postmark-Server-Token header
 * (Postmark ignores a bearer header). The check reads that server's own
 * settings: 200 when the token works, 401 when it is wrong or missing. An
 * account token (X-Postmark-Account-Token, GET /servers) is a different key:
 * a fork that needs one changes this slot's check through
 * constants.keyChecks.
 */
import type {KeyPreset} from './types';

/**
 * Sources: Postmark developer docs, "API overview" (api.postmarkapp.com, Accept: application/json,
 * 401 for a wrong or missing token), "Server API" (GET /server), the support article "What are the
 * Account and Server API tokens?" (opaque strings, up to three per server), postmarkapp.com/auth.md
 * (no bearer).
 * Unconfirmed: the token's form (UUID-like in Postmark's own examples; the pattern here takes letters,
 * digits and dashes, which also keeps out the POSTMARK_API_TEST placeholder); the Server API page was
 * read on a mirror of postmarkapp.com.
 */
export const postmark: KeyPreset = {
  service: 'Postmark',
  label: 'Postmark server API token',
  description: 'Lets the app send e-mail through one of your Postmark servers.',
  helpUrl: 'https://account.postmarkapp.com/servers',
  parts: [{name: 'serverToken', label: 'Postmark server API token', pattern: '^[A-Za-z0-9-]{20,}$', formatHint: "is letters, digits and dashes, like a UUID (from the server's API Tokens tab)"}],
  check: {url: 'https://api.postmarkapp.com/server', method: 'GET', present: {header: 'X-Postmark-Server-Token', value: '{serverToken}'}, refused: [401]},
};
