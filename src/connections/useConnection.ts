/**
 * The Connections panel's behaviour: drives connectionReducer from the
 * Secret Store and the provider. The view only renders `state` and calls the
 * returned actions.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import {summarize, REFRESH_MARGIN_SECONDS, type StoredConnection} from './storedConnection';
import {connectionReducer, openingState, type ConnectionState} from './connectionMachine';
import {
  connectFailureNotice,
  disconnectFailureNotice,
  disconnectNotice,
  goneNotice,
  loadFailureNotice,
  refreshFailureNotice,
  returnErrorNotice,
} from './connectionMessages';
import {ConnectionGoneError, createConnectionService, type ConnectionService, type ConnectionServiceOptions} from './connectionService';
import type {OAuthProviderConfig} from '../oauth';

/**
 * Codes this page has already handed to the token endpoint. A code works once;
 * sending it again (a re-render, a remount of the drawer) would be refused and
 * makes careful providers revoke the tokens of the first exchange.
 */
const usedCodes = new Set<string>();

/** Longest timer a browser keeps (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ConnectionControls {
  state: ConnectionState;
  /** The user opened the provider's page (the Connect link). */
  authorizeOpened(): void;
  /** Back to the Connect button without waiting for the other tab. */
  cancelWaiting(): void;
  /** Reads the stored connection again (after the other tab finished, or a failed load). */
  reload(): void;
  /** Asks the provider who is connected, renewing the token if it is refused. */
  check(): void;
  disconnect(): void;
}

export function useConnection(
  context: Pick<ExtensionContextValue, 'userContext' | 'environment' | 'oauthContext'>,
  provider: OAuthProviderConfig,
  options: ConnectionServiceOptions = {},
): ConnectionControls {
  const oauth = context.oauthContext;
  const [state, dispatch] = useReducer(connectionReducer, undefined, () =>
    openingState(oauth, (code) => usedCodes.has(code), (error) => returnErrorNotice(provider.name, error)),
  );
  // The tokens live here, never in rendered state.
  const stored = useRef<StoredConnection | null>(null);
  const mounted = useRef(true);
  const userId = context.userContext?.id;
  const mode = context.environment.mode;
  const service: ConnectionService = useMemo(
    () => createConnectionService(context, provider, options),
    // The service depends on who and which mode, not on the context object's identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [userId, mode, provider],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const keep = useCallback((connection: StoredConnection | null) => {
    stored.current = connection;
    return connection ? summarize(connection) : null;
  }, []);

  // Opened with a code: exchange it, once.
  useEffect(() => {
    if (state.status !== 'exchanging' || !oauth?.code || !oauth.verifier || usedCodes.has(oauth.code)) return;
    const grant = {code: oauth.code, verifier: oauth.verifier};
    usedCodes.add(grant.code);
    service.connect(grant).then(
      (connection) => mounted.current && dispatch({type: 'connected', connection: keep(connection)!}),
      (error: unknown) => mounted.current && dispatch({type: 'load', notice: connectFailureNotice(provider.name, error)}),
    );
  }, [state.status, oauth, service, keep, provider.name]);

  // Whenever the machine is loading, read the stored connection (one find).
  useEffect(() => {
    if (state.status !== 'loading') return;
    let current = true;
    service.load().then(
      (connection) => current && dispatch({type: 'loaded', connection: keep(connection)}),
      (error: unknown) => current && dispatch({type: 'load-failed', notice: loadFailureNotice(error)}),
    );
    return () => {
      current = false;
    };
  }, [state.status, service, keep]);

  const runRefresh = useCallback(
    (operation: (connection: StoredConnection) => Promise<StoredConnection>) => {
      const connection = stored.current;
      if (!connection) return;
      dispatch({type: 'refresh-started'});
      operation(connection).then(
        (next) => mounted.current && dispatch({type: 'refreshed', connection: keep(next)!}),
        (error: unknown) => {
          if (!mounted.current) return;
          if (error instanceof ConnectionGoneError) dispatch({type: 'gone', notice: goneNotice()});
          else dispatch({type: 'refresh-failed', ...refreshFailureNotice(provider.name, error)});
        },
      );
    },
    [keep, provider.name],
  );

  // Connected: renew shortly before the access token runs out, also while the drawer stays open.
  const expiresAt = state.status === 'connected' ? state.connection.accessTokenExpiresAt : null;
  const canRefresh = state.status === 'connected' && state.connection.canRefresh;
  useEffect(() => {
    if (expiresAt === null || !canRefresh) return;
    const dueInMs = (expiresAt - REFRESH_MARGIN_SECONDS) * 1000 - Date.now();
    const timer = setTimeout(() => runRefresh((c) => service.fresh(c)), Math.min(Math.max(dueInMs, 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [expiresAt, canRefresh, runRefresh, service]);

  const check = useCallback(() => {
    runRefresh(async (connection) => {
      const verified = await service.verify(connection);
      return {...verified.connection, account_name: verified.accountName ?? verified.connection.account_name};
    });
  }, [runRefresh, service]);

  const disconnect = useCallback(() => {
    const connection = stored.current;
    if (!connection) return;
    dispatch({type: 'disconnect-started'});
    service.disconnect(connection).then(
      ({revocation}) => {
        stored.current = null;
        if (mounted.current) dispatch({type: 'disconnected', notice: disconnectNotice(provider.name, revocation)});
      },
      (error: unknown) => mounted.current && dispatch({type: 'disconnect-failed', notice: disconnectFailureNotice(error)}),
    );
  }, [service, provider.name]);

  return {
    state,
    authorizeOpened: useCallback(() => dispatch({type: 'authorize-opened'}), []),
    cancelWaiting: useCallback(() => dispatch({type: 'authorize-cancelled'}), []),
    reload: useCallback(() => dispatch({type: 'load'}), []),
    check,
    disconnect,
  };
}
