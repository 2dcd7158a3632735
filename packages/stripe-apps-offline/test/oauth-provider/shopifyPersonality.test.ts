/**
 * Shopify's personality (/as/shopify/<shop>/…): the shop's host as a path
 * segment, refused unless it is a myshopify.com domain; a JSON token request
 * with the secret in it; an expiring token and a rotating refresh token only
 * for expiring=1; no token_type; a used code as invalid_request; the Admin
 * API's shop through X-Shopify-Access-Token; no revocation.
 */
import {answer, CONFIDENTIAL_CLIENTS, LOCAL_CLIENT_SECRET, REDIRECT, signIn, startedProvider} from './personalitySignIn';

const SHOP = 'ada-shop.myshopify.com';
const CLIENT = {client_id: CONFIDENTIAL_CLIENTS.client_secret_post, client_secret: LOCAL_CLIENT_SECRET};
const provider = startedProvider(['read_products', 'write_products']);
const at = (path: string, shop = SHOP) => `${provider().issuer}/as/shopify/${shop}/${path}`;
const token = (body: Record<string, string>, contentType = 'application/json') =>
  answer(fetch(at('token'), {method: 'POST', headers: {'content-type': contentType}, body: contentType === 'application/json' ? JSON.stringify({...CLIENT, ...body}) : new URLSearchParams({...CLIENT, ...body}).toString()}));
const code = () => signIn(provider(), `shopify/${SHOP}`, {client_id: CLIENT.client_id, scope: 'read_products,write_products'});
const exchange = async (extra: Record<string, string> = {}) => {
  const grant = await code();
  return {grant, answer: await token({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT, ...extra})};
};

test('a shop that is not a myshopify.com domain has no endpoints', async () => {
  for (const shop of ['shop.example.com', 'evil', '..']) {
    expect((await fetch(at('token', shop), {method: 'POST', headers: {'content-type': 'application/json'}, body: '{}'})).status).toBe(404);
  }
});

test('expiring=1: an hour, a 90-day refresh token that each refresh replaces, comma-separated scopes and no token_type', async () => {
  const {answer: first} = await exchange({expiring: '1'});
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({scope: 'read_products,write_products', expires_in: 3600, refresh_token_expires_in: 7776000});
  expect(first.body).not.toHaveProperty('token_type');
  const renewed = await token({grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token), expiring: '1'});
  expect(renewed.body.refresh_token).toEqual(expect.any(String));
  expect(renewed.body.refresh_token === first.body.refresh_token).toBe(false);
  const reused = await token({grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token), expiring: '1'});
  expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);
});

test('without expiring=1, the legacy answer: a token and its scopes, nothing to refresh it with', async () => {
  const {answer: legacy} = await exchange();
  expect(Object.keys(legacy.body).sort()).toEqual(['access_token', 'scope']);
});

test('a form body is refused; a used code is invalid_request, as Shopify answers it', async () => {
  const grant = await code();
  const form = await token({grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT}, 'application/x-www-form-urlencoded');
  expect(form.status).toBe(415);
  const fields = {grant_type: 'authorization_code', code: grant.code, code_verifier: grant.verifier, redirect_uri: REDIRECT, expiring: '1'};
  expect((await token(fields)).status).toBe(200);
  const again = await token(fields);
  expect([again.status, again.body]).toEqual([400, {error: 'invalid_request', error_description: 'The authorization code was not found or was already used'}]);
});

test("the shop's name through X-Shopify-Access-Token; a bearer header or a dead token is refused as the Admin API refuses it; there is no revocation", async () => {
  const {answer: first} = await exchange({expiring: '1'});
  const accessToken = String(first.body.access_token);
  const me = await answer(fetch(at('user'), {method: 'POST', headers: {'x-shopify-access-token': accessToken, 'content-type': 'application/json'}, body: '{"query":"{ shop { name } }"}'}));
  expect(me.body).toMatchObject({data: {shop: {name: "ada's shop", myshopifyDomain: SHOP}}});
  const bearer = await answer(fetch(at('user'), {method: 'POST', headers: {authorization: `Bearer ${accessToken}`}}));
  expect(bearer.status).toBe(401);
  const wrong = await answer(fetch(at('user'), {method: 'POST', headers: {'x-shopify-access-token': 'not-a-token'}}));
  expect([wrong.status, wrong.body.errors]).toEqual([401, '[API] Invalid API key or access token (unrecognized login or wrong password)']);
  expect((await fetch(at('revoke'), {method: 'POST', body: ''})).status).toBe(404);
});
