/** The Connections panel's routes: each user's own OAuth connection, read and kept by the backend. */
import {connectionStatus} from './connectionStatus';
import type {RouteHandler} from './types';

export const connectionRoutes: Record<string, RouteHandler> = {
  '/v1/connection/status': connectionStatus,
};
