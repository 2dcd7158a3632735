/**
 * Keyring's backend in the test's own process beside a preview: it verifies
 * the preview's own signatures (the same signing secret), reads and writes
 * the preview's Secret Store with a test key, and acts on the merged
 * manifest's constants, the same the views get. The benchmark and the
 * Chromium tests start it this way; `npm start` has the kit run
 * `npm run backend` with the same settings in its environment.
 */
import crypto from 'node:crypto';
import type {RunningPreview} from 'stripe-apps-offline/testing';
import type {AppOptions, BackendLogEntry} from '../../backend/app';
import type {BackendConfig} from '../../backend/config';
import {startBackend, type RunningBackend} from '../../backend/server';

export interface PreviewForBackend {
  signingSecret: string;
  store: {url: string};
  manifest: {constants?: Record<string, unknown> | null};
  /** The preview's request log, where the backend's answers to the views show (absent: not reported). */
  recordServed?: RunningPreview['recordServed'];
}

/**
 * The backend's own log, with each answer also put in the preview's request
 * log: wrapped here so the backend knows nothing of the preview. A CORS
 * preflight that succeeded is the browser's plumbing, not the view's call, and
 * stays out of the page (the terminal still has it); one that failed shows.
 */
export function reportingToPreview(preview: PreviewForBackend, log?: (entry: BackendLogEntry) => void): (entry: BackendLogEntry) => void {
  return (entry) => {
    log?.(entry);
    if (entry.method === 'OPTIONS' && entry.status < 300) return;
    preview.recordServed?.('backend', entry);
  };
}

/** `oauthClientSecret`: the local provider's client secret, given to every connection that exchanges on the backend. */
export function localBackendConfig(preview: PreviewForBackend, options: {port?: number; oauthClientSecret?: string} = {}): BackendConfig {
  const connections = Array.isArray(preview.manifest.constants?.connections) ? (preview.manifest.constants.connections as {id?: unknown; exchange?: unknown}[]) : [];
  const secret = options.oauthClientSecret;
  return {
    secretKey: 'sk_test_keyringLocalBackend',
    signingSecrets: [preview.signingSecret],
    // Nothing local sends Stripe's events; a per-run secret keeps the route closed to everyone else.
    webhookSecrets: [`whsec_${crypto.randomBytes(24).toString('base64url')}`],
    apiBase: new URL(preview.store.url),
    host: '127.0.0.1',
    port: options.port ?? 0,
    constants: preview.manifest.constants ?? {},
    oauthClientSecrets: secret ? Object.fromEntries(connections.filter((c) => c.exchange === 'backend').map((c) => [String(c.id), secret])) : {},
  };
}

export function startLocalBackend(
  preview: PreviewForBackend,
  options: {port?: number; oauthClientSecret?: string} & AppOptions = {},
): Promise<RunningBackend> {
  const {port, oauthClientSecret, log, ...appOptions} = options;
  return startBackend(localBackendConfig(preview, {port, oauthClientSecret}), {...appOptions, log: reportingToPreview(preview, log)});
}
