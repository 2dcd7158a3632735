/**
 * The third-party keys an app asks for, declared in stripe-app.json:
 *
 *   "constants": {"keySlots": [{"name": "acme_api_key", "label": "Acme API key",
 *     "description": "…", "pattern": "^sk_(test|live)_", "formatHint": "starts with sk_test_ or sk_live_",
 *     "helpUrl": "https://acme.example/keys", "required": true}]}
 *
 * A developer who forks Keyring edits this list, not the view. Mistakes in it
 * (and in constants.keyChecks, see keyChecks.ts) are reported on the settings
 * page instead of breaking it.
 */
import {manifestConstant, text, type ManifestConstants} from '../manifestConstants';
import {MAX_NAME_LENGTH} from '../secrets';
import {readKeyChecks, type KeyCheck} from './keyChecks';

export interface KeySlot {
  /** The Secret Store name, shared with the app's backend. */
  name: string;
  label: string;
  description?: string;
  /** Values must match this (tested against the trimmed value). */
  pattern?: RegExp;
  /** Says in words what `pattern` expects, e.g. "starts with sk_test_ or sk_live_". */
  formatHint?: string;
  /** Where the user finds the key. */
  helpUrl?: string;
  required: boolean;
  /** How the backend checks a stored key with the third party, when constants.keyChecks declares it. */
  check?: KeyCheck;
}

interface KeySlotConfig {
  slots: KeySlot[];
  /** What was wrong in the manifest, for the developer (shown on the page). */
  problems: string[];
}

const NAME = /^[A-Za-z0-9_.-]+$/;

export function readKeySlots(constants: ManifestConstants): KeySlotConfig {
  const {slots, problems} = readSlots(constants);
  const checks = readKeyChecks(constants);
  problems.push(...checks.problems);
  for (const slot of slots) slot.check = checks.checks.get(slot.name);
  for (const name of checks.checks.keys()) {
    if (!slots.some((slot) => slot.name === name)) problems.push(`constants.keyChecks.${name} names no slot in constants.keySlots, so nothing offers it.`);
  }
  return {slots, problems};
}

function readSlots(constants: ManifestConstants): KeySlotConfig {
  const problems: string[] = [];
  const raw = manifestConstant(constants, 'keySlots');
  if (raw === undefined) return {slots: [], problems: ['stripe-app.json has no constants.keySlots: no keys are asked for.']};
  if (!Array.isArray(raw)) return {slots: [], problems: ['constants.keySlots in stripe-app.json must be a list.']};

  const slots: KeySlot[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, i) => {
    const where = `constants.keySlots[${i}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`${where} must be an object.`);
      return;
    }
    const name = text(entry.name);
    if (!name || !NAME.test(name) || name.length > MAX_NAME_LENGTH) {
      problems.push(`${where}.name must be letters, digits, "_", "-" or "." (it is the secret's name).`);
      return;
    }
    if (seen.has(name)) {
      problems.push(`${where}.name "${name}" is declared twice.`);
      return;
    }
    seen.add(name);
    let pattern: RegExp | undefined;
    const source = text(entry.pattern);
    if (source) {
      try {
        pattern = new RegExp(source);
      } catch {
        problems.push(`${where}.pattern is not a valid regular expression; values for "${name}" are not format-checked.`);
      }
    }
    const helpUrl = text(entry.helpUrl);
    if (helpUrl && !/^https:\/\//.test(helpUrl)) problems.push(`${where}.helpUrl must start with https://.`);
    slots.push({
      name,
      label: text(entry.label) ?? name,
      description: text(entry.description),
      pattern,
      formatHint: text(entry.formatHint),
      helpUrl: helpUrl && /^https:\/\//.test(helpUrl) ? helpUrl : undefined,
      required: entry.required === true,
    });
  });
  return {slots, problems};
}
