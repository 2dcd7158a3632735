/**
 * createOAuthState as the Dashboard answers it: a random state bound to the
 * view's app and user, and the S256 challenge of a verifier the host keeps.
 * The verifier is handed back only on the OAuth return route, with a state
 * this host issued, to the user and mode it was issued to, and only once: a
 * state is redeemed by the first return that presents it, so a return URL
 * left in the history or replayed by someone else gets the `invalid_state`
 * path, never the verifier again.
 *
 * What a view may leave here is bounded, since any view can call
 * createOAuthState as often as it likes: a view's own state is at most
 * MAX_VIEW_STATE characters, and at most MAX_OUTSTANDING states wait for a
 * return at once (the oldest make room; an abandoned sign-in is the usual one).
 */
import crypto from 'node:crypto';
import type {ExtensionIdentity} from '../stripe-api/extension-door';

export interface Issued {
  identity: ExtensionIdentity;
  verifier: string;
  /** What the view passed in, returned to it alongside the code. */
  viewState: string;
  expires: number;
}

const TTL_MS = 10 * 60 * 1000;
export const MAX_VIEW_STATE = 1024;
export const MAX_OUTSTANDING = 100;

export class ViewStateTooLargeError extends Error {
  constructor() {
    super(`createOAuthState takes a state of at most ${MAX_VIEW_STATE} characters.`);
    this.name = 'ViewStateTooLargeError';
  }
}

export class OAuthStates {
  // A Map iterates in insertion order: its first entries are the oldest.
  private issued = new Map<string, Issued>();

  issue(identity: ExtensionIdentity, viewState: string): {state: string; challenge: string} {
    if (viewState.length > MAX_VIEW_STATE) throw new ViewStateTooLargeError();
    this.sweep();
    while (this.issued.size >= MAX_OUTSTANDING) this.issued.delete(this.issued.keys().next().value as string);
    const state = crypto.randomBytes(24).toString('base64url');
    const verifier = crypto.randomBytes(48).toString('base64url');
    const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
    this.issued.set(state, {identity, verifier, viewState, expires: Date.now() + TTL_MS});
    return {state, challenge};
  }

  /** What was issued with `state`, without using it up (tests look before they return). */
  match(state: string): Issued | null {
    this.sweep();
    return this.issued.get(state) ?? null;
  }

  /** What was issued with `state`, used up: the next call with the same state gets null. */
  redeem(state: string): Issued | null {
    const issued = this.match(state);
    this.issued.delete(state);
    return issued;
  }

  /** How many states wait for a return (for tests of the bound). */
  get outstanding(): number {
    this.sweep();
    return this.issued.size;
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
 * 'invalid_state'} (no verifier) for anything else, including a state already
 * redeemed. Presenting a state uses it up, whatever the outcome.
 */
export function oauthContextForReturn(
  states: OAuthStates,
  returned: URL,
  mode: 'test' | 'live',
): {issued: Issued | null; oauthContext: OAuthContext} {
  const state = returned.searchParams.get('state') ?? '';
  const issued = state ? states.redeem(state) : null;
  if (!issued || issued.identity.mode !== mode) return {issued: null, oauthContext: {error: 'invalid_state'}};
  const code = returned.searchParams.get('code');
  const error = returned.searchParams.get('error');
  return {issued, oauthContext: code ? {code, verifier: issued.verifier, state} : {error: error ?? 'invalid_request', state}};
}
