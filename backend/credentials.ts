/**
 * How a fork's own backend code gets at what the views stored: one function
 * for an account's API key, one for a user's OAuth connection. Both take the
 * scopes of a verified call (secretsFor), so they can only read what that
 * call's account and user may see.
 */
import {connectionSecretName, type StoredConnection} from '../src/connections/storedConnection';
import {credentialFromPayload} from '../src/settings/credential';
import type {ScopedSecrets} from './secrets';

export {connectionSecretName};

/**
 * An account-scoped key pasted on the settings page, or null when it is not
 * set: the value itself, or for a credential of several parts its parts by
 * name, typed as the slot's preset names them:
 *
 *   const twilio = await readAccountKey<{accountSid: string; authToken: string}>(secrets.account, 'twilio');
 */
export async function readAccountKey<T extends string | Record<string, string> = string>(account: ScopedSecrets, name: string): Promise<T | null> {
  const payload = await account.read(name);
  // The type is the caller's word for the slot's shape; the payload says which of the two it is.
  return payload === null ? null : (credentialFromPayload(payload) as T);
}

function isStoredConnection(value: unknown): value is StoredConnection {
  const v = value as Partial<StoredConnection> | null;
  return (
    !!v &&
    v.version === 1 &&
    typeof v.access_token === 'string' &&
    (v.refresh_token === null || typeof v.refresh_token === 'string') &&
    typeof v.scope === 'string' &&
    typeof v.connected_at === 'number'
  );
}

/**
 * The signed-in user's connection `connectionId` (constants.connections[].id; tokens included: never send it to
 * a view), or null when there is none or it is unreadable.
 */
export async function readUserConnection(user: ScopedSecrets, connectionId: string): Promise<StoredConnection | null> {
  return userConnectionFrom(await user.read(connectionSecretName(connectionId)));
}

/** A stored connection's payload read, or null when there is none or it is unreadable. */
export function userConnectionFrom(payload: string | null | undefined): StoredConnection | null {
  if (payload == null) return null;
  try {
    const parsed: unknown = JSON.parse(payload);
    return isStoredConnection(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
