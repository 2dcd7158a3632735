/** The panel's state machine on its own: the allowed transitions, and that nothing else moves it. */
import fs from 'node:fs';
import path from 'node:path';
import {connectionReducer, openingState, type ConnectionAction, type ConnectionState, type Notice} from '../../src/connections/connectionMachine';
import {connectionFromTokens, secretExpiry} from '../../src/connections/storedConnection';

const notice: Notice = {tone: 'critical', title: 't', message: 'm'};
const summary = {scopes: ['read'], accessTokenExpiresAt: 100, refreshTokenExpiresAt: null, canRefresh: true, connectedAt: 1, accountName: 'ada'};

/**
 * One example of every state, keyed by how the table names it. A disconnect,
 * a refresh and a check remember the screen they started from, so each has
 * two rows: the plain name for one started when connected, `…(reconnect)` for
 * one started from "Reconnect needed".
 */
const states: Record<ConnectionState['status'] | `${'disconnecting' | 'refreshing' | 'verifying'}(reconnect)`, ConnectionState> = {
  loading: {status: 'loading'},
  'load-failed': {status: 'load-failed', notice},
  'not-connected': {status: 'not-connected'},
  waiting: {status: 'waiting', looking: true},
  exchanging: {status: 'exchanging'},
  'connect-failed': {status: 'connect-failed', notice},
  connected: {status: 'connected', connection: summary, notice},
  refreshing: {status: 'refreshing', connection: summary, from: 'connected'},
  verifying: {status: 'verifying', connection: summary, from: 'connected'},
  'refreshing(reconnect)': {status: 'refreshing', connection: summary, from: 'reconnect-needed'},
  'verifying(reconnect)': {status: 'verifying', connection: summary, from: 'reconnect-needed'},
  'reconnect-needed': {status: 'reconnect-needed', connection: summary, notice},
  disconnecting: {status: 'disconnecting', connection: summary, from: 'connected'},
  'disconnecting(reconnect)': {status: 'disconnecting', connection: summary, from: 'reconnect-needed'},
};

const stateLabel = (s: ConnectionState) => ('from' in s && s.from === 'reconnect-needed' ? `${s.status}(reconnect)` : s.status);

const actions: ConnectionAction[] = [
  {type: 'load'},
  {type: 'loaded', connection: summary},
  {type: 'loaded', connection: null},
  {type: 'load-failed', notice},
  {type: 'authorize-opened'},
  {type: 'authorize-cancelled'},
  {type: 'landed', connection: summary},
  {type: 'stopped-looking'},
  {type: 'notice-dismissed'},
  {type: 'connected', connection: summary},
  {type: 'connect-failed', notice},
  {type: 'refresh-started'},
  {type: 'verify-started'},
  {type: 'refreshed', connection: summary},
  {type: 'refresh-failed', notice, reconnect: true},
  {type: 'refresh-failed', notice, reconnect: false},
  {type: 'disconnect-started'},
  {type: 'disconnected'},
  {type: 'disconnect-failed', notice},
  {type: 'gone', notice},
];

const label = (a: ConnectionAction) => (a.type === 'loaded' ? `loaded(${a.connection ? 'connection' : 'none'})` : a.type === 'refresh-failed' ? `refresh-failed(${a.reconnect ? 'reconnect' : 'retry'})` : a.type);

/** Every state × action the reducer answers with a new state, as `state --action--> next`. */
function transitions(): string[] {
  const table: string[] = [];
  for (const state of Object.values(states)) {
    for (const action of actions) {
      const next = connectionReducer(state, action);
      if (next !== state) table.push(`${stateLabel(state)} --${label(action)}--> ${stateLabel(next)}`);
    }
  }
  return table.sort();
}

