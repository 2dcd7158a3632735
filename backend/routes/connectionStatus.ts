/**
 * POST /v1/connection/status: whether the signed-in user is connected, and to
 * whom — a summary of their stored connection, never a token. It works
 * whichever side made the connection, and without an OAuth client secret.
 */
import {summarize} from '../../src/connections/storedConnection';
import {readUserConnection} from '../credentials';
import {readBackendOAuthProvider, summaryAnswer} from '../oauth/userConnection';
import type {RouteHandler} from './types';

export const connectionStatus: RouteHandler = async ({secrets, config}) => {
  const connection = await readUserConnection(secrets.signedInUser);
  if (!connection) return {connected: false};
  return summaryAnswer(summarize(connection), readBackendOAuthProvider(config).provider?.name ?? null);
};
