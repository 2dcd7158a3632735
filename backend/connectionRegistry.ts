/**
 * Which users of an account have a connection, so the backend can find them
 * when the account uninstalls the app: the Secret Store cannot list user
 * scopes, only read a scope it can name. The list is one account-scoped secret
 * (user ids only, never a token), so it costs one of the scope's 10 places.
 *
 * It is a best effort: the store has no compare-and-set, so two users
 * connecting in the same instant can each write a list without the other,
 * and a connection made before the list existed is not on it. The README says
 * what uninstall therefore cannot reach.
 */
import type {ScopedSecrets} from './secrets';

export const CONNECTED_USERS_SECRET = 'keyring_connected_users';
const USER_ID = /^usr_[A-Za-z0-9_]{1,100}$/;

export async function connectedUsers(account: ScopedSecrets): Promise<string[]> {
  const payload = await account.read(CONNECTED_USERS_SECRET);
  if (!payload) return [];
  try {
    const parsed: unknown = JSON.parse(payload);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string' && USER_ID.test(id)) : [];
  } catch {
    return [];
  }
}

export async function rememberConnectedUser(account: ScopedSecrets, userId: string): Promise<void> {
  const users = await connectedUsers(account);
  if (!users.includes(userId)) await account.write(CONNECTED_USERS_SECRET, JSON.stringify([...users, userId]));
}

export async function forgetConnectedUser(account: ScopedSecrets, userId: string): Promise<void> {
  const users = await connectedUsers(account);
  if (!users.includes(userId)) return;
  const rest = users.filter((id) => id !== userId);
  if (rest.length) await account.write(CONNECTED_USERS_SECRET, JSON.stringify(rest));
  else await account.remove(CONNECTED_USERS_SECRET);
}