test('every state × action: exactly the documented transitions happen, everything else leaves the state as it was', () => {
  const table = transitions();
  expect(table).toEqual(
    [
      'connected --disconnect-started--> disconnecting',
      'connected --gone--> not-connected',
      'connected --refresh-started--> refreshing',
      'disconnecting --disconnect-failed--> connected',
      'disconnecting --disconnected--> not-connected',
      'disconnecting --gone--> not-connected',
      'exchanging --connected--> connected',
      'exchanging --gone--> not-connected',
      'exchanging --load--> loading',
      'load-failed --gone--> not-connected',
      'load-failed --load--> loading',
      'loading --gone--> not-connected',
      'loading --load-failed--> load-failed',
      'loading --loaded(connection)--> connected',
      'loading --loaded(none)--> not-connected',
      'not-connected --authorize-opened--> waiting',
      'not-connected --gone--> not-connected',
      'not-connected --load--> loading',
      'reconnect-needed --authorize-opened--> waiting',
      'reconnect-needed --disconnect-started--> disconnecting(reconnect)',
      'reconnect-needed --gone--> not-connected',
      'reconnect-needed --refresh-started--> refreshing(reconnect)',
      'refreshing --gone--> not-connected',
      'refreshing --refresh-failed(reconnect)--> reconnect-needed',
      'refreshing --refresh-failed(retry)--> connected',
      'refreshing --refreshed--> connected',
      'waiting --authorize-cancelled--> not-connected',
      'waiting --gone--> not-connected',
      'waiting --load--> loading',
      // The states the flow always had but left implicit: a failed exchange, and a check the user asked for.
      'connect-failed --gone--> not-connected',
      'connect-failed --load-failed--> load-failed',
      'connect-failed --loaded(connection)--> connected',
      'connect-failed --loaded(none)--> not-connected',
      'connected --verify-started--> verifying',
      'exchanging --connect-failed--> connect-failed',
      'reconnect-needed --verify-started--> verifying(reconnect)',
      'verifying --gone--> not-connected',
      'verifying --refresh-failed(reconnect)--> reconnect-needed',
      'verifying --refresh-failed(retry)--> connected',
      'verifying --refreshed--> connected',
      // Looking for a connection another tab made, and moving on from a message.
      'waiting --landed--> connected',
      'waiting --stopped-looking--> waiting',
      'connected --notice-dismissed--> connected',
      // A failed disconnect goes back to the screen it started from: a connection that needed reconnecting still does.
      'disconnecting(reconnect) --disconnect-failed--> reconnect-needed',
      'disconnecting(reconnect) --disconnected--> not-connected',
      'disconnecting(reconnect) --gone--> not-connected',
      // A renewal started from "Reconnect needed" that fails for a passing reason (network, 5xx) mends nothing either.
      'refreshing(reconnect) --refreshed--> connected',
      'refreshing(reconnect) --refresh-failed(retry)--> reconnect-needed',
      'refreshing(reconnect) --refresh-failed(reconnect)--> reconnect-needed',
      'refreshing(reconnect) --gone--> not-connected',
      'verifying(reconnect) --refreshed--> connected',
      'verifying(reconnect) --refresh-failed(retry)--> reconnect-needed',
      'verifying(reconnect) --refresh-failed(reconnect)--> reconnect-needed',
      'verifying(reconnect) --gone--> not-connected',
    ].sort(),
  );
});

test('the table drawn in connectionMachine.ts is the reducer’s own', () => {
  const source = fs.readFileSync(path.join(__dirname, '../../src/connections/connectionMachine.ts'), 'utf8');
  const drawn: string[] = [];
  for (const [, from, action, to] of source.matchAll(/^ \* {3}(\(any state\)|[a-z-]+(?:\([a-z]+\))?)\s+([a-z-]+(?:\([a-z]+\))?)\s+([a-z-]+(?:\([a-z]+\))?)$/gm)) {
    const sources = from === '(any state)' ? Object.keys(states) : [from];
    for (const state of sources) drawn.push(`${state} --${action}--> ${to}`);
  }
  expect(drawn.sort()).toEqual(transitions());
});

test('a disconnect that fails from "Reconnect needed" shows "Reconnect needed" again, with the failure', () => {
  const failure: Notice = {tone: 'critical', title: 'Could not disconnect', message: 'try again'};
  const asked = connectionReducer(states['reconnect-needed'], {type: 'disconnect-started'});
  expect(connectionReducer(asked, {type: 'disconnect-failed', notice: failure})).toEqual({status: 'reconnect-needed', connection: summary, notice: failure});
  const fromConnected = connectionReducer({status: 'connected', connection: summary}, {type: 'disconnect-started'});
  expect(connectionReducer(fromConnected, {type: 'disconnect-failed', notice: failure})).toEqual({status: 'connected', connection: summary, notice: failure});
});

