/**
 * The third-party keys an app asks for, declared in stripe-app.json:
 *
 *   "constants": {"keySlots": [
 *     {"name": "openai", "preset": "openai"},                          (a preset: presets/)
 *     {"name": "acme_api_key", "label": "Acme API key",                (written out: one value)
 *      "description": "…", "pattern": "^sk_(test|live)_", "formatHint": "starts with sk_test_ or sk_live_",
 *      "helpUrl": "https://acme.example/keys", "required": true}]}
 *
 * A preset's slot may still say its own label, description, helpUrl and
 * required; constants.keyChecks[name] changes any field of its check. A
 * developer who forks Keyring edits this list, not the view. Mistakes in it
 * (and in constants.keyChecks, see keyChecks.ts) are reported on the settings
 * page instead of breaking it.
 */
import {manifestConstant, text, type ManifestConstants} from '../manifestConstants';
import {MAX_NAME_LENGTH} from '../secrets';
import {SINGLE_PART, type CredentialShape, type DerivedValue, type KeyPart} from './credential';
import {readKeyChecks, type BaseCheck, type KeyCheck} from './keyChecks';
import {KEY_PRESETS, type KeyPreset} from './presets';

export interface KeySlot extends CredentialShape {
  /** The Secret Store name, shared with the app's backend. */
  name: string;
  label: string;
  description?: string;
  /** Where the user finds the key. */
  helpUrl?: string;
  required: boolean;
  /** The preset it comes from, if any. */
  preset?: string;
  /** How the backend checks a stored key with the third party (a preset's, or constants.keyChecks'). */
  check?: KeyCheck;
}

interface KeySlotConfig {
  slots: KeySlot[];
  /** What was wrong in the manifest, for the developer (shown on the page). */
  problems: string[];
}

const NAME = /^[A-Za-z0-9_.-]+$/;
/** What a value placed in a check's host may hold: a host name's letters (each value also has its part's own anchored form). */
export const HOST_SAFE = /^[A-Za-z0-9.-]{1,253}$/;

export function readKeySlots(constants: ManifestConstants): KeySlotConfig {
  const {slots, problems} = readSlots(constants);
  // A preset slot's check is its preset's, with the manifest's changes to it read as one.
  const bases: Record<string, BaseCheck> = {};
  for (const slot of slots) {
    const preset = slot.preset ? KEY_PRESETS[slot.preset] : undefined;
    if (preset?.check) bases[slot.name] = {check: {service: preset.service, ...preset.check}, where: `constants.keySlots (${slot.name}, preset ${slot.preset}).check`};
  }
  const checks = readKeyChecks(constants, bases);
  problems.push(...checks.problems);
  for (const slot of slots) {
    const before = problems.length;
    slot.check = checks.checks.get(slot.name);
    if (slot.check) checkTemplates(slot, slot.check, problems);
    // A check whose templates are wrong is not offered: the backend would refuse it anyway.
    if (problems.length > before) slot.check = undefined;
  }
  for (const name of checks.checks.keys()) {
    if (!slots.some((slot) => slot.name === name)) problems.push(`constants.keyChecks.${name} names no slot in constants.keySlots, so nothing offers it.`);
  }
  return {slots, problems};
}

