/**
 * The OAuth 2.0 protocol, as a public client with PKCE: no React, no Secret
 * Store. The connections feature (src/connections/) is its only caller.
 *
 *   stripe-app.json constants.oauth ─▶ providerConfig   readOAuthProvider, redirectUriFor (the return route by mode)
 *   Connect link                     ─▶ authorizeUrl     buildAuthorizeUrl (state + S256 challenge from createOAuthState)
 *   code / refresh token / revoke    ─▶ tokenEndpoint    exchangeCode, refreshTokens, revokeToken (RFC 6749, RFC 7009)
 *   "who is connected"               ─▶ identityEndpoint fetchIdentity, identityFrom
 *   anything the provider refused    ─▶ providerErrors   ProviderError {kind}, oauthErrorCode
 */
export {buildAuthorizeUrl} from './authorizeUrl';
export {fetchIdentity, identityFrom} from './identityEndpoint';
export {readOAuthProvider, type Mode, type OAuthProviderConfig} from './providerConfig';
export {oauthErrorCode, ProviderError} from './providerErrors';
export {exchangeCode, refreshTokens, revokeToken, type TokenResponse} from './tokenEndpoint';
