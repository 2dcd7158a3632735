/**
 * Who is calling, and which scopes they may reach. The store has two doors:
 *
 * - the backend door: a secret key (`sk_test_…`/`sk_live_…`, or a restricted
 *   `rk_` key) as Bearer or basic auth, as a Stripe app's backend calls Stripe.
 *   The key's mode sets `livemode`; `Stripe-Account` picks the account (default:
 *   the store's own). It may reach every scope, like Stripe's backend callers.
 * - the extension door: a host (the preview, or a test's host endpoint) that
 *   holds the store's host key and says which app, account, mode and user the
 *   UI extension runs as. It may reach the account scope and that user's scope
 *   only, as the Dashboard enforces for UI extensions.
 */
import crypto from 'node:crypto';
import type {IncomingHttpHeaders} from 'node:http';
import {errors} from './errors';
import type {Scope} from './secrets/params';
import type {Partition} from './ids';

export const EXTENSION_HEADERS = {
  app: 'keyring-extension-app',
  account: 'keyring-extension-account',
  user: 'keyring-extension-user',
  mode: 'keyring-extension-mode',
} as const;

export interface CallerConfig {
  /** The app whose secrets backend callers reach (the manifest's `id`). */
  app: string;
  /** The account a backend key acts on when no Stripe-Account header is sent. */
  account: string;
  /** Opens the extension door; null keeps it shut. */
  hostKey: string | null;
  /**
   * The app's permissions (the manifest's `permissions[].permission`), which
   * UI extensions need to reach Stripe objects (objects/routes.ts). Null: the
   * extension door is shut to objects. Backend keys are never restricted.
   */
  permissions?: readonly string[] | null;
}

export type Caller =
  | {door: 'backend'; partition: Partition}
  | {door: 'extension'; partition: Partition; user: string};

const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{1,240}$/;
const ACCOUNT_ID = /^acct_[A-Za-z0-9_]{1,60}$/;
const USER_ID = /^[A-Za-z0-9_]{1,100}$/;
const APP_ID = /^[a-zA-Z0-9_\-.]{1,200}$/;

/** `sk_test_****wxyz`: enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  return `${prefix}****${rest.length > 8 ? rest.slice(-4) : ''}`;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function credential(headers: IncomingHttpHeaders): string | null {
  const auth = header(headers, 'authorization')?.trim();
  if (!auth) return null;
  const [kind, value = ''] = auth.split(/\s+/, 2);
  if (/^bearer$/i.test(kind)) return value;
  if (/^basic$/i.test(kind)) {
    // curl -u sk_test_…: sends "key:" base64-encoded; the key is the user name.
    return Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  }
  return value || kind;
}

function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

export function authenticate(headers: IncomingHttpHeaders, config: CallerConfig): Caller {
  const key = credential(headers);
  if (!key) throw errors.noKey();
  const stripeAccount = header(headers, 'stripe-account');

  if (config.hostKey !== null && sameSecret(key, config.hostKey)) {
    if (stripeAccount !== undefined) throw errors.forbiddenAccount();
    const app = header(headers, EXTENSION_HEADERS.app) ?? config.app;
    const account = header(headers, EXTENSION_HEADERS.account) ?? '';
    const user = header(headers, EXTENSION_HEADERS.user) ?? '';
    const mode = header(headers, EXTENSION_HEADERS.mode);
    if (!APP_ID.test(app) || !ACCOUNT_ID.test(account) || !USER_ID.test(user) || (mode !== 'test' && mode !== 'live')) {
      // A host bug, not a user error: say which header is wrong, never echo the key.
      throw errors.badExtensionContext();
    }
    return {door: 'extension', partition: {app, account, livemode: mode === 'live'}, user};
  }

  const match = SECRET_KEY.exec(key);
  if (!match) throw errors.badKey(maskKey(key));
  if (stripeAccount !== undefined && !ACCOUNT_ID.test(stripeAccount)) throw errors.badAccountHeader();
  return {
    door: 'backend',
    partition: {app: config.app, account: stripeAccount ?? config.account, livemode: match[2] === 'live'},
  };
}

/** UI extensions reach the account scope and their own user's scope, nothing else. */
export function authorizeScope(caller: Caller, scope: Scope): void {
  if (caller.door === 'extension' && scope.type === 'user' && scope.user !== caller.user) {
    throw errors.forbiddenScope();
  }
}
