/**
 * What the settings page says when Stripe refused or never answered a load, a
 * save or a delete: why, and what to do next. Where the Secret Store module's
 * own message (src/secrets/errors.ts) already says it, that one is used.
 * Also what a key test found (describeKeyTest), and what is wrong with what the
 * user typed (INPUT_MESSAGES), so every sentence the page can show is here.
 */
import {BackendCallError} from '../appBackend';
import {SECRETS_PER_SCOPE, toSecretStoreError, type SecretStoreErrorKind} from '../secrets';
import type {KeyCheck, KeyTestAnswer} from './keyChecks';
import {withArticle} from '../ui/wording';

/**
 * What is wrong with a typed key or expiry, and what is expected. None of them
 * repeats the value: the message is drawn next to a password field.
 */
export const INPUT_MESSAGES = {
  empty: (label: string) => `Paste the ${label} before saving.`,
  blank: (label: string) => `The field holds only spaces. Paste the ${label} before saving.`,
  tooLong: (label: string, length: number, max: number) =>
    `This is ${length} characters long; Stripe keeps at most ${max}. Check that you pasted only the ${label}.`,
  wrongFormat: (label: string, formatHint: string) => `This does not look like ${withArticle(label)}: it should be a value that ${formatHint}.`,
  wrongPattern: (label: string, pattern: string) =>
    `This does not look like ${withArticle(label)}: it does not have the expected format (${pattern}).`,
  expiryNotADay: 'Enter the expiry as a date (YYYY-MM-DD), or leave it empty for no expiry.',
  expiryPast: 'The expiry date has to be in the future (keys expire at the start of the day, UTC).',
  expiryTooFar: 'The expiry date can be at most 100 years from today.',
} as const;

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
    'This app is not allowed to manage keys for this account (the secret_write permission is missing). Ask an administrator to review the app\u2019s permissions.',
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

/** A time of day in the user's own zone, 24-hour: "14:05". */
function formatTime(unixSeconds: number, locale: string): string {
  const date = new Date(unixSeconds * 1000);
  try {
    return new Intl.DateTimeFormat(locale, {hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(date);
  } catch {
    // An unknown locale tag from the Dashboard should not take the page down.
    return date.toISOString().slice(11, 16);
  }
}

export interface KeyTestMessage {
  type: 'default' | 'caution' | 'critical';
  title: string;
  description?: string;
}

interface TestedSlot {
  label: string;
  check: Pick<KeyCheck, 'service' | 'timeoutMs'>;
}

/** What the backend found when it tried the stored key with the third party. */
export function describeKeyTest(answer: KeyTestAnswer, slot: TestedSlot, locale: string): KeyTestMessage {
  const {service} = slot.check;
  const time = formatTime(answer.checked_at, locale);
  switch (answer.result) {
    case 'works':
      return {type: 'default', title: `${slot.label} works — checked at ${time}`};
    case 'refused':
      return {
        type: 'critical',
        title: `${service} refused this key`,
        description: `${service} answered ${answer.status ?? 'with a refusal'} at ${time}: the key is wrong, revoked or not allowed this access. Replace it with a current key from ${service}.`,
      };
    case 'unreachable':
      return {
        type: 'caution',
        title: `Could not reach ${service} to check this key`,
        description: `${
          answer.status === undefined
            ? `${service} did not answer within ${Math.round(slot.check.timeoutMs / 1000)} seconds, or could not be connected to.`
            : `${service} answered ${answer.status}, which says nothing about the key.`
        } The key may still work; try again in a moment.`,
      };
    case 'not-set':
      return {
        type: 'caution',
        title: `No ${slot.label} is stored`,
        description: 'It was deleted or expired after this page loaded. Reload the page to see the keys as they are now.',
      };
  }
}

/** Why a key could not be tested at all: the app backend's call failed. */
export function describeKeyTestFailure(error: unknown, slot: TestedSlot): KeyTestMessage {
  const title = `${slot.label} could not be tested`;
  if (!(error instanceof BackendCallError)) return {type: 'critical', title, description: 'Something went wrong. Try again in a moment.'};
  if (error.kind === 'refused' && error.code === 'bad-request') {
    return {
      type: 'critical',
      title,
      description: `The app backend has no usable check for this key: deploy it with the same constants.keyChecks as this app's stripe-app.json.`,
    };
  }
  return {type: 'critical', title, description: error.message};
}
