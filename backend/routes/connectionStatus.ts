/**
 * POST /v1/connection/status {connection}: whether the signed-in user has that
 * connection, and to whom — a summary of it, never a token. It works
 * whichever side made the connection, and without an OAuth client secret.
 */
import {summarize} from '../../src/connections/storedConnection';
import {readUserConnection} from '../credentials';
import {oauthProvider, summaryAnswer} from '../oauth/userConnection';
import type {RouteHandler} from './types';

export const connectionStatus: RouteHandler = async ({secrets, config, body}) => {
  const provider = oauthProvider(config, body.connection);
  const connection = await readUserConnection(secrets.signedInUser, provider.id);
  if (!connection) return {connected: false, connection: provider.id};
  return summaryAnswer(summarize(connection), provider);
};
