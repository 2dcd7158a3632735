/**
 * Typed access to Stripe's Secret Store for the views.
 *
 *   const secrets = createSecretStore(context);
 *   await secrets.account.set('acme_api_key', value);
 *   const token = await secrets.signedInUser.reveal('oauth_token');
 *
 * Only `reveal` asks Stripe for a payload; everything else returns summaries,
 * so listing and showing state never moves a secret value.
 */
import type Stripe from 'stripe';
import {createExtensionStripe} from './client';
import {SecretStoreError, toSecretStoreError} from './errors';
import {MAX_EXPIRY_SECONDS, MAX_NAME_LENGTH, MAX_PAYLOAD_LENGTH} from './limits';
import {scopeFor, type ScopeContext, type ScopeOwner, type SecretScope} from './scope';

/** A stored secret without its value. */
export interface SecretSummary {
  id: string;
  name: string;
  /** Unix seconds. */
  created: number;
  /** Unix seconds, or null for no expiry. */
  expiresAt: number | null;
  livemode: boolean;
}

export interface SetOptions {
  /** When the secret deletes itself: a Date or unix seconds. */
  expiresAt?: Date | number | null;
}

export interface ScopedSecrets {
  readonly owner: ScopeOwner;
  /** Creates or replaces `name`. */
  set(name: string, value: string, options?: SetOptions): Promise<SecretSummary>;
  /** The secret's summary, or null when there is none (a normal outcome, not an error). */
  find(name: string): Promise<SecretSummary | null>;
  /** The secret's value, or null when there is none. */
  reveal(name: string): Promise<string | null>;
  /** Every secret in the scope, newest first, in one request (a scope holds at most SECRETS_PER_SCOPE). */
  list(): Promise<SecretSummary[]>;
  /**
   * Every secret's value in the scope by name, in one request (the list with
   * `expand[]=data.payload`). It moves every payload of the scope: only for a
   * caller that may hold them all (the drawer's first look at view-mode connections).
   */
  revealAll(): Promise<Map<string, string>>;
  /** Deletes `name`; false when there was nothing to delete. */
  delete(name: string): Promise<boolean>;
}

export interface SecretStore {
  /** Shared by every Dashboard user of the account and by the app's backend. */
  readonly account: ScopedSecrets;
  /** The signed-in Dashboard user's own scope. */
  readonly signedInUser: ScopedSecrets;
}

function summary(secret: Stripe.Apps.Secret): SecretSummary {
  return {
    id: secret.id,
    name: secret.name,
    created: secret.created,
    expiresAt: secret.expires_at ?? null,
    livemode: secret.livemode,
  };
}

function isMissing(error: unknown): boolean {
  const e = error as {statusCode?: number; code?: string};
  return e?.statusCode === 404 && e.code === 'resource_missing';
}

function toUnixSeconds(expiresAt: Date | number): number {
  return expiresAt instanceof Date ? Math.floor(expiresAt.getTime() / 1000) : Math.floor(expiresAt);
}

/** Refuses what Stripe would refuse before the value leaves the page. */
export function checkSecretInput(name: string, value: string, expiresAt: number | null, now = Date.now() / 1000): void {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw new SecretStoreError('invalid', {param: 'name'});
  if (value.length === 0 || value.length > MAX_PAYLOAD_LENGTH) throw new SecretStoreError('invalid', {param: 'payload'});
  if (expiresAt !== null && (expiresAt <= now || expiresAt > now + MAX_EXPIRY_SECONDS)) {
    throw new SecretStoreError('invalid', {param: 'expires_at'});
  }
}

function scoped(stripe: Stripe, owner: ScopeOwner, context: ScopeContext): ScopedSecrets {
  const secrets = stripe.apps.secrets;
  // Built per call, so a missing user fails the call (as a rejected promise) rather than construction.
  const scope = (): SecretScope => scopeFor(owner, context);
  /** Every page of the scope's list (one request: a scope holds at most 10 secrets, a page 100). */
  const listAll = async (withPayloads: boolean): Promise<Stripe.Apps.Secret[]> => {
    const found: Stripe.Apps.Secret[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const page = await secrets.list({scope: scope(), limit: 100, starting_after: startingAfter, ...(withPayloads ? {expand: ['data.payload']} : {})});
      found.push(...page.data);
      if (!page.has_more || page.data.length === 0) return found;
      startingAfter = page.data[page.data.length - 1].id;
    }
  };
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw toSecretStoreError(e);
    }
  };

  return {
    owner,
    set: (name, value, options = {}) =>
      guard(async () => {
        const expiresAt = options.expiresAt == null ? null : toUnixSeconds(options.expiresAt);
        checkSecretInput(name, value, expiresAt);
        const params: Stripe.Apps.SecretCreateParams = {name, payload: value, scope: scope()};
        if (expiresAt !== null) params.expires_at = expiresAt;
        return summary(await secrets.create(params));
      }),
    find: (name) =>
      guard(async () => {
        try {
          return summary(await secrets.find({name, scope: scope()}));
        } catch (e) {
          if (isMissing(e)) return null;
          throw e;
        }
      }),
    reveal: (name) =>
      guard(async () => {
        try {
          const secret = await secrets.find({name, scope: scope(), expand: ['payload']});
          return secret.payload ?? null;
        } catch (e) {
          if (isMissing(e)) return null;
          throw e;
        }
      }),
    list: () => guard(async () => (await listAll(false)).map(summary)),
    revealAll: () => guard(async () => new Map((await listAll(true)).filter((s) => typeof s.payload === 'string').map((s) => [s.name, s.payload as string]))),
    delete: (name) =>
      guard(async () => {
        try {
          await secrets.deleteWhere({name, scope: scope()});
          return true;
        } catch (e) {
          if (isMissing(e)) return false;
          throw e;
        }
      }),
  };
}

export function createSecretStore(context: ScopeContext, stripe: Stripe = createExtensionStripe()): SecretStore {
  return {
    account: scoped(stripe, 'account', context),
    signedInUser: scoped(stripe, 'signed-in-user', context),
  };
}
