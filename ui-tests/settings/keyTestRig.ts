/**
 * The real parts "Test key" runs through, started together for a test file:
 * the local Secret Store, the Acme stand-in, and the app backend configured
 * with key checks that point at the stand-in. Every line the backend logs is
 * kept, so tests can show the key is never in one.
 */
import manifest from '../fixtures/app/stripe-app.json';
import type {BackendLogEntry} from '../../backend/app';
import type {RunningBackend} from '../../backend/server';
import {startBackendUnderTest} from '../support/backendUnderTest';
import {startTestStore, type TestSecretStore} from 'stripe-apps-offline/testing';
import {startAcmeStandIn, type RunningAcmeStandIn} from '../../stand-ins/acme/standIn';

export interface KeyTestRig {
  store: TestSecretStore;
  acme: RunningAcmeStandIn;
  backend: RunningBackend;
  /** The constants both the backend and the views are given. */
  constants: Record<string, unknown>;
  /** Every log entry the backend wrote. */
  logs: BackendLogEntry[];
  /** Stores `payload` as the account-scoped key `name`, as the settings page would. */
  seedKey(account: string, name: string, payload: string): Promise<void>;
  /** Empties an account's scope. */
  clearAccount(account: string): Promise<void>;
  close(): Promise<void>;
}

/** A loopback URL nothing listens on: a stand-in started and stopped again. */
async function closedUrl(): Promise<string> {
  const gone = await startAcmeStandIn({port: 0});
  await gone.close();
  return `${gone.url}/v1/ping`;
}

export async function startKeyTestRig(signingSecret: string): Promise<KeyTestRig> {
  const store = await startTestStore();
  const acme = await startAcmeStandIn({port: 0});
  const ping = `${acme.url}/v1/ping`;
  const constants: Record<string, unknown> = {
    ...manifest.constants,
    keySlots: [
      ...manifest.constants.keySlots,
      {name: 'acme_basic_key', label: 'Acme key (Basic)'},
      {name: 'acme_header_key', label: 'Acme key (X-Api-Key)'},
      {name: 'acme_slow_key', label: 'Acme key (slow check)'},
      {name: 'acme_down_key', label: 'Acme key (nobody listening)'},
      {name: 'acme_wrong_path_key', label: 'Acme key (wrong path)'},
      {name: 'acme_http_key', label: 'Acme key (plain http elsewhere)'},
    ],
    keyChecks: {
      acme_api_key: {...manifest.constants.keyChecks.acme_api_key, url: ping},
      acme_basic_key: {service: 'Acme', url: ping, present: 'basic'},
      acme_header_key: {service: 'Acme', url: ping, present: {header: 'X-Api-Key'}},
      acme_slow_key: {service: 'Acme', url: ping, present: 'bearer', timeoutSeconds: 1},
      acme_down_key: {service: 'Acme', url: await closedUrl(), present: 'bearer', timeoutSeconds: 2},
      acme_wrong_path_key: {service: 'Acme', url: `${acme.url}/v1/nothing-here`, present: 'bearer'},
      // Declared wrongly on purpose: a check may not send a key over plain http to another machine.
      acme_http_key: {service: 'Acme', url: 'http://api.acme.example/v1/ping', present: 'bearer'},
    },
  };
  const logs: BackendLogEntry[] = [];
  const backend = await startBackendUnderTest(
    {secretKey: 'sk_test_keyTests', signingSecrets: [signingSecret], apiBase: new URL(store.url), host: '127.0.0.1', port: 0, constants},
    {log: (entry) => logs.push(entry)},
  );
  const scoped = (account: string) => store.backend(undefined, {stripeAccount: account}).apps.secrets;
  return {
    store,
    acme,
    backend,
    constants,
    logs,
    async seedKey(account, name, payload) {
      await scoped(account).create({name, payload, scope: {type: 'account'}});
    },
    async clearAccount(account) {
      const existing = await scoped(account).list({scope: {type: 'account'}, limit: 100});
      for (const s of existing.data) await scoped(account).deleteWhere({name: s.name, scope: {type: 'account'}});
    },
    async close() {
      await backend.close();
      await acme.close();
      await store.close();
    },
  };
}
