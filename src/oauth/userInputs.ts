/**
 * What each user gives before connecting, when the provider's URLs depend on
 * who connects: Shopify's shop, whose own host serves every endpoint. (An
 * app-wide value, such as Microsoft's tenant, is the manifest's `inputs`.)
 * A preset declares them as `userInputs`; the panel asks for each before it
 * offers Connect, the sign-in record keeps them until the Dashboard hands the
 * code back, and the connection keeps them among its kept fields.
 *
 * Every use fills the URLs from the values again and checks them again: the
 * backend sends its client secret to the token URL, and the connection's
 * secret sits in the user's scope, which the view can write. A value of the
 * wrong form is refused wherever it comes from (the field, the sign-in
 * record, the stored connection), so the secret only ever goes to a host the
 * pattern allows.
 */
import type {OAuthProviderConfig} from './providerConfig';
import {fillUrlFields} from './template';

export interface UserInput {
  /** The field's label, naming what it asks for ("Shop domain"). */
  label: string;
  /** What a right value looks like, said under the field and in a refusal. */
  description: string;
  /** The whole value's form, anchored (^…$): it decides which hosts the secrets may go to. */
  pattern: string;
  /**
   * The value is a host name under this domain (".myshopify.com"): typed with
   * https://, a path, capitals or only its first label, it is read as the host.
   */
  hostSuffix?: string;
  /** A value of the right form, for the field's placeholder and for checking the preset's URLs. */
  example: string;
}

export type UserInputs = Record<string, UserInput>;

/** A value given for a user input is missing or of the wrong form; `message` says which and what it should be. */
export class UserInputError extends Error {
  readonly kind = 'user-input';
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** What the user typed, as the value the provider's URLs take (trimmed; a host name reduced to its host). */
export function normalizeUserInput(input: UserInput, typed: string): string {
  const value = typed.trim();
  if (!input.hostSuffix) return value;
  const host = value
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '');
  return host !== '' && !host.includes('.') ? `${host}${input.hostSuffix}` : host;
}

/** `typed` read for `input`: the value, or what is wrong with it, in words the user can act on. */
export function readUserInput(input: UserInput, typed: string): {value: string} | {problem: string} {
  if (typed.trim() === '') return {problem: `Enter the ${input.label.toLowerCase()}: ${input.description}.`};
  const value = normalizeUserInput(input, typed);
  if (!new RegExp(input.pattern).test(value)) return {problem: `"${value.slice(0, 80)}" is not ${input.description}.`};
  return {value};
}

/**
 * The provider with its user inputs filled in from `values`, and the values
 * as filled. The values must be as readUserInput reads them (the panel reads
 * what was typed before recording it): anything else, from a sign-in record,
 * a request or a stored connection, is not trusted to be tidied. A provider
 * without user inputs is returned as it is; one value missing or of the
 * wrong form throws a UserInputError naming it. Values other than the
 * declared inputs are ignored, so a connection's kept fields can be passed
 * as they are.
 */
export function forUser(provider: OAuthProviderConfig, values: Readonly<Record<string, string | undefined>> = {}): {provider: OAuthProviderConfig; values: Record<string, string>} {
  const declared = provider.userInputs;
  if (!declared) return {provider, values: {}};
  const filled: Record<string, string> = {};
  for (const [name, input] of Object.entries(declared)) {
    const value = values[name] ?? '';
    const read = readUserInput(input, value);
    if ('problem' in read) throw new UserInputError(name, `${provider.name}: ${read.problem}`);
    if (read.value !== value) throw new UserInputError(name, `${provider.name}: "${value.slice(0, 80)}" is not ${input.description}.`);
    filled[name] = value;
  }
  const encoded = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, encodeURIComponent(v)]));
  // apiBase may also name fields kept from the token answer: those are filled where the call is made.
  return {provider: {...provider, ...fillUrlFields(provider, encoded)}, values: filled};
}

const USER_INPUT_NAME = /^[a-z][a-z0-9_]{0,29}$/;

/** An entry's `userInputs`, checked: each needs a label, a description, an anchored pattern and an example it matches. */
export function readUserInputs(raw: unknown, at: string, problems: string[]): UserInputs | undefined {
  if (raw === undefined) return undefined;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${at}.userInputs must be an object of inputs.`);
    return undefined;
  }
  const out: UserInputs = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const where = `${at}.userInputs.${name.slice(0, 30)}`;
    const input = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    const text = (key: string) => (typeof input[key] === 'string' && input[key] !== '' ? (input[key] as string) : undefined);
    const [label, description, pattern, example, hostSuffix] = [text('label'), text('description'), text('pattern'), text('example'), text('hostSuffix')];
    let matcher: RegExp | null = null;
    try {
      matcher = pattern && pattern.startsWith('^') && pattern.endsWith('$') ? new RegExp(pattern) : null;
    } catch {
      matcher = null;
    }
    if (!USER_INPUT_NAME.test(name) || !label || !description || !matcher || !example || !matcher.test(example) || (input.hostSuffix !== undefined && !hostSuffix)) {
      problems.push(`${where} must have a label, a description, a pattern anchored with ^ and $, and an example the pattern accepts.`);
      continue;
    }
    out[name] = {label, description, pattern: pattern as string, example, ...(hostSuffix ? {hostSuffix} : {})};
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Each user input's example, for checking a URL that holds `{name}`s before any user has given one. */
export const exampleValues = (inputs: UserInputs | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(inputs ?? {}).map(([name, input]) => [name, input.example]));
