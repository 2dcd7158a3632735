/**
 * createOAuthState as the Dashboard answers it: a random state bound to the
 * view's app and user, and the S256 challenge of a verifier the host keeps.
 * The verifier is handed back only on the OAuth return route, with a state
 * this host issued (see the connections issue).
 */
import crypto from 'node:crypto';
import type {ExtensionIdentity} from '../secret-store/extension-door';

interface Issued {
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

  /** The verifier for a state this host issued, once; null for any other state. */
  redeem(state: string): Issued | null {
    this.sweep();
    const found = this.issued.get(state) ?? null;
    this.issued.delete(state);
    return found;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [state, issued] of this.issued) if (issued.expires < now) this.issued.delete(state);
  }
}
