/**
 * One error base class and one mapping function, as stripe-node does it:
 * every refusal the backend makes is a BackendError with a `kind`, and
 * `toErrorResponse` is the only place that turns an error into an answer.
 * Messages are written here, never copied from a third party's or Stripe's
 * answer, so none can carry a key, a token or a payload.
 */

export type BackendErrorKind =
  | 'unsigned' // no Stripe-Signature header
  | 'bad-signature' // forged, wrong secret, or a body whose user/account differ from the signed ones
  | 'expired-signature' // outside the 300 s tolerance
  | 'bad-request' // not JSON, or a field missing
  | 'too-large' // a body over MAX_BODY_BYTES, declared or streamed
  | 'not-found' // no such route
  | 'store-unavailable' // the Secret Store did not answer properly
  | 'store-rate-limited' // Stripe answered 429 to every try (README: rate limits)
  | 'not-ready' // the backend is stopping, or cannot reach the Secret Store (/readyz)
  | 'misconfigured' // a Worker whose bindings are missing or malformed (config.ts names the variable)
  | 'oauth-not-configured' // constants.oauth is missing or invalid, or does not let the backend do this
  | 'not-connected' // the signed-in user has no stored connection
  | 'connection-unreadable' // the stored connection could not be read, or the tokens would not fit in one secret
  | 'provider-invalid-grant' // the OAuth provider refused the code or refresh token (used, expired or revoked)
  | 'provider-refused' // the OAuth provider refused the request otherwise (invalid_client, invalid_request, …)
  | 'provider-unavailable' // the OAuth provider answered 5xx or something that is not OAuth
  | 'provider-unreachable' // the OAuth provider did not answer at all
  | 'internal';

const STATUS: Record<BackendErrorKind, number> = {
  unsigned: 401,
  'bad-signature': 401,
  'expired-signature': 401,
  'bad-request': 400,
  'too-large': 413,
  'not-found': 404,
  'store-unavailable': 502,
  'store-rate-limited': 503,
  'not-ready': 503,
  misconfigured: 500,
  'oauth-not-configured': 501,
  'not-connected': 409,
  'connection-unreadable': 500,
  'provider-invalid-grant': 400,
  'provider-refused': 502,
  'provider-unavailable': 502,
  'provider-unreachable': 504,
  internal: 500,
};

export class BackendError extends Error {
  readonly status: number;
  constructor(
    readonly kind: BackendErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'BackendError';
    this.status = STATUS[kind];
  }
}

export interface ErrorResponse {
  status: number;
  body: {error: {type: BackendErrorKind; message: string}};
}

/** The answer for any error; what is not a BackendError is an internal error, described by nothing but its kind. */
export function toErrorResponse(e: unknown): ErrorResponse {
  const error = e instanceof BackendError ? e : new BackendError('internal', 'The app backend failed. Try again in a moment.');
  return {status: error.status, body: {error: {type: error.kind, message: error.message}}};
}
