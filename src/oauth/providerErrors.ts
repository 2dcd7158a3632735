/**
 * What can go wrong talking to the OAuth provider, as values the panel can
 * show. Messages are written here: a provider's own error_description is
 * never shown or kept, since some providers echo the submitted code or token.
 */
type ProviderErrorKind =
  | 'invalid-grant' // the code or refresh token was refused: used, expired, revoked or not ours
  | 'refused' // any other OAuth error answer (invalid_client, invalid_request, …)
  | 'invalid-token' // a resource server refused the access token
  | 'unavailable' // 5xx, or an answer that is not what OAuth promises
  | 'network'; // no answer at all (offline, CORS, the CSP)

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status?: number;
  /** The OAuth `error` code when the provider sent a well-formed one (e.g. invalid_grant). */
  readonly code?: string;

  constructor(kind: ProviderErrorKind, details: {status?: number; code?: string} = {}) {
    super(`OAuth provider request failed: ${kind}${details.code ? ` (${details.code})` : ''}${details.status ? `, HTTP ${details.status}` : ''}`);
    this.name = 'ProviderError';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
  }
}

/**
 * An OAuth error code (a token answer's `error`, or the return route's) when it
 * is a short ASCII word; anything else is neither kept nor shown.
 */
export function oauthErrorCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[a-z0-9_.-]{1,64}$/i.test(value) ? value : undefined;
}
