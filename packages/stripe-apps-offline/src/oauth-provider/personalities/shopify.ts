/**
 * Shopify's OAuth endpoints and its GraphQL Admin API, as Shopify documents
 * them ("Implement authorization code grant manually", "About offline access
 * tokens", "Access tokens"):
 * - every endpoint is on the shop's host: here the shop is the path segment
 *   after /as/shopify/ (a myshopify.com domain, refused otherwise);
 * - scopes come and go comma-separated;
 * - the token request is JSON with the secret in it; with `expiring=1` the
 *   answer has expires_in 3600, a refresh_token and refresh_token_expires_in
 *   (90 days), each refresh replacing both; without it, a token that never
 *   expires and no refresh token (what public apps may no longer use);
 * - no token_type in the answer;
 * - a used code: 400 invalid_request "The authorization code was not found or
 *   was already used"; a dead refresh token: 400 invalid_grant;
 * - the API reads X-Shopify-Access-Token; POST …/graphql.json { shop { name
 *   myshopifyDomain } }; a refused token gets 401 {"errors": "[API] Invalid
 *   API key or access token (unrecognized login or wrong password)"};
 * - no revocation (uninstalling the app is the only one).
 * Not played: one live expiring token per app and shop (a second sign-in to
 * the same shop does not end the first one's tokens here).
 */
import {json, type Personality} from './types';

const EXPIRING_ACCESS_SECONDS = 3600;
const EXPIRING_REFRESH_SECONDS = 90 * 24 * 3600;

export const shopify: Personality = {
  name: 'shopify',
  defaults: {name: 'Shopify', exchange: 'backend', clientAuth: 'client_secret_post', scopes: ['read_products']},
  identity: true,
  revocation: false,
  tokenRequestBody: 'json',
  tokenHeader: 'X-Shopify-Access-Token',
  pathInput: {name: 'shop', pattern: /^[a-z0-9][a-z0-9-]{0,59}\.myshopify\.com$/},
  authorize(params) {
    const out = new URLSearchParams(params);
    out.set('scope', (params.get('scope') ?? '').split(',').filter(Boolean).join(' '));
    return out;
  },
  token(standard, {grantType, form}) {
    if (standard.status !== 200) {
      const code = String(standard.body.error ?? 'invalid_request');
      if (code === 'invalid_grant' && grantType === 'authorization_code') {
        return json(400, {error: 'invalid_request', error_description: 'The authorization code was not found or was already used'});
      }
      return json(400, {error: code, error_description: String(standard.body.error_description ?? code)});
    }
    const {access_token: accessToken, refresh_token: refreshToken, scope} = standard.body;
    const commas = String(scope ?? '').split(' ').filter(Boolean).join(',');
    if (form.get('expiring') !== '1') return json(200, {access_token: accessToken, scope: commas});
    return json(200, {
      access_token: accessToken,
      scope: commas,
      expires_in: EXPIRING_ACCESS_SECONDS,
      ...(refreshToken ? {refresh_token: refreshToken, refresh_token_expires_in: EXPIRING_REFRESH_SECONDS} : {}),
    });
  },
  user(standard, {pathValue}) {
    if (standard.status !== 200) return json(401, {errors: '[API] Invalid API key or access token (unrecognized login or wrong password)'});
    const sub = String(standard.body.sub ?? '');
    return json(200, {data: {shop: {name: `${sub}'s shop`, myshopifyDomain: pathValue}}, extensions: {cost: {requestedQueryCost: 1}}});
  },
};
