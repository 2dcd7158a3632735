/**
 * POST /v1/connection/status {connection}: whether the signed-in user has that
 * connection, and to whom — a summary of it, never a token. It works
 * whichever side made the connection, and without an OAuth client secret.
 *
 * POST /v1/connections/status {connections: [id, …]}: the same for several at
 * once, from one list of the user's scope instead of a find each (the
 * drawer's first look at its backend-mode connections).
 */
import {MAX_CONNECTIONS} from '../../src/oauth';
import {summarize, connectionSecretName, type StoredConnection} from '../../src/connections/storedConnection';
import {readUserConnection, userConnectionFrom} from '../credentials';
import {BackendError} from '../errors';
import {oauthProvider, summaryAnswer} from '../oauth/userConnection';
import type {RouteHandler} from './types';

const answer = (connection: StoredConnection | null, provider: ReturnType<typeof oauthProvider>) =>
  connection ? summaryAnswer(summarize(connection), provider) : {connected: false, connection: provider.id};

export const connectionStatus: RouteHandler = async ({secrets, config, body}) => {
  const provider = oauthProvider(config, body.connection);
  return answer(await readUserConnection(secrets.signedInUser, provider.id), provider);
};

export const connectionsStatus: RouteHandler = async ({secrets, config, body}) => {
  const ids = body.connections;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_CONNECTIONS || new Set(ids).size !== ids.length) {
    throw new BackendError('bad-request', `connections must be a list of 1 to ${MAX_CONNECTIONS} different ids of constants.connections.`);
  }
  // Each checked against the backend's own manifest before anything is read.
  const providers = ids.map((id) => oauthProvider(config, id));
  const all = await secrets.signedInUser.readAll();
  return {connections: providers.map((provider) => answer(userConnectionFrom(all.get(connectionSecretName(provider.id))), provider))};
};
