/**
 * Checks what a user typed before it leaves the page. Every message says what
 * is wrong and what is expected, and none of them repeats the value.
 */
import {MAX_EXPIRY_SECONDS, MAX_PAYLOAD_LENGTH} from '../secrets';
import type {KeySlot} from './keySlots';
import {withArticle} from '../ui/wording';

export interface KeyInputErrors {
  value?: string;
  expiry?: string;
}

type CheckedKeyInput =
  | {ok: true; value: string; expiresAt: number | null}
  | {ok: false; errors: KeyInputErrors};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An expiry day (YYYY-MM-DD, as DateField gives it) as unix seconds: the key
 * is removed at the start of that day, UTC. Null for "no expiry"; undefined
 * when the text is not a day.
 */
export function parseExpiryDay(day: string): number | null | undefined {
  const trimmed = day.trim();
  if (trimmed === '') return null;
  const match = DAY.exec(trimmed);
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, date);
  const parsed = new Date(ms);
  // Date.UTC rolls 2027-02-31 over into March: refuse days that do not exist.
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== date) return undefined;
  return ms / 1000;
}

export function checkKeyInput(slot: KeySlot, typed: string, expiryDay: string, now: number): CheckedKeyInput {
  const errors: KeyInputErrors = {};
  // Pasted keys often carry a newline or a space at either end; neither is ever part of a key.
  const value = typed.trim();
  if (typed === '') {
    errors.value = `Paste the ${slot.label} before saving.`;
  } else if (value === '') {
    errors.value = `The field holds only spaces. Paste the ${slot.label} before saving.`;
  } else if (value.length > MAX_PAYLOAD_LENGTH) {
    errors.value = `This is ${value.length} characters long; Stripe keeps at most ${MAX_PAYLOAD_LENGTH}. Check that you pasted only the ${slot.label}.`;
  } else if (slot.pattern && !slot.pattern.test(value)) {
    errors.value = slot.formatHint
      ? `This does not look like ${withArticle(slot.label)}: it should be a value that ${slot.formatHint}.`
      : `This does not look like ${withArticle(slot.label)}: it does not have the expected format (${slot.pattern.source}).`;
  }

  const expiresAt = parseExpiryDay(expiryDay);
  if (expiresAt === undefined) {
    errors.expiry = 'Enter the expiry as a date (YYYY-MM-DD), or leave it empty for no expiry.';
  } else if (expiresAt !== null && expiresAt <= now) {
    errors.expiry = 'The expiry date has to be in the future (keys expire at the start of the day, UTC).';
  } else if (expiresAt !== null && expiresAt > now + MAX_EXPIRY_SECONDS) {
    errors.expiry = 'The expiry date can be at most 100 years from today.';
  }

  if (errors.value || errors.expiry) return {ok: false, errors};
  return {ok: true, value, expiresAt: expiresAt ?? null};
}
