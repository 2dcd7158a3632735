/**
 * The provider's token endpoint (RFC 6749 §4.1.3 and §6): a form POST from
 * the view itself. The view is a public client: no client secret, PKCE
 * instead. The provider must allow CORS from `Origin: null` (the sandboxed
 * iframe) and the manifest's CSP must list `tokenUrl`.
 */
import {oauthErrorCode, ProviderError} from './providerErrors';
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
}

type Fetch = typeof fetch;

function isTokenResponse(body: unknown): body is TokenResponse {
  const t = body as Partial<TokenResponse> | null;
  return (
    !!t &&
    typeof t.access_token === 'string' &&
    t.access_token !== '' &&
    typeof t.token_type === 'string' &&
    (t.expires_in === undefined || typeof t.expires_in === 'number') &&
    (t.refresh_token === undefined || typeof t.refresh_token === 'string') &&
    (t.scope === undefined || typeof t.scope === 'string')
  );
}

async function postForm(url: string, form: Record<string, string>, fetchImpl: Fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded', accept: 'application/json'},
      body: new URLSearchParams(form).toString(),
    });
  } catch {
    throw new ProviderError('network');
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: judged by the status below.
  }
  if (response.ok) return body;
  const code = oauthErrorCode(body && typeof body === 'object' ? (body as {error?: unknown}).error : undefined);
  if (response.status >= 500 || !code) throw new ProviderError('unavailable', {status: response.status, code});
  throw new ProviderError(code === 'invalid_grant' ? 'invalid-grant' : 'refused', {status: response.status, code});
}

async function tokenRequest(provider: OAuthProviderConfig, form: Record<string, string>, fetchImpl: Fetch): Promise<TokenResponse> {
  const body = await postForm(provider.tokenUrl, {...form, client_id: provider.clientId}, fetchImpl);
  if (!isTokenResponse(body)) throw new ProviderError('unavailable', {status: 200});
  return body;
}

/** Trades the code the Dashboard handed back for tokens. A code works once. */
export function exchangeCode(
  provider: OAuthProviderConfig,
  mode: Mode,
  grant: {code: string; verifier: string},
  fetchImpl: Fetch = fetch,
): Promise<TokenResponse> {
  return tokenRequest(
    provider,
    {grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: redirectUriFor(provider, mode)},
    fetchImpl,
  );
}

/** New tokens for a refresh token. Rotating providers invalidate the one sent. */
export function refreshTokens(provider: OAuthProviderConfig, refreshToken: string, fetchImpl: Fetch = fetch): Promise<TokenResponse> {
  return tokenRequest(provider, {grant_type: 'refresh_token', refresh_token: refreshToken}, fetchImpl);
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
): Promise<void> {
  await postForm(provider.revocationUrl, {token, token_type_hint: hint, client_id: provider.clientId}, fetchImpl);
}
