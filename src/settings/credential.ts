/**
 * A credential as the Secret Store keeps it, and its parts. A slot with one
 * part (an API key) stores the value as it is, as Keyring always has. A slot
 * with several (Twilio's Account SID and Auth Token) stores them in one
 * secret, so they take one place of the account's 10 and are saved and
 * replaced together:
 *
 *   {"keyring_parts": {"accountSid": "AC…", "authToken": "…"}}
 *
 * A part may give another value its form picks out (Mailchimp's data centre,
 * the `-us21` at the end of the key): `derive`, a regular expression whose
 * first group is the value. Read by the settings page (to save) and by the
 * backend (to read and to check): no React here.
 */
import {fillTemplate} from '../oauth/template';

export const PARTS_FIELD = 'keyring_parts';

export interface KeyPart {
  /** Its name in the payload and in a check's templates ("accountSid"); a slot's one part is "key" unless a preset names it. */
  name: string;
  label: string;
  /** The trimmed value must match this. */
  pattern?: RegExp;
  /** Says in words what `pattern` expects: "starts with AC followed by 32 hexadecimal digits". */
  formatHint?: string;
  /** Shown as typed (an account id, a subdomain) rather than hidden; never shown again after saving either way. */
  visible?: boolean;
  /** What to write, for the field's placeholder (only for a visible part). */
  example?: string;
  /** A part picked from a list (a region), drawn as a choice with the first picked: its values are the only ones of its form. */
  choices?: readonly PartChoice[];
}

export interface PartChoice {
  /** What is stored and put in a check's template ("eu"); a host name's letters when it goes in a host. */
  value: string;
  label: string;
}

/** What a part holds before anyone types: a choice's first value, or nothing. */
export const partDefault = (part: KeyPart): string => part.choices?.[0]?.value ?? '';

/** A value a part's form gives: `from` the part, `pattern`'s first group. */
export interface DerivedValue {
  from: string;
  pattern: RegExp;
}

export interface CredentialShape {
  parts: KeyPart[];
  derive?: Record<string, DerivedValue>;
}

/** The one-part slot's part name, when no preset names it. */
export const SINGLE_PART = 'key';

/** The payload for these values: the value itself for one part, the parts object for several. */
export function serializeCredential(shape: CredentialShape, values: Record<string, string>): string {
  if (shape.parts.length === 1) return values[shape.parts[0].name] ?? '';
  return JSON.stringify({[PARTS_FIELD]: Object.fromEntries(shape.parts.map((p) => [p.name, values[p.name] ?? '']))});
}

/** The parts object of a stored multi-part payload (serializeCredential's envelope), or null when it is not one. */
function envelopeParts(payload: string): Record<string, string> | null {
  if (!payload.startsWith(`{"${PARTS_FIELD}"`)) return null;
  try {
    const parts = (JSON.parse(payload) as Record<string, unknown>)[PARTS_FIELD];
    if (parts && typeof parts === 'object' && Object.values(parts).every((v) => typeof v === 'string')) return parts as Record<string, string>;
  } catch {
    // Not an envelope after all.
  }
  return null;
}

/** A stored payload as its parts by name, or null when it is not one of this shape (a single key where parts are expected). */
export function parseCredential(shape: CredentialShape, payload: string): Record<string, string> | null {
  if (shape.parts.length === 1) return {[shape.parts[0].name]: payload};
  const parts = envelopeParts(payload);
  return parts && shape.parts.every((p) => typeof parts[p.name] === 'string') ? Object.fromEntries(shape.parts.map((p) => [p.name, parts[p.name]])) : null;
}

/** A stored payload read without knowing its slot: the parts object of a multi-part credential, or the value itself as it was pasted. */
export function credentialFromPayload(payload: string): string | Record<string, string> {
  return envelopeParts(payload) ?? payload;
}

/** Each part that is not of its form, with what it should be; empty when all are. */
export function partProblems(shape: CredentialShape, values: Record<string, string>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const part of shape.parts) {
    const value = values[part.name] ?? '';
    if (part.pattern && !part.pattern.test(value)) problems[part.name] = part.formatHint ? `it should be a value that ${part.formatHint}` : `it does not have the expected format (${part.pattern.source})`;
  }
  return problems;
}

/** The parts and the values they give (Mailchimp's dc), for a check's templates; null when a derived value cannot be read. */
export function templateValues(shape: CredentialShape, values: Record<string, string>): Record<string, string> | null {
  const out: Record<string, string> = {...values};
  for (const [name, derived] of Object.entries(shape.derive ?? {})) {
    const found = derived.pattern.exec(values[derived.from] ?? '')?.[1];
    if (!found) return null;
    out[name] = found;
  }
  return out;
}

/** `template` filled from `values`, URL-encoded where it is a URL; null when it names a value there is none of. */
export function fillCredentialTemplate(template: string, values: Record<string, string>, encode: (v: string) => string = (v) => v): string | null {
  const {text, missing} = fillTemplate(template, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, encode(v)])));
  return missing.length > 0 ? null : text;
}
