/**
 * The provider's token endpoint (RFC 6749 §4.1.3 and §6), and revocation
 * (RFC 7009): form POSTs. From the view they go as a public client (no client
 * secret, PKCE instead; the provider must allow CORS from `Origin: null` and
 * the manifest's CSP must list `tokenUrl`). From the app backend they may go
 * as a confidential client, with `ClientCredentials` (RFC 6749 §2.3.1):
 * never in a view, which can keep no secret.
 */
import {oauthErrorCode, ProviderError} from './providerErrors';
import {filledHeaders} from './apiRequest';
import {keptFrom} from './keptFields';
import {redirectUriFor, type Mode, type OAuthProviderConfig} from './providerConfig';

export interface TokenResponse {
  access_token: string;
  token_type: string;
  /** Seconds the access token lives. */
  expires_in?: number;
  refresh_token?: string;
  /** Seconds the refresh token lives, when the provider says (not standard, but common). */
  refresh_token_expires_in?: number;
  /** Space-separated; when absent, what was asked for was granted. */
  scope?: string;
  /** The provider's own fields its API needs (a preset's `keep` from the token answer), read from the whole answer. */
  kept?: Record<string, string>;
}

type Fetch = typeof fetch;

/** A confidential client's authentication; the secret only ever exists on the app backend. */
export interface ClientCredentials {
  method: 'client_secret_basic' | 'client_secret_post';
  secret: string;
}

/** RFC 6749 §2.3.1: the id and secret are form-encoded before Basic's base64. */
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/** The Basic authorization of a confidential client, also for the revocation styles that want it whatever the client's method. */
export const basicAuthorization = (clientId: string, secret: string) => `Basic ${btoa(`${formEncode(clientId)}:${formEncode(secret)}`)}`;

/** The form and headers that authenticate the client: its id alone (public), or with the secret. */
function authenticate(clientId: string, form: Record<string, string>, client: ClientCredentials | null): {form: Record<string, string>; headers: Record<string, string>} {
  if (client?.method === 'client_secret_basic') {
    return {form, headers: {authorization: basicAuthorization(clientId, client.secret)}};
  }
  const withId = {...form, client_id: clientId};
  return {form: client ? {...withId, client_secret: client.secret} : withId, headers: {}};
}

function isTokenResponse(body: unknown): body is TokenResponse {
  const t = body as Partial<TokenResponse> | null;
  return (
    !!t &&
    typeof t.access_token === 'string' &&
    t.access_token !== '' &&
    // Shopify's answer has no token_type (next-auth #8867 saw others): Bearer is what every one of them means.
    (t.token_type === undefined || typeof t.token_type === 'string') &&
    (t.expires_in === undefined || typeof t.expires_in === 'number') &&
    (t.refresh_token === undefined || t.refresh_token === null || typeof t.refresh_token === 'string') &&
    (t.scope === undefined || typeof t.scope === 'string')
  );
}

/**
 * A POST of `fields` as a form (RFC 6749) or, for the providers that want it,
 * as JSON; the answer's JSON, or the ProviderError it means.
 */
async function post(
  url: string,
  fields: Record<string, string>,
  format: 'form' | 'json',
  fetchImpl: Fetch,
  headers: Record<string, string> = {},
  grantRefused: ReadonlySet<string> = GRANT_REFUSED,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {...headers, 'content-type': format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded', accept: 'application/json'},
      body: format === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
    });
  } catch {
    throw new ProviderError('network');
  }
  return judge(response, grantRefused);
}

/** An answer's error code: RFC 6749's `error`, or Notion's own error object's `code` ({"object": "error", "code": "invalid_grant"}). */
function errorCodeIn(body: unknown): unknown {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as {error?: unknown; object?: unknown; code?: unknown};
  return typeof b.error === 'string' ? b.error : b.object === 'error' ? b.code : undefined;
}

/** A provider's answer: its JSON when it is one, else the ProviderError its status and error code mean. */
export async function judge(response: Response, grantRefused: ReadonlySet<string> = GRANT_REFUSED): Promise<unknown> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: judged by the status below.
  }
  const code = oauthErrorCode(errorCodeIn(body));
  // Some providers report errors with HTTP 200 and an `error` in the body (GitHub's token endpoint; Slack's
  // `{"ok": false, "error": …}`): an answer with an error code and no token is that error, whatever its status.
  const errorOn200 = response.ok && code !== undefined && !(body as {access_token?: unknown}).access_token;
  if (response.ok && !errorOn200) return body;
  if (response.status >= 500 || !code) throw new ProviderError('unavailable', {status: response.status, code});
  throw new ProviderError(grantRefused.has(code) ? 'invalid-grant' : 'refused', {status: response.status, code});
}

