/**
 * Salesforce (the OAuth 2.0 web server flow of a connected app or an
 * external client app). Its quirks, and what Keyring does:
 * - the login host is an input: login.salesforce.com, test.salesforce.com for
 *   sandboxes, or a My Domain; tokens are refreshed and revoked there;
 * - a refresh token only when the app's scopes include refresh_token (the
 *   default scopes do);
 * - the token answer has no expires_in: the session timeout ends the token
 *   (two hours by default, reset by use), so two hours is assumed and a
 *   refused token is refreshed once;
 * - every API call goes to the answer's instance_url, kept with the tokens
 *   and used as the base of fetchAsUser's relative URLs; a refresh may move it;
 * - refresh answers carry no refresh token unless rotation is enabled (then
 *   the old one dies, and its reuse ends the session): both are handled;
 * - the secret is required by default and CORS is off on login.salesforce.com,
 *   so the exchange is the backend's;
 * - revocation takes `token` in a form; a refresh token's ends its access tokens;
 * - a refused token gets 401 from the REST API but 403 Bad_OAuth_Token from
 *   the identity service, both read as a refused token.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Salesforce Help, "OAuth 2.0 Web Server Flow for Web App Integration" (endpoints, the answer:
 *   access_token, refresh_token, instance_url, id, issued_at, signature; no expires_in)
 * - Salesforce Help, "OAuth 2.0 Refresh Token Flow for Renewed Sessions" (Basic or body; refresh
 *   token rotation opt-in, the old one invalidated; the session timeout ends the token)
 * - Salesforce Metadata API guide, "Error Handling for Session Expiration" (default two hours)
 * - Salesforce Help, "OAuth Tokens and Scopes" (refresh_token/offline_access); "Enable CORS for
 *   OAuth Endpoints" (off by default, never on login.salesforce.com)
 * - Salesforce Mobile SDK, "Revoking OAuth Tokens" (POST token=…, 200; 400 unsupported_token_type
 *   or invalid_token)
 *
 * Unconfirmed:
 * - Basic client authentication on the authorization_code grant (documented for refresh); the
 *   secret is sent in the body
 * - the identity service answering 403 Bad_OAuth_Token for a refused token (reported, not in the
 *   docs)
 * - userinfo answering with the id scope alone: openid is asked for, and its id_token is not kept
 * - issued_at is a string of milliseconds, though the docs say seconds: Keyring does not use it
 */
export const salesforce: ProviderPreset = {
  name: 'Salesforce',
  authorizeUrl: 'https://{loginHost}/services/oauth2/authorize',
  tokenUrl: 'https://{loginHost}/services/oauth2/token',
  revocationUrl: 'https://{loginHost}/services/oauth2/revoke',
  identityUrl: 'https://{loginHost}/services/oauth2/userinfo',
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  scopes: ['openid', 'id', 'api', 'refresh_token'],
  assumedAccessTokenLifetimeSeconds: 7200,
  keep: {instance_url: 'token:instance_url'},
  apiBase: '{instance_url}',
  tokenRefusedStatuses: [401, 403],
  inputs: {
    loginHost: {
      pattern: '^((login|test)\\.salesforce\\.com|[A-Za-z0-9-]+(--[A-Za-z0-9-]+)?\\.(sandbox\\.)?my\\.salesforce\\.com)$',
      description: 'login.salesforce.com, test.salesforce.com, or a My Domain host ("acme.my.salesforce.com")',
      default: 'login.salesforce.com',
    },
  },
};
