/**
 * "Who is connected": the provider's protected endpoint named by
 * a connection's identityUrl, called with the access token.
 */
import {oauthErrorCode, ProviderError} from './providerErrors';

import {apiRequest, identityInit} from './apiRequest';
import {keptFrom, textAt} from './keptFields';
import type {OAuthProviderConfig} from './providerConfig';

interface ProviderIdentity {
  /** A display name for the connected account at the provider, when the answer names one. */
  name: string | null;
  /** The fields a preset keeps from the identity answer (Xero's tenant id). */
  kept: Record<string, string>;
}

/** The first readable name in the answer: the preset's path, else OIDC's name/preferred_username/email, or login/sub. */
function nameIn(body: unknown, path: string | undefined): string | null {
  if (!body || typeof body !== 'object') return null;
  const named = path ? textAt(body, path) : undefined;
  if (named && named.trim() !== '') return named.trim().slice(0, 200);
  const b = body as Record<string, unknown>;
  for (const key of ['name', 'preferred_username', 'email', 'login', 'username', 'user', 'sub']) {
    const value = b[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return null;
}

/** Who a fresh access token belongs to, asked as the provider wants it asked (method, body, headers, token header). */
export async function fetchIdentity(provider: OAuthProviderConfig & {identityUrl: string}, accessToken: string, fetchImpl: typeof fetch = fetch): Promise<ProviderIdentity> {
  let response: Response;
  try {
    response = await fetchImpl(...apiRequest(provider, {access_token: accessToken}, provider.identityUrl, identityInit(provider)));
  } catch {
    throw new ProviderError('network');
  }
  return identityFrom(response, provider);
}

/** Reads an identity endpoint's answer: a name (null when it names nobody) and the kept fields, or a ProviderError. */
export async function identityFrom(response: Response, provider: Pick<OAuthProviderConfig, 'identityName' | 'keep' | 'tokenRefusedStatuses'> = {}): Promise<ProviderIdentity> {
  if (refusesToken(provider, response.status)) throw new ProviderError('invalid-token', {status: response.status});
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    throw new ProviderError('unavailable', {status: response.status});
  }
  // A GraphQL API (Linear's) refuses a token with its errors list, on a 200 or a 400.
  if (graphQlAuthError(body)) throw new ProviderError('invalid-token', {status: response.status});
  if (!response.ok) throw new ProviderError('unavailable', {status: response.status});
  // Slack answers every call with HTTP 200, a refused token as {"ok": false, "error": "invalid_auth"}.
  const refusal = body && typeof body === 'object' && (body as {ok?: unknown}).ok === false ? String((body as {error?: unknown}).error ?? '') : null;
  if (refusal !== null) throw new ProviderError(TOKEN_REFUSED.has(refusal) ? 'invalid-token' : 'unavailable', {status: response.status, code: oauthErrorCode(refusal)});
  return {name: nameIn(body, provider.identityName), kept: keptFrom(provider.keep, 'identity', body)};
}

/** Whether a GraphQL answer's errors say the token was not taken (extensions.code AUTHENTICATION_ERROR or UNAUTHENTICATED). */
function graphQlAuthError(body: unknown): boolean {
  const errors = body && typeof body === 'object' ? (body as {errors?: unknown}).errors : undefined;
  return Array.isArray(errors) && errors.some((e) => ['AUTHENTICATION_ERROR', 'UNAUTHENTICATED'].includes(String((e as {extensions?: {code?: unknown}})?.extensions?.code)));
}

/** Whether `status` is the provider's answer to a token it no longer takes. */
export const refusesToken = (provider: Pick<OAuthProviderConfig, 'tokenRefusedStatuses'>, status: number) => (provider.tokenRefusedStatuses ?? [401]).includes(status);

/** Slack's error codes for a token it no longer takes (its Web API "Errors" of auth.test). */
const TOKEN_REFUSED = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);
