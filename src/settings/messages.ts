/**
 * What the settings page says when Stripe refused or never answered a load, a
 * save or a delete: why, and what to do next. Where the Secret Store module's
 * own message (src/secrets/errors.ts) already says it, that one is used.
 */
import {SECRETS_PER_SCOPE, toSecretStoreError, type SecretStoreErrorKind} from '../secrets';

interface FailureContext {
  /** What did not happen, e.g. "Acme API key was not saved". */
  what: string;
  /** Keys that could be deleted to make room, by label. */
  removable: string[];
}

interface FailureMessage {
  title: string;
  description: string;
}

/** Wording for the account's keys, where the module's general message would be too vague. */
const REASONS: Partial<Record<SecretStoreErrorKind, (removable: string[]) => string>> = {
  'scope-full': (removable) =>
    `Stripe keeps at most ${SECRETS_PER_SCOPE} keys for this account, and all ${SECRETS_PER_SCOPE} are in use. Delete one to make room.${
      removable.length > 0 ? ` You could delete: ${removable.join(', ')}.` : ''
    }`,
  permission: () =>
    'Keyring is not allowed to manage keys for this account (the secret_write permission is missing). Ask an administrator to review the app\u2019s permissions.',
  'rate-limited': () => 'Stripe is receiving too many requests right now. Wait a moment, then try again.',
  network: () => 'Stripe could not be reached. Check your connection and try again.',
};

/** Why it failed and what to do next, without naming the operation. */
function reason(error: unknown, removable: string[]): string {
  const e = toSecretStoreError(error);
  // The module's messages are its own, never Stripe's text, so they cannot carry a value.
  return REASONS[e.kind]?.(removable) ?? e.message;
}

export function describeFailure(error: unknown, context: FailureContext): FailureMessage {
  return {title: context.what, description: `${reason(error, context.removable)} Nothing was changed.`};
}

export function describeLoadFailure(error: unknown): string {
  return reason(error, []);
}
