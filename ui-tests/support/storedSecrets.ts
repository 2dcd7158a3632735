/**
 * What a view left in the Secret Store, read back the way the app's backend
 * reads it: a backend `find` with the payload. Assert on booleans or on
 * non-secret fields: a failing matcher prints what it was given.
 */
import type Stripe from 'stripe';
import {type StoredConnection} from '../../src/connections';
import {CONNECTION_SECRET} from './fixtureConnection';
import type {SecretScope} from '../../src/secrets';

/** The secret with its payload, or null when there is none. */
export async function findStored(backend: Stripe, name: string, scope: SecretScope): Promise<Stripe.Apps.Secret | null> {
  try {
    return await backend.apps.secrets.find({name, scope, expand: ['payload']});
  } catch (e) {
    if ((e as {statusCode?: number}).statusCode === 404) return null;
    throw e;
  }
}

/** A user's stored connection and the secret's own expiry, or null. */
export async function storedConnection(backend: Stripe, user: string): Promise<(StoredConnection & {expiresAt: number | null}) | null> {
  const secret = await findStored(backend, CONNECTION_SECRET, {type: 'user', user});
  return secret && {...(JSON.parse(secret.payload ?? '') as StoredConnection), expiresAt: secret.expires_at ?? null};
}
