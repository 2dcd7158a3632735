/** What every signed route is given, and what it answers: a JSON object, or a BackendError thrown. */
import type {BackendConfig} from '../config';
import type {secretsFor} from '../secrets';
import type {SignedCall} from '../signedCall';

export interface RouteContext extends SignedCall {
  config: BackendConfig;
  /** The verified account's scope and the verified user's own scope: nothing else. */
  secrets: ReturnType<typeof secretsFor>;
  /** What the fork's backend wants to learn of its users' connections (createApp's options). */
  events?: ConnectionEvents;
}

/** A connection the provider no longer honours: its refresh token was refused (invalid_grant), not merely unanswered. */
export interface ReconnectNeeded {
  accountId: string;
  userId: string;
  /** The connection's id in constants.connections. */
  connection: string;
  /** The provider's error code ("invalid_grant", "bad_refresh_token"…), when it gave one. */
  code?: string;
}

/**
 * Hooks a fork's backend passes to createApp / startBackend. Each runs after
 * the event and may be async; what it throws is logged by name and never
 * changes the answer the view gets.
 */
export interface ConnectionEvents {
  /** The user must connect again: stop scheduled work for them, tell them by e-mail, … The panel already says so. */
  reconnectNeeded?(event: ReconnectNeeded): void | Promise<void>;
}

export type RouteHandler = (context: RouteContext) => Promise<Record<string, unknown>>;
