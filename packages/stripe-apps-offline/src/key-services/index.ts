/** Every key service the kit stands in for, by the key preset name an app gives: one file each, one table here. */
import {airtable} from './airtable';
import {anthropic} from './anthropic';
import {mailchimp} from './mailchimp';
import {openai} from './openai';
import {twilio} from './twilio';
import type {KeyService} from './types';

export type {KeyService} from './types';

export const KEY_SERVICES: Readonly<Record<string, KeyService>> = {airtable, anthropic, mailchimp, openai, twilio};
