/**
 * Linear (OAuth 2.0 apps). Its quirks, and what Keyring does:
 * - scopes are comma-separated on the authorize request ("read,write"),
 *   space-separated in the answer (a list for apps made before December 2023);
 * - every sign-in brings a refresh token (required for all apps since 1 April
 *   2026); access tokens live 24 hours; a refresh hands out a new refresh
 *   token;
 * - PKCE public clients may redeem and refresh without a secret, but CORS on
 *   the token endpoint is not documented: the exchange defaults to the
 *   backend, with the secret in the body;
 * - who is connected is a GraphQL query (POST { viewer { name } }); a refused
 *   token is reported in GraphQL's errors list (AUTHENTICATION_ERROR);
 * - revocation is POST /oauth/revoke with the access token as bearer.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Linear developers, "OAuth 2.0 authentication" (endpoints; comma-separated scopes; PKCE with
 *   the secret optional; 24-hour access tokens; refresh tokens for every app from 1 April 2026, a
 *   new one on each refresh; POST /oauth/revoke with the bearer token)
 * - Linear developers, "Getting started" with GraphQL (POST /graphql, the viewer query, the
 *   standard GraphQL error format)
 *
 * Unconfirmed:
 * - CORS on the token endpoint, which a view exchange would need (so the backend exchanges)
 * - a used code or a dead refresh token answered invalid_grant (reported by Nango; Linear
 *   documents only the {error, error_description} shape)
 * - the refresh token's lifetime, and whether the old one has a grace period
 * - the status of a refused token at /graphql (400, 401 or 200, with AUTHENTICATION_ERROR in
 *   errors: all read as refused)
 */
export const linear: ProviderPreset = {
  name: 'Linear',
  authorizeUrl: 'https://linear.app/oauth/authorize',
  tokenUrl: 'https://api.linear.app/oauth/token',
  revocationUrl: 'https://api.linear.app/oauth/revoke',
  revocationStyle: 'bearer',
  identityUrl: 'https://api.linear.app/graphql',
  identityMethod: 'POST',
  identityBody: {query: '{ viewer { id name email } }'},
  identityName: 'data.viewer.name',
  apiBase: 'https://api.linear.app',
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  scopes: ['read'],
  scopeSeparator: ',',
};
