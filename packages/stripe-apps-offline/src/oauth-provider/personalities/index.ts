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
  slack,
  xero,
  zoom,
};

/** The paths a personality serves under the issuer. */
export const personalityPaths = (name: string) => ({
  authorize: `/as/${name}/auth`,
  token: `/as/${name}/token`,
  user: `/as/${name}/user`,
  revoke: `/as/${name}/revoke`,
});