/** Every {name} of a check names a part or a derived value; one in the URL's host must be of an anchored form. */
function checkTemplates(slot: KeySlot, check: KeyCheck, problems: string[]): void {
  const known = new Map<string, boolean>([
    ...slot.parts.map((p): [string, boolean] => [p.name, !!p.pattern && p.pattern.source.startsWith('^') && p.pattern.source.endsWith('$')]),
    ...Object.keys(slot.derive ?? {}).map((name): [string, boolean] => [name, true]),
  ]);
  const present = check.present;
  const templates = [
    check.url,
    ...Object.values(check.headers ?? {}),
    ...(present.kind === 'basic' ? [present.user ?? '', present.password ?? ''] : present.kind === 'query' ? [present.value] : [present.value ?? '']),
  ];
  const at = `constants.keySlots (${slot.name}) check`;
  for (const name of templates.flatMap((t) => [...t.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))) {
    if (!known.has(name)) problems.push(`${at} names {${name}}, which is none of the slot's parts (${[...known.keys()].join(', ')}).`);
  }
  const host = /^https?:\/\/([^/?#]*)/.exec(check.url)?.[1] ?? '';
  for (const [, name] of host.matchAll(/\{([A-Za-z0-9_]+)\}/g)) {
    if (known.get(name) === false) problems.push(`${at} puts {${name}} in its host, so that part needs a pattern anchored with ^ and $.`);
  }
}

/** Exactly one of the choices' values, anchored: a chosen part may go in a check's host. */
const choicePattern = (choices: readonly {value: string}[]) => new RegExp(`^(?:${choices.map((c) => c.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

/** A preset's parts and derived values as the reader keeps them. */
function presetShape(preset: KeyPreset): CredentialShape {
  return {
    parts: preset.parts.map((p) => ({
      name: p.name,
      label: p.label,
      ...(p.pattern ? {pattern: new RegExp(p.pattern)} : p.choices ? {pattern: choicePattern(p.choices)} : {}),
      ...(p.formatHint ? {formatHint: p.formatHint} : p.choices ? {formatHint: `is one of ${p.choices.map((c) => c.value).join(', ')}`} : {}),
      ...(p.visible || p.choices ? {visible: true} : {}),
      ...(p.example ? {example: p.example} : {}),
      ...(p.choices ? {choices: p.choices} : {}),
    })),
    ...(preset.derive ? {derive: Object.fromEntries(Object.entries(preset.derive).map(([k, d]): [string, DerivedValue] => [k, {from: d.from, pattern: new RegExp(d.pattern)}]))} : {}),
  };
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
    const helpUrl = text(entry.helpUrl);
    if (helpUrl && !/^https:\/\//.test(helpUrl)) problems.push(`${where}.helpUrl must start with https://.`);
    const own = {
      label: text(entry.label),
      description: text(entry.description),
      helpUrl: helpUrl && /^https:\/\//.test(helpUrl) ? helpUrl : undefined,
      required: entry.required === true,
    };
    if (entry.preset !== undefined) {
      const presetName = text(entry.preset);
      const preset = presetName && Object.hasOwn(KEY_PRESETS, presetName) ? KEY_PRESETS[presetName] : undefined;
      if (!preset) {
        problems.push(`${where}.preset "${String(entry.preset).slice(0, 40)}" is not a key preset Keyring has (${Object.keys(KEY_PRESETS).join(', ')}); write the slot out instead.`);
        return;
      }
      for (const field of ['pattern', 'formatHint'] as const) {
        if (entry[field] !== undefined) problems.push(`${where}.${field} is the preset's (each part has its own); it is ignored.`);
      }
      slots.push({
        name,
        preset: presetName,
        label: own.label ?? preset.label,
        description: own.description ?? preset.description,
        helpUrl: own.helpUrl ?? preset.helpUrl,
        required: own.required,
        ...presetShape(preset),
      });
      return;
    }
    let pattern: RegExp | undefined;
    const source = text(entry.pattern);
    if (source) {
      try {
        pattern = new RegExp(source);
      } catch {
        problems.push(`${where}.pattern is not a valid regular expression; values for "${name}" are not format-checked.`);
      }
    }
    const label = own.label ?? name;
    const part: KeyPart = {name: SINGLE_PART, label, ...(pattern ? {pattern} : {}), ...(text(entry.formatHint) ? {formatHint: text(entry.formatHint)} : {})};
    slots.push({name, label, description: own.description, helpUrl: own.helpUrl, required: own.required, parts: [part]});
  });
  return {slots, problems};
}
