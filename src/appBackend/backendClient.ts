/**
 * Signed calls from a view to the app's backend, the one place views build
 * them: a fresh fetchStripeSignature() per call (a signature is good for 300 s
 * and must not be reused), `Stripe-Signature` in the header, and the signed-in
 * user and account in the JSON body. The ids come from userContext and are
 * written last, so a caller's body can never name somebody else (the backend
 * would refuse it anyway: the signature covers only the real ones).
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';
import fetchStripeSignature from '@stripe/ui-extension-sdk/signature';
import {manifestConstant, text} from '../manifestConstants';
import {BackendCallError} from './errors';

export interface BackendClient {
  /** POSTs `body` to `path` on the backend; resolves to its JSON answer. */
  call<T>(path: string, body?: Record<string, unknown>): Promise<T>;
}

type Context = Pick<ExtensionContextValue, 'userContext' | 'environment'>;

/** https:// anywhere; http:// only on this machine (the offline preview's backend). */
function backendUrl(context: Context): URL | null {
  const value = text(manifestConstant(context.environment?.constants, 'backendUrl'));
  if (!value) return null;
  try {
    const url = new URL(value);
    const local = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
    return url.protocol === 'https:' || local ? url : null;
  } catch {
    return null;
  }
}

export function createBackendClient(context: Context): BackendClient {
  return {
    async call<T>(path: string, body: Record<string, unknown> = {}): Promise<T> {
      const base = backendUrl(context);
      if (!base) throw new BackendCallError('not-configured');
      const userId = context.userContext?.id;
      const accountId = context.userContext?.account?.id;
      if (!userId || !accountId) throw new BackendCallError('no-user');
      let signature: string;
      try {
        signature = await fetchStripeSignature();
      } catch {
        throw new BackendCallError('signature');
      }
      let response: Response;
      try {
        response = await fetch(new URL(path.replace(/^\//, ''), base.href.endsWith('/') ? base : `${base.href}/`), {
          method: 'POST',
          headers: {'Content-Type': 'application/json', 'Stripe-Signature': signature},
          body: JSON.stringify({...body, user_id: userId, account_id: accountId}),
        });
      } catch {
        throw new BackendCallError('network');
      }
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        throw new BackendCallError('unavailable');
      }
      if (response.ok && json && typeof json === 'object') return json as T;
      const code = (json as {error?: {type?: unknown}} | null)?.error?.type;
      const safeCode = typeof code === 'string' && /^[a-z-]{1,40}$/.test(code) ? code : undefined;
      if (response.status === 401) throw new BackendCallError('signature', safeCode);
      if (response.status >= 400 && response.status < 500) throw new BackendCallError('refused', safeCode);
      throw new BackendCallError('unavailable', safeCode);
    },
  };
}
