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
  | 'not-found' // no such route
  | 'store-unavailable' // the Secret Store did not answer properly
  | 'internal';

const STATUS: Record<BackendErrorKind, number> = {
  unsigned: 401,
  'bad-signature': 401,
  'expired-signature': 401,
  'bad-request': 400,
  'not-found': 404,
  'store-unavailable': 502,
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
