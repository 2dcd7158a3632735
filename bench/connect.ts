/**
 * Requests from Connect to "connected", counted in headless Chromium through
 * the offline preview against the local OAuth provider: what the drawer asks
 * of the Secret Store and of the provider after the provider sends the
 * browser back, and what reopening the drawer costs once connected.
 *
 * In backend mode (a connection's exchange = "backend") the same flow runs
 * through the app backend as a confidential client; the counts are the signed
 * calls the view makes, the token requests, and the Secret Store writes seen
 * on the store's own HTTP server, against the floor of one of each.
 */
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import manifest from '../stripe-app.json';
import {LOCAL_CLIENT_SECRET, localBackendModeManifest, localOAuthConstants, localProviderManifest, previewRedirectUris, PREVIEW_USERS, startPreview} from 'stripe-apps-offline/testing';
import {startOAuthProvider} from 'stripe-apps-offline/oauth-provider';
import {startLocalBackend} from '../ui-tests/support/localBackend';
import {consentAtProvider, freePort, launchBrowser, logInAtProvider} from '../ui-tests/e2e/browser';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_CONNECT_RUNS || 3);
/** The connection the bench signs in to: the manifest's first (pointed at the bench's own provider). */
const CONNECTION_IDS = [manifest.constants.connections[0].id];

const drawer = (p: Page) => p.locator('[data-view="ConnectionsDrawer"]');

/** Opens the page as `user`, presses Connect and signs `login` in at the provider: the tab now waits on the consent page. */
async function signInAtProvider(browser: Browser, previewUrl: string, user: string, login: string): Promise<{context: BrowserContext; tab: Page}> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${previewUrl}/?user=${user}&mode=test`);
  const connect = drawer(page).getByRole('link', {name: /^Connect to/});
  await connect.waitFor({timeout: 15000}).catch(async (e: unknown) => {
    throw new Error(`${String(e)}\n${await page.locator('body').innerText()}`);
  });
  const [tab] = await Promise.all([context.waitForEvent('page'), connect.click()]);
  await logInAtProvider(tab, login);
  return {context, tab};
}

export async function benchConnect(): Promise<string> {
  return [await benchConnectInView(), '', await benchOpenSeveral(), '', await benchConnectThroughBackend()].join('\n');
}

/** The drawer alone, as the Dashboard opens it (the settings page's own list of account keys is not on the page). */
const drawerOnly = (previewUrl: string, user: string) => `${previewUrl}/?user=${user}&mode=test&view=ConnectionsDrawer`;
const secretStoreRequests = <T extends {path: string}>(requests: T[]): T[] => requests.filter((r) => r.path.startsWith('/v1/apps/secrets'));

async function benchConnectInView(): Promise<string> {
  const port = await freePort();
  const [test, live] = previewRedirectUris(`http://127.0.0.1:${port}`, manifest.id);
  const providerLog: string[] = [];
  const provider = await startOAuthProvider({port: 0, redirectUris: [test, live], log: (line) => providerLog.push(line)});
  const preview = await startPreview({
    root: ROOT,
    port,
    storeFile: ':memory:',
    minify: true,
    manifestOverrides: localProviderManifest(provider.issuer, {test, live}, CONNECTION_IDS),
  });
  const browser = await launchBrowser();
  const rows: string[] = [];
  try {
    const results: Record<'tokenRequests' | 'identityRequests' | 'writes' | 'reads' | 'reopenLists' | 'reopenOther' | 'ms' | 'reopenMs', number>[] = [];
    for (let run = 0; run < RUNS; run++) {
      const user = PREVIEW_USERS[run % PREVIEW_USERS.length].id;
      const {context, tab} = await signInAtProvider(browser, preview.url, user, `bench${run}`);
      const storeBefore = preview.requests.length;
      const providerBefore = providerLog.length;
      const started = Date.now();
      await consentAtProvider(tab);
      await drawer(tab).getByText(`Connected as bench${run}`).waitFor();
      const ms = Date.now() - started;
      await tab.waitForTimeout(200); // let any late request land before counting
      const store = preview.requests.slice(storeBefore).filter((r) => r.user === user);
      const fromProvider = providerLog.slice(providerBefore);
      const reopenBefore = preview.requests.length;
      const reopenStarted = Date.now();
      const reopened = await context.newPage();
      await reopened.goto(drawerOnly(preview.url, user));
      await drawer(reopened).getByText(`Connected as bench${run}`).waitFor();
      const reopenMs = Date.now() - reopenStarted;
      await reopened.waitForTimeout(200);
      await reopened.close();
      const reopen = secretStoreRequests(preview.requests.slice(reopenBefore).filter((r) => r.user === user));
      results.push({
        tokenRequests: fromProvider.filter((l) => l.startsWith('grant authorization_code')).length,
        identityRequests: fromProvider.filter((l) => l === 'api/me ok').length,
        writes: store.filter((r) => r.method === 'POST').length,
        // The settings page on the same Dashboard page lists the account's keys; that list is not the drawer's.
        reads: store.filter((r) => r.method === 'GET' && r.path.endsWith('/find')).length,
        reopenLists: reopen.filter((r) => r.method === 'GET' && r.path === '/v1/apps/secrets').length,
        reopenOther: reopen.filter((r) => !(r.method === 'GET' && r.path === '/v1/apps/secrets')).length,
        ms,
        reopenMs,
      });
      // Disconnect, so the next run with this user starts from "not connected".
      await drawer(tab).getByRole('button', {name: `Disconnect from Local OAuth provider…`}).click();
      await drawer(tab).getByRole('button', {name: `Disconnect from Local OAuth provider`, exact: true}).click();
      await drawer(tab).getByRole('link', {name: /^Connect to/}).waitFor();
      await context.close();
    }
    const same = (key: keyof (typeof results)[number]) => {
      const values = [...new Set(results.map((r) => r[key]))];
      return values.length === 1 ? String(values[0]) : values.join(' / ');
    };
    const median = (key: 'ms' | 'reopenMs') => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
    const ms = median('ms');
    const reopenMs = median('reopenMs');
    rows.push(
      '## Connect → connected (Connections drawer)',
      '',
      `After the provider sends the browser back (consent submitted) until "Connected as …" is drawn; ${RUNS} runs in headless Chromium through the preview, each a new user session. A value that differed between runs is listed per run.`,
      '',
      '| requests after the redirect | count |',
      '|---|---:|',
      `| token requests (authorization_code) | ${same('tokenRequests')} |`,
      `| identity requests (the connection's identityUrl) | ${same('identityRequests')} |`,
      `| Secret Store writes | ${same('writes')} |`,
      `| Secret Store finds (the settings page's own list on the same page is not counted) | ${same('reads')} |`,
      `| reopening the drawer alone when connected: Secret Store lists (floor 1) | ${same('reopenLists')} |`,
      `| reopening the drawer alone when connected: other Secret Store requests (floor 0) | ${same('reopenOther')} |`,
      '',
      `Consent submitted → connected drawn: median ${ms} ms, ${(ms / reopenMs).toFixed(2)}× the baseline of opening the drawer alone when already connected (median ${reopenMs} ms; that load includes its one list). The difference is the provider's redirects, the token exchange, the identity request and the write.`,
    );
  } finally {
    await browser.close();
    await preview.close();
    await provider.close();
  }
  return rows.join('\n');
}

