/**
 * The local stack as an attacker meets it: a hostile view running in the
 * preview, and a web page that reaches 127.0.0.1 through DNS rebinding
 * (Chromium maps rebind.test to 127.0.0.1, as a rebinding DNS server would
 * once the page has loaded). Nothing they do may run code in the host page,
 * mint another user's signature, or read a secret.
 */
import net from 'node:net';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import Stripe from 'stripe';
import manifest from '../fixtures/app/stripe-app.json';
import {PREVIEW_ACCOUNT, PREVIEW_USERS, MAX_OUTSTANDING} from 'stripe-apps-offline/testing';
import {until} from 'stripe-apps-offline/testing';
import {launchBrowser, recordConsole, screenshot, startTestPreview, type PreviewUnderTest} from './browser';

jest.setTimeout(60_000);

const [ADA, BEN] = PREVIEW_USERS;
const REBIND = 'rebind.test';

let browser: Browser;
let preview: PreviewUnderTest;
let context: BrowserContext;
let page: Page;
let consoleLines: string[];
/** Every request the browser made to /__pwned/…: proof that a view's code ran outside its sandbox. */
let pwned: string[];

beforeAll(async () => {
  [browser, preview] = await Promise.all([
    launchBrowser([`--host-resolver-rules=MAP ${REBIND} 127.0.0.1`]),
    startTestPreview({extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'HostileView', file: path.join(__dirname, 'views/HostileView.tsx')}]}),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
});
beforeEach(async () => {
  context = await browser.newContext({viewport: {width: 1280, height: 900}});
  pwned = [];
  context.on('request', (request) => {
    const {pathname} = new URL(request.url());
    if (pathname.startsWith('/__pwned/')) pwned.push(pathname.slice('/__pwned/'.length));
  });
  page = await context.newPage();
  consoleLines = recordConsole(page);
});
afterEach(async () => {
  await context.close();
});

const backend = () =>
  new Stripe('sk_test_e2e', {host: '127.0.0.1', port: preview.store.port, protocol: 'http', telemetry: false, stripeAccount: PREVIEW_ACCOUNT.id});
const hostile = () => page.locator('[data-view="HostileView"]');

async function open(origin = preview.url, user = ADA.id) {
  await page.goto(`${origin}/?user=${user}&mode=test`);
  await hostile().getByText(`Signed in as ${user}`).waitFor();
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 50));
/** Lets a navigation or script a click may have started get going before we look for it. */
const settle = () => page.waitForTimeout(400);

