/**
 * The app backend as the local stack runs it beside a preview: it verifies
 * the preview's own signatures (the same signing secret), reads and writes
 * the preview's Secret Store with a test key, and acts on the merged
 * manifest's constants, the same the views get. `npm start`, the benchmark
 * and the Chromium tests all start it this way.
 */
import crypto from 'node:crypto';
import type {AppOptions} from '../../backend/app';
import type {BackendConfig} from '../../backend/config';
import {startBackend, type RunningBackend} from '../../backend/server';

export interface PreviewForBackend {
  signingSecret: string;
  store: {url: string};
  manifest: {constants?: Record<string, unknown> | null};
}

export function localBackendConfig(preview: PreviewForBackend, options: {port?: number; oauthClientSecret?: string} = {}): BackendConfig {
  return {
    secretKey: 'sk_test_keyringLocalBackend',
    signingSecrets: [preview.signingSecret],
    // Nothing local sends Stripe's events; a per-run secret keeps the route closed to everyone else.
    webhookSecrets: [`whsec_${crypto.randomBytes(24).toString('base64url')}`],
    apiBase: new URL(preview.store.url),
    host: '127.0.0.1',
    port: options.port ?? 0,
    constants: preview.manifest.constants ?? {},
    ...(options.oauthClientSecret ? {oauthClientSecret: options.oauthClientSecret} : {}),
  };
}

export function startLocalBackend(
  preview: PreviewForBackend,
  options: {port?: number; oauthClientSecret?: string} & AppOptions = {},
): Promise<RunningBackend> {
  const {port, oauthClientSecret, ...appOptions} = options;
  return startBackend(localBackendConfig(preview, {port, oauthClientSecret}), appOptions);
}
