/**
 * The local OAuth provider's own sign-in and consent pages in headless
 * Chromium, walked with the keyboard only: they must work offline (no request
 * leaves 127.0.0.1), echo nothing unescaped, carry a CSP, and give the client
 * a code for `read write` on Allow and access_denied on Cancel.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {PREVIEW_CLIENT_ID, startTestProvider, type TestProvider, startAll} from 'stripe-apps-offline/testing';
import {launchBrowser} from './browser';

jest.setTimeout(60_000);

// Whatever the app and its provider are called: the pages take both from the manifest (here, from the test).
const APP_NAME = 'Pages Test App';
const PROVIDER_NAME = 'Example Provider';

let browser: Browser;
let provider: TestProvider;
let client: http.Server;
let redirectUri: string;
let context: BrowserContext;
let page: Page;
let hosts: Set<string>;

beforeAll(async () => {
  // The client's return route: the test only needs the URL the provider sends the browser to.
  client = http.createServer((_req, res) => res.writeHead(200, {'content-type': 'text/plain'}).end('back at the client'));
  await new Promise<void>((resolve) => client.listen(0, '127.0.0.1', resolve));
  redirectUri = `http://127.0.0.1:${(client.address() as AddressInfo).port}/back`;
  [browser, provider] = await startAll(launchBrowser(), startTestProvider({redirectUris: [redirectUri], clientName: APP_NAME, providerName: PROVIDER_NAME}));
});
afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await new Promise((resolve) => client?.close(resolve));
});
beforeEach(async () => {
  context = await browser.newContext();
  hosts = new Set();
  context.on('request', (request) => hosts.add(new URL(request.url()).hostname));
  page = await context.newPage();
});
afterEach(() => context.close());

function authorizeUrl(): {url: string; verifier: string; state: string} {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const state = crypto.randomBytes(8).toString('hex');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: PREVIEW_CLIENT_ID,
    redirect_uri: redirectUri,
    scope: 'read write',
    state,
    code_challenge: crypto.createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  return {url: `${provider.issuer}/auth?${query}`, verifier, state};
}

/** The focused element's accessible bits and whether it shows a focus ring. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return {tag: el.tagName, text: el.textContent?.trim() ?? '', name: el.getAttribute('name'), ring: getComputedStyle(el).outlineStyle !== 'none'};
  });

/** Signs `login` in by keyboard: the user name field has focus on arrival, Tab to the password, Tab to Sign in. */
async function signInByKeyboard(login: string): Promise<void> {
  expect(await page.getByRole('heading').textContent()).toContain(APP_NAME);
  expect(await page.locator('.brand').textContent()).toBe(`${PROVIDER_NAME} (local stand-in)`);
  expect(await page.title()).toBe(`Sign in · ${PROVIDER_NAME} (local stand-in)`);
  expect(await focused()).toMatchObject({tag: 'INPUT', name: 'login'});
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  expect(await focused()).toMatchObject({tag: 'INPUT', name: 'password', ring: true});
  await page.keyboard.type('anything at all');
  await page.keyboard.press('Tab');
  expect(await focused()).toMatchObject({tag: 'BUTTON', text: 'Sign in', ring: true});
  await Promise.all([page.waitForURL(/\/interaction\//), page.keyboard.press('Enter')]);
  await page.getByRole('button', {name: 'Allow'}).waitFor();
}

test('sign in and Allow by keyboard only: the login is shown escaped, a CSP guards the pages, nothing leaves 127.0.0.1, and the code grants read write', async () => {
  const {url, verifier, state} = authorizeUrl();
  const pageResponse = page.waitForResponse((r) => /\/interaction\/[^/]+$/.test(new URL(r.url()).pathname));
  await page.goto(url);
  const csp = (await pageResponse).headers()['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain(`form-action 'self' ${new URL(redirectUri).origin}`);
  await page.getByText('A stand-in for the real one').waitFor();

  await signInByKeyboard('<b>x</b>');
  // Echoed as text, not markup.
  await page.getByText('Signed in as <b>x</b>.', {exact: false}).waitFor();
  expect(await page.locator('main b').count()).toBe(0);
  expect(await page.locator('main li').allTextContents()).toEqual(['read', 'write']);
  expect(await page.content()).not.toMatch(/DEBUG|\[ Cancel \]/);

  // Allow has focus on arrival; Shift+Tab reaches Cancel, Tab comes back.
  expect(await focused()).toMatchObject({tag: 'BUTTON', text: 'Allow'});
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toMatchObject({tag: 'BUTTON', text: 'Cancel', ring: true});
  await page.keyboard.press('Tab');
  expect(await focused()).toMatchObject({tag: 'BUTTON', text: 'Allow', ring: true});
  await Promise.all([page.waitForURL(`${redirectUri}?**`), page.keyboard.press('Enter')]);

  const back = new URL(page.url());
  expect(back.searchParams.get('state')).toBe(state);
  const code = back.searchParams.get('code');
  expect(code).toBeTruthy();
  const {status, body} = await provider.token({grant_type: 'authorization_code', code: code ?? '', code_verifier: verifier, redirect_uri: redirectUri});
  expect(status).toBe(200);
  expect(body.scope).toBe('read write');
  expect([...hosts]).toEqual(['127.0.0.1']);
});

test('Cancel by keyboard comes back to the client as access_denied, with nothing leaving 127.0.0.1', async () => {
  const {url, state} = authorizeUrl();
  await page.goto(url);
  await signInByKeyboard('ada');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toMatchObject({tag: 'BUTTON', text: 'Cancel'});
  await Promise.all([page.waitForURL(`${redirectUri}?**`), page.keyboard.press('Enter')]);

  const back = new URL(page.url());
  expect(back.searchParams.get('error')).toBe('access_denied');
  expect(back.searchParams.get('state')).toBe(state);
  expect(back.searchParams.get('code')).toBeNull();
  expect([...hosts]).toEqual(['127.0.0.1']);
});

test('a stale interaction gets a plain error page, not a developer one', async () => {
  const response = await page.goto(`${provider.issuer}/interaction/not-a-real-one`);
  expect(response?.status()).toBe(400);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await page.getByRole('heading', {name: 'Something went wrong'}).waitFor();
  expect([...hosts]).toEqual(['127.0.0.1']);
});
