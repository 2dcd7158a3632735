/** The settings page's routes: the account's API keys, put to use by the backend. */
import type {RouteHandler} from './types';

export const keyRoutes: Record<string, RouteHandler> = {};
