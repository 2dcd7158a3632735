/**
 * The app's own backend, when the app asks for one: a command the app names in
 * its package.json (`"stripe-apps-offline": {"backend": {"command": "…"}}`),
 * run as a child process in the app's folder. The kit never imports it: it
 * hands the backend what Stripe would (a secret key, the signing secret, where
 * the API is) through the environment, and stands in front of it on the port
 * the manifest's backend URL names, so each answer reaches the page's request
 * log as it does for every other local service.
 *
 * The environment the command gets (README, "The app's backend"):
 *   STRIPE_SECRET_KEY          a test key the local Stripe API accepts
 *   STRIPE_API_BASE            the local Stripe API (http://127.0.0.1:<port>)
 *   STRIPE_APP_SIGNING_SECRET  this run's signing secret: the views' fetchStripeSignature signs with it
 *   STRIPE_WEBHOOK_SECRET      a per-run webhook secret (nothing local sends events)
 *   STRIPE_APP_MANIFEST        the merged manifest (stripe-app.json + .local.json), as a file
 *   HOST, PORT, BACKEND_PORT   where to listen (an internal port; the kit answers the public one)
 *   OAUTH_CLIENT_SECRET        the local provider's client secret, when connections go through the backend
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ServedRequest} from '../host/config';
import {readKitSection, startAppProcess, type RunningAppProcess} from './appProcess';

export interface AppBackendConfig {
  /** A shell command, run in the app's folder. */
  command: string;
  /** How long to wait for it to listen (default 30 s). */
  readyTimeoutMs?: number;
}

/** The app's request for a backend, from its package.json; null when it asks for none. */
export function readAppBackendConfig(root: string): AppBackendConfig | null {
  const section = readKitSection(root);
  if (section === undefined) return null;
  const backend = (section as {backend?: unknown} | null)?.backend;
  if (backend === undefined) return null;
  const command = (backend as {command?: unknown} | null)?.command;
  if (typeof command !== 'string' || !command.trim()) {
    throw new Error(`package.json "stripe-apps-offline".backend needs a "command" (a shell command that starts the app's backend), for example "node server.js".`);
  }
  const timeout = (backend as {readyTimeoutMs?: unknown}).readyTimeoutMs;
  return {command, ...(typeof timeout === 'number' && timeout > 0 ? {readyTimeoutMs: timeout} : {})};
}

export interface AppBackendOptions extends AppBackendConfig {
  root: string;
  /** The public port (the one the manifest's backendUrl names). */
  port: number;
  host?: string;
  apiBase: string;
  signingSecret: string;
  manifest: unknown;
  /** Extra variables (OAUTH_CLIENT_SECRET in backend-exchange mode). */
  env?: Record<string, string>;
  /** Each line the backend printed. */
  log?: (line: string) => void;
  /** Each request it answered (never a body or a query). */
  onServed?: (served: ServedRequest) => void;
}

export interface RunningAppBackend {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startAppBackend(options: AppBackendOptions): Promise<RunningAppBackend> {
  const host = options.host ?? '127.0.0.1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stripe-apps-offline-'));
  const manifestFile = path.join(dir, 'stripe-app.json');
  fs.writeFileSync(manifestFile, JSON.stringify(options.manifest, null, 2), {mode: 0o600});
  const cleanUp = () => fs.rmSync(dir, {recursive: true, force: true});
  let running: RunningAppProcess;
  try {
    running = await startAppProcess({
      title: "the app's backend",
      command: options.command,
      root: options.root,
      port: options.port,
      host,
      portAliases: ['BACKEND_PORT'],
      readyTimeoutMs: options.readyTimeoutMs,
      log: options.log,
      onServed: options.onServed,
      env: {
        STRIPE_SECRET_KEY: 'sk_test_offlineAppBackend',
        STRIPE_API_BASE: options.apiBase,
        STRIPE_APP_SIGNING_SECRET: options.signingSecret,
        STRIPE_WEBHOOK_SECRET: `whsec_${crypto.randomBytes(24).toString('base64url')}`,
        STRIPE_APP_MANIFEST: manifestFile,
        ...options.env,
      },
    });
  } catch (e) {
    cleanUp();
    throw e;
  }
  return {
    url: running.url,
    port: running.port,
    async close() {
      await running.close();
      cleanUp();
    },
  };
}