/**
 * The error codes that mean "this code or refresh token is no good" (used,
 * expired, revoked): RFC 6749's invalid_grant, and GitHub's names for it,
 * bad_verification_code (GitHub's "Troubleshooting OAuth app access token
 * request errors") and bad_refresh_token (reported in GitHub community
 * discussion #24745; not found in GitHub's reference, so unconfirmed), and
 * Slack's invalid_code (its oauth.v2.access reference: "Value passed for code
 * was invalid").
 */
const GRANT_REFUSED = new Set(['invalid_grant', 'bad_verification_code', 'bad_refresh_token', 'invalid_code']);

async function tokenRequest(
  provider: OAuthProviderConfig,
  form: Record<string, string>,
  fetchImpl: Fetch,
  client: ClientCredentials | null,
  grantRefused: ReadonlySet<string> = GRANT_REFUSED,
): Promise<TokenResponse> {
  // The preset's own parameters first: the protocol's cannot be overridden by them.
  const request = authenticate(provider.clientId, {...provider.tokenParams, ...form}, client);
  const answer = await post(provider.tokenUrl, request.form, provider.tokenRequestBody ?? 'form', fetchImpl, {...filledHeaders(provider), ...request.headers}, grantRefused);
  // Where the provider puts the token's fields (Slack: the user token under authed_user).
  const body = provider.tokenPath && answer && typeof answer === 'object' ? (answer as Record<string, unknown>)[provider.tokenPath] : answer;
  if (!isTokenResponse(body)) throw new ProviderError('unavailable', {status: 200});
  const {access_token, token_type, expires_in, refresh_token_expires_in, scope} = body;
  // Notion's answer may say "refresh_token": null: no refresh token, as when it is left out.
  const refresh_token = body.refresh_token ?? undefined;
  return {
    access_token,
    token_type: token_type ?? 'Bearer',
    // A provider that never says how long its tokens live (Salesforce) still ends them: the preset says what to assume.
    expires_in: expires_in ?? provider.assumedAccessTokenLifetimeSeconds,
    refresh_token,
    refresh_token_expires_in: refreshLifetime(body, answer, provider.refreshTokenExpiresInField) ?? (typeof refresh_token_expires_in === 'number' ? refresh_token_expires_in : undefined),
    scope,
    kept: keptFrom(provider.keep, 'token', answer),
  };
}

/** The refresh token's lifetime under the provider's own name for it (Intuit's x_refresh_token_expires_in), in the token fields or the whole answer. */
function refreshLifetime(body: object, answer: unknown, field: string | undefined): number | undefined {
  if (!field) return undefined;
  const value = (body as Record<string, unknown>)[field] ?? (answer && typeof answer === 'object' ? (answer as Record<string, unknown>)[field] : undefined);
  return typeof value === 'number' && value > 0 ? Math.floor(value) : undefined;
}

/** Trades the code the Dashboard handed back for tokens. A code works once. */
export function exchangeCode(
  provider: OAuthProviderConfig,
  mode: Mode,
  grant: {code: string; verifier: string},
  fetchImpl: Fetch = fetch,
  client: ClientCredentials | null = null,
): Promise<TokenResponse> {
  return tokenRequest(
    provider,
    {grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: redirectUriFor(provider, mode)},
    fetchImpl,
    client,
    // A provider's own word for a used code (Shopify's invalid_request) means what invalid_grant means, for a code only.
    provider.codeRefusedErrors ? new Set([...GRANT_REFUSED, ...provider.codeRefusedErrors]) : GRANT_REFUSED,
  );
}

/** New tokens for a refresh token. Rotating providers invalidate the one sent. */
export function refreshTokens(provider: OAuthProviderConfig, refreshToken: string, fetchImpl: Fetch = fetch, client: ClientCredentials | null = null): Promise<TokenResponse> {
  return tokenRequest(provider, {grant_type: 'refresh_token', refresh_token: refreshToken}, fetchImpl, client);
}

/**
 * RFC 7009 revocation. Resolves when the provider confirmed (200, which it
 * also answers for a token it no longer knows); throws otherwise.
 */
export async function revokeToken(
  provider: OAuthProviderConfig & {revocationUrl: string},
  token: string,
  hint: 'access_token' | 'refresh_token',
  fetchImpl: Fetch = fetch,
  client: ClientCredentials | null = null,
): Promise<void> {
  const request = authenticate(provider.clientId, {token, token_type_hint: hint}, client);
  await post(provider.revocationUrl, request.form, 'form', fetchImpl, {...filledHeaders(provider), ...request.headers});
}
