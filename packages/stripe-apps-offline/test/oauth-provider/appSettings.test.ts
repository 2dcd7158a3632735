/**
 * The local provider stands in for the app's own provider: it grants the
 * scopes the app asks for (GitHub's `repo read:user`, not only `read write`)
 * and names the app on its consent page.
 */
import crypto from 'node:crypto';
import {startTestProvider, type TestProvider} from '../../src/testing/oauthProvider';
import {PREVIEW_CLIENT_ID} from '../../src/oauth-provider/constants';

const REDIRECT = 'http://127.0.0.1:9/back';

/** A code for `scope`, signed in as ada; then its token answer. */
async function tokenFor(provider: TestProvider, scope: string) {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(`${provider.issuer}/auth`);
  url.search = new URLSearchParams({response_type: 'code', client_id: PREVIEW_CLIENT_ID, redirect_uri: REDIRECT, scope, state: 's', code_challenge: challenge, code_challenge_method: 'S256'}).toString();
  const back = await provider.authorize(url.toString());
  return provider.token({grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', code_verifier: verifier, redirect_uri: REDIRECT});
}

let app: TestProvider;
let plain: TestProvider;
beforeAll(async () => {
  [app, plain] = await Promise.all([
    startTestProvider({redirectUris: [REDIRECT], scopes: ['repo', 'read:user'], clientName: 'ShipSync', providerName: 'GitHub'}),
    startTestProvider({redirectUris: [REDIRECT]}),
  ]);
});
afterAll(async () => {
  await Promise.all([app?.close(), plain?.close()]);
});

test("the app's scopes are granted as asked", async () => {
  const {status, body} = await tokenFor(app, 'repo read:user');
  expect(status).toBe(200);
  expect(String(body.scope).split(' ').sort()).toEqual(['read:user', 'repo']);
});

test('a provider told no scopes grants read and write, and not scopes it does not know', async () => {
  expect(String((await tokenFor(plain, 'read write')).body.scope).split(' ').sort()).toEqual(['read', 'write']);
  expect(String((await tokenFor(plain, 'repo read')).body.scope)).toBe('read');
});

test('the consent page names the app, and every page the provider it stands in for', async () => {
  const url = new URL(`${app.issuer}/auth`);
  url.search = new URLSearchParams({response_type: 'code', client_id: PREVIEW_CLIENT_ID, redirect_uri: REDIRECT, scope: 'repo', state: 's', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256'}).toString();
  const first = await fetch(url, {redirect: 'manual'});
  const page = await fetch(new URL(first.headers.get('location') ?? '', app.issuer), {headers: {cookie: first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')}});
  const html = await page.text();
  expect(html).toContain('Sign in to continue to ShipSync');
  expect(html).toContain('<p class="brand">GitHub (local stand-in)</p>');
});
