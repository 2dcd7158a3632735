/**
 * Stripe-shaped API errors for the local Secret Store.
 *
 * Messages follow Stripe's own wording where it is known. They never repeat a
 * submitted value: Stripe sometimes echoes a bad value back, but a payload is a
 * secret, so this store names the parameter instead. Names and paths chosen by
 * the caller (an unknown parameter, a URL) are cut to 100 characters, in the
 * message and in `param`, so an answer never grows with what was sent.
 */
export type StripeErrorType =
  | 'invalid_request_error'
  | 'idempotency_error'
  | 'api_error'
  | 'rate_limit_error';

export interface StripeErrorBody {
  error: {
    type: StripeErrorType;
    message: string;
    code?: string;
    param?: string;
    doc_url?: string;
  };
}

const DOC_URL = 'https://docs.stripe.com/error-codes';
const MAX_ECHOED = 100;

/** A caller-chosen name or path as an answer may repeat it: at most 100 characters, then "…". */
export function cutName(name: string): string {
  return name.length > MAX_ECHOED ? `${name.slice(0, MAX_ECHOED)}…` : name;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): StripeErrorBody {
    const error: StripeErrorBody['error'] = {type: this.type, message: this.message};
    if (this.code) {
      error.code = this.code;
      error.doc_url = `${DOC_URL}#${this.code.replace(/_/g, '-')}`;
    }
    if (this.param) error.param = this.param;
    return {error};
  }
}

const invalid = (message: string, code?: string, param?: string, status = 400) =>
  new ApiError(status, 'invalid_request_error', message, code, param);

