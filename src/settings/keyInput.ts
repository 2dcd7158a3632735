/**
 * Checks what a user typed before it leaves the page; the words are
 * messages.ts's INPUT_MESSAGES. A credential of several parts is checked part
 * by part, and each wrong part is named at its own field.
 */
import {MAX_EXPIRY_SECONDS, MAX_PAYLOAD_LENGTH} from '../secrets';
import {partDefault, serializeCredential} from './credential';
import type {KeySlot} from './keySlots';
import {INPUT_MESSAGES} from './messages';

export interface KeyInputErrors {
  /** By part name. */
  parts?: Record<string, string>;
  expiry?: string;
}

type CheckedKeyInput =
  | {ok: true; payload: string; expiresAt: number | null}
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

/** `typed`: what is in each part's field, by part name. */
export function checkKeyInput(slot: KeySlot, typed: Record<string, string>, expiryDay: string, now: number): CheckedKeyInput {
  const parts: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const part of slot.parts) {
    const raw = typed[part.name] ?? partDefault(part);
    // Pasted keys often carry a newline or a space at either end; neither is ever part of a key.
    const value = raw.trim();
    values[part.name] = value;
    if (raw === '') parts[part.name] = INPUT_MESSAGES.empty(part.label);
    else if (value === '') parts[part.name] = INPUT_MESSAGES.blank(part.label);
    else if (value.length > MAX_PAYLOAD_LENGTH) parts[part.name] = INPUT_MESSAGES.tooLong(part.label, value.length, MAX_PAYLOAD_LENGTH);
    else if (part.pattern && !part.pattern.test(value)) {
      parts[part.name] = part.formatHint ? INPUT_MESSAGES.wrongFormat(part.label, part.formatHint) : INPUT_MESSAGES.wrongPattern(part.label, part.pattern.source);
    }
  }
  const errors: KeyInputErrors = {};
  const payload = serializeCredential(slot, values);
  if (Object.keys(parts).length > 0) errors.parts = parts;
  else if (payload.length > MAX_PAYLOAD_LENGTH) {
    // Only several parts together can get here: each alone fitted.
    errors.parts = {[slot.parts[slot.parts.length - 1].name]: INPUT_MESSAGES.tooLong(slot.label, payload.length, MAX_PAYLOAD_LENGTH)};
  }

  const expiresAt = parseExpiryDay(expiryDay);
  if (expiresAt === undefined) {
    errors.expiry = INPUT_MESSAGES.expiryNotADay;
  } else if (expiresAt !== null && expiresAt <= now) {
    errors.expiry = INPUT_MESSAGES.expiryPast;
  } else if (expiresAt !== null && expiresAt > now + MAX_EXPIRY_SECONDS) {
    errors.expiry = INPUT_MESSAGES.expiryTooFar;
  }

  if (errors.parts || errors.expiry) return {ok: false, errors};
  return {ok: true, payload, expiresAt: expiresAt ?? null};
}
