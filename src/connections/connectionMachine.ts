/**
 * The Connections panel as a state machine: every screen the panel can show
 * is a state, and only these transitions can happen (any other action leaves
 * the state as it is). ui-tests/connections/connectionMachine.test.ts checks
 * this table against the reducer, row by row.
 *
 *   state                     action                     next state
 *   ────────────────────────  ─────────────────────────  ────────────────────────
 *   loading                   loaded(connection)         connected
 *   loading                   loaded(none)               not-connected
 *   loading                   load-failed                load-failed
 *   load-failed               load                       loading
 *   not-connected             load                       loading
 *   not-connected             authorize-opened           waiting
 *   waiting                   load                       loading
 *   waiting                   authorize-cancelled        not-connected
 *   waiting                   landed                     connected
 *   waiting                   stopped-looking            waiting
 *   exchanging                connected                  connected
 *   exchanging                connect-failed             connect-failed
 *   exchanging                load                       loading
 *   connect-failed            loaded(connection)         connected
 *   connect-failed            loaded(none)               not-connected
 *   connect-failed            load-failed                load-failed
 *   connected                 notice-dismissed           connected
 *   connected                 refresh-started            refreshing
 *   connected                 verify-started             verifying
 *   connected                 disconnect-started         disconnecting
 *   refreshing                refreshed                  connected
 *   refreshing                refresh-failed(retry)      connected
 *   refreshing                refresh-failed(reconnect)  reconnect-needed
 *   verifying                 refreshed                  connected
 *   verifying                 refresh-failed(retry)      connected
 *   verifying                 refresh-failed(reconnect)  reconnect-needed
 *   refreshing(reconnect)     refreshed                  connected
 *   refreshing(reconnect)     refresh-failed(retry)      reconnect-needed
 *   refreshing(reconnect)     refresh-failed(reconnect)  reconnect-needed
 *   verifying(reconnect)      refreshed                  connected
 *   verifying(reconnect)      refresh-failed(retry)      reconnect-needed
 *   verifying(reconnect)      refresh-failed(reconnect)  reconnect-needed
 *   reconnect-needed          authorize-opened           waiting
 *   reconnect-needed          refresh-started            refreshing(reconnect)
 *   reconnect-needed          verify-started             verifying(reconnect)
 *   reconnect-needed          disconnect-started         disconnecting(reconnect)
 *   disconnecting             disconnected               not-connected
 *   disconnecting             disconnect-failed          connected
 *   disconnecting(reconnect)  disconnected               not-connected
 *   disconnecting(reconnect)  disconnect-failed          reconnect-needed
 *   (any state)               gone                       not-connected
 *
 * While waiting, the panel looks for the connection by itself now and then
 * (another tab may finish the sign-in): `landed` when a look finds it,
 * `stopped-looking` when it has looked long enough (it then waits for Check
 * again). A refresh, a check and a disconnect remember the screen they
 * started from (`…(reconnect)` is one started from reconnect-needed): if one
 * fails, the connection is as it was, so a token the provider refused is still
 * refused and the panel says so again. `notice-dismissed` drops a connected screen's message once the user
 * moves on from what it described (asks to disconnect, or backs out).
 *
 * The drawer starts in loading, or in exchanging when the Dashboard reopened
 * it with a code (see openingState). connect-failed reads the stored
 * connection again, as loading does, and shows the failure on the screen that
 * read ends in. Tokens never enter this state: connected states carry a
 * summary only.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import type {ConnectionSummary} from './storedConnection';

/** What the Dashboard hands a view it reopens after an OAuth return. */
export type OAuthContext = NonNullable<ExtensionContextValue['oauthContext']>;

export interface Notice {
  tone: 'critical' | 'caution' | 'default';
  title: string;
  message: string;
}

export type ConnectionState =
  | {status: 'loading'; notice?: Notice}
  | {status: 'load-failed'; notice: Notice}
  | {status: 'not-connected'; notice?: Notice}
  /** `looking`: the panel is still looking for the connection by itself. */
  | {status: 'waiting'; looking: boolean}
  | {status: 'exchanging'}
  | {status: 'connect-failed'; notice: Notice}
  | {status: 'connected'; connection: ConnectionSummary; notice?: Notice}
  /** `from`, here and in disconnecting: the screen a failure goes back to. */
  | {status: 'refreshing'; connection: ConnectionSummary; from: 'connected' | 'reconnect-needed'}
  | {status: 'verifying'; connection: ConnectionSummary; from: 'connected' | 'reconnect-needed'}
  | {status: 'reconnect-needed'; connection: ConnectionSummary; notice: Notice}
  | {status: 'disconnecting'; connection: ConnectionSummary; from: 'connected' | 'reconnect-needed'};