describe('a hostile view', () => {
  test.each([
    ['Link', 'Hostile link', 'javascript:'],
    ['Link (with a tab inside "javascript:")', 'Obfuscated hostile link', 'javascript:'],
    ['Button href', 'Hostile button', 'javascript:'],
    ['ContextView externalLink', 'Hostile external link', 'javascript:'],
    ['SignInView action', 'Hostile sign-in action', 'javascript:'],
    ['Link to a data: document', 'Data link', 'data:'],
  ])('cannot run code in the host page through a %s: drawn inert, with a note and a terminal line', async (_what, label, scheme) => {
    await open();
    const item = hostile().getByText(new RegExp(`^${label}`)).first();
    await item.click();
    await settle();
    expect(pwned).toEqual([]);
    // Not a link at all: nothing to follow by mouse or keyboard.
    expect(await hostile().getByRole('link', {name: label}).count()).toBe(0);
    const note = `link drawn inert by the preview: ${scheme} URLs are not allowed`;
    expect(await hostile().getByText(note).count()).toBeGreaterThan(0);
    await until(tick, () => expect(preview.output.some((line) => line.startsWith(`blocked a ${scheme} URL in a view's`))).toBe(true));
  });

  test('web, mail and Dashboard-route links are still drawn as links', async () => {
    await open();
    expect(await hostile().getByRole('link', {name: 'Safe web link'}).getAttribute('href')).toBe('https://docs.stripe.com/stripe-apps');
    expect(await hostile().getByRole('link', {name: 'Safe mail link'}).getAttribute('href')).toBe('mailto:support@keyring.example');
    const route = hostile().getByRole('link', {name: 'Dashboard route link'});
    expect(await route.getAttribute('data-route')).toBe('customers');
    await route.click();
    await settle();
    expect(new URL(page.url()).pathname).toBe('/');
    await screenshot(page, 'hostile-view');
  });

  test('its own frame document, opened as a tab, runs at an opaque origin and cannot read the preview page', async () => {
    await open();
    const [tab] = await Promise.all([context.waitForEvent('page'), hostile().getByRole('link', {name: 'My own frame'}).click()]);
    await tab.waitForLoadState('domcontentloaded');
    expect(new URL(tab.url()).pathname).toBe('/__preview/frame/HostileView');
    expect(await tab.evaluate(() => window.origin)).toBe('null');
    // Same-origin with the preview, it could open "/" and read the page token out of it.
    const readable = await tab.evaluate(async () => {
      try {
        const response = await fetch('/');
        return (await response.text()).includes('token');
      } catch {
        return false;
      }
    });
    expect(readable).toBe(false);
  });

  test("cannot mint another user's signature: the signed user and account are always the host's", async () => {
    await open();
    // stripe-node types the helper as nullable; it is always there in Node.
    const helper = Stripe.webhooks.signature;
    if (!helper) throw new Error("stripe-node's signature helper is missing");
    const verify = (payload: object, header: string) => {
      try {
        helper.verifyHeader(JSON.stringify(payload), header, preview.signingSecret, 300);
        return true;
      } catch {
        return false;
      }
    };
    const signature = async (button: string, what: string) => {
      await hostile().getByRole('button', {name: button}).click();
      const prefix = `Result: signature for ${what}: `;
      const text = await hostile().getByText(prefix).textContent({timeout: 10_000});
      return String(text).slice(prefix.length);
    };
    const claimed = await signature('Sign as another user', 'another user');
    expect(verify({user_id: BEN.id, account_id: 'acct_SomebodyElse01'}, claimed)).toBe(false);
    expect(verify({user_id: ADA.id, account_id: PREVIEW_ACCOUNT.id}, claimed)).toBe(true);
    await until(tick, () => expect(preview.output.some((line) => line.includes('named user_id/account_id'))).toBe(true));

    // A view's own additional payload is still signed, after the host's ids.
    const action = await signature('Sign an action', 'an action');
    expect(verify({user_id: ADA.id, account_id: PREVIEW_ACCOUNT.id, action: 'sync'}, action)).toBe(true);
  });
});

describe('a page reached through DNS rebinding', () => {
  test(`gets no page and no token from the preview at ${REBIND}`, async () => {
    const response = await page.goto(`http://${REBIND}:${preview.port}/`);
    expect(response?.status()).toBe(421);
    const body = await page.content();
    expect(body).toContain('answers only at');
    expect(body).not.toContain('"token"');
    await until(tick, () => expect(preview.output.some((line) => line.includes(`Host "${REBIND}:${preview.port}"`))).toBe(true));
  });

  test(`cannot list or overwrite secrets in the local Secret Store at ${REBIND}`, async () => {
    await backend().apps.secrets.create({name: 'acme_api_key', payload: 'sk_test_RebindTarget01', scope: {type: 'account'}});
    const response = await page.goto(`http://${REBIND}:${preview.store.port}/`);
    expect(response?.status()).toBe(421);
    // Same origin as the store now, as far as the browser knows: it can send a key and read the answer.
    const attempt = await page.evaluate(async () => {
      const auth = {authorization: 'Bearer sk_test_attacker'};
      const list = await fetch('/v1/apps/secrets?scope[type]=account&expand[]=data.payload', {headers: auth});
      const write = await fetch('/v1/apps/secrets', {
        method: 'POST',
        headers: {...auth, 'content-type': 'application/x-www-form-urlencoded'},
        body: 'name=acme_api_key&payload=sk_test_Overwritten&scope[type]=account',
      });
      return {list: list.status, write: write.status, leaked: (await list.text()).includes('RebindTarget')};
    });
    expect(attempt).toEqual({list: 421, write: 421, leaked: false});
    const stored = await backend().apps.secrets.find({name: 'acme_api_key', scope: {type: 'account'}, expand: ['payload']});
    expect(stored.payload === 'sk_test_RebindTarget01').toBe(true);
  });
});

