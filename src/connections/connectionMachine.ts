/**
 * The Connections panel as a state machine: every screen the panel can show
 * is a state, and only the transitions listed here can happen.
 *
 *   loading ──▶ not-connected ──(Connect)──▶ waiting ──(check again)──▶ loading
 *      │              ▲                                                   
 *      │              └──────────────(disconnected)──── disconnecting ◀─┐
 *      ▼                                                                │
 *   connected ──▶ refreshing ──▶ connected / reconnect-needed ──────────┘
 *
 *   (drawer opened with a code) exchanging ──▶ connected, or loading with a notice
 *   loading ──▶ load-failed ──(retry)──▶ loading
 *
 * Tokens never enter this state: connected states carry a summary only.
 */
import type {ConnectionSummary} from './storedConnection';

export interface Notice {
  tone: 'critical' | 'caution' | 'default';
  title: string;
  message: string;
}

export type ConnectionState =
  | {status: 'loading'; notice?: Notice}
  | {status: 'load-failed'; notice: Notice}
  | {status: 'not-connected'; notice?: Notice}
  | {status: 'waiting'}
  | {status: 'exchanging'}
  | {status: 'connected'; connection: ConnectionSummary; notice?: Notice}
  | {status: 'refreshing'; connection: ConnectionSummary}
  | {status: 'reconnect-needed'; connection: ConnectionSummary; notice: Notice}
  | {status: 'disconnecting'; connection: ConnectionSummary};

export type ConnectionAction =
  | {type: 'load'; notice?: Notice}
  | {type: 'loaded'; connection: ConnectionSummary | null}
  | {type: 'load-failed'; notice: Notice}
  | {type: 'authorize-opened'}
  | {type: 'authorize-cancelled'}
  | {type: 'connected'; connection: ConnectionSummary; notice?: Notice}
  | {type: 'refresh-started'}
  | {type: 'refreshed'; connection: ConnectionSummary; notice?: Notice}
  | {type: 'refresh-failed'; notice: Notice; reconnect: boolean}
  | {type: 'disconnect-started'}
  | {type: 'disconnected'; notice?: Notice}
  | {type: 'disconnect-failed'; notice: Notice}
  | {type: 'gone'; notice: Notice};

export const initialConnectionState: ConnectionState = {status: 'loading'};

/**
 * Where the drawer starts. Opened by the Dashboard's return route it carries
 * either a code and verifier to exchange (once: `alreadyUsed` says whether
 * this page sent that code before) or an error to report while loading.
 */
export function openingState(
  oauth: {code?: string; verifier?: string; state?: string; error?: string} | undefined,
  alreadyUsed: (code: string) => boolean,
  errorNotice: (error: string) => Notice,
): ConnectionState {
  if (oauth?.code && oauth.verifier && !alreadyUsed(oauth.code)) return {status: 'exchanging'};
  if (oauth?.error) return {status: 'loading', notice: errorNotice(oauth.error)};
  // A code without its verifier: the return's state matched nothing this Dashboard issued.
  if (oauth?.code && !oauth.verifier) return {status: 'loading', notice: errorNotice('invalid_state')};
  return initialConnectionState;
}

export function connectionReducer(state: ConnectionState, action: ConnectionAction): ConnectionState {
  switch (action.type) {
    case 'load':
      return state.status === 'load-failed' || state.status === 'waiting' || state.status === 'exchanging' || state.status === 'not-connected'
        ? {status: 'loading', notice: action.notice}
        : state;
    case 'loaded':
      if (state.status !== 'loading') return state;
      return action.connection
        ? {status: 'connected', connection: action.connection, notice: state.notice}
        : {status: 'not-connected', notice: state.notice};
    case 'load-failed':
      return state.status === 'loading' ? {status: 'load-failed', notice: action.notice} : state;
    case 'authorize-opened':
      return state.status === 'not-connected' || state.status === 'reconnect-needed' ? {status: 'waiting'} : state;
    case 'authorize-cancelled':
      return state.status === 'waiting' ? {status: 'not-connected'} : state;
    case 'connected':
      return state.status === 'exchanging' ? {status: 'connected', connection: action.connection, notice: action.notice} : state;
    case 'refresh-started':
      return state.status === 'connected' || state.status === 'reconnect-needed' ? {status: 'refreshing', connection: state.connection} : state;
    case 'refreshed':
      return state.status === 'refreshing' ? {status: 'connected', connection: action.connection, notice: action.notice} : state;
    case 'refresh-failed':
      if (state.status !== 'refreshing') return state;
      return action.reconnect
        ? {status: 'reconnect-needed', connection: state.connection, notice: action.notice}
        : {status: 'connected', connection: state.connection, notice: action.notice};
    case 'disconnect-started':
      return state.status === 'connected' || state.status === 'reconnect-needed' ? {status: 'disconnecting', connection: state.connection} : state;
    case 'disconnected':
      return state.status === 'disconnecting' ? {status: 'not-connected', notice: action.notice} : state;
    case 'disconnect-failed':
      return state.status === 'disconnecting' ? {status: 'connected', connection: state.connection, notice: action.notice} : state;
    case 'gone':
      // Another tab disconnected while this one was busy.
      return {status: 'not-connected', notice: action.notice};
  }
}
