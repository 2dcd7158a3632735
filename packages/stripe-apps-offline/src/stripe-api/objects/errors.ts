/**
 * Errors of the Stripe objects, in Stripe's wording where it is known, built on
 * the store's one error class (../errors.ts) so the server maps them like the
 * rest.
 */
import {ApiError, cutName} from '../errors';

/** The currencies a price here may use: a common subset of Stripe's, lower case as the API answers them. */
export const CURRENCIES = ['aud', 'brl', 'cad', 'chf', 'cny', 'czk', 'dkk', 'eur', 'gbp', 'hkd', 'inr', 'jpy', 'mxn', 'nok', 'nzd', 'pln', 'sek', 'sgd', 'usd'];

const invalid = (message: string, code?: string, param?: string, status = 400) =>
  new ApiError(status, 'invalid_request_error', message, code, param);

export const objectErrors = {
  noSuchCustomer: (id: string, param = 'id') => invalid(`No such customer: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchPaymentIntent: (id: string, param = 'intent') =>
    invalid(`No such payment_intent: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchProduct: (id: string, param = 'id') => invalid(`No such product: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchPrice: (id: string, param = 'price') => invalid(`No such price: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchSubscription: (id: string, param = 'subscription_exposed_id') =>
    invalid(`No such subscription: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchInvoice: (id: string, param = 'invoice') => invalid(`No such invoice: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchCharge: (id: string, param = 'charge') => invalid(`No such charge: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchRefund: (id: string, param = 'refund') => invalid(`No such refund: '${cutName(id)}'`, 'resource_missing', param, 404),
  noSuchBalanceTransaction: (id: string, param = 'id') =>
    invalid(`No such balance transaction: '${cutName(id)}'`, 'resource_missing', param, 404),
  /** A create naming an object that is not there: 400 with the parameter, not 404 (the URL exists). */
  missingReference: (object: string, id: string, param: string) =>
    invalid(`No such ${object}: '${cutName(id)}'`, 'resource_missing', param),
  notBoolean: (param: string, value: string) => invalid(`Invalid boolean: ${cutName(value)}`, undefined, param),
  invalidCurrency: (value: string) =>
    invalid(`Invalid currency: ${cutName(value)}. Stripe currently supports these currencies: ${CURRENCIES.join(', ')}`, undefined, 'currency'),
  negativeAmount: (param: string) => invalid(`Invalid integer: ${param} must be greater than or equal to 0.`, undefined, param),
  priceAmountMissing: () =>
    invalid('Missing required param: unit_amount. A price needs unit_amount or unit_amount_decimal.', 'parameter_missing', 'unit_amount'),
  productExists: () => invalid('Product already exists.', 'resource_already_exists', 'id'),
  defaultPriceOfOtherProduct: (price: string) =>
    invalid(`The price '${cutName(price)}' does not belong to this product, so it cannot be its default price.`, undefined, 'default_price'),
  inactiveDefaultPrice: () =>
    invalid('The default price of a product must be active; archive the default price after setting another one.', undefined, 'default_price'),
  intervalTooLong: () =>
    invalid('Invalid recurring[interval_count]: the maximum interval is one year (1 year, 12 months, 52 weeks or 365 days).', undefined, 'recurring[interval_count]'),
  archiveDefaultPrice: () =>
    invalid("This price cannot be archived because it is the default price of its product. Set another default_price on the product first.", undefined, 'active'),
  taxBehaviorFixed: () =>
    invalid('tax_behavior cannot be changed once it is set to inclusive or exclusive.', undefined, 'tax_behavior'),
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
