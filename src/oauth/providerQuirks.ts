/**
 * Where a provider departs from RFC 6749 and RFC 7009 in what it takes and
 * what it answers, as data: a preset sets these, and a custom entry of
 * constants.connections may set any of them. Each is optional; absent, the
 * standard behaviour holds. The code that honours each field reads it where
 * it acts (authorizeUrl, tokenEndpoint, identityEndpoint, revocation,
 * apiRequest, keptFields); this file only says what they are and checks them.
 */

/** How the app asks the provider to revoke (revocation.ts has one function per style). */
export type RevocationStyle =
  /** RFC 7009: a form with `token` and `token_type_hint`, the client authenticated as on the token endpoint. */
  | 'rfc7009'
  /** A JSON body {"token": …}, the client authenticated with Basic (Intuit). */
  | 'json'
  /** A POST with the access token as its bearer and no body (Dropbox's /2/auth/token/revoke). */
  | 'bearer'
  /** DELETE <revocationUrl> with Basic client_id:client_secret and {"access_token": …} (GitHub's /applications/{client_id}/grant): backend only. */
  | 'grant-delete';

export const REVOCATION_STYLES: readonly RevocationStyle[] = ['rfc7009', 'json', 'bearer', 'grant-delete'];

export interface ProviderQuirks {
  /** The authorize parameter for the scopes (absent: "scope") and their separator (absent: a space). */
  scopeParam?: string;
  scopeSeparator?: string;
  /** Parameters every authorize request carries (Google's access_type=offline, Dropbox's token_access_type=offline). */
  authorizeParams?: Record<string, string>;
  /** Parameters every token request carries, code exchange and refresh alike (Shopify's expiring=1 for a token that expires and refreshes). */
  tokenParams?: Record<string, string>;
  /** Error codes besides invalid_grant with which the token endpoint refuses a code already used or expired (Shopify's invalid_request). */
  codeRefusedErrors?: string[];
  /** The token request's body: a form, as RFC 6749 says (absent), or JSON (Notion, Atlassian). */
  tokenRequestBody?: 'form' | 'json';
  /** The object in the token answer that holds the token fields, when not the answer itself (Slack's authed_user). */
  tokenPath?: string;
  /** The token answer's field for the refresh token's lifetime in seconds, when not refresh_token_expires_in (Intuit's x_refresh_token_expires_in). */
  refreshTokenExpiresInField?: string;
  /** Seconds an access token is taken to live when the answer has no expires_in (Salesforce sends none, yet its sessions end). */
  assumedAccessTokenLifetimeSeconds?: number;
  /** The header that carries the access token on API calls, when not `Authorization: Bearer` (Shopify's X-Shopify-Access-Token). */
  tokenHeader?: string;
  /**
   * Headers every call to the provider carries, its token and revocation
   * endpoints and identity included (Notion's Notion-Version). A value may be
   * a kept field, "{tenant_id}" (Xero's xero-tenant-id): the header is left
   * out until the field is known.
   */
  apiHeaders?: Record<string, string>;
  /** What a relative URL given to fetchAsUser resolves against; `{name}` is a kept field (Salesforce's "{instance_url}"). */
  apiBase?: string;
  /** The identity call's method (absent: GET) and JSON body (Dropbox's POST null, Linear's GraphQL query). */
  identityMethod?: 'GET' | 'POST';
  identityBody?: unknown;
  /** Where the display name sits in the identity answer, dotted ("name.display_name", "data.viewer.name"); absent: the usual fields. */
  identityName?: string;
  /** The API's statuses for a token it no longer takes (absent: 401; Salesforce's identity URL answers 403 Bad_OAuth_Token). */
  tokenRefusedStatuses?: number[];
  /** How revocation is asked for (absent: rfc7009). */
  revocationStyle?: RevocationStyle;
  /** The one token revocation sends (absent: the refresh token when there is one, as it ends the grant, and for rfc7009 the access token too). */
  revokes?: 'access_token' | 'refresh_token';
  /**
   * Fields kept beside the tokens because the provider's API needs them
   * (Salesforce's instance_url, Slack's team id, Notion's workspace): the
   * stored name, then where it is read: "token:<dotted path>" in the whole
   * token answer, "idToken:<claim>" in the token answer's id_token, or
   * "identity:<dotted path>" in the identity answer.
   */
  keep?: Record<string, string>;
}

/** A kept field's name: it is also a `{name}` in apiBase, so letters, digits and underscores. */
const KEPT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const KEPT_SOURCE = /^(token|idToken|identity):[A-Za-z0-9_.-]{1,100}$/;
const HEADER_NAME = /^[A-Za-z0-9-]{1,60}$/;