export type ConnectionAction =
  | {type: 'load'; notice?: Notice}
  | {type: 'loaded'; connection: ConnectionSummary | null}
  | {type: 'load-failed'; notice: Notice}
  | {type: 'authorize-opened'}
  | {type: 'authorize-cancelled'}
  | {type: 'landed'; connection: ConnectionSummary}
  | {type: 'stopped-looking'}
  | {type: 'notice-dismissed'}
  | {type: 'connected'; connection: ConnectionSummary; notice?: Notice}
  | {type: 'connect-failed'; notice: Notice}
  | {type: 'refresh-started'}
  | {type: 'verify-started'}
  | {type: 'refreshed'; connection: ConnectionSummary; notice?: Notice}
  | {type: 'refresh-failed'; notice: Notice; reconnect: boolean}
  | {type: 'disconnect-started'}
  | {type: 'disconnected'; notice?: Notice}
  | {type: 'disconnect-failed'; notice: Notice}
  | {type: 'gone'; notice: Notice};

const initialConnectionState: ConnectionState = {status: 'loading'};

/** The states in which the stored connection is being read. */
export const isReading = (state: ConnectionState): state is Extract<ConnectionState, {status: 'loading' | 'connect-failed'}> =>
  state.status === 'loading' || state.status === 'connect-failed';

/**
 * Where the drawer starts. Opened by the Dashboard's return route it carries
 * either a code and verifier to exchange (once: `alreadyUsed` says whether
 * this page sent that code before) or an error to report while loading.
 */
export function openingState(oauth: OAuthContext | undefined, alreadyUsed: (code: string) => boolean, errorNotice: (error: string) => Notice): ConnectionState {
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
      if (!isReading(state)) return state;
      return action.connection
        ? {status: 'connected', connection: action.connection, notice: state.notice}
        : {status: 'not-connected', notice: state.notice};
    case 'load-failed':
      return isReading(state) ? {status: 'load-failed', notice: action.notice} : state;
    case 'authorize-opened':
      return state.status === 'not-connected' || state.status === 'reconnect-needed' ? {status: 'waiting', looking: true} : state;
    case 'authorize-cancelled':
      return state.status === 'waiting' ? {status: 'not-connected'} : state;
    case 'landed':
      return state.status === 'waiting' ? {status: 'connected', connection: action.connection} : state;
    case 'stopped-looking':
      return state.status === 'waiting' && state.looking ? {status: 'waiting', looking: false} : state;
    case 'notice-dismissed':
      return state.status === 'connected' && state.notice ? {status: 'connected', connection: state.connection} : state;
    case 'connected':
      return state.status === 'exchanging' ? {status: 'connected', connection: action.connection, notice: action.notice} : state;
    case 'connect-failed':
      return state.status === 'exchanging' ? {status: 'connect-failed', notice: action.notice} : state;
    case 'refresh-started':
    case 'verify-started':
      return state.status === 'connected' || state.status === 'reconnect-needed'
        ? {status: action.type === 'refresh-started' ? 'refreshing' : 'verifying', connection: state.connection, from: state.status}
        : state;
    case 'refreshed':
      return state.status === 'refreshing' || state.status === 'verifying' ? {status: 'connected', connection: action.connection, notice: action.notice} : state;
    case 'refresh-failed':
      if (state.status !== 'refreshing' && state.status !== 'verifying') return state;
      // A failure that passes (network, 5xx) leaves the connection as it was: still refused if it was.
      return action.reconnect || state.from === 'reconnect-needed'
        ? {status: 'reconnect-needed', connection: state.connection, notice: action.notice}
        : {status: 'connected', connection: state.connection, notice: action.notice};
    case 'disconnect-started':
      return state.status === 'connected' || state.status === 'reconnect-needed'
        ? {status: 'disconnecting', connection: state.connection, from: state.status}
        : state;
    case 'disconnected':
      return state.status === 'disconnecting' ? {status: 'not-connected', notice: action.notice} : state;
    case 'disconnect-failed':
      if (state.status !== 'disconnecting') return state;
      return state.from === 'reconnect-needed'
        ? {status: 'reconnect-needed', connection: state.connection, notice: action.notice}
        : {status: 'connected', connection: state.connection, notice: action.notice};
    case 'gone':
      // Another tab disconnected while this one was busy.
      return {status: 'not-connected', notice: action.notice};
  }
}
