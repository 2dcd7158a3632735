/**
 * Google (OAuth 2.0 for web server applications). Its quirks, and what
 * Keyring does about them:
 * - a refresh token comes only with access_type=offline, and again after the
 *   first grant only with prompt=consent: both are always sent;
 * - a web application's client has a secret that the token endpoint wants,
 *   PKCE or not, so the exchange is the backend's;
 * - refresh answers carry no new refresh token (the old one stays, which
 *   storedConnection does when an answer has none);
 * - the answer's id_token (large) is not kept;
 * - revocation at oauth2.googleapis.com/revoke takes `token` in a form;
 *   OpenID Connect's userinfo says who is connected.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Google Identity, "Using OAuth 2.0 for Web Server Applications" (endpoints, client secret for
 *   web server applications, access_type=offline for a refresh token, revocation)
 * - Google's OpenID Connect discovery document (userinfo endpoint)
 * - Nango google entry; googleapis/google-api-php-client#1686 (prompt=consent to get a refresh
 *   token again), in ../shared/facts/oauth-providers.md
 *
 * Unconfirmed:
 * - refresh tokens expiring after 7 days while the consent screen is in "Testing" (Nango; not in
 *   the guide read here)
 * - the limit of 100 refresh tokens per account and client, older ones silently invalidated
 *   (Nango)
 */
export const google: ProviderPreset = {
  name: 'Google',
  authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  revocationUrl: 'https://oauth2.googleapis.com/revoke',
  identityUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  scopes: ['openid', 'email'],
  authorizeParams: {access_type: 'offline', prompt: 'consent'},
};
