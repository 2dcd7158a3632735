/**
 * The OAuth 2.0 protocol with PKCE: no React, no Secret Store, no SDK at run
 * time, so the app backend uses it too (as a confidential client). The
 * connections feature (src/connections/) and backend/oauth are its callers.
 *
 *   constants.connections          ─▶ providerConfig   readConnections, MAX_CONNECTIONS, redirectUriFor (the return route by mode);
 *                                     providerQuirks   how a provider departs from the RFCs, as data; presets/ the catalogue
 *   Connect link                     ─▶ authorizeUrl     buildAuthorizeUrl (state + S256 challenge from createOAuthState)
 *   code / refresh token / revoke    ─▶ tokenEndpoint    exchangeCode, refreshTokens, revokeToken (RFC 6749, RFC 7009);
 *                                                        ClientCredentials on the backend only
 *   "who is connected"               ─▶ identityEndpoint fetchIdentity, identityFrom
 *   a call as the user               ─▶ apiRequest       the token header, the API headers, the API base
 *   disconnect                       ─▶ revocation       revoke, one function per provider's style
 *   fields the API needs             ─▶ keptFields       keptFrom (instance_url, team id, …)
 *   what each user gives first       ─▶ userInputs       forUser: the URLs for one user's shop, checked at every use
 *   anything the provider refused    ─▶ providerErrors   ProviderError {kind}, oauthErrorCode
 */
export {apiBaseOf, apiRequest, identityInit} from './apiRequest';
export {buildAuthorizeUrl} from './authorizeUrl';
export {fetchIdentity, identityFrom, refusesToken} from './identityEndpoint';
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
export type {ProviderQuirks, RevocationStyle} from './providerQuirks';
export {revocationBearsAccessToken, revoke, type Revocation} from './revocation';
export {forUser, normalizeUserInput, readUserInput, UserInputError, type UserInput, type UserInputs} from './userInputs';
export {exchangeCode, refreshTokens, revokeToken, type ClientCredentials, type TokenResponse} from './tokenEndpoint';
