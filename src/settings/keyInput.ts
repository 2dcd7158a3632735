/**
 * Checks what a user typed before it leaves the page; the words are
 * messages.ts's INPUT_MESSAGES.
 */
import {MAX_EXPIRY_SECONDS, MAX_PAYLOAD_LENGTH} from '../secrets';
import type {KeySlot} from './keySlots';
import {INPUT_MESSAGES} from './messages';

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
    errors.value = INPUT_MESSAGES.empty(slot.label);
  } else if (value === '') {
    errors.value = INPUT_MESSAGES.blank(slot.label);
  } else if (value.length > MAX_PAYLOAD_LENGTH) {
    errors.value = INPUT_MESSAGES.tooLong(slot.label, value.length, MAX_PAYLOAD_LENGTH);
  } else if (slot.pattern && !slot.pattern.test(value)) {
    errors.value = slot.formatHint ? INPUT_MESSAGES.wrongFormat(slot.label, slot.formatHint) : INPUT_MESSAGES.wrongPattern(slot.label, slot.pattern.source);
  }

  const expiresAt = parseExpiryDay(expiryDay);
  if (expiresAt === undefined) {
    errors.expiry = INPUT_MESSAGES.expiryNotADay;
  } else if (expiresAt !== null && expiresAt <= now) {
    errors.expiry = INPUT_MESSAGES.expiryPast;
  } else if (expiresAt !== null && expiresAt > now + MAX_EXPIRY_SECONDS) {
    errors.expiry = INPUT_MESSAGES.expiryTooFar;
  }

  if (errors.value || errors.expiry) return {ok: false, errors};
  return {ok: true, value, expiresAt: expiresAt ?? null};
}
