/**
 * The key preset catalogue: one file per service (its facts and their
 * sources), one table here. A slot names one with `"preset"`.
 */
import {airtable} from './airtable';
import {anthropic} from './anthropic';
import {mailchimp} from './mailchimp';
import {openai} from './openai';
import {twilio} from './twilio';
import type {KeyPreset} from './types';

export type {KeyPreset} from './types';

export const KEY_PRESETS: Readonly<Record<string, KeyPreset>> = {
  airtable,
  anthropic,
  mailchimp,
  openai,
  twilio,
};
