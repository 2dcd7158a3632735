/**
 * A manifest that declares three connections at once, each by its preset
 * (GitHub, Slack and Google: through the backend as confidential clients,
 * answered by the local provider's personality of each),
 * run by `npm start` itself in Chromium: the drawer draws a panel for each; a
 * sign-in's return reaches the panel that started it; each connection lands
 * in its own user secret; disconnecting one leaves the others; the backend
 * reads each by id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import Stripe from 'stripe';
import {PREVIEW_ACCOUNT, PREVIEW_USERS, startKitCommand, type RunningKitCommand} from 'stripe-apps-offline/testing';
import {connectionSecretName, SIGN_INS_SECRET} from '../../src/connections';
import {findStored} from '../support/storedSecrets';
import {consentAtProvider, FIXTURE_APP, launchBrowser, logInAtProvider, ROOT, screenshot} from './browser';

jest.setTimeout(120_000);

const [ADA] = PREVIEW_USERS;
// Only what is the app's own: the preset knows GitHub's endpoints, its exchange mode and its quirks.
const GITHUB = {id: 'github', preset: 'github', clientId: 'Iv1.shipsync', scopes: ['repo', 'read:user']};
const SLACK = {id: 'slack', preset: 'slack', clientId: '1234.5678', scopes: ['users:read', 'chat:write']};
const GOOGLE = {id: 'google', preset: 'google', clientId: '1234.apps.googleusercontent.com'};

/** The tests' manifest in a folder of its own, with these three connections (and their hosts in the CSP, as a fork's would be). */
function threeConnections(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-three-'));
  const base = JSON.parse(fs.readFileSync(path.join(FIXTURE_APP, 'stripe-app.json'), 'utf8')) as {constants: Record<string, unknown>};
  base.constants.connections = [GITHUB, SLACK, GOOGLE];
  fs.writeFileSync(path.join(dir, 'stripe-app.json'), JSON.stringify(base));
  fs.copyFileSync(path.join(FIXTURE_APP, 'stripe-app.local.json'), path.join(dir, 'stripe-app.local.json'));
  return dir;
}

let browser: Browser;
let started: RunningKitCommand;
let context: BrowserContext;
let page: Page;

const drawerOf = (p: Page) => p.locator('[data-view="ConnectionsDrawer"]');
const stripe = () => new Stripe('sk_test_several', {host: '127.0.0.1', port: started.ports.store, protocol: 'http', telemetry: false, stripeAccount: PREVIEW_ACCOUNT.id});
const stored = async (id: string) => (await findStored(stripe(), connectionSecretName(id), {type: 'user', user: ADA.id})) !== null;

beforeAll(async () => {
  [browser, started] = await Promise.all([launchBrowser(), startKitCommand(ROOT, {APP_MANIFEST: threeConnections()})]);
});
afterAll(async () => {
  await browser?.close();
  if (started && started.cli.child.exitCode === null) {
    started.cli.child.kill('SIGTERM');
    await started.cli.exited;
  }
});
beforeEach(async () => {
  context = await browser.newContext({viewport: {width: 1280, height: 1000}});
  page = await context.newPage();
  await page.goto(`${started.url}/?user=${ADA.id}&mode=test`);
});
afterEach(() => context?.close());

/** Connects Ada to `name` from the first page's drawer, in a new tab; resolves when that tab's drawer shows `connected` connections. */
/** `connected`: how many panels say "Connected as ada" once this one does (the new tab's drawer shows them all). */
async function connect(name: string, connected: number): Promise<Page> {
  const [tab] = await Promise.all([context.waitForEvent('page'), drawerOf(page).getByRole('link', {name: `Connect to ${name}`}).click()]);
  // Signed in at the provider already (an earlier connection in this browser): no sign-in page. Consented to
  // already (GitHub's grant outlives a disconnect, as there is no revocation): no consent page either.
  const landed = drawerOf(tab).getByText('Connected as ada').nth(connected - 1);
  await tab.getByLabel('User name').or(tab.getByRole('button', {name: 'Allow'})).or(landed).first().waitFor();
  if (await tab.getByLabel('User name').count()) await logInAtProvider(tab, 'ada');
  if (!(await landed.count())) {
    await tab.getByRole('button', {name: 'Allow'}).or(landed).first().waitFor();
    if (await tab.getByRole('button', {name: 'Allow'}).count()) await consentAtProvider(tab);
  }
  await landed.waitFor();
  return tab;
}

