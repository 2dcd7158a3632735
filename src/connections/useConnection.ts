/**
 * The Connections panel's behaviour: asks the connection service and maps
 * each answer to an action of connectionMachine. The tokens stay inside the
 * service; this hook only ever sees summaries.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import type {OAuthProviderConfig} from '../oauth';
import {connectionReducer, isReading, openingState, type ConnectionState} from './connectionMachine';
import {
  connectFailureNotice,
  disconnectFailureNotice,
  disconnectNotice,
  goneNotice,
  loadFailureNotice,
  refreshFailureNotice,
  returnErrorNotice,
} from './connectionMessages';
import {createBackendConnection} from './backendConnection';
import {ConnectionGoneError, createConnectionService} from './connectionService';
import type {FirstReads} from './firstReads';
import {REFRESH_MARGIN_SECONDS, type ConnectionSummary} from './storedConnection';

/**
 * Codes this page has already handed to the token endpoint. A code works once;
 * sending it again (a re-render, a remount of the drawer) would be refused and
 * makes careful providers revoke the tokens of the first exchange.
 */
const usedCodes = new Set<string>();

/** Longest timer a browser keeps (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * While the user signs in in another tab, how often the panel looks for the
 * connection (one `find`, or one status call in backend mode) and for how
 * long before it leaves that to Check again: at most 100 looks per sign-in.
 */
export interface LookForLanding {
  everyMs: number;
  forMs: number;
}
const LOOK_FOR_LANDING: LookForLanding = {everyMs: 3000, forMs: 5 * 60_000};

export interface ConnectionOptions {
  lookForLanding?: LookForLanding;
  /** The drawer's one list of the user's scope, for this panel's first load (firstReads.ts); absent: a find of its own. */
  firstReads?: FirstReads | null;
}

export interface ConnectionControls {
  state: ConnectionState;
  /** The user opened the provider's page (the Connect link). */
  authorizeOpened(): void;
  /** Back to the Connect button without waiting for the other tab. */
  cancelWaiting(): void;
  /** The user moved on from what the connected screen's message described. */
  dismissNotice(): void;
  /** Reads the stored connection again (after the other tab finished, or a failed load). */
  reload(): void;
  /** Asks the provider who is connected, renewing the token if it is refused. */
  check(): void;
  /** Revokes and deletes the connection; resolves when the panel shows the outcome. */
  disconnect(): Promise<'disconnected' | 'failed'>;
}

