/** Every personality the local provider has, by the preset name an app gives: one file each, one table here. */
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
import type {Personality} from './types';

export type {Personality} from './types';

export const PERSONALITIES: Readonly<Record<string, Personality>> = {
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

/**
 * The paths a personality serves under the issuer. `at` is what sits after
 * /as/<name>/ for one with a pathInput: a request's own value, or `{shop}`
 * in the URLs given to the app.
 */
export const personalityPaths = (personality: Pick<Personality, 'name' | 'pathInput'>, at = personality.pathInput ? `{${personality.pathInput.name}}` : '') => {
  const base = `/as/${personality.name}${at ? `/${at}` : ''}`;
  return {authorize: `${base}/auth`, token: `${base}/token`, user: `${base}/user`, revoke: `${base}/revoke`};
};
