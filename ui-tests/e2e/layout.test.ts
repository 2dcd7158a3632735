/**
 * The preview page is laid out like the Dashboard frame it stands for, at any
 * width from 800 px up: the drawer docks to the window's right edge, the page
 * beside it takes the rest, the header stays on one line with nothing
 * overflowing, its switches are labelled form controls the keyboard can work,
 * and the page is titled after what it shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Page} from 'playwright-core';
import manifest from '../fixtures/app/stripe-app.json';
import {PREVIEW_USERS, titleOf} from 'stripe-apps-offline/testing';
import {ARTIFACTS, ROOT, screenshot} from './browser';
import {previewSuite} from './previewSuite';

jest.setTimeout(90_000);

const WIDTHS = [800, 900, 1280, 1600, 1920];
const [ADA, BEN] = PREVIEW_USERS;
const APP = manifest.name;

const suite = previewSuite({
  // On a detail page's drawer, so the app's own drawer view stays the settings page's.
  extraViews: [{viewport: 'stripe.dashboard.customer.detail', component: 'TallDrawerProbe', file: path.join(__dirname, 'views/TallDrawerProbe.tsx')}],
});
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const drawer = () => suite.page.getByRole('complementary', {name: 'Drawer'});
const settings = () => suite.page.locator('[data-view="AppSettings"]');

/** The settings page and its drawer, both views drawn and their first requests answered. */
async function openSettingsPage(query = `user=${ADA.id}&mode=test`): Promise<void> {
  await suite.page.goto(`${suite.preview.url}/?${query}`);
  await settings().getByRole('button', {name: /^(Save|Replace) Acme API key$/}).waitFor();
  await drawer().locator('[data-view="ConnectionsDrawer"]').getByRole('heading', {name: 'Connections'}).waitFor();
}