test('a check from "Reconnect needed" that fails for a passing reason still says "Reconnect needed", with the failure', () => {
  const failure: Notice = {tone: 'caution', title: 'Could not check', message: 'try again'};
  for (const start of ['refresh-started', 'verify-started'] as const) {
    const renewing = connectionReducer(states['reconnect-needed'], {type: start});
    expect(connectionReducer(renewing, {type: 'refresh-failed', notice: failure, reconnect: false})).toEqual({status: 'reconnect-needed', connection: summary, notice: failure});
    expect(connectionReducer(renewing, {type: 'refreshed', connection: summary})).toEqual({status: 'connected', connection: summary});
  }
});

test('waiting stops looking once, and a landed connection is shown with no message from before', () => {
  const stopped = connectionReducer(states.waiting, {type: 'stopped-looking'});
  expect(stopped).toEqual({status: 'waiting', looking: false});
  expect(connectionReducer(stopped, {type: 'stopped-looking'})).toBe(stopped);
  expect(connectionReducer(stopped, {type: 'landed', connection: summary})).toEqual({status: 'connected', connection: summary});
  expect(connectionReducer(states.connected, {type: 'notice-dismissed'})).toEqual({status: 'connected', connection: summary});
});

test('a notice carried into loading is shown on the state the load ends in', () => {
  const loading = connectionReducer(states.exchanging, {type: 'load', notice});
  expect(connectionReducer(loading, {type: 'loaded', connection: null})).toEqual({status: 'not-connected', notice});
  expect(connectionReducer(loading, {type: 'loaded', connection: summary})).toEqual({status: 'connected', connection: summary, notice});
});

test('where the drawer starts: a fresh code is exchanged, a used one is not, errors and verifier-less codes are reported', () => {
  const errorNotice = (error: string) => ({...notice, message: error});
  const never = () => false;
  expect(openingState(undefined, never, errorNotice)).toEqual({status: 'loading'});
  expect(openingState({code: 'c', verifier: 'v', state: 's'}, never, errorNotice)).toEqual({status: 'exchanging'});
  expect(openingState({code: 'c', verifier: 'v', state: 's'}, () => true, errorNotice)).toEqual({status: 'loading'});
  expect(openingState({error: 'access_denied'}, never, errorNotice)).toEqual({status: 'loading', notice: errorNotice('access_denied')});
  expect(openingState({code: 'c'}, never, errorNotice)).toEqual({status: 'loading', notice: errorNotice('invalid_state')});
});

describe('what is stored', () => {
  const base = {now: 1000, requestedScopes: ['read', 'write']};

  test('a refresh answer without a refresh token keeps the old one and its expiry; without a scope keeps the old scope', () => {
    const first = connectionFromTokens({access_token: 'a1', token_type: 'Bearer', expires_in: 3600, refresh_token: 'r1', scope: 'read'}, {...base, refreshTokenLifetimeSeconds: 100});
    expect(first).toMatchObject({refresh_token: 'r1', refresh_token_expires_at: 1100, scope: 'read', access_token_expires_at: 4600, connected_at: 1000});
    const next = connectionFromTokens({access_token: 'a2', token_type: 'Bearer', expires_in: 60}, {...base, now: 2000, previous: first});
    expect(next).toMatchObject({access_token: 'a2', refresh_token: 'r1', refresh_token_expires_at: 1100, scope: 'read', access_token_expires_at: 2060, connected_at: 1000});
  });

  test('the secret expires with the refresh token when there is one, else with the access token', () => {
    const withRefresh = connectionFromTokens({access_token: 'a', token_type: 'Bearer', expires_in: 60, refresh_token: 'r', refresh_token_expires_in: 500}, base);
    expect(secretExpiry(withRefresh)).toBe(1500);
    const unknownLifetime = connectionFromTokens({access_token: 'a', token_type: 'Bearer', expires_in: 60, refresh_token: 'r'}, base);
    expect(secretExpiry(unknownLifetime)).toBeNull();
    const accessOnly = connectionFromTokens({access_token: 'a', token_type: 'Bearer', expires_in: 60}, base);
    expect(secretExpiry(accessOnly)).toBe(1060);
  });
});
