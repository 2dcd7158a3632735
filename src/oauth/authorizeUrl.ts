/**
 * The link behind Connect: an authorization code request with PKCE (RFC 7636).
 * The state and the S256 challenge come from the Dashboard's
 * createOAuthState(), which keeps the verifier and hands it back, with the
 * code, only when the provider returns the same state.
 */
import {redirectUriFor, type Mode, type OAuthProviderConfig} from './providerConfig';

interface IssuedState {
  state: string;
  challenge: string;
}

export function buildAuthorizeUrl(provider: OAuthProviderConfig, mode: Mode, issued: IssuedState): string {
  const url = new URL(provider.authorizeUrl);
  const params = new URLSearchParams(url.search);
  // A preset's fixed parameters first: the protocol's own below cannot be overridden by them.
  for (const [key, value] of Object.entries(provider.authorizeParams ?? {})) params.set(key, value);
  params.set('response_type', 'code');
  params.set('client_id', provider.clientId);
  params.set('redirect_uri', redirectUriFor(provider, mode));
  params.set('state', issued.state);
  params.set('code_challenge', issued.challenge);
  params.set('code_challenge_method', 'S256');
  if (provider.scopes.length > 0) params.set(provider.scopeParam ?? 'scope', provider.scopes.join(provider.scopeSeparator ?? ' '));
  url.search = params.toString();
  return url.toString();
}