export const errors = {
  missing: (param: string) => invalid(`Missing required param: ${param}.`, 'parameter_missing', param),
  unknown: (param: string) =>
    invalid(`Received unknown parameter: ${cutName(param)}`, 'parameter_unknown', cutName(param)),
  /**
   * A key the form parser would silently drop rather than write onto an
   * object's prototype. Whether Stripe itself takes `metadata[__proto__]` as a
   * metadata key could not be confirmed; a plain refusal beats losing it unsaid.
   */
  forbiddenKey: (param: string) =>
    invalid(
      `The parameter ${cutName(param)} cannot be used: __proto__, constructor and prototype are not accepted as parameter or metadata keys here.`,
      'parameter_invalid_key',
      cutName(param),
    ),
  duplicate: (param: string) =>
    invalid(
      `Received the parameter ${cutName(param)} more than once. Send each parameter only once.`,
      'parameter_duplicate',
      cutName(param),
    ),
  empty: (param: string) =>
    invalid(
      `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
      'parameter_invalid_empty',
      param,
    ),
  notString: (param: string) => invalid(`Invalid string for ${param}: expected a single text value.`, undefined, param),
  notHash: (param: string) => invalid(`Invalid hash for ${param}: expected an object.`, undefined, param),
  notArray: (param: string) => invalid(`Invalid array for ${param}: expected a list.`, undefined, param),
  tooLong: (param: string, max: number) =>
    invalid(`Invalid string for ${param}: must be at most ${max} characters.`, undefined, param),
  notInteger: (param: string) =>
    invalid(`Invalid integer for ${param}: expected a whole number.`, 'parameter_invalid_integer', param),
  notOneOf: (param: string, allowed: readonly string[]) =>
    invalid(`Invalid ${param}: must be one of ${allowed.join(' or ')}`, undefined, param),
  limitRange: () => invalid('Invalid limit: must be between 1 and 100.', undefined, 'limit'),
  exclusive: (a: string, b: string) =>
    invalid(`You may only specify one of these parameters: ${a}, ${b}.`, 'parameters_exclusive', b),
  notExpandable: (path: string) =>
    invalid(`This property cannot be expanded (${cutName(path)}).`, undefined, 'expand'),
  userRequired: () =>
    invalid('Missing required param: scope[user]. A user scope must name the user.', 'parameter_missing', 'scope[user]'),
  userForbidden: () =>
    invalid('Received unknown parameter: scope[user]. An account scope does not take a user.', 'parameter_unknown', 'scope[user]'),
  expiresPast: () => invalid('Invalid expires_at: must be in the future.', undefined, 'expires_at'),
  expiresTooFar: () =>
    invalid('Invalid expires_at: must be no more than 100 years in the future.', undefined, 'expires_at'),
  /**
   * Stripe documents the 10-per-scope limit but not the exact error; this store
   * answers 400 with a stable code so clients can tell it apart.
   */
  scopeFull: (limit: number) =>
    invalid(
      `This scope already holds the maximum of ${limit} secrets. Delete a secret before adding another; replacing an existing name does not count.`,
      'secret_limit_exceeded',
      'name',
    ),
  noSuchSecret: (name: string, param = 'name') =>
    invalid(`No such secret: '${name}'`, 'resource_missing', param, 404),
  noSuchCursor: (id: string, param: string) =>
    invalid(`No such secret: '${id}'`, 'resource_missing', param, 404),
  noKey: () =>
    invalid(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      undefined,
      undefined,
      401,
    ),
  badKey: (masked: string) =>
    invalid(`Invalid API Key provided: ${masked}`, 'api_key_invalid', undefined, 401),
  badAccountHeader: () =>
    invalid(
      'Invalid Stripe-Account header: expected an account id such as acct_123.',
      undefined,
      undefined,
      400,
    ),
  badExtensionContext: () =>
    new ApiError(
      401,
      'invalid_request_error',
      'The host key was accepted but the extension context is incomplete: send Keyring-Extension-Account (acct_…), Keyring-Extension-User and Keyring-Extension-Mode (test or live).',
    ),
  getWithBody: () =>
    invalid('Invalid request: GET requests take their parameters in the query string, not a body.', undefined, undefined, 400),
  forbiddenScope: () =>
    new ApiError(
      403,
      'invalid_request_error',
      'UI extensions can only access account-scoped secrets or secrets scoped to their own user.',
      'secret_scope_forbidden',
      'scope[user]',
    ),
  forbiddenAccount: () =>
    new ApiError(
      403,
      'invalid_request_error',
      'UI extensions act on the account they are displayed in; the Stripe-Account header is not allowed.',
      undefined,
      undefined,
    ),
  unrecognizedUrl: (method: string, path: string) =>
    invalid(
      `Unrecognized request URL (${cutName(method)}: ${cutName(path)}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      undefined,
      undefined,
      404,
    ),
  contentType: () =>
    invalid(
      'Invalid request: the body must be application/x-www-form-urlencoded, as Stripe requires.',
      undefined,
      undefined,
      400,
    ),
  malformed: () =>
    invalid('Invalid request: the form encoding is malformed (bad percent-escape or invalid UTF-8).', undefined, undefined, 400),
  /** Raw bytes that are not UTF-8: refused rather than stored as U+FFFD. */
  notUtf8: (where: 'body' | 'query string') =>
    invalid(
      `Invalid request: the ${where} is not valid UTF-8. Send UTF-8 text, percent-encoded as application/x-www-form-urlencoded.`,
      undefined,
      undefined,
      400,
    ),
  /** What Node's HTTP parser refused before the store saw a request (a raw non-ASCII byte in the request line, a broken header). */
  unparsable: () =>
    invalid(
      'Invalid request: the request line or headers could not be parsed. Percent-encode anything outside ASCII in the URL.',
      undefined,
      undefined,
      400,
    ),
  headersTooLarge: () => invalid('Request headers too large.', undefined, undefined, 431),
  /** 421: the request names this store by a host it does not answer to (see hostGuard.ts). */
  misdirected: (answersAt: string, givenHost: string) =>
    invalid(
      `This local Secret Store answers only at ${answersAt}; the host name "${givenHost}" was refused. Other host names are refused to stop DNS rebinding (a web page whose name resolves to this machine). Use one of those addresses.`,
      undefined,
      undefined,
      421,
    ),
  tooDeep: () => invalid('Invalid request: parameters are nested too deeply.', undefined, undefined, 400),
  tooMany: () => invalid('Invalid request: too many parameters.', undefined, undefined, 400),
  bodyTooLarge: (max: number) =>
    invalid(`Request body too large: the limit is ${max} bytes.`, undefined, undefined, 413),
  idempotencyMismatch: () =>
    new ApiError(
      400,
      'idempotency_error',
      'Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than the one you sent if you meant to execute a different request.',
    ),
  idempotencyKeyTooLong: () =>
    invalid('Invalid Idempotency-Key: must be at most 255 characters.', undefined, undefined, 400),
  internal: () =>
    new ApiError(500, 'api_error', 'An unexpected error occurred in the local Secret Store.'),
  // The storage failures below say what went wrong with the local disk, never a value.
  diskFull: () =>
    new ApiError(
      500,
      'api_error',
      "The local Secret Store's disk is full, so this request was not saved. Free some disk space and try again; secrets stored before are intact.",
    ),
  diskReadOnly: () =>
    new ApiError(
      500,
      'api_error',
      "The local Secret Store's data file is read-only, so this request was not saved. Check the permissions of its data folder (KEYRING_DATA).",
    ),
  diskIo: () =>
    new ApiError(
      500,
      'api_error',
      "The local Secret Store could not read or write its data file (a disk I/O error), so this request was not completed. Check the disk and try again.",
    ),
  /**
   * An object id not in the caller's account and mode (404). `object` is
   * Stripe's word for it in this message (`payment_intent`, `balance
   * transaction`: kinds.ts), `param` where the id came from.
   */
  noSuch: (object: string, id: string, param: string) =>
    invalid(`No such ${object}: '${cutName(id)}'`, 'resource_missing', param, 404),
  // The Stripe objects' own refusals, below: one table with the Secret Store's above.
  /** A create naming an object that is not there: 400 with the parameter, not 404 (the URL exists). */
  missingReference: (object: string, id: string, param: string) =>
    invalid(`No such ${object}: '${cutName(id)}'`, 'resource_missing', param),
  notBoolean: (param: string, value: string) => invalid(`Invalid boolean: ${cutName(value)}`, undefined, param),
  invalidCurrency: (value: string, supported: readonly string[]) =>
    invalid(`Invalid currency: ${cutName(value)}. Stripe currently supports these currencies: ${supported.join(', ')}`, undefined, 'currency'),
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
