/** What Stripe's Secret Store accepts, so a view can refuse the same things before a request. */

/** Stripe keeps at most this many secrets in one scope (per app). */
export const SECRETS_PER_SCOPE = 10;
export const MAX_NAME_LENGTH = 5000;
export const MAX_PAYLOAD_LENGTH = 5000;
export const MAX_EXPIRY_SECONDS = Math.round(100 * 365.25 * 24 * 3600);
