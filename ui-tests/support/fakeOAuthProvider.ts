/**
 * An OAuth provider as a `fetch` function, for unit tests of the connection
 * service: a rotating token endpoint (reusing a refresh token is refused, as
 * careful providers do), RFC 7009 revocation, and an identity endpoint. The
 * real provider (oidc-provider over HTTP) is in ./oauthProvider.ts.
 */
import type {OAuthProviderConfig} from '../../src/oauth';

export const FAKE_PROVIDER: OAuthProviderConfig = {
  id: 'acme',
  name: 'Acme',
  authorizeUrl: 'https://auth.acme.test/authorize',
  tokenUrl: 'https://auth.acme.test/token',
  revocationUrl: 'https://auth.acme.test/revoke',
  identityUrl: 'https://api.acme.test/me',
  clientId: 'keyring-test',
  scopes: ['read'],
  redirectUris: {test: 'https://dashboard.stripe.com/test/apps-oauth/com.example.keyring', live: 'https://dashboard.stripe.com/apps-oauth/com.example.keyring'},
};

export interface FakeOAuthProvider {
  fetch: typeof fetch;
  /** A fresh pair of tokens for a grant, as a code exchange would give. */
  issue(): {access: string; refresh: string};
  /** The display name the identity endpoint answers. */
  name: string;
  /** Successful refresh_token grants so far. */
  refreshes: number;
  /** Tokens revoked, by hint, in order. */
  revoked: Array<'access_token' | 'refresh_token'>;
  /** Requests to the identity endpoint, and whether each carried a token the provider knows. */
  identityCalls: boolean[];
  /** Forgets an access token (as after a key rotation at the provider). */
  forget(access: string): void;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});

export function fakeOAuthProvider(): FakeOAuthProvider {
  let serial = 0;
  const access = new Set<string>();
  const refresh = new Map<string, 'active' | 'used'>();
  const issue = () => {
    serial += 1;
    const pair = {access: `access-${serial}-${'a'.repeat(24)}`, refresh: `refresh-${serial}-${'r'.repeat(24)}`};
    access.add(pair.access);
    refresh.set(pair.refresh, 'active');
    return pair;
  };

  const provider: FakeOAuthProvider = {
    name: 'ada',
    refreshes: 0,
    revoked: [],
    identityCalls: [],
    issue,
    forget: (token) => access.delete(token),
    fetch: async (input, init) => {
      const url = String(input);
      await Promise.resolve();
      if (url === FAKE_PROVIDER.identityUrl) {
        const token = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
        provider.identityCalls.push(access.has(token));
        return access.has(token) ? json(200, {preferred_username: provider.name}) : json(401, {error: 'invalid_token'});
      }
      const form = new URLSearchParams(String(init?.body ?? ''));
      if (url === FAKE_PROVIDER.revocationUrl) {
        provider.revoked.push(form.get('token_type_hint') as 'access_token' | 'refresh_token');
        access.delete(form.get('token') ?? '');
        refresh.delete(form.get('token') ?? '');
        return json(200, {});
      }
      if (url === FAKE_PROVIDER.tokenUrl && form.get('grant_type') === 'refresh_token') {
        const sent = form.get('refresh_token') ?? '';
        if (refresh.get(sent) !== 'active') {
          // A reused refresh token ends the whole grant.
          refresh.clear();
          access.clear();
          return json(400, {error: 'invalid_grant'});
        }
        refresh.set(sent, 'used');
        provider.refreshes += 1;
        const next = issue();
        return json(200, {access_token: next.access, token_type: 'Bearer', expires_in: 3600, refresh_token: next.refresh});
      }
      return json(404, {error: 'not_found'});
    },
  };
  return provider;
}