/**
 * Opening a drawer that declares three connections (all view mode, at the
 * local provider): what it asks of the Secret Store, against the floor of one
 * request (a list of the user's scope, not a find per connection).
 */
async function benchOpenSeveral(): Promise<string> {
  const port = await freePort();
  const [test, live] = previewRedirectUris(`http://127.0.0.1:${port}`, manifest.id);
  const provider = await startOAuthProvider({port: 0, redirectUris: [test, live]});
  const names = ['First', 'Second', 'Third'];
  const connections = names.map((name) => ({...localOAuthConstants(provider.issuer, {test, live}, name.toLowerCase()), name}));
  const preview = await startPreview({
    root: ROOT,
    port,
    storeFile: ':memory:',
    minify: true,
    manifestOverrides: {...localProviderManifest(provider.issuer, {test, live}, []), constants: {redirectUris: {test, live}, connections}},
  });
  const browser = await launchBrowser();
  const counts: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const user = PREVIEW_USERS[run % PREVIEW_USERS.length].id;
      const context = await browser.newContext();
      const page = await context.newPage();
      const before = preview.requests.length;
      await page.goto(drawerOnly(preview.url, user));
      for (const name of names) await drawer(page).getByRole('link', {name: `Connect to ${name}`}).waitFor({timeout: 15000});
      await page.waitForTimeout(200);
      counts.push(secretStoreRequests(preview.requests.slice(before).filter((r) => r.user === user)).length);
      await context.close();
    }
  } finally {
    await browser.close();
    await preview.close();
    await provider.close();
  }
  return [
    '## Opening the drawer with three connections',
    '',
    `A drawer declaring ${names.length} view-mode connections, opened alone ${RUNS} times in headless Chromium; the Secret Store requests it made, per run, against the floor of 1 (one list of the user's scope with its payloads, shared by the panels; one find each would be ${names.length}).`,
    '',
    '| Secret Store requests on opening | per run | against the floor (1) |',
    '|---|---:|---:|',
    `| three connections, none connected | ${counts.join(' / ')} | ${(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(2)}× |`,
  ].join('\n');
}

