/**
 * The key preset catalogue: one file per service (its facts and their
 * sources), one table here. A slot names one with `"preset"`.
 */
import {airtable} from './airtable';
import {anthropic} from './anthropic';
import {hubspot} from './hubspot';
import {klaviyo} from './klaviyo';
import {mailchimp} from './mailchimp';
import {notion} from './notion';
import {openai} from './openai';
import {posthog} from './posthog';
import {postmark} from './postmark';
import {resend} from './resend';
import {segment} from './segment';
import {sendgrid} from './sendgrid';
import {shopify} from './shopify';
import {twilio} from './twilio';
import {zendesk} from './zendesk';
import type {KeyPreset} from './types';

export type {KeyPreset} from './types';

export const KEY_PRESETS: Readonly<Record<string, KeyPreset>> = {
  airtable,
  anthropic,
  hubspot,
  klaviyo,
  mailchimp,
  notion,
  openai,
  posthog,
  postmark,
  resend,
  segment,
  sendgrid,
  shopify,
  twilio,
  zendesk,
};
