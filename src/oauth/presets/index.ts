/**
 * The preset catalogue: one file per provider (its facts and their sources),
 * one table here. A manifest entry names one with `"preset"`.
 */
import {atlassian} from './atlassian';
import {dropbox} from './dropbox';
import {github} from './github';
import {google} from './google';
import {hubspot} from './hubspot';
import {linear} from './linear';
import {microsoft} from './microsoft';
import {notion} from './notion';
import {quickbooks} from './quickbooks';
import {salesforce} from './salesforce';
import {shopify} from './shopify';
import {slack} from './slack';
import {xero} from './xero';
import {zoom} from './zoom';
import type {ProviderPreset} from './types';

export type {ProviderPreset} from './types';

export const PRESETS: Readonly<Record<string, ProviderPreset>> = {
  atlassian,
  dropbox,
  github,
  google,
  hubspot,
  linear,
  microsoft,
  notion,
  quickbooks,
  salesforce,
  shopify,
  slack,
  xero,
  zoom,
};