async function benchConnectThroughBackend(): Promise<string> {
  const [port, backendPort] = [await freePort(), await freePort()];
  const [test, live] = previewRedirectUris(`http://127.0.0.1:${port}`, manifest.id);
  const providerLog: string[] = [];
  const provider = await startOAuthProvider({port: 0, redirectUris: [test, live], log: (line) => providerLog.push(line)});
  const backendUrl = `http://127.0.0.1:${backendPort}`;
  const preview = await startPreview({
    root: ROOT,
    port,
    storeFile: ':memory:',
    minify: true,
    manifestOverrides: localBackendModeManifest(provider.issuer, {test, live}, backendUrl, CONNECTION_IDS),
  });
  const signedCalls: string[] = [];
  const backend = await startLocalBackend(preview, {port: backendPort, oauthClientSecret: LOCAL_CLIENT_SECRET, log: (e) => e.method === 'POST' && signedCalls.push(e.path)});
  // Writes as the store's own HTTP server sees them: the backend's, through its backend door.
  const storeWrites: string[] = [];
  preview.store.server.on('request', (req: {method?: string; url?: string}) => {
    if (req.method === 'POST' && req.url?.startsWith('/v1/apps/secrets')) storeWrites.push(req.url.split('?')[0]);
  });
  const browser = await launchBrowser();
  const results: {signed: number; tokens: number; writes: number; ms: number}[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const user = PREVIEW_USERS[run % PREVIEW_USERS.length].id;
      const {context, tab} = await signInAtProvider(browser, preview.url, user, `bench${run}`);
      const before = {signed: signedCalls.length, provider: providerLog.length, writes: storeWrites.length};
      const started = Date.now();
      await consentAtProvider(tab);
      await drawer(tab).getByText(`Connected as bench${run}`).waitFor();
      const ms = Date.now() - started;
      await tab.waitForTimeout(200);
      results.push({
        signed: signedCalls.slice(before.signed).filter((p) => p !== '/v1/connection/status').length,
        tokens: providerLog.slice(before.provider).filter((l) => l.startsWith('grant authorization_code')).length,
        writes: storeWrites.length - before.writes,
        ms,
      });
      await drawer(tab).getByRole('button', {name: `Disconnect from Local OAuth provider…`}).click();
      await drawer(tab).getByRole('button', {name: `Disconnect from Local OAuth provider`, exact: true}).click();
      await drawer(tab).getByRole('link', {name: /^Connect to/}).waitFor();
      await context.close();
    }
  } finally {
    await browser.close();
    await backend.close();
    await preview.close();
    await provider.close();
  }
  const per = (key: 'signed' | 'tokens' | 'writes') => results.map((r) => r[key]).join(' / ');
  const ratio = (key: 'signed' | 'tokens' | 'writes') => {
    const values = results.map((r) => r[key]);
    return `${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(2)}×`;
  };
  const ms = results.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  return [
    '## Connect → connected through the backend (backend mode)',
    '',
    `The same flow with a connection's exchange = "backend" (the local provider's confidential client), ${RUNS} runs; per run, and the mean against the floor of one. ` +
      "Signed calls exclude the status reads the panel makes when it opens. Each connect here also writes the account's connected-users list (for uninstall; the disconnect between runs takes the user off it), hence 2 writes where the floor has 1.",
    '',
    '| after the redirect | per run | against the floor (1) |',
    '|---|---:|---:|',
    `| signed calls from the view | ${per('signed')} | ${ratio('signed')} |`,
    `| token requests (with client authentication) | ${per('tokens')} | ${ratio('tokens')} |`,
    `| Secret Store writes | ${per('writes')} | ${ratio('writes')} |`,
    '',
    `Consent submitted → connected drawn: median ${ms} ms.`,
  ].join('\n');
}
