/**
 * The OAuth 2.0 protocol with PKCE: no React, no Secret Store, no SDK at run
 * time, so the app backend uses it too (as a confidential client). The
 * connections feature (src/connections/) and backend/oauth are its callers.
 *
 *   stripe-app.json constants.oauth ─▶ providerConfig   MAX_CONNECTIONS,
  readConnections, redirectUriFor (the return route by mode)
 *   Connect link                     ─▶ authorizeUrl     buildAuthorizeUrl (state + S256 challenge from createOAuthState)
 *   code / refresh token / revoke    ─▶ tokenEndpoint    exchangeCode, refreshTokens, revokeToken (RFC 6749, RFC 7009);
 *                                                        ClientCredentials on the backend only
 *   "who is connected"               ─▶ identityEndpoint fetchIdentity, identityFrom
 *   anything the provider refused    ─▶ providerErrors   ProviderError {kind}, oauthErrorCode
 */
export {buildAuthorizeUrl} from './authorizeUrl';
export {fetchIdentity, identityFrom} from './identityEndpoint';
export {
  modeOfRedirectUri,
  MAX_CONNECTIONS,
  readConnections,
  redirectUriFor,
  type ClientAuthMethod,
  type Mode,
  type OAuthExchange,
  type OAuthProviderConfig,
} from './providerConfig';
export {oauthErrorCode, ProviderError} from './providerErrors';
export {exchangeCode, refreshTokens, revokeToken, type ClientCredentials, type TokenResponse} from './tokenEndpoint';
