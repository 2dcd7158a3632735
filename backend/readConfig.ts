/**
 * The backend's configuration on Node: process.env, and the app's
 * stripe-app.json read from STRIPE_APP_MANIFEST (default ./stripe-app.json),
 * deployed beside the backend so it acts on the manifest's constants and never
 * on what a view sends. config.ts has every variable.
 */
import fs from 'node:fs';
import path from 'node:path';
import {ConfigError, configFromEnv, envText, manifestConstants, type BackendConfig, type Env} from './config';

export function readConfig(env: Env = process.env): BackendConfig {
  const manifestFile = path.resolve(envText(env, 'STRIPE_APP_MANIFEST') || 'stripe-app.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    throw new ConfigError('STRIPE_APP_MANIFEST', `names ${manifestFile}, which could not be read as JSON: deploy the app's stripe-app.json with the backend.`);
  }
  return configFromEnv(env, manifestConstants(manifest));
}
