/**
 * POST /v1/connection/status: whether the signed-in user is connected, and to
 * whom — a summary of their stored connection, never a token.
 */
import {readUserConnection} from '../credentials';
import type {RouteHandler} from './types';

export const connectionStatus: RouteHandler = async ({secrets}) => {
  const connection = await readUserConnection(secrets.signedInUser);
  if (!connection) return {connected: false};
  return {
    connected: true,
    account_name: connection.account_name,
    scopes: connection.scope.split(' ').filter(Boolean),
    access_token_expires_at: connection.access_token_expires_at,
    refresh_token_expires_at: connection.refresh_token_expires_at,
    connected_at: connection.connected_at,
  };
};
