/**
 * createOAuthState as the Dashboard answers it: a random state bound to the
 * view's app and user, and the S256 challenge of a verifier the host keeps.
 * The verifier is handed back only on the OAuth return route, with a state
 * this host issued, to the user and mode it was issued to. A state stays
 * valid until it expires, as a bookmarked return URL would in the Dashboard:
 * refusing a code used twice is the provider's job, and the app must cope.
 */
import crypto from 'node:crypto';
import type {ExtensionIdentity} from '../secret-store/extension-door';

export interface Issued {
  identity: ExtensionIdentity;
  verifier: string;
  /** What the view passed in, returned to it alongside the code. */
  viewState: string;
  expires: number;
}

const TTL_MS = 10 * 60 * 1000;

export class OAuthStates {
  private issued = new Map<string, Issued>();

  issue(identity: ExtensionIdentity, viewState: string): {state: string; challenge: string} {
    this.sweep();
    const state = crypto.randomBytes(24).toString('base64url');
    const verifier = crypto.randomBytes(48).toString('base64url');
    const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
    this.issued.set(state, {identity, verifier, viewState, expires: Date.now() + TTL_MS});
    return {state, challenge};
  }

  /** What was issued with `state`, or null for a state this host never issued (or that expired). */
  match(state: string): Issued | null {
    this.sweep();
    return this.issued.get(state) ?? null;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [state, issued] of this.issued) if (issued.expires < now) this.issued.delete(state);
  }
}

export type OAuthContext = {code?: string; verifier?: string; state?: string; error?: string};

/**
 * What the drawer is reopened with after the provider sent the browser to the
 * return route of `mode`: {code, verifier, state} for a state issued in that
 * mode, {error, state} when the provider reported one, and {error:
 * 'invalid_state'} (no verifier) for anything else.
 */
export function oauthContextForReturn(
  states: OAuthStates,
  returned: URL,
  mode: 'test' | 'live',
): {issued: Issued | null; oauthContext: OAuthContext} {
  const state = returned.searchParams.get('state') ?? '';
  const issued = state ? states.match(state) : null;
  if (!issued || issued.identity.mode !== mode) return {issued: null, oauthContext: {error: 'invalid_state'}};
  const code = returned.searchParams.get('code');
  const error = returned.searchParams.get('error');
  return {issued, oauthContext: code ? {code, verifier: issued.verifier, state} : {error: error ?? 'invalid_request', state}};
}
