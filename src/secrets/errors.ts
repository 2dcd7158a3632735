/**
 * What can go wrong with the Secret Store, as values a view can show.
 *
 * Messages are written here, never copied from Stripe's answer: Stripe may echo
 * a submitted value in its message, and a submitted value may be a secret.
 */
import {SECRETS_PER_SCOPE} from './limits';

export type SecretStoreErrorKind =
  | 'no-user' // no signed-in user in the context: user-scoped secrets are unreachable
  | 'invalid' // a parameter was refused (see `param`)
  | 'scope-full' // the scope already holds the maximum number of secrets
  | 'permission' // 403: missing permission, or a scope this caller may not reach
  | 'auth' // 401
  | 'rate-limited' // 429
  | 'unavailable' // 5xx or an unreadable answer
  | 'network' // no answer at all
  | 'unknown';

const MESSAGES: Record<SecretStoreErrorKind, string> = {
  'no-user': 'No signed-in Dashboard user was found, so your personal secrets cannot be reached.',
  invalid: 'Stripe refused the request.',
  'scope-full': `Stripe keeps at most ${SECRETS_PER_SCOPE} secrets here, and all ${SECRETS_PER_SCOPE} are in use. Delete one before adding another.`,
  permission: 'This app is not allowed to do this: the secret_write permission is missing, or the secret belongs to someone else.',
  auth: 'Stripe did not accept this session. Reload the page and try again.',
  'rate-limited': 'Too many requests to Stripe right now. Wait a moment and try again.',
  unavailable: 'Stripe did not answer properly. Try again in a moment.',
  network: 'Could not reach Stripe. Check your connection and try again.',
  unknown: 'Something went wrong while talking to Stripe. Try again.',
};

const PARAM_MESSAGES: Record<string, string> = {
  name: 'The secret name was refused: it must be 1 to 5000 characters.',
  payload: 'The value was refused: it must be 1 to 5000 characters.',
  expires_at: 'The expiry was refused: it must be in the future and at most 100 years away.',
};

export class SecretStoreError extends Error {
  readonly kind: SecretStoreErrorKind;
  /** The request parameter Stripe named, when it named one (never its value). */
  readonly param?: string;
  readonly statusCode?: number;
  readonly requestId?: string;

  constructor(kind: SecretStoreErrorKind, details: {param?: string; statusCode?: number; requestId?: string; message?: string} = {}) {
    const paramMessage = kind === 'invalid' && details.param ? PARAM_MESSAGES[details.param] : undefined;
    super(details.message ?? paramMessage ?? MESSAGES[kind]);
    this.name = 'SecretStoreError';
    this.kind = kind;
    this.param = details.param;
    this.statusCode = details.statusCode;
    this.requestId = details.requestId;
  }
}

/** The fields of a stripe-node error that are safe to read: never `message` or `raw`. */
interface StripeErrorLike {
  type?: string;
  statusCode?: number;
  code?: string;
  param?: string;
  requestId?: string;
}

/** Turns anything thrown by `stripe.apps.secrets.*` into a SecretStoreError. */
export function toSecretStoreError(error: unknown): SecretStoreError {
  if (error instanceof SecretStoreError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as StripeErrorLike;
  const details = {param: e.param, statusCode: e.statusCode, requestId: e.requestId};
  if (e.type === 'StripeConnectionError') return new SecretStoreError('network', details);
  if (e.type === 'StripeRateLimitError' || e.statusCode === 429) return new SecretStoreError('rate-limited', details);
  if (e.type === 'StripeAuthenticationError' || e.statusCode === 401) return new SecretStoreError('auth', details);
  if (e.type === 'StripePermissionError' || e.statusCode === 403) return new SecretStoreError('permission', details);
  if (e.code === 'secret_limit_exceeded') return new SecretStoreError('scope-full', details);
  if (e.type === 'StripeInvalidRequestError' || e.type === 'StripeIdempotencyError') return new SecretStoreError('invalid', details);
  if (e.type === 'StripeAPIError' || (e.statusCode !== undefined && e.statusCode >= 500)) {
    return new SecretStoreError('unavailable', details);
  }
  return new SecretStoreError('unknown', details);
}
