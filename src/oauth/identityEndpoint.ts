/**
 * "Who is connected": the provider's protected endpoint named by
 * a connection's identityUrl, called with the access token.
 */
import {oauthErrorCode, ProviderError} from './providerErrors';

interface ProviderIdentity {
  /** A display name for the connected account at the provider. */
  name: string;
}

/** The first readable name in the answer: OIDC's name/preferred_username/email, or login/sub. */
function nameIn(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  for (const key of ['name', 'preferred_username', 'email', 'login', 'username', 'user', 'sub']) {
    const value = b[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return null;
}

export async function fetchIdentity(identityUrl: string, accessToken: string, fetchImpl: typeof fetch = fetch): Promise<ProviderIdentity | null> {
  let response: Response;
  try {
    response = await fetchImpl(identityUrl, {headers: {authorization: `Bearer ${accessToken}`, accept: 'application/json'}});
  } catch {
    throw new ProviderError('network');
  }
  return identityFrom(response);
}

/** Reads an identity endpoint's answer: a name, null when it names nobody, or a ProviderError. */
export async function identityFrom(response: Response): Promise<ProviderIdentity | null> {
  if (response.status === 401) throw new ProviderError('invalid-token', {status: 401});
  if (!response.ok) throw new ProviderError('unavailable', {status: response.status});
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    throw new ProviderError('unavailable', {status: response.status});
  }
  // Slack answers every call with HTTP 200, a refused token as {"ok": false, "error": "invalid_auth"}.
  const refusal = body && typeof body === 'object' && (body as {ok?: unknown}).ok === false ? String((body as {error?: unknown}).error ?? '') : null;
  if (refusal !== null) throw new ProviderError(TOKEN_REFUSED.has(refusal) ? 'invalid-token' : 'unavailable', {status: response.status, code: oauthErrorCode(refusal)});
  const name = nameIn(body);
  return name ? {name} : null;
}

/** Slack's error codes for a token it no longer takes (its Web API "Errors" of auth.test). */
const TOKEN_REFUSED = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);
