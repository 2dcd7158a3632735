/**
 * HubSpot (a public app, on the date-versioned OAuth endpoints: the v1 ones
 * stop on 16 February 2027). Its quirks, and what Keyring does:
 * - no offline parameter: the code's answer always has a refresh token;
 * - the client id and secret go in the form body, so the exchange is the
 *   backend's;
 * - access tokens live 30 minutes; the answer names the account (hub_id,
 *   kept) and gives its scopes as a list, `scopes`, not a `scope` string (so
 *   the scopes asked for are shown);
 * - errors carry RFC 6749's error beside HubSpot's own status and message;
 * - revocation is RFC 7009-like, client id and secret in the form;
 * - who is connected is not a bearer call (introspection needs the client
 *   secret too), so no name is shown, only that the account is connected.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - HubSpot developer docs, "Working with OAuth" (authorize URL, scope and optional_scope, the
 *   code always brings a refresh token)
 * - HubSpot changelog, "v1 OAuth API Deprecation" (sunset 16 Feb 2027; /oauth/2026-03/token,
 *   /token/introspect, /token/revoke) and "New OAuth v3 API Endpoints and Standardized Error
 *   Responses"
 * - HubSpot API reference, "OAuth token endpoint" 2026-03 (form body, client_id and client_secret;
 *   hub_id, user_id, scopes, token_use in the answer) and "Revoke an OAuth token"
 * - HubSpot changelog, "Expiration of OAuth access tokens is changing" (30 minutes)
 *
 * Unconfirmed:
 * - whether a refresh hands out a new refresh token (believed not); whatever comes back is saved
 * - the revocation answer (200 or 204 with no body are both taken)
 * - Basic client authentication (not documented; the secret goes in the body)
 * - invalid_client for a wrong secret
 */
export const hubspot: ProviderPreset = {
  name: 'HubSpot',
  authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
  tokenUrl: 'https://api.hubapi.com/oauth/2026-03/token',
  revocationUrl: 'https://api.hubapi.com/oauth/2026-03/token/revoke',
  apiBase: 'https://api.hubapi.com',
  keep: {hub_id: 'token:hub_id'},
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  scopes: ['oauth'],
};
