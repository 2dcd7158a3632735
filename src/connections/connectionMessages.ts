/**
 * What the panel says when something goes wrong: which step failed, whether
 * anything was stored, and what to do. Never a token, and never a provider's
 * own error_description (see providerErrors).
 */
import {BackendCallError} from '../appBackend';
import {oauthErrorCode, ProviderError, UserInputError} from '../oauth';
import {SecretStoreError} from '../secrets';
import type {Notice} from './connectionMachine';
import {ConnectionPayloadError} from './storedConnection';

const PAYLOAD_MESSAGES: Record<ConnectionPayloadError['kind'], string> = {
  'too-large': 'The provider\'s tokens are too large to keep in one secret.',
  unreadable: 'The stored connection could not be read.',
};

export function returnErrorNotice(provider: string, error: string): Notice {
  const code = oauthErrorCode(error);
  if (code === 'access_denied') {
    return {tone: 'caution', title: 'Not connected', message: `The sign-in at ${provider} was cancelled or refused, so nothing was connected. Connect again when you are ready.`};
  }
  if (code === 'invalid_state' || code === 'state_mismatch') {
    return {
      tone: 'critical',
      title: 'Sign-in not accepted',
      message: `The sign-in came back from ${provider} with a security check (state) that does not match one this Dashboard started, so it was ignored and nothing was stored. Connect again from this panel.`,
    };
  }
  return {
    tone: 'critical',
    title: 'Sign-in failed',
    message: `${provider} did not complete the sign-in${code ? ` (${code})` : ''}. Nothing was stored. Connect again to retry.`,
  };
}

export function connectFailureNotice(provider: string, error: unknown): Notice {
  const title = `Could not connect to ${provider}`;
  if (error instanceof ProviderError) {
    switch (error.kind) {
      case 'invalid-grant':
        return {tone: 'critical', title, message: `${provider} refused this sign-in: its code was already used or has expired. Nothing was stored. Connect again to start a new sign-in.`};
      case 'refused':
        return {
          tone: 'critical',
          title,
          message: `${provider} refused the token request${error.code ? ` (${error.code})` : ''}. Nothing was stored. Check the app's OAuth settings, then connect again.`,
        };
      case 'unavailable':
        return {tone: 'critical', title, message: `${provider} answered with an error${error.status ? ` (HTTP ${error.status})` : ''}. Nothing was stored. Try connecting again in a moment.`};
      case 'network':
      case 'invalid-token':
        return {tone: 'critical', title, message: `${provider} could not be reached. Nothing was stored. Check your connection and connect again.`};
    }
  }
  if (error instanceof ConnectionPayloadError) return {tone: 'critical', title, message: `${PAYLOAD_MESSAGES[error.kind]} Nothing was stored.`};
  if (error instanceof UserInputError) return {tone: 'critical', title, message: `${error.message} Nothing was stored. Enter it again, then connect.`};
  if (error instanceof SecretStoreError) {
    return {tone: 'critical', title, message: `${provider} signed you in, but Stripe could not save the connection: ${error.message} Nothing was kept; connect again.`};
  }
  if (error instanceof BackendCallError) return {tone: 'critical', title, message: backendConnectMessage(provider, error)};
  return {tone: 'critical', title, message: 'Something went wrong while connecting. Nothing was stored. Connect again.'};
}

/** Backend mode: the app backend made the exchange, or was asked to and could not. */
function backendConnectMessage(provider: string, error: BackendCallError): string {
  if (error.code === 'store-unavailable') return `${provider} signed you in, but Stripe could not save the connection. Nothing was kept; connect again.`;
  if (error.code === 'oauth-not-configured') {
    return `The app backend is not set up to connect to ${provider} (the connection's exchange, and its OAUTH_CLIENT_SECRET_<ID> on the backend). Nothing was stored.`;
  }
  // No answer, or an unreadable one: the backend may have finished, and the panel reads the connection again to see.
  if (error.kind === 'network' || error.kind === 'unavailable') return error.message;
  return `${error.message} Nothing was stored. Connect again.`;
}

export function loadFailureNotice(error: unknown): Notice {
  if (error instanceof ConnectionPayloadError) {
    return {tone: 'critical', title: 'Connection unreadable', message: `${PAYLOAD_MESSAGES[error.kind]} Disconnect and connect again.`};
  }
  const message = error instanceof SecretStoreError || error instanceof BackendCallError ? error.message : 'Something went wrong while reading your connection.';
  return {tone: 'critical', title: 'Could not check your connection', message};
}

export function refreshFailureNotice(provider: string, error: unknown): {notice: Notice; reconnect: boolean} {
  if (error instanceof ProviderError && (error.kind === 'invalid-grant' || error.kind === 'invalid-token' || error.kind === 'refused')) {
    return {
      reconnect: true,
      notice: {tone: 'caution', title: 'Reconnect needed', message: `${provider} no longer accepts this connection (it was revoked or has expired). Connect again to keep using it.`},
    };
  }
  const message =
    error instanceof SecretStoreError
      ? `The renewed connection could not be saved: ${error.message}`
      : error instanceof BackendCallError
        ? `The connection could not be renewed: ${error.message}`
        : error instanceof ProviderError && error.kind === 'network'
          ? `${provider} could not be reached to renew the connection. Check your connection and try again.`
          : `${provider} did not renew the connection just now. Try again in a moment.`;
  return {reconnect: false, notice: {tone: 'critical', title: 'Could not renew the connection', message}};
}

/**
 * `revokeAt`: where the user removes the app's access themselves, when the
 * provider has no revocation for apps; `backendOnly`: it has one, but it
 * needs the client secret, which only the app's backend holds (GitHub's).
 */
export function disconnectNotice(provider: string, revocation: 'revoked' | 'failed' | 'not-supported', revokeAt?: string, backendOnly = false): Notice {
  if (revocation === 'failed') {
    return {
      tone: 'caution',
      title: 'Disconnected here; revoke at the provider',
      message: `The connection was removed from Stripe, but ${provider} did not confirm that it revoked this app's access. Remove this app's access in your ${provider} account settings.`,
    };
  }
  if (revocation === 'not-supported') {
    const where = revokeAt ? `at ${revokeAt}` : `in your ${provider} account settings`;
    const why = backendOnly ? `${provider} lets an app revoke its access only from its own server, which this connection does not use` : `${provider} offers no way for apps to revoke access`;
    return {tone: 'default', title: 'Disconnected', message: `The connection was removed from Stripe. ${why}; remove it ${where} if you wish.`};
  }
  return {tone: 'default', title: 'Disconnected', message: `This app's access was revoked at ${provider}, and the connection was removed from Stripe.`};
}

export function disconnectFailureNotice(error: unknown): Notice {
  const message = error instanceof SecretStoreError || error instanceof BackendCallError ? error.message : 'Something went wrong while disconnecting.';
  return {tone: 'critical', title: 'Could not disconnect', message: `${message} The connection is still stored; try again.`};
}

export function goneNotice(): Notice {
  return {tone: 'default', title: 'Not connected', message: 'The connection was removed, perhaps in another tab.'};
}

