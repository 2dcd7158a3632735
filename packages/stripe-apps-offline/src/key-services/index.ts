/** Every key service the kit stands in for, by the key preset name an app gives: one file each, one table here. */
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
import type {KeyService} from './types';

export type {KeyService} from './types';

export const KEY_SERVICES: Readonly<Record<string, KeyService>> = {airtable, anthropic, hubspot, klaviyo, mailchimp, notion, openai, posthog, postmark, resend, segment, sendgrid, shopify, twilio, zendesk};
