/**
 * A user's connection as it is kept in their own Secret Store scope, under
 * connectionSecretName(its id), one secret per connection. The payload is JSON in snake_case so the app's backend can
 * read it too:
 *
 *   {"version": 1, "access_token": "…", "refresh_token": "…", "token_type": "Bearer",
 *    "scope": "read write", "access_token_expires_at": 1767225600,
 *    "refresh_token_expires_at": 1768435200, "connected_at": 1767222000,
 *    "account_name": "ada", "kept": {"instance_url": "https://…"}}
 *
 * Times are unix seconds; *_expires_at and account_name may be null. `kept`
 * holds what the provider's API needs beside the tokens (a preset's `keep`);
 * it may be absent.
 */
// The limits alone, not ../secrets: the app backend reads this module and must not load the SDK.
import {MAX_PAYLOAD_LENGTH} from '../secrets/limits';
import type {TokenResponse} from '../oauth';

/** The secret of connection `id` (constants.connections[].id) in the signed-in user's scope. */
export function connectionSecretName(connectionId: string): string {
  return `keyring_connection_${connectionId}`;
}

export interface StoredConnection {
  version: 1;
  access_token: string;
  refresh_token: string | null;
  token_type: string;
  scope: string;
  access_token_expires_at: number | null;
  refresh_token_expires_at: number | null;
  connected_at: number;
  account_name: string | null;
  kept?: Record<string, string>;
}

/** What the panel shows: everything but the tokens. */
export interface ConnectionSummary {
  scopes: string[];
  accessTokenExpiresAt: number | null;
  refreshTokenExpiresAt: number | null;
  canRefresh: boolean;
  connectedAt: number;
  accountName: string | null;
}

/** The payload could not be read back, or would not fit in one secret. What the user is told is in connectionMessages. */
export class ConnectionPayloadError extends Error {
  constructor(readonly kind: 'unreadable' | 'too-large') {
    super(`The stored connection payload is ${kind}.`);
    this.name = 'ConnectionPayloadError';
  }
}

/**
 * The connection after a token response. A refresh answer may leave out the
 * refresh token (no rotation) or the scope (unchanged): the previous ones stay.
 */
export function connectionFromTokens(
  tokens: TokenResponse,
  options: {
    now: number;
    requestedScopes: string[];
    refreshTokenLifetimeSeconds?: number;
    previous?: StoredConnection;
    accountName?: string | null;
    /** Kept fields learnt besides the token answer's own (the identity answer's). */
    kept?: Record<string, string>;
  },
): StoredConnection {
  const {now, previous} = options;
  const rotated = tokens.refresh_token !== undefined;
  const refreshToken = tokens.refresh_token ?? previous?.refresh_token ?? null;
  const refreshLifetime = tokens.refresh_token_expires_in ?? options.refreshTokenLifetimeSeconds;
  return {
    version: 1,
    access_token: tokens.access_token,
    refresh_token: refreshToken,
    token_type: tokens.token_type,
    scope: tokens.scope ?? previous?.scope ?? options.requestedScopes.join(' '),
    access_token_expires_at: typeof tokens.expires_in === 'number' ? now + Math.max(0, Math.floor(tokens.expires_in)) : null,
    refresh_token_expires_at:
      refreshToken === null ? null : rotated ? (refreshLifetime ? now + refreshLifetime : null) : (previous?.refresh_token_expires_at ?? null),
    connected_at: previous?.connected_at ?? now,
    account_name: options.accountName !== undefined ? options.accountName : (previous?.account_name ?? null),
    // A refresh answer may repeat some (Salesforce's instance_url) or none: what it does not say stays.
    ...keptOf({...previous?.kept, ...tokens.kept, ...options.kept}),
  };
}

const keptOf = (kept: Record<string, string>) => (Object.keys(kept).length > 0 ? {kept} : {});

/**
 * When the secret should delete itself: when the connection can no longer be
 * used. That is the refresh token's end when there is a refresh token (null
 * when its lifetime is unknown), else the access token's.
 */
export function secretExpiry(connection: StoredConnection): number | null {
  return connection.refresh_token !== null ? connection.refresh_token_expires_at : connection.access_token_expires_at;
}

/** The expiry to give the secret now: none when it would be too close to be accepted (the connection is about to end anyway). */
export function secretExpiryFrom(connection: StoredConnection, now: number): number | null {
  const expiry = secretExpiry(connection);
  return expiry !== null && expiry > now + 60 ? expiry : null;
}

export function serializeConnection(connection: StoredConnection): string {
  const payload = JSON.stringify(connection);
  if (payload.length > MAX_PAYLOAD_LENGTH) throw new ConnectionPayloadError('too-large');
  return payload;
}

const nullableNumber = (v: unknown) => v === null || typeof v === 'number';
const nullableString = (v: unknown) => v === null || typeof v === 'string';

export function parseConnection(payload: string): StoredConnection {
  let c: Partial<StoredConnection>;
  try {
    c = JSON.parse(payload) as Partial<StoredConnection>;
  } catch {
    throw new ConnectionPayloadError('unreadable');
  }
  const ok =
    !!c &&
    c.version === 1 &&
    typeof c.access_token === 'string' &&
    nullableString(c.refresh_token) &&
    typeof c.token_type === 'string' &&
    typeof c.scope === 'string' &&
    nullableNumber(c.access_token_expires_at) &&
    nullableNumber(c.refresh_token_expires_at) &&
    typeof c.connected_at === 'number' &&
    nullableString(c.account_name) &&
    (c.kept === undefined || (!!c.kept && typeof c.kept === 'object' && Object.values(c.kept).every((v) => typeof v === 'string')));
  if (!ok) throw new ConnectionPayloadError('unreadable');
  return c as StoredConnection;
}

export function summarize(connection: StoredConnection): ConnectionSummary {
  return {
    // Space-separated as RFC 6749 says, or comma-separated as GitHub and Slack answer.
    scopes: connection.scope.split(/[\s,]+/).filter(Boolean),
    accessTokenExpiresAt: connection.access_token_expires_at,
    refreshTokenExpiresAt: connection.refresh_token_expires_at,
    canRefresh: connection.refresh_token !== null,
    connectedAt: connection.connected_at,
    accountName: connection.account_name,
  };
}

/** Refresh this long before the access token runs out. */
export const REFRESH_MARGIN_SECONDS = 60;

export function needsRefresh(connection: StoredConnection, now: number): boolean {
  return connection.access_token_expires_at !== null && connection.access_token_expires_at - REFRESH_MARGIN_SECONDS <= now;
}