function stringRecord(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  return entries.every((e): e is [string, string] => typeof e[1] === 'string') ? Object.fromEntries(entries) : null;
}

/** The quirks an entry (with its preset's under it) gives, checked; each mistake is pushed to `problems`, named at `at`. */
export function readQuirks(raw: Record<string, unknown>, at: string, problems: string[]): ProviderQuirks {
  const quirks: ProviderQuirks = {};
  const bad = (field: string, what: string) => problems.push(`${at}.${field} ${what}`);
  for (const field of ['scopeParam', 'scopeSeparator', 'tokenPath', 'identityName', 'refreshTokenExpiresInField'] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value === 'string' && value.length > 0 && value.length <= 100) quirks[field] = value;
    else bad(field, 'must be a short string.');
  }
  for (const field of ['authorizeParams', 'apiHeaders', 'tokenParams'] as const) {
    if (raw[field] === undefined) continue;
    const record = stringRecord(raw[field]);
    if (record) quirks[field] = record;
    else bad(field, 'must be an object of strings.');
  }
  if (quirks.apiHeaders && !Object.keys(quirks.apiHeaders).every((name) => HEADER_NAME.test(name))) bad('apiHeaders', 'must have header names as its keys.');
  if (raw.codeRefusedErrors !== undefined) {
    const value = raw.codeRefusedErrors;
    if (Array.isArray(value) && value.length > 0 && value.every((c) => typeof c === 'string' && /^[a-z_]{1,40}$/.test(c))) quirks.codeRefusedErrors = value as string[];
    else bad('codeRefusedErrors', 'must be a list of OAuth error codes ("invalid_request").');
  }
  if (raw.tokenRequestBody !== undefined) {
    if (raw.tokenRequestBody === 'form' || raw.tokenRequestBody === 'json') quirks.tokenRequestBody = raw.tokenRequestBody;
    else bad('tokenRequestBody', 'must be "form" or "json".');
  }
  if (raw.assumedAccessTokenLifetimeSeconds !== undefined) {
    const value = raw.assumedAccessTokenLifetimeSeconds;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) quirks.assumedAccessTokenLifetimeSeconds = value;
    else bad('assumedAccessTokenLifetimeSeconds', 'must be a whole number of seconds.');
  }
  if (raw.tokenHeader !== undefined) {
    if (typeof raw.tokenHeader === 'string' && HEADER_NAME.test(raw.tokenHeader)) quirks.tokenHeader = raw.tokenHeader;
    else bad('tokenHeader', 'must be a header name ("X-Shopify-Access-Token").');
  }
  if (raw.apiBase !== undefined) {
    // Checked as a URL once its {kept field} is filled in, when a call is made; here only its shape.
    if (typeof raw.apiBase === 'string' && (/^https:\/\//.test(raw.apiBase) || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(raw.apiBase) || /^\{[A-Za-z0-9_]+\}/.test(raw.apiBase))) {
      quirks.apiBase = raw.apiBase;
    } else bad('apiBase', 'must be an https URL, or start with a kept field ("{instance_url}").');
  }
  if (raw.identityMethod !== undefined) {
    if (raw.identityMethod === 'GET' || raw.identityMethod === 'POST') quirks.identityMethod = raw.identityMethod;
    else bad('identityMethod', 'must be "GET" or "POST".');
  }
  if (raw.identityBody !== undefined) quirks.identityBody = raw.identityBody;
  if (raw.tokenRefusedStatuses !== undefined) {
    const value = raw.tokenRefusedStatuses;
    if (Array.isArray(value) && value.length > 0 && value.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 400 && n < 500)) quirks.tokenRefusedStatuses = value as number[];
    else bad('tokenRefusedStatuses', 'must be a list of 4xx statuses.');
  }
  if (raw.revocationStyle !== undefined) {
    if (REVOCATION_STYLES.includes(raw.revocationStyle as RevocationStyle)) quirks.revocationStyle = raw.revocationStyle as RevocationStyle;
    else bad('revocationStyle', `must be one of ${REVOCATION_STYLES.join(', ')}.`);
  }
  if (raw.revokes !== undefined) {
    if (raw.revokes === 'access_token' || raw.revokes === 'refresh_token') quirks.revokes = raw.revokes;
    else bad('revokes', 'must be "access_token" or "refresh_token".');
  }
  if (raw.keep !== undefined) {
    const keep = stringRecord(raw.keep);
    if (keep && Object.entries(keep).every(([name, source]) => KEPT_NAME.test(name) && KEPT_SOURCE.test(source))) quirks.keep = keep;
    else bad('keep', 'must map field names to "token:<path>", "idToken:<claim>" or "identity:<path>".');
  }
  return quirks;
}
