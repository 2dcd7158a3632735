/**
 * A manifest that declares three connections at once (GitHub through the
 * backend as a confidential client with no revocation, Slack and Google in
 * the view), run by `npm start` itself in Chromium: the drawer draws a panel
 * for each; a sign-in's return reaches the panel that started it; each
 * connection lands in its own user secret; disconnecting one leaves the
 * others; the backend reads each by id. All three stand at the one local
 * provider (each provider's own behaviour offline is a later step).
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
const provider = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  authorizeUrl: `https://${id}.example/oauth/authorize`,
  tokenUrl: `https://${id}.example/oauth/token`,
  revocationUrl: `https://${id}.example/oauth/revoke`,
  identityUrl: `https://api.${id}.example/me`,
  clientId: `shipsync-${id}`,
  scopes: ['read'],
  ...extra,
});
const GITHUB = provider('github', 'GitHub', {exchange: 'backend', clientAuth: 'client_secret_post', revocationUrl: undefined});
const SLACK = provider('slack', 'Slack');
const GOOGLE = provider('google', 'Google');

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
async function connect(name: string, connected: number): Promise<Page> {
  const [tab] = await Promise.all([context.waitForEvent('page'), drawerOf(page).getByRole('link', {name: `Connect to ${name}`}).click()]);
  // Signed in at the provider already (an earlier connection in this browser): its consent page comes straight away.
  await tab.getByRole('heading').first().waitFor();
  if (await tab.getByLabel('User name').count()) await logInAtProvider(tab, 'ada');
  await consentAtProvider(tab);
  await drawerOf(tab).getByText('Connected as ada').nth(connected - 1).waitFor();
  return tab;
}

test('the terminal names each connection with its exchange mode, and the backend got the one client secret it needs', () => {
  const output = started.cli.output();
  expect(output).toContain('Connections:  GitHub ("github", at the local stand-in), through the backend, as a confidential client (exchange "backend" from stripe-app.json)');
  expect(output).toContain('Connections:  Slack ("slack", at the local stand-in), in the view, as a public client with PKCE');
  expect(output).toContain('Connections:  Google ("google", at the local stand-in), in the view');
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
  // GitHub was exchanged by the backend (a confidential client); Slack by the view: two clients, two secrets.
  const payload = async (id: string) => JSON.parse((await findStored(stripe(), connectionSecretName(id), {type: 'user', user: ADA.id}))?.payload ?? '{}') as {access_token: string};
  expect((await payload('github')).access_token === (await payload('slack')).access_token).toBe(false);
  await screenshot(slack, 'several-connections');

  // Disconnect Slack from its panel: GitHub's stays, and its panel still says connected.
  const slackPanel = drawerOf(slack).getByRole('button', {name: 'Disconnect from Slack…'});
  await slackPanel.click();
  await drawerOf(slack).getByRole('button', {name: 'Disconnect from Slack', exact: true}).click();
  await drawerOf(slack).getByText("This app's access was revoked at Slack").waitFor();
  expect([await stored('github'), await stored('slack')]).toEqual([true, false]);
  await page.reload();
  await drawerOf(page).getByRole('link', {name: 'Connect to Slack'}).waitFor();
  // The one still connected is GitHub's, which the drawer learns from the backend's status call for "github".
  expect(await drawerOf(page).getByText('Connected as ada').count()).toBe(1);
});
