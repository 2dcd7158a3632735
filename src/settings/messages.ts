/** What to tell the user when Stripe refused or never answered a load, a save or a delete. */
import {toSecretStoreError} from '../secrets';

export interface FailureContext {
  /** What did not happen, e.g. "Acme API key was not saved". */
  what: string;
  /** Keys that could be deleted to make room, by label. */
  removable: string[];
}

export interface FailureMessage {
  title: string;
  description: string;
}

/** Why it failed and what to do next, without naming the operation. */
function reason(error: unknown, removable: string[]): string {
  const e = toSecretStoreError(error);
  switch (e.kind) {
    case 'scope-full': {
      const which = removable.length > 0 ? ` You could delete: ${removable.join(', ')}.` : '';
      return `Stripe keeps at most 10 keys for this account, and all 10 are in use. Delete one to make room.${which}`;
    }
    case 'permission':
      return 'Keyring is not allowed to manage keys for this account (the secret_write permission is missing). Ask an administrator to review the app\u2019s permissions.';
    case 'rate-limited':
      return 'Stripe is receiving too many requests right now. Wait a moment, then try again.';
    case 'unavailable':
      return 'Stripe did not answer properly. Try again in a moment.';
    case 'network':
      return 'Stripe could not be reached. Check your connection and try again.';
    default:
      // The module's messages are its own, never Stripe's text, so they cannot carry a value.
      return e.message;
  }
}

export function describeFailure(error: unknown, context: FailureContext): FailureMessage {
  return {title: context.what, description: `${reason(error, context.removable)} Nothing was changed.`};
}

export function describeLoadFailure(error: unknown): string {
  return reason(error, []);
}
