/**
 * Errors of the Stripe objects, in Stripe's wording where it is known, built on
 * the store's one error class (../errors.ts) so the server maps them like the
 * rest.
 */
import {ApiError, cutName} from '../errors';

const invalid = (message: string, code?: string, param?: string, status = 400) =>
  new ApiError(status, 'invalid_request_error', message, code, param);

export const objectErrors = {
  noSuchCustomer: (id: string, param = 'id') => invalid(`No such customer: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchPaymentIntent: (id: string, param = 'intent') =>
    invalid(`No such payment_intent: '${cutName(id)}'`, 'resource_missing', param, 404),
  invalidEmail: () => invalid('Invalid email address.', 'email_invalid', 'email'),
  metadataTooMany: () => invalid('Invalid metadata: metadata can have at most 50 keys.', undefined, 'metadata'),
  metadataKeyTooLong: (key: string) =>
    invalid('Invalid metadata: keys must be at most 40 characters.', undefined, `metadata[${cutName(key)}]`),
  metadataValueTooLong: (key: string) =>
    invalid('Invalid metadata: values must be at most 500 characters.', undefined, `metadata[${cutName(key)}]`),
  /**
   * What Stripe answers a UI extension (or a restricted key) calling an
   * endpoint its app's permissions do not cover: 403, which stripe-node turns
   * into StripePermissionError. Stripe sends it without a code or param.
   */
  missingPermission: (account: string, permission: string) =>
    new ApiError(
      403,
      'invalid_request_error',
      `This application does not have the required permissions for this endpoint on account '${account}'. Having the '${permission}' permission would allow this request to continue.`,
    ),
  /** Not Stripe's: the store was started without the app's permission list (see StartOptions.permissions). */
  noPermissionList: () =>
    new ApiError(
      403,
      'invalid_request_error',
      "This local Secret Store was started without the app's permissions, so UI extensions cannot reach Stripe objects. Start it with the manifest's permissions.",
    ),
};