/** Where the frame's parts are, in CSS pixels of the page. */
function frameGeometry(page: Page) {
  return page.evaluate(() => {
    const rect = (selector: string) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no ${selector}`);
      const r = el.getBoundingClientRect();
      // Whole pixels: a scrolled page sits at fractions of one.
      return {left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom), width: Math.round(r.width), height: Math.round(r.height)};
    };
    const scroller = document.scrollingElement ?? document.documentElement;
    const drawerContent = document.querySelector('.kr-drawer-inner');
    return {
      innerWidth,
      innerHeight,
      clientWidth: document.documentElement.clientWidth,
      scrollWidth: scroller.scrollWidth,
      drawer: rect('.kr-drawer'),
      drawerContent: rect('.kr-drawer-inner'),
      drawerSideways: drawerContent ? drawerContent.scrollWidth - drawerContent.clientWidth : 0,
      main: rect('main'),
      topbar: rect('.kr-topbar'),
    };
  });
}

/**
 * Every text in the header and the lines it takes: a text that wraps is drawn
 * on more than one line; one cut off by its box, or by the window, is wider
 * than what shows of it.
 */
function headerTexts(page: Page) {
  return page.evaluate(() => {
    const topbar = document.querySelector('.kr-topbar');
    if (!topbar) throw new Error('no header');
    const bar = topbar.getBoundingClientRect();
    const texts: {text: string; lines: number; outside: boolean}[] = [];
    const walker = document.createTreeWalker(topbar, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      // An option's text is drawn by its select (checked below), not where the node sits.
      if (!text || node.parentElement?.closest('select')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
      // Not drawn at this width (a label the narrow header leaves to the control's own name).
      if (tops.size === 0) continue;
      const r = range.getBoundingClientRect();
      texts.push({text, lines: tops.size, outside: r.top < bar.top || r.bottom > bar.bottom});
    }
    const controls = Array.from(topbar.querySelectorAll<HTMLElement>('button, select, input, label'), (el) => {
      const r = el.getBoundingClientRect();
      return {
        name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName,
        tag: el.tagName,
        height: r.height,
        // A control the window or the header cuts off.
        cut: r.left < bar.left || r.right > Math.min(bar.right, document.documentElement.clientWidth) || r.top < bar.top || r.bottom > bar.bottom,
        // A button whose words do not fit it.
        clipped: el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth,
      };
    });
    return {texts, controls};
  });
}

describe.each(WIDTHS)('%i px wide', (width) => {
  test('the drawer docks to the right edge, the page fills the rest, nothing wraps or scrolls sideways', async () => {
    await suite.page.setViewportSize({width, height: 900});
    await openSettingsPage();
    const geometry = await frameGeometry(suite.page);

    // The drawer: the Dashboard's fixed width, at the window's right edge, from under the top bar to the bottom.
    const underTopBar = geometry.topbar.bottom + 20; /* the test-mode strip */
    expect(geometry.drawer.right).toBe(geometry.clientWidth);
    expect(geometry.clientWidth).toBe(width);
    expect(geometry.drawer.width).toBeGreaterThanOrEqual(400);
    expect(geometry.drawer.width).toBeLessThanOrEqual(450);
    expect(geometry.drawer.top).toBe(underTopBar);
    expect(geometry.drawer.bottom).toBeGreaterThanOrEqual(geometry.innerHeight);
    // The page beside it: from the left edge up to the drawer, no gutter.
    expect(geometry.main.left).toBe(0);
    expect(geometry.main.right).toBe(geometry.drawer.left);

    // Nothing scrolls sideways: not the window, not the drawer.
    expect(geometry.scrollWidth).toBeLessThanOrEqual(geometry.innerWidth);
    expect(geometry.drawerSideways).toBe(0);

    // The header: one line, every control whole and inside it.
    const header = await headerTexts(suite.page);
    expect(header.texts.filter((t) => t.lines !== 1 || t.outside)).toEqual([]);
    expect(header.controls.filter((c) => c.cut || c.clipped)).toEqual([]);
    const buttons = header.controls.filter((c) => c.tag === 'BUTTON' || c.tag === 'SELECT');
    expect(buttons.map((c) => c.name)).toEqual(['View', 'Preview user', 'Close drawer']);
    // One line of a 32 px control; a wrapped "Close drawer" is 52 px tall.
    for (const control of buttons) expect(control.height).toBe(32);
    await screenshot(suite.page, `layout-${width}`);

    // Scrolled to the foot of the page, the drawer is still docked, its content still in the window under the top bar.
    await suite.page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const scrolled = await frameGeometry(suite.page);
    expect(scrolled.drawer.right).toBe(width);
    expect(scrolled.drawerContent.top).toBe(underTopBar);
    expect(scrolled.drawerContent.bottom).toBeLessThanOrEqual(scrolled.innerHeight);
    expect(scrolled.drawer.bottom).toBeGreaterThanOrEqual(scrolled.innerHeight);
    await suite.page.evaluate(() => scrollTo(0, 0));

    // Closed, the page takes the whole width; the button stays one line.
    await suite.page.getByRole('button', {name: 'Close drawer'}).click();
    await suite.page.getByRole('button', {name: 'Open drawer'}).waitFor();
    const closed = await suite.page.evaluate(() => ({main: document.querySelector('main')?.getBoundingClientRect().right, width: document.documentElement.clientWidth}));
    expect(closed.main).toBe(closed.width);
    expect((await headerTexts(suite.page)).texts.filter((t) => t.lines !== 1)).toEqual([]);
    expect(await suite.page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth <= innerWidth)).toBe(true);
  });

  test('a drawer view on its own page docks the same way', async () => {
    await suite.page.setViewportSize({width, height: 900});
    await suite.page.goto(`${suite.preview.url}/?view=ConnectionsDrawer&user=${BEN.id}&mode=live`);
    await drawer().getByRole('heading', {name: 'Connections'}).waitFor();
    const geometry = await frameGeometry(suite.page);
    expect(geometry.drawer.right).toBe(width);
    // Live mode has no test-mode strip: the drawer starts right under the top bar.
    expect(geometry.drawer.top).toBe(geometry.topbar.bottom);
    expect(geometry.main.right).toBe(geometry.drawer.left);
    expect(geometry.scrollWidth).toBeLessThanOrEqual(geometry.innerWidth);
    expect((await headerTexts(suite.page)).texts.filter((t) => t.lines !== 1 || t.outside)).toEqual([]);
    await screenshot(suite.page, `layout-drawer-view-${width}`);
  });
});

test('at every width from 800 to 1920 px (by 20 px) the drawer stays docked, the header on one line, nothing scrolls sideways', async () => {
  await suite.page.setViewportSize({width: 800, height: 900});
  await openSettingsPage();
  const faults: string[] = [];
  for (let width = 800; width <= 1920; width += 20) {
    await suite.page.setViewportSize({width, height: 900});
    const geometry = await frameGeometry(suite.page);
    const header = await headerTexts(suite.page);
    if (geometry.drawer.right !== width) faults.push(`${width}: drawer ends at ${geometry.drawer.right}`);
    if (geometry.main.right !== geometry.drawer.left) faults.push(`${width}: gutter between page and drawer`);
    if (geometry.scrollWidth > geometry.innerWidth) faults.push(`${width}: page ${geometry.scrollWidth} px wide`);
    for (const t of header.texts) if (t.lines !== 1 || t.outside) faults.push(`${width}: "${t.text}" on ${t.lines} lines${t.outside ? ', outside the header' : ''}`);
    for (const c of header.controls) if (c.cut || c.clipped || ((c.tag === 'BUTTON' || c.tag === 'SELECT') && c.height !== 32)) faults.push(`${width}: ${c.name} cut, clipped or ${c.height} px tall`);
  }
  expect(faults).toEqual([]);
});

test('a drawer view taller than the window scrolls on its own, as in the Dashboard; the page beside it stays put', async () => {
  await suite.page.setViewportSize({width: 1280, height: 700});
  await suite.page.goto(`${suite.preview.url}/?view=TallDrawerProbe`);
  const bottom = drawer().getByRole('button', {name: 'Bottom of the drawer'});
  await bottom.waitFor();
  const before = await suite.page.evaluate(() => {
    const inner = document.querySelector('.kr-drawer-inner');
    return {scrollY, overflows: inner ? inner.scrollHeight > inner.clientHeight : false, bottom: inner?.getBoundingClientRect().bottom};
  });
  expect(before.overflows).toBe(true);
  expect(before.bottom).toBeLessThanOrEqual(700);
  // The keyboard reaches the last button: the drawer scrolls, the window does not.
  await bottom.focus();
  expect(await bottom.isVisible()).toBe(true);
  const after = await suite.page.evaluate(() => ({scrollY, drawerScrolled: document.querySelector('.kr-drawer-inner')?.scrollTop ?? 0}));
  expect(after.scrollY).toBe(0);
  expect(after.drawerScrolled).toBeGreaterThan(0);
  const box = await bottom.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(700);
});

describe('the header switches are labelled form controls the keyboard works', () => {
  /** Presses Tab until `name`d control has the focus (at most 30 times, as a keyboard user would). */
  async function tabTo(role: 'switch' | 'combobox', name: string): Promise<void> {
    const target = suite.page.getByRole(role, {name, exact: true});
    for (let i = 0; i < 30; i++) {
      await suite.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  }
  /** The focus shows: a ring drawn by :focus-visible, not the browser's nothing. */
  const focusRing = (role: 'switch' | 'combobox', name: string) =>
    suite.page.getByRole(role, {name, exact: true}).evaluate((el) => {
      const style = getComputedStyle(el);
      return {visible: el.matches(':focus-visible'), ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'};
    });

  test('Test mode is a switch: Space turns it off, and the views start again in live mode', async () => {
    await suite.page.setViewportSize({width: 900, height: 900});
    await openSettingsPage();
    const testMode = suite.page.getByRole('switch', {name: 'Test mode'});
    expect(await testMode.isChecked()).toBe(true);
    await tabTo('switch', 'Test mode');
    expect(await focusRing('switch', 'Test mode')).toEqual({visible: true, ring: true});
    await screenshot(suite.page, 'layout-test-mode-focused');

    await suite.page.keyboard.press('Space');
    await settings().getByText('These are the live-mode keys. Test mode keeps its own.').waitFor();
    expect(await testMode.isChecked()).toBe(false);
    expect(new URL(suite.page.url()).searchParams.get('mode')).toBe('live');
    await suite.page.locator('.kr-test-ribbon').waitFor({state: 'detached'});

    await suite.page.keyboard.press('Space');
    await suite.page.locator('.kr-test-ribbon').waitFor();
    expect(new URL(suite.page.url()).searchParams.get('mode')).toBe('test');
  });

  test('the user switch is a select: the arrow key picks the other user, whose requests the log then shows', async () => {
    await suite.page.setViewportSize({width: 800, height: 900});
    await openSettingsPage();
    await tabTo('combobox', 'Preview user');
    expect(await focusRing('combobox', 'Preview user')).toEqual({visible: true, ring: true});
    await screenshot(suite.page, 'layout-user-switch-focused');

    await suite.page.keyboard.press('ArrowDown');
    await suite.page.waitForURL((url) => url.searchParams.get('user') === BEN.id);
    const log = suite.page.getByRole('region', {name: 'Request log'});
    await log.getByRole('row').filter({hasText: BEN.id}).first().waitFor();
    await drawer().locator('[data-view="ConnectionsDrawer"]').getByRole('heading', {name: 'Connections'}).waitFor();
    expect(await suite.page.locator('.kr-avatar').innerText()).toBe('BO');
  });
});

test('the frame (header, test-mode strip, drawer, request log) has no serious or critical axe-core finding, in test and live mode', async () => {
  for (const mode of ['test', 'live']) {
    await openSettingsPage(`user=${ADA.id}&mode=${mode}`);
    await suite.page.evaluate(AXE_SOURCE);
    const findings = await suite.page.evaluate(async () => {
      // axe is the global the script above defined; its types are not imported into the page.
      const axe = (globalThis as unknown as {axe: {run(context: unknown, options: unknown): Promise<{violations: {id: string; impact: string | null; nodes: {target: unknown[]}[]}[]}>}}).axe;
      // The views inside are the accessibility suite's business; this one holds the page around them.
      const result = await axe.run({exclude: [['[data-view]']]}, {resultTypes: ['violations']});
      return result.violations.map((v) => ({rule: v.id, impact: v.impact ?? 'unknown', targets: v.nodes.map((n) => n.target.map(String).join(' '))}));
    });
    expect(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
  }
});

describe('the page is titled after what it shows', () => {
  test(`the settings page: "${APP} settings" once, the settings card untitled`, async () => {
    await openSettingsPage();
    expect(await suite.page.title()).toBe(`${APP} settings · offline preview`);
    expect(await suite.page.getByRole('heading', {level: 1}).allInnerTexts()).toEqual([`${APP} settings`]);
    expect(await suite.page.getByRole('heading', {name: 'Settings', exact: true}).count()).toBe(0);
    // Opened alone, the settings view is the same page.
    await suite.page.goto(`${suite.preview.url}/?view=AppSettings`);
    await settings().getByRole('button', {name: /^(Save|Replace) Acme API key$/}).waitFor();
    expect(await suite.page.title()).toBe(`${APP} settings · offline preview`);
  });

  test('a drawer view alone is titled after the view and the page its drawer opens on, not the settings page', async () => {
    await suite.page.goto(`${suite.preview.url}/?view=ConnectionsDrawer`);
    await drawer().getByRole('heading', {name: 'Connections'}).waitFor();
    expect(await suite.page.title()).toBe('ConnectionsDrawer · drawer on Home · offline preview');
    expect(await suite.page.getByRole('heading', {level: 1}).allInnerTexts()).toEqual(['Home']);
    expect(await suite.page.getByText(`${APP} settings`).count()).toBe(0);
  });
  test('every kind of place is titled after the view and where the Dashboard shows it', () => {
    const cases = {
      AppSettings: 'settings',
      CustomerPanel: 'stripe.dashboard.customer.detail',
      InvoiceModule: 'stripe.dashboard.invoice.detail.page-module',
      Welcome: 'onboarding',
      Odd: 'stripe.dashboard.nowhere.detail',
    };
    const titles = Object.entries(cases).map(([component, viewport]) => titleOf('Acme Sync', {component, viewport}));
    expect(titles).toEqual([
      {heading: 'Acme Sync settings', document: 'Acme Sync settings · offline preview'},
      {heading: 'Customers › customer detail', document: 'CustomerPanel · drawer on Customers › customer detail · offline preview'},
      {heading: 'Invoices › invoice detail', document: 'InvoiceModule · Invoices › invoice detail · offline preview'},
      {heading: 'Onboarding', document: 'Welcome · Onboarding · offline preview'},
      {heading: 'Odd', document: 'Odd (unknown viewport) · offline preview'},
    ]);
    expect(titleOf('Acme Sync', undefined)).toEqual({heading: 'Acme Sync settings', document: 'Acme Sync settings · offline preview'});
  });
});

// The README's pictures: refreshed on request only, so a test run leaves the tree clean.
afterAll(() => {
  if (!process.env.UPDATE_DOCS_SCREENSHOTS) return;
  fs.copyFileSync(path.join(ARTIFACTS, 'layout-1280.png'), path.join(ROOT, 'docs/preview.png'));
});
