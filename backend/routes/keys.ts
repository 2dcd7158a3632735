/** The settings page's routes: the account's API keys, put to use by the backend. */
import {testKey} from './testKey';
import type {RouteHandler} from './types';

export const keyRoutes: Record<string, RouteHandler> = {
  '/v1/keys/test': testKey,
};
