/**
 * The OAuth 2.0 protocol, as a public client with PKCE: no React, no Secret
 * Store. The connections feature (src/connections/) is its only caller.
 *
 *   stripe-app.json constants.oauth ─▶ providerConfig   readOAuthProvider, redirectUriFor
 *   Connect link                     ─▶ authorizeUrl     buildAuthorizeUrl (state + S256 challenge from createOAuthState)
 *   code / refresh token / revoke    ─▶ tokenEndpoint    exchangeCode, refreshTokens, revokeToken (RFC 6749, RFC 7009)
 *   "who is connected"               ─▶ identityEndpoint fetchIdentity, identityFrom
 *   anything the provider refused    ─▶ providerErrors   ProviderError {kind}, oauthErrorCode
 */
export {buildAuthorizeUrl, type IssuedState} from './authorizeUrl';
export {fetchIdentity, identityFrom, type ProviderIdentity} from './identityEndpoint';
export {readOAuthProvider, redirectUriFor, type Mode, type OAuthProviderConfig, type OAuthProviderSetup} from './providerConfig';
export {oauthErrorCode, ProviderError, type ProviderErrorKind} from './providerErrors';
export {exchangeCode, refreshTokens, revokeToken, type TokenResponse} from './tokenEndpoint';
