/**
 * The backend's door to the Secret Store: stripe-node with the app's secret
 * key and `Stripe-Account` set to the verified account, as Stripe documents
 * for app backends. Scopes are built from a VerifiedCaller only — "this
 * account" or "the user who signed the call" — so no route can name another
 * user's scope.
 */
import Stripe from 'stripe';
import type {BackendConfig} from './config';
import {BackendError} from './errors';
import {STRIPE_CLIENT_SETTINGS} from './outbound';
import type {VerifiedCaller} from './signedCall';

export function createStripe(config: BackendConfig): Stripe {
  const base = config.apiBase;
  return new Stripe(config.secretKey, {
    ...(base ? {host: base.hostname, port: Number(base.port) || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol === 'https:' ? 'https' : 'http'} : {}),
    ...STRIPE_CLIENT_SETTINGS,
    telemetry: false,
  });
}

export interface ScopedSecrets {
  /** The payload, or null when there is no such secret (or it expired). */
  read(name: string): Promise<string | null>;
  write(name: string, payload: string, options?: {expiresAt?: number}): Promise<void>;
  /** True when something was deleted. */
  remove(name: string): Promise<boolean>;
  /** Names only, never payloads. */
  names(): Promise<string[]>;
  /** Every payload in the scope by name, in one request (the list with expand[]=data.payload): a scope holds at most 10. */
  readAll(): Promise<Map<string, string>>;
}

function isMissing(e: unknown): boolean {
  return e instanceof Stripe.errors.StripeError && e.statusCode === 404;
}

/** Stripe's answer is never passed on: it could quote what was sent. A 429 that outlasted the retries says so. */
function storeFailure(e?: unknown): BackendError {
  if (e instanceof Stripe.errors.StripeError && e.statusCode === 429) {
    return new BackendError('store-rate-limited', 'Stripe is limiting how fast this account may call it. Try again in a few seconds.');
  }
  return new BackendError('store-unavailable', 'The Secret Store did not answer properly. Try again in a moment.');
}

function scoped(stripe: Stripe, scope: Stripe.Apps.SecretCreateParams.Scope, stripeAccount: string): ScopedSecrets {
  const options = {stripeAccount};
  return {
    async read(name) {
      try {
        const secret = await stripe.apps.secrets.find({name, scope, expand: ['payload']}, options);
        return secret.payload ?? null;
      } catch (e) {
        if (isMissing(e)) return null;
        throw storeFailure(e);
      }
    },
    async write(name, payload, {expiresAt} = {}) {
      try {
        await stripe.apps.secrets.create({name, payload, scope, ...(expiresAt ? {expires_at: expiresAt} : {})}, options);
      } catch (e) {
        throw storeFailure(e);
      }
    },
    async remove(name) {
      try {
        await stripe.apps.secrets.deleteWhere({name, scope}, options);
        return true;
      } catch (e) {
        if (isMissing(e)) return false;
        throw storeFailure(e);
      }
    },
    async readAll() {
      try {
        const all = new Map<string, string>();
        for await (const secret of stripe.apps.secrets.list({scope, limit: 100, expand: ['data.payload']}, options)) {
          if (typeof secret.payload === 'string') all.set(secret.name, secret.payload);
        }
        return all;
      } catch (e) {
        throw storeFailure(e);
      }
    },
    async names() {
      try {
        const names: string[] = [];
        for await (const secret of stripe.apps.secrets.list({scope, limit: 100}, options)) names.push(secret.name);
        return names;
      } catch (e) {
        throw storeFailure(e);
      }
    },
  };
}

/**
 * What Stripe's verified uninstall event may reach: the account it names, and
 * the user scopes of that account listed as connected. Only the webhook uses it.
 */
export function secretsForUninstalledAccount(stripe: Stripe, accountId: string): {account: ScopedSecrets; user(userId: string): ScopedSecrets} {
  return {
    account: scoped(stripe, {type: 'account'}, accountId),
    user: (userId) => scoped(stripe, {type: 'user', user: userId}, accountId),
  };
}

/** What a verified call may reach: its account's scope and its own user's scope. */
export function secretsFor(stripe: Stripe, caller: VerifiedCaller): {account: ScopedSecrets; signedInUser: ScopedSecrets} {
  return {
    account: scoped(stripe, {type: 'account'}, caller.accountId),
    signedInUser: scoped(stripe, {type: 'user', user: caller.userId}, caller.accountId),
  };
}