describe('the preview opened at localhost', () => {
  test('works like 127.0.0.1: the views reach the Secret Store', async () => {
    await backend().apps.secrets.create({name: 'acme_api_key', payload: 'sk_test_LocalhostKey01', scope: {type: 'account'}});
    await page.goto(`http://localhost:${preview.port}/?user=${ADA.id}&mode=test&drawer=closed`);
    await page.locator('[data-view="AppSettings"]').getByRole('button', {name: 'Replace Acme API key'}).waitFor();
    expect(consoleLines.join('\n')).not.toMatch(/preview server answered 403/);
    expect(preview.requests.at(-1)).toMatchObject({user: ADA.id, status: 200});
  });
});

/** The page's token, as the host page reads it (tests of the preview server's own routes). */
async function pageToken(): Promise<string> {
  const html = await (await fetch(`${preview.url}/`)).text();
  return /"token":"([^"]+)"/.exec(html)?.[1] ?? '';
}

async function createOAuthState(token: string, state: string): Promise<Response> {
  return fetch(`${preview.url}/__preview/oauth/state`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'x-keyring-preview-token': token},
    body: JSON.stringify({user: ADA.id, mode: 'test', state}),
  });
}

/** The return route's page, as the provider's redirect would open it. */
async function returnWith(state: string): Promise<string> {
  const response = await fetch(`${preview.url}/test/apps-oauth/${manifest.id}?code=code-from-provider&state=${encodeURIComponent(state)}`);
  return response.text();
}

describe("the preview's own calls", () => {
  test('a token of the right length in non-ASCII characters is refused with 403, not a server error', async () => {
    const token = await pageToken();
    // Raw bytes on a socket, so no client re-encodes them: 0xE9 is one character to the server
    // (headers are read as latin1) but two bytes once the check turns it back into UTF-8.
    const body = JSON.stringify({user: ADA.id, mode: 'test', path: '/v1/apps/secrets?scope[type]=account'});
    const head = [
      'POST /__preview/api HTTP/1.1',
      `Host: 127.0.0.1:${preview.port}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ].join('\r\n');
    const request = Buffer.concat([Buffer.from(`${head}\r\nX-Keyring-Preview-Token: `), Buffer.alloc(token.length, 0xe9), Buffer.from(`\r\n\r\n${body}`)]);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(preview.port, '127.0.0.1', () => socket.end(request));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
      socket.on('error', reject);
    });
    const status = Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1]);
    expect(status).toBe(403);
  });
});

describe('OAuth states', () => {
  test('a state is redeemed once: the verifier is handed out on the first return only', async () => {
    const token = await pageToken();
    const {state} = (await (await createOAuthState(token, '')).json()) as {state: string};
    // Booleans, so a failure never prints a verifier.
    const first = await returnWith(state);
    expect(first.includes('"verifier"')).toBe(true);
    const second = await returnWith(state);
    expect(second.includes('"verifier"')).toBe(false);
    expect(second.includes('"error":"invalid_state"')).toBe(true);
  });

  test("a view's state is bounded in size, and so is the number waiting for a return", async () => {
    const token = await pageToken();
    const tooLarge = await createOAuthState(token, 'x'.repeat(1025));
    expect(tooLarge.status).toBe(413);
    const {state: oldest} = (await (await createOAuthState(token, 'first')).json()) as {state: string};
    for (let i = 0; i < MAX_OUTSTANDING; i += 1) expect((await createOAuthState(token, `later ${i}`)).status).toBe(200);
    // The oldest made room for the newer ones.
    expect((await returnWith(oldest)).includes('"error":"invalid_state"')).toBe(true);
  });
});
