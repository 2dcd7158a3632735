/**
 * Atlassian (OAuth 2.0 three-legged apps for Jira and Confluence Cloud). Its
 * quirks, and what Keyring does:
 * - the authorize request carries audience=api.atlassian.com and
 *   prompt=consent; a refresh token only with the offline_access scope;
 * - the token endpoint takes a JSON body with the client id and secret in
 *   it, so the exchange is the backend's;
 * - access tokens live an hour; refresh tokens rotate (reuse of an old one
 *   after a 10-minute leeway ends every token), die after 90 days unused and
 *   365 days in all; a dead one is 403 invalid_grant, not 400;
 * - one grant covers every site the user allowed: GET
 *   /oauth/token/accessible-resources lists them; the first site's name is
 *   shown and its cloud id kept (API calls go to
 *   api.atlassian.com/ex/jira/{cloud id}/…);
 * - there is no revocation an app can call: the panel links to the user's
 *   connected apps.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - Atlassian developer docs, "OAuth 2.0 (3LO) apps" and "Implementing OAuth 2.0 (3LO)" (audience,
 *   prompt=consent, JSON body with client_id and client_secret, accessible-resources, cloud id in
 *   API URLs)
 * - Atlassian developer docs, "Implementing the Refresh Token Flow" (offline_access; the used
 *   refresh token is disabled; 403 invalid_grant "Unknown or invalid refresh token.")
 * - Atlassian developer community, "Deprecating persistent refresh tokens" (rotation, 10-minute
 *   leeway, 90 days unused, 365 days in all)
 * - Atlassian Support, "Manage your users' third-party apps" (users revoke on their connected apps
 *   screen)
 *
 * Unconfirmed:
 * - https://id.atlassian.com/manage-profile/apps as the address of the connected apps screen
 * - token_type in the answer (the docs' examples leave it out; Bearer is assumed)
 * - the answer to a used code (users report 400 invalid_request and 403)
 * - a JSON body Keyring sends also for refresh, as the docs show; a form is not documented
 */
export const atlassian: ProviderPreset = {
  name: 'Atlassian',
  authorizeUrl: 'https://auth.atlassian.com/authorize',
  tokenUrl: 'https://auth.atlassian.com/oauth/token',
  identityUrl: 'https://api.atlassian.com/oauth/token/accessible-resources',
  identityName: '0.name',
  keep: {cloud_id: 'identity:0.id', site_url: 'identity:0.url'},
  revokeAt: 'https://id.atlassian.com/manage-profile/apps',
  apiBase: 'https://api.atlassian.com/ex/jira/{cloud_id}',
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  scopes: ['read:me', 'offline_access'],
  authorizeParams: {audience: 'api.atlassian.com', prompt: 'consent'},
  tokenRequestBody: 'json',
};