export function useConnection(
  context: Pick<ExtensionContextValue, 'userContext' | 'environment' | 'oauthContext'>,
  provider: OAuthProviderConfig,
  options: ConnectionOptions = {},
  /** What the user typed before the sign-in being returned from (Shopify's shop), from the sign-in record. */
  signInInputs?: Record<string, string>,
): ConnectionControls {
  const {everyMs, forMs} = options.lookForLanding ?? LOOK_FOR_LANDING;
  const oauth = context.oauthContext;
  const [state, dispatch] = useReducer(connectionReducer, undefined, () =>
    openingState(oauth, (code) => usedCodes.has(code), (error) => returnErrorNotice(provider.name, error)),
  );
  const mounted = useRef(true);
  const userId = context.userContext?.id;
  const mode = context.environment.mode;
  const service = useMemo(
    // In backend mode the app backend holds the tokens; the panel works the same either way.
    () =>
      provider.exchange === 'backend'
        ? createBackendConnection(context, provider, undefined, () => options.firstReads?.status(provider.id) ?? null)
        : createConnectionService(context, provider, {firstRead: () => options.firstReads?.payload(provider.id) ?? null}),
    // One service per user, mode and provider: it holds that user's connection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [userId, mode, provider],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Opened with a code: exchange it, once.
  useEffect(() => {
    if (state.status !== 'exchanging' || !oauth?.code || !oauth.verifier || usedCodes.has(oauth.code)) return;
    const grant = {code: oauth.code, verifier: oauth.verifier, ...(signInInputs ? {inputs: signInInputs} : {})};
    usedCodes.add(grant.code);
    service.connect(grant).then(
      (connection) => mounted.current && dispatch({type: 'connected', connection}),
      (error: unknown) => mounted.current && dispatch({type: 'connect-failed', notice: connectFailureNotice(provider.name, error)}),
    );
  }, [state.status, oauth, service, provider.name, signInInputs]);

  // Whenever the machine reads the stored connection: one find.
  const reading = isReading(state);
  useEffect(() => {
    if (!reading) return;
    let current = true;
    service.load().then(
      (connection) => current && dispatch({type: 'loaded', connection}),
      (error: unknown) => current && dispatch({type: 'load-failed', notice: loadFailureNotice(error)}),
    );
    return () => {
      current = false;
    };
  }, [reading, service]);

  // Waiting for the other tab: look for the connection now and then, one look at a time, for a bounded while.
  const looking = state.status === 'waiting' && state.looking;
  useEffect(() => {
    if (!looking) return;
    let current = true;
    const deadline = Date.now() + forMs;
    let timer: ReturnType<typeof setTimeout>;
    const look = () => {
      if (Date.now() >= deadline) {
        dispatch({type: 'stopped-looking'});
        return;
      }
      const again = () => {
        if (current) timer = setTimeout(look, everyMs);
      };
      service.load().then((connection) => {
        if (current && connection) dispatch({type: 'landed', connection});
        else again();
      }, again); // A failed look is only a missed look: the next one, or Check again, says more.
    };
    timer = setTimeout(look, everyMs);
    // Landed, abandoned (Start over, Check again) or unmounted: no look after this.
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [looking, service, everyMs, forMs]);

  const renew = useCallback(
    (started: 'refresh-started' | 'verify-started', operation: () => Promise<ConnectionSummary>) => {
      dispatch({type: started});
      operation().then(
        (connection) => mounted.current && dispatch({type: 'refreshed', connection}),
        (error: unknown) => {
          if (!mounted.current) return;
          if (error instanceof ConnectionGoneError) dispatch({type: 'gone', notice: goneNotice()});
          else dispatch({type: 'refresh-failed', ...refreshFailureNotice(provider.name, error)});
        },
      );
    },
    [provider.name],
  );

  // Connected: renew shortly before the access token runs out, also while the drawer stays open.
  const expiresAt = state.status === 'connected' ? state.connection.accessTokenExpiresAt : null;
  const canRefresh = state.status === 'connected' && state.connection.canRefresh;
  useEffect(() => {
    if (expiresAt === null || !canRefresh) return;
    const dueInMs = (expiresAt - REFRESH_MARGIN_SECONDS) * 1000 - Date.now();
    const timer = setTimeout(() => renew('refresh-started', service.fresh), Math.min(Math.max(dueInMs, 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [expiresAt, canRefresh, renew, service]);

  const check = useCallback(() => renew('verify-started', service.verify), [renew, service]);

  const disconnect = useCallback(() => {
    dispatch({type: 'disconnect-started'});
    return service.disconnect().then(
      ({revocation, revokeAt}) => {
        // The service's revokeAt is this user's (Shopify's is on their shop); the manifest's may still hold a {field}.
        if (mounted.current) dispatch({type: 'disconnected', notice: disconnectNotice(provider.name, revocation, revokeAt, Boolean(provider.revocationUrl))});
        return 'disconnected' as const;
      },
      (error: unknown) => {
        if (mounted.current) dispatch({type: 'disconnect-failed', notice: disconnectFailureNotice(error)});
        return 'failed' as const;
      },
    );
  }, [service, provider.name, provider.revocationUrl]);

  return {
    state,
    authorizeOpened: useCallback(() => dispatch({type: 'authorize-opened'}), []),
    cancelWaiting: useCallback(() => dispatch({type: 'authorize-cancelled'}), []),
    dismissNotice: useCallback(() => dispatch({type: 'notice-dismissed'}), []),
    reload: useCallback(() => dispatch({type: 'load'}), []),
    check,
    disconnect,
  };
}
