/**
 * Shopify custom app (admin-created): the shop's myshopify.com domain, which
 * is the API's host, and the Admin API access token (shpat_…), sent in
 * X-Shopify-Access-Token. The check reads the shop: 200 when the pair
 * works, 401 when the token is wrong, 403 when it may not read the shop.
 * (Connecting a user's own shop through OAuth is the Shopify connection
 * preset, not this.)
 */
import type {KeyPreset} from './types';

/**
 * Sources: Shopify changelog "Length of the Shopify access token is increasing" (shpat_, shpca_, shppa_
 * and 38 characters), "Admin-created custom apps" (the token shown once; no new ones since 1 January
 * 2026), REST Admin "Shop" (GET /admin/api/<version>/shop.json), "Response codes" (401), "About
 * Shopify API versioning" (Shopify falls forward when a version is retired, so the pinned 2026-10
 * keeps answering).
 * Unconfirmed: the characters after the prefix (hexadecimal in practice); X-Shopify-Access-Token
 * named on a shopify.dev page (Shopify's client library and community answers use it); the shop
 * domain's pattern (the one the Shopify connection preset uses).
 */
export const shopify: KeyPreset = {
  service: 'Shopify',
  label: 'Shopify custom app credentials',
  description: "Lets the app read and write your shop through your custom app's Admin API token.",
  helpUrl: 'https://shopify.dev/docs/apps/build/authentication-authorization/legacy/admin-custom-apps',
  parts: [
    {name: 'shop', label: 'Shop domain', pattern: '^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$', formatHint: 'is your shop\u2019s myshopify.com domain, such as your-store.myshopify.com', visible: true, example: 'your-store.myshopify.com'},
    {name: 'accessToken', label: 'Admin API access token', pattern: '^shp(at|ca|pa)_[A-Za-z0-9]{32}$', formatHint: 'starts with shpat_ (or shpca_ or shppa_) followed by 32 letters or digits'},
  ],
  check: {url: 'https://{shop}/admin/api/2026-10/shop.json?fields=name', method: 'GET', present: {header: 'X-Shopify-Access-Token', value: '{accessToken}'}},
};
