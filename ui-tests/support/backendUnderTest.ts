/**
 * The runtime the backend's route tests run it on: Node, or workerd when the
 * jest project "backend on workerd" runs the same files (jest.config.mjs
 * sets KEYRING_BACKEND_RUNTIME through onWorkerd.ts). Either way the test
 * gets a real backend on a real port, with the hooks a deployed one has
 * (deployedHooks) unless the test passes its own, which only Node can take.
 */
import {deployedHooks, type AppOptions} from '../../backend/app';
import type {BackendConfig} from '../../backend/config';
import {startBackend, type RunningBackend} from '../../backend/server';
import {startWorkerdBackend} from './workerdBackend';

export type BackendRuntime = 'node' | 'workerd';

export const BACKEND_RUNTIME: BackendRuntime = process.env.KEYRING_BACKEND_RUNTIME === 'workerd' ? 'workerd' : 'node';

export function startBackendUnderTest(config: BackendConfig, options: AppOptions = {}): Promise<RunningBackend> {
  return BACKEND_RUNTIME === 'workerd' ? startWorkerdBackend(config, options) : startBackend(config, {...deployedHooks(config), ...options});
}
