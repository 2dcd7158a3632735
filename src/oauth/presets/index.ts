/**
 * The preset catalogue: one file per provider (its facts and their sources),
 * one table here. A manifest entry names one with `"preset"`.
 */
import {dropbox} from './dropbox';
import {github} from './github';
import {google} from './google';
import {microsoft} from './microsoft';
import {notion} from './notion';
import {salesforce} from './salesforce';
import {slack} from './slack';
import type {ProviderPreset} from './types';

export type {ProviderPreset} from './types';

export const PRESETS: Readonly<Record<string, ProviderPreset>> = {dropbox, github, google, microsoft, notion, salesforce, slack};
