/**
 * A key preset: what the settings page needs to know of one service's API
 * keys, as data, so a manifest slot says `{"name": "openai", "preset":
 * "openai"}`. The slot's own label, description, helpUrl and required win
 * over the preset's, and constants.keyChecks[<slot name>] over any field of
 * its check. Each preset's file says, in a comment, where its facts come from
 * and what could not be confirmed (comments, so they stay out of the view).
 */
export interface KeyPresetPart {
  name: string;
  label: string;
  /** Anchored (^…$): a part that goes into a check's host is sent nowhere else. */
  pattern?: string;
  formatHint?: string;
  visible?: boolean;
  example?: string;
  /** Picked from a list, the first picked (PostHog's region); its pattern is made from the values. */
  choices?: {value: string; label: string}[];
}

export interface KeyPreset {
  /** The service's name, for messages ("OpenAI refused this key"). */
  service: string;
  label: string;
  description: string;
  helpUrl?: string;
  parts: KeyPresetPart[];
  /** Values a part's form gives (Mailchimp's data centre): the first group of `pattern` in part `from`. */
  derive?: Record<string, {from: string; pattern: string}>;
  /** The cheapest authenticated read, as constants.keyChecks writes one (keyChecks.ts); its templates name the parts. */
  check?: Record<string, unknown>;
}