test('the terminal names each connection with its exchange mode, and warns of nothing', () => {
  const output = started.cli.output();
  expect(output).toContain('Connections:  GitHub ("github", at the local stand-in), through the backend, as a confidential client (exchange "backend" from stripe-app.json)');
  expect(output).toContain('Connections:  Slack ("slack", at the local stand-in), through the backend, as a confidential client');
  expect(output).toContain('Connections:  Google ("google", at the local stand-in), through the backend');
  expect(output).not.toContain('warning:');
});

test('each connection connects from its own panel; its tokens land in a secret of its own; disconnecting one leaves the others', async () => {
  for (const name of ['GitHub', 'Slack', 'Google']) await drawerOf(page).getByRole('link', {name: `Connect to ${name}`}).waitFor();

  const github = await connect('GitHub', 1);
  // The return went to GitHub's panel only: Slack's and Google's still offer Connect.
  for (const name of ['Slack', 'Google']) await drawerOf(github).getByRole('link', {name: `Connect to ${name}`}).waitFor();
  expect([await stored('github'), await stored('slack'), await stored('google')]).toEqual([true, false, false]);
  // The sign-in was recorded for the return (several connections), holding no token.
  const record = await findStored(stripe(), SIGN_INS_SECRET, {type: 'user', user: ADA.id});
  expect(JSON.parse(record?.payload ?? '[]')).toEqual([expect.objectContaining({connection: 'github'})]);

  await page.reload();
  const slack = await connect('Slack', 2);
  expect([await stored('github'), await stored('slack'), await stored('google')]).toEqual([true, true, false]);
  // Each exchanged by the backend with its own client's way of sending the secret: two connections, two secrets.
  const payload = async (id: string) => JSON.parse((await findStored(stripe(), connectionSecretName(id), {type: 'user', user: ADA.id}))?.payload ?? '{}') as {access_token: string};
  expect((await payload('github')).access_token === (await payload('slack')).access_token).toBe(false);
  // GitHub's personality answered as GitHub does: no refresh token, no expiry, its scopes comma-separated.
  expect(await payload('github')).toMatchObject({refresh_token: null, access_token_expires_at: null, scope: 'repo,read:user'});
  expect(started.cli.output()).toMatch(/^oauth: token request: client keyring-preview-backend-post auth post → 200$/m);
  // Slack's personality: the user token from under authed_user, its user_scope comma-separated, sent as Basic.
  expect(await payload('slack')).toMatchObject({refresh_token: null, scope: 'users:read,chat:write', account_name: 'ada'});
  expect(started.cli.output()).toMatch(/^oauth: token request: client keyring-preview-backend auth basic → 200$/m);

  // Google's preset asks for offline access, so its personality hands out a refresh token (and never rotates it).
  await page.reload();
  await connect('Google', 3);
  expect(await payload('google')).toMatchObject({refresh_token: expect.any(String) as string, access_token_expires_at: expect.any(Number) as number, account_name: 'ada'});
  await screenshot(slack, 'several-connections');

  // Disconnect Slack from its panel: GitHub's stays, and its panel still says connected.
  const slackPanel = drawerOf(slack).getByRole('button', {name: 'Disconnect from Slack…'});
  await slackPanel.click();
  await drawerOf(slack).getByRole('button', {name: 'Disconnect from Slack', exact: true}).click();
  await drawerOf(slack).getByText("This app's access was revoked at Slack").waitFor();
  expect([await stored('github'), await stored('slack')]).toEqual([true, false]);

  // GitHub has no RFC 7009 revocation: the backend DELETEs the app's grant with its client secret, as GitHub's personality takes it.
  await drawerOf(slack).getByRole('button', {name: 'Disconnect from GitHub…'}).click();
  await drawerOf(slack).getByRole('button', {name: 'Disconnect from GitHub', exact: true}).click();
  await drawerOf(slack).getByText("This app's access was revoked at GitHub").waitFor();
  expect(await stored('github')).toBe(false);
  // Connect again: the connection is back in place, and Slack's panel is untouched by GitHub's.
  await page.reload();
  // Google's panel still says "Connected as ada": GitHub's is the second such line, not the first (the first was there already).
  await connect('GitHub', 2);
  expect([await stored('github'), await stored('slack')]).toEqual([true, false]);
  await page.reload();
  await drawerOf(page).getByRole('link', {name: 'Connect to Slack'}).waitFor();
  // GitHub's and Google's, which the drawer learns from the backend's status calls for "github" and "google".
  await drawerOf(page).getByText('Connected as ada').nth(1).waitFor();
  expect(await drawerOf(page).getByText('Connected as ada').count()).toBe(2);
});
