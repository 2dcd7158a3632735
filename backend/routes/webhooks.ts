/**
 * POST /v1/webhooks/stripe: Stripe's events for this app, verified on the raw
 * body with stripe-node's constructEventAsync and the webhook signing secret.
 *
 * Stripe leaves an app's secrets in place when an account uninstalls it
 * (stripe/stripe-apps#534), so on `account.application.deauthorized` the
 * backend cleans up itself: for every user it can find (from the
 * connected-users list), each of their connections is revoked at its provider
 * when it can be, and every secret of theirs the app kept is deleted (the
 * connections, a refresh lease, the record of sign-ins); then every
 * account-scoped secret of the app (the API keys and the list itself). Every other event is acknowledged and ignored.
 */
import Stripe from 'stripe';
import type {BackendConfig} from '../config';
import {connectedUsers} from '../connectionRegistry';
import {connectionSecretName, readUserConnection} from '../credentials';
import {readBackendConnections} from '../oauth/userConnection';
import {BackendError} from '../errors';
import {secretsForUninstalledAccount} from '../secrets';

export const UNINSTALLED = 'account.application.deauthorized';

export interface UninstallCleanup {
  /** Revokes a user's connection at its provider; resolves false when it could not. Optional: without it, connections are only deleted. */
  revoke?: (connectionId: string, connection: NonNullable<Awaited<ReturnType<typeof readUserConnection>>>) => Promise<boolean>;
}

export interface WebhookAnswer {
  received: true;
  type: string;
  cleaned?: {account_secrets: number; connections: number; revocations_failed: number};
}

async function verifiedEvent(rawBody: string, header: string | undefined, secrets: string[]): Promise<Stripe.Event> {
  if (!header) throw new BackendError('bad-request', 'This webhook is not signed: Stripe sends a Stripe-Signature header.');
  for (const secret of secrets) {
    try {
      // Async: stripe-node's worker build verifies with SubtleCrypto, which has no synchronous HMAC; the tolerance is stripe-node's default 300 s.
      return await Stripe.webhooks.constructEventAsync(rawBody, header, secret);
    } catch {
      // Try the next secret (a rotation keeps two valid); the refusal below names neither.
    }
  }
  throw new BackendError('bad-request', "The webhook's signature does not match this endpoint's signing secret.");
}

export async function handleStripeWebhook(
  rawBody: string,
  header: string | undefined,
  config: BackendConfig,
  stripe: Stripe,
  cleanup: UninstallCleanup = {},
): Promise<WebhookAnswer> {
  const event = await verifiedEvent(rawBody, header, config.webhookSecrets ?? []);
  if (event.type !== UNINSTALLED) return {received: true, type: event.type};
  if (!event.account) throw new BackendError('bad-request', `${UNINSTALLED} without an account: nothing to clean up.`);
  const scopes = secretsForUninstalledAccount(stripe, event.account);
  const {account} = scopes;

  let connections = 0;
  let revocationsFailed = 0;
  for (const userId of await connectedUsers(account)) {
    // Named from the list, not from a signed call: the only place the backend acts for a user it did not hear from.
    const user = scopes.user(userId);
    for (const {id} of readBackendConnections(config).connections) {
      const connection = await readUserConnection(user, id);
      if (connection && cleanup.revoke && !(await cleanup.revoke(id, connection))) revocationsFailed += 1;
      if (await user.remove(connectionSecretName(id))) connections += 1;
    }
    // What else the app kept for the user (a lease, the sign-ins record, a connection no longer declared): gone too.
    for (const name of await user.names()) await user.remove(name);
  }
  let accountSecrets = 0;
  for (const name of await account.names()) if (await account.remove(name)) accountSecrets += 1;
  return {received: true, type: event.type, cleaned: {account_secrets: accountSecrets, connections, revocations_failed: revocationsFailed}};
}
