/**
 * The drawer's first look at the user's connections: one request shared by
 * every panel, instead of one per connection. Each connection is answered from
 * it once (its panel's first load); every later read asks again, so a panel
 * never acts on a copy older than its own last read.
 *
 * - View-mode connections: one list of the user's scope with its payloads.
 *   Only when every connection is view-mode: the list carries every payload
 *   of the scope, and a backend-mode connection's tokens must never reach the
 *   view. (A drawer that mixes the two gives its view-mode panels a find each.)
 * - Backend-mode connections: one signed call, POST /v1/connections/status,
 *   which the backend answers from one list of its own.
 */
import type {BackendClient} from '../appBackend';
import type {OAuthProviderConfig} from '../oauth';
import type {ScopedSecrets} from '../secrets';
import {connectionSecretName} from './storedConnection';

export interface FirstReads {
  /** The stored payload of view-mode connection `id` from the one list, the first time it is asked for; null otherwise (read it yourself then). */
  payload(id: string): Promise<string | null> | null;
  /** The backend's status answer for backend-mode connection `id` from the one call, the first time; null otherwise. */
  status(id: string): Promise<Record<string, unknown>> | null;
}

/** Hands out each key's share of one request, made when the first key is taken; a key is taken once. */
function sharedOnce<T>(keys: string[], fetchAll: () => Promise<(key: string) => T>): (key: string) => Promise<T> | null {
  const untaken = new Set(keys);
  let all: Promise<(key: string) => T> | null = null;
  return (key) => {
    if (!untaken.delete(key)) return null;
    all ??= fetchAll();
    return all.then((pick) => pick(key));
  };
}

export function firstReadsFor(
  connections: OAuthProviderConfig[],
  scope: () => Pick<ScopedSecrets, 'revealAll'>,
  backend: () => Pick<BackendClient, 'call'>,
): FirstReads {
  const inBackend = connections.filter((c) => c.exchange === 'backend').map((c) => c.id);
  const listed = inBackend.length === 0 ? connections.map((c) => c.id) : [];
  const payload = sharedOnce(listed, async () => {
    const all = await scope().revealAll();
    return (id: string) => all.get(connectionSecretName(id)) ?? null;
  });
  const status = sharedOnce(inBackend, async () => {
    const answer = await backend().call<{connections?: unknown}>('/v1/connections/status', {connections: inBackend});
    const answers = Array.isArray(answer.connections) ? (answer.connections as Record<string, unknown>[]) : [];
    // An id the backend did not answer for reads as not connected, as the one-connection route says.
    return (id: string) => answers.find((a) => a && a.connection === id) ?? {connected: false, connection: id};
  });
  return {payload, status};
}
