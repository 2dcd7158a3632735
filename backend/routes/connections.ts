/** The Connections panel's routes: each user's own OAuth connection, read and kept by the backend. */
import {connectionsStatus, connectionStatus} from './connectionStatus';
import {disconnectConnection, exchangeCode, refreshConnection, verifyConnection} from './oauthConnection';
import type {RouteHandler} from './types';

export const connectionRoutes: Record<string, RouteHandler> = {
  '/v1/connection/status': connectionStatus,
  '/v1/connections/status': connectionsStatus,
  '/v1/connection/exchange': exchangeCode,
  '/v1/connection/refresh': refreshConnection,
  '/v1/connection/verify': verifyConnection,
  '/v1/connection/disconnect': disconnectConnection,
};
