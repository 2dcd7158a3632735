/**
 * Shopify (the authorization code grant of a non-embedded app, with expiring
 * offline tokens). Its quirks, and what Keyring does:
 * - every endpoint is on the shop's own host, {shop}.myshopify.com, and the
 *   Dashboard's return drops the `shop` Shopify adds to it: each user gives
 *   the shop before Connect (a user input, checked against the myshopify.com
 *   form wherever it is used, since the client secret goes to that host), and
 *   it is kept with the tokens for every later refresh and call;
 * - scopes are comma-separated;
 * - the token request takes the secret in a JSON body, and `expiring=1`: without
 *   it the answer is a token that never expires, which Shopify no longer
 *   accepts from public apps (created after 1 April 2026, or from 1 January
 *   2027); with it the access token lives an hour and the refresh token 90
 *   days, each refresh replacing both;
 * - the token answer has no token_type; API calls carry the token in
 *   X-Shopify-Access-Token, not as a bearer;
 * - a used code is refused with invalid_request, not invalid_grant;
 * - there is no revocation but uninstalling the app from the shop, which ends
 *   the app for every user of that shop: the app does not do it; the panel
 *   says where the shop's owner can;
 * - one expiring token per app and shop: a second user connecting the same
 *   shop ends the first one's tokens (their panel then says reconnect);
 * - who is connected: the GraphQL Admin API's shop { name }.
 */
import type {ProviderPreset} from './types';

/**
 * Where these facts come from, and what could not be confirmed there: read
 * them before relying on the preset. (Comments, not data: they stay out of
 * the view bundle.)
 *
 * Sources:
 * - shopify.dev, "Implement authorization code grant manually" (per-shop authorize and
 *   access_token URLs, comma-separated scope, client_id/client_secret/code, the redirect's
 *   shop/hmac/timestamp)
 * - shopify.dev, "About offline access tokens" and the changelog "Offline access tokens now
 *   support expiry and refresh" (2025-12-10): expiring=1, expires_in 3600, refresh_token,
 *   refresh_token_expires_in 7776000, one active expiring token per app and shop
 * - shopify.dev, "Migrate to expiring offline access tokens" (required for public apps created
 *   from 2026-04-01, and for the others by 2027-01-01; every refresh replaces the refresh token)
 * - shopify.dev, changelog "More resilient refreshes for expiring offline access tokens"
 *   (2026-08-28: the previous refresh token works until its replacement is used)
 * - shopify.dev, "Access tokens" (X-Shopify-Access-Token), "Uninstall a Shopify app with an API
 *   request" (no revocation; uninstall ends every token)
 * - @shopify/shopify-api's refresh-token and shop-validator (JSON body with grant_type
 *   refresh_token; the myshopify.com form of a shop)
 * - shopify.dev, "About Shopify API versioning" (a stable version each quarter; 2026-10 is
 *   October 2026's)
 *
 * Unconfirmed:
 * - that the token endpoint ignores the standard grant_type, redirect_uri and code_verifier of a
 *   code exchange (Shopify documents only client_id, client_secret and code)
 * - invalid_grant for a refresh token that is revoked or expired (Shopify points to "the OAuth
 *   documentation"; third parties report invalid_grant)
 * - invalid_request with "The authorization code was not found or was already used" for a used
 *   code (seen in ShopifySharp and Laravel-ShopifyAPI issues, not on shopify.dev)
 * - the shop's admin at /admin/settings/apps as where the owner uninstalls (Settings → Apps and
 *   sales channels, from third-party help pages)
 */
export const shopify: ProviderPreset = {
  name: 'Shopify',
  authorizeUrl: 'https://{shop}/admin/oauth/authorize',
  tokenUrl: 'https://{shop}/admin/oauth/access_token',
  identityUrl: 'https://{shop}/admin/api/2026-10/graphql.json',
  identityMethod: 'POST',
  identityBody: {query: '{ shop { name myshopifyDomain } }'},
  identityName: 'data.shop.name',
  revokeAt: 'https://{shop}/admin/settings/apps',
  apiBase: 'https://{shop}/admin/api/2026-10',
  exchange: 'backend',
  clientAuth: 'client_secret_post',
  scopeSeparator: ',',
  scopes: ['read_products'],
  tokenRequestBody: 'json',
  tokenParams: {expiring: '1'},
  codeRefusedErrors: ['invalid_request'],
  tokenHeader: 'X-Shopify-Access-Token',
  userInputs: {
    shop: {
      label: 'Shop domain',
      description: "your shop's myshopify.com domain, such as acme.myshopify.com (not its storefront's own domain)",
      pattern: '^[a-z0-9][a-z0-9-]{0,59}\\.myshopify\\.com$',
      hostSuffix: '.myshopify.com',
      example: 'acme.myshopify.com',
    },
  },
};
