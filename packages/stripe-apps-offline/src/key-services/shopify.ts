/**
 * Shopify's REST Admin GET /admin/api/<version>/shop.json, as Shopify
 * documents it: the token in X-Shopify-Access-Token on the shop's own host
 * (here the path segment after /as/shopify/, a myshopify.com domain); 200
 * with the shop, 401 "[API] Invalid API key or access token" otherwise.
 */
import {outage, verdictFor, type KeyService} from './types';

export const shopify: KeyService = {
  name: 'shopify',
  localCheckUrl: '/{shop}/admin/api/2026-10/shop.json?fields=name',
  answer({method, path, headers}) {
    const shop = /^\/([a-z0-9][a-z0-9-]*\.myshopify\.com)\/admin\/api\/\d{4}-\d{2}\/shop\.json$/.exec(path)?.[1];
    if (method !== 'GET' || !shop) return {status: 404, body: {errors: 'Not Found'}};
    const token = typeof headers['x-shopify-access-token'] === 'string' ? headers['x-shopify-access-token'] : null;
    const verdict = verdictFor(token, /^shp(at|ca|pa)_[A-Za-z0-9]{32}$/);
    if (verdict === 'outage') return outage;
    if (verdict === 'refused') return {status: 401, body: {errors: '[API] Invalid API key or access token (unrecognized login or wrong password)'}};
    return {status: 200, body: {shop: {name: 'Local shop', myshopify_domain: shop}}};
  },
};
