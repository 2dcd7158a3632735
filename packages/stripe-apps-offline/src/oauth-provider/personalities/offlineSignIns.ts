/**
 * For the providers that hand out a refresh token only when the sign-in asked
 * for offline access (Google's access_type=offline, Dropbox's
 * token_access_type=offline, Microsoft's offline_access scope): which
 * sign-ins did, remembered by their PKCE challenge, since the token request
 * proves it holds that challenge's verifier.
 */
import crypto from 'node:crypto';

const KEPT = 200;

export function offlineSignIns(askedOffline: (params: URLSearchParams) => boolean) {
  const offline = new Map<string, boolean>();
  return {
    /** Notes whether this authorize request asked for offline access. */
    remember(params: URLSearchParams): void {
      const challenge = params.get('code_challenge');
      if (!challenge) return;
      offline.set(challenge, askedOffline(params));
      while (offline.size > KEPT) offline.delete(offline.keys().next().value as string);
    },
    /**
     * The refresh token field such a provider's answer carries: on a code's
     * answer, only for a sign-in that asked for offline access; on a
     * refresh's, only when the provider `rotates` (Microsoft, Xero,
     * Atlassian hand out a new one; Google and Dropbox none).
     */
    refreshTokenField(refreshToken: unknown, request: {grantType: string; form: URLSearchParams}, rotates: boolean): {refresh_token?: unknown} {
      const verifier = request.form.get('code_verifier') ?? '';
      const allowed = request.grantType === 'refresh_token' ? rotates : offline.get(crypto.createHash('sha256').update(verifier).digest('base64url')) === true;
      return allowed && refreshToken ? {refresh_token: refreshToken} : {};
    },
  };
}
