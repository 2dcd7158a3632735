/**
 * The backend's configuration: the environment (Node's process.env, a
 * Worker's bindings) and the app's manifest constants, so the same code runs
 * on any host. Nothing here touches a file: on Node readConfig.ts reads the
 * manifest from disk, on Workers worker.ts has it bundled. Each variable is
 * documented here and in the README; a missing or malformed one stops
 * start-up (on Workers: every answer) with an error that names it.
 *
 *   STRIPE_SECRET_KEY                   the app's secret key (sk_test_… / sk_live_… / rk_…): reaches the Secret Store
 *   STRIPE_APP_SIGNING_SECRET           the app's signing secret (absec_…): verifies calls from the views
 *   STRIPE_APP_SIGNING_SECRET_PREVIOUS  the one before a rotation, accepted alongside for Stripe's 24 hours (optional)
 *   STRIPE_WEBHOOK_SECRET               the webhook endpoint's signing secret (whsec_…): verifies Stripe's events (uninstall)
 *   STRIPE_WEBHOOK_SECRET_PREVIOUS      the one before a rotation (optional)
 *   OAUTH_CLIENT_SECRET_<ID>            connection <id>'s OAuth client secret at its provider (OAUTH_CLIENT_SECRET_GITHUB for
 *                                       "github"): required for each connection whose exchange is "backend" (the backend
 *                                       exchanges its codes as a confidential client), unused otherwise
 *   STRIPE_API_BASE                     where Stripe's API is (optional; `npm start` points it at the local Secret Store)
 *   BACKEND_PORT, HOST                  where to listen (default 127.0.0.1:4330; Node only)
 *   SHUTDOWN_GRACE_SECONDS              how long SIGTERM lets requests in flight finish (Node only)
 *   STRIPE_APP_MANIFEST                 the app's stripe-app.json (default ./stripe-app.json; Node only, readConfig.ts):
 *                                       the backend acts on its `constants` (key checks, the OAuth provider), never on
 *                                       what a view sends
 */
import type {ManifestConstants} from '../src/manifestConstants';
import {readConnections} from '../src/oauth';

export interface BackendConfig {
  secretKey: string;
  /** The current signing secret first; a second one only during a rotation. */
  signingSecrets: string[];
  /**
   * The webhook endpoint's signing secret first; a second one only during a
   * rotation. readConfig always sets it; a backend started in code without it
   * refuses every event.
   */
  webhookSecrets?: string[];
  /** Stripe's API by default; the local Secret Store in the preview and the tests. */
  apiBase: URL | null;
  host: string;
  port: number;
  /** How long SIGTERM lets requests in flight finish (SHUTDOWN_GRACE_SECONDS; server.ts has the default). */
  shutdownGraceMs?: number;
  /** stripe-app.json's `constants`: what the views are configured with, read on the server side. */
  constants: Record<string, unknown>;
  /** Each backend-mode connection's client secret, by connection id (readConfig requires one for each). */
  oauthClientSecrets?: Record<string, string>;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/;

/** Process.env on Node; a Worker's env, whose bindings other than text (a KV namespace, say) are ignored here. */
export type Env = Record<string, unknown>;

/** Variable `name` as text, trimmed, or undefined when it is unset or not text. */
export const envText = (env: Env, name: string): string | undefined => {
  const value = env[name];
  return typeof value === 'string' ? value.trim() : undefined;
};

/** The variable that holds connection `id`'s client secret: github → OAUTH_CLIENT_SECRET_GITHUB. */
export function clientSecretVariable(connectionId: string): string {
  return `OAUTH_CLIENT_SECRET_${connectionId.toUpperCase()}`;
}

function required(env: Env, name: string, what: string): string {
  const value = envText(env, name);
  if (!value) throw new ConfigError(name, `is not set: ${what}.`);
  return value;
}

/** The manifest's `constants` object, or none: what a stripe-app.json holds for the backend. */
export function manifestConstants(manifest: unknown): Record<string, unknown> {
  const constants = (manifest as {constants?: unknown} | null)?.constants;
  return constants && typeof constants === 'object' && !Array.isArray(constants) ? (constants as Record<string, unknown>) : {};
}

/** Checks the configuration in `env` for the app whose manifest constants are given; never echoes a secret's value in an error. */
export function configFromEnv(env: Env, constants: Record<string, unknown>): BackendConfig {
  const secretKey = required(env, 'STRIPE_SECRET_KEY', "set it to the app's secret key (sk_test_… or sk_live_…)");
  if (!SECRET_KEY.test(secretKey)) throw new ConfigError('STRIPE_SECRET_KEY', 'does not look like a Stripe secret key (sk_test_…, sk_live_… or rk_…).');
  const signing = required(env, 'STRIPE_APP_SIGNING_SECRET', "set it to the app's signing secret (absec_…, shown on the app's page in the Dashboard)");
  const previous = envText(env, 'STRIPE_APP_SIGNING_SECRET_PREVIOUS');
  const webhook = required(env, 'STRIPE_WEBHOOK_SECRET', "set it to the webhook endpoint's signing secret (whsec_…), so the backend can clean up when an account uninstalls the app");
  const webhookPrevious = envText(env, 'STRIPE_WEBHOOK_SECRET_PREVIOUS');

  let apiBase: URL | null = null;
  const base = envText(env, 'STRIPE_API_BASE');
  if (base) {
    try {
      apiBase = new URL(base);
    } catch {
      throw new ConfigError('STRIPE_API_BASE', 'is not a URL (for example http://127.0.0.1:4310).');
    }
    if (apiBase.protocol !== 'http:' && apiBase.protocol !== 'https:') throw new ConfigError('STRIPE_API_BASE', 'must be an http: or https: URL.');
  }

  const portText = envText(env, 'BACKEND_PORT') || '4330';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('BACKEND_PORT', `must be a port number, not "${portText.slice(0, 20)}".`);

  const graceText = envText(env, 'SHUTDOWN_GRACE_SECONDS');
  const grace = graceText === undefined || graceText === '' ? undefined : Number(graceText);
  if (grace !== undefined && !(Number.isFinite(grace) && grace >= 0 && grace <= 600)) {
    throw new ConfigError('SHUTDOWN_GRACE_SECONDS', `must be a number of seconds from 0 to 600, not "${graceText?.slice(0, 20)}".`);
  }

  const oauthClientSecrets: Record<string, string> = {};
  // Read as the views read them, so a preset's default exchange counts (GitHub's is the backend).
  for (const {id, exchange} of readConnections(constants as ManifestConstants).connections) {
    if (exchange !== 'backend') continue;
    oauthClientSecrets[id] = required(env, clientSecretVariable(id), `connection "${id}" exchanges its codes on the backend: set it to that OAuth client's secret at its provider`);
  }

  return {
    constants,
    oauthClientSecrets,
    secretKey,
    signingSecrets: previous ? [signing, previous] : [signing],
    webhookSecrets: webhookPrevious ? [webhook, webhookPrevious] : [webhook],
    apiBase,
    host: envText(env, 'HOST') || '127.0.0.1',
    port,
    ...(grace !== undefined ? {shutdownGraceMs: grace * 1000} : {}),
  };
}
