/**
 * The gallery view (every component the SDK's `ui` entry exports) through the
 * real preview in headless Chromium: nothing falls back to a placeholder,
 * overlays open and close, tabs switch, fields hand their values back to the
 * view, charts are drawn from their data, and the keyboard reaches it all.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Locator} from 'playwright-core';
import * as sdkUi from '@stripe/ui-extension-sdk/ui';
import {IMPLEMENTED} from '../../testing';
import {ARTIFACTS, KIT, previewSuite, screenshot} from './harness';

jest.setTimeout(120_000);

const GALLERY_FILE = path.join(__dirname, 'views/Gallery.tsx');
const IMAGES = 'https://images.keyring.example/';

const suite = previewSuite(
  {
    manifestOverrides: {ui_extension: {content_security_policy: {'image-src': [IMAGES]}}},
    extraViews: [{viewport: 'stripe.dashboard.drawer.default', component: 'Gallery', file: GALLERY_FILE}],
  },
  // The image host the manifest allows: answered here, as there is no network.
  (page) =>
    page.route(`${IMAGES}**`, (route) =>
      route.fulfill({contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24" fill="#00a2e1"/></svg>'}),
    ),
);

const gallery = () => suite.page.locator('[data-view="Gallery"]');
const lastEvent = (text: string) => gallery().getByText(`Last event: ${text}`, {exact: true}).waitFor();

async function open() {
  await suite.page.goto(`${suite.preview.url}/?view=Gallery`);
  await gallery().getByRole('heading', {name: 'Component gallery'}).waitFor();
}

/** Waits until the element has the keyboard focus. */
async function focused(locator: Locator) {
  await suite.page.waitForFunction((el) => el === document.activeElement, await locator.elementHandle());
}

async function loaded(img: Locator) {
  await suite.page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
}

async function showTab(name: string) {
  await gallery().getByRole('tab', {name}).click();
  await gallery().getByRole('tab', {name, selected: true}).waitFor();
}

test('the host draws every component the SDK exports, and the gallery uses each one', () => {
  const exported = Object.keys(sdkUi).filter((name) => /^[A-Z]/.test(name)).sort();
  // A new SDK that adds a component fails here, naming it.
  expect(exported.filter((name) => !(name in IMPLEMENTED))).toEqual([]);
  expect(Object.keys(IMPLEMENTED).sort()).toEqual(exported);
  const source = fs.readFileSync(GALLERY_FILE, 'utf8');
  expect(exported.filter((name) => !new RegExp(`<${name}[\\s>/]`).test(source))).toEqual([]);
  expect(source).toMatch(/<option[\s>]/);
  expect(source).toMatch(/<optgroup[\s>]/);
});

test('no placeholder anywhere in any tab; fragments, badges, banners and icons are drawn', async () => {
  await open();
  for (const tab of ['Overview', 'Data', 'Forms', 'Views']) {
    await showTab(tab);
    await screenshot(suite.page, `gallery-${tab.toLowerCase()}`);
  }
  expect(await suite.page.locator('.kr-placeholder').count()).toBe(0);
  await showTab('Overview');
  // ContextView's fragment props.
  await gallery().getByRole('button', {name: 'Header action'}).waitFor();
  await gallery().getByText('Gallery banner').waitFor();
  await gallery().getByText('Footer content').waitFor();
  for (const type of ['neutral', 'positive', 'info', 'warning', 'negative', 'urgent']) {
    expect(await gallery().locator(`.kr-badge-${type}`).count()).toBeGreaterThan(0);
  }
  // Icons: every name draws an SVG, an undeclared one included.
  expect(await gallery().locator('svg.kr-icon').count()).toBeGreaterThanOrEqual(16);
  await gallery().locator('svg[data-icon="zzUnknownIcon"]').waitFor();
  expect(await gallery().locator('svg[data-icon="webhook"]').getAttribute('data-glyph')).toBe('drawn');
  // Img: a data URL and the manifest's image host load; any other host does not.
  await loaded(gallery().getByRole('img', {name: 'Data URL dot'}));
  await loaded(gallery().getByRole('img', {name: 'Allowed logo'}));
  await gallery().getByText("(not loaded: not in the manifest's image-src)").waitFor();
  expect(await gallery().locator('img[src*="elsewhere.example"]').count()).toBe(0);
  await suite.page.locator('[data-view="Gallery"]').screenshot({path: path.join(ARTIFACTS, 'gallery.png')});
  // The README's picture: refreshed on request only, so a test run leaves the tree clean.
  if (process.env.UPDATE_DOCS_SCREENSHOTS) fs.copyFileSync(path.join(ARTIFACTS, 'gallery.png'), path.join(KIT, 'docs/gallery.png'));
  expect(suite.consoleLines.filter((l) => l.startsWith('pageerror'))).toEqual([]);
});

test("the css prop's layout, type and colour tokens become styles", async () => {
  await open();
  const style = (text: string) =>
    gallery()
      .getByText(text, {exact: true})
      .evaluate((el) => {
        const s = getComputedStyle(el);
        const parent = getComputedStyle(el.parentElement as Element);
        return {font: `${s.fontSize} ${s.fontWeight}`, border: s.borderTopColor, family: s.fontFamily, shadow: s.boxShadow, columns: parent.gridTemplateColumns.split(' ').length, gap: parent.columnGap};
      });
  const heading = await style('Heading');
  expect(heading.font).toBe('16px 700');
  expect(heading.columns).toBe(3);
  expect(heading.gap).toBe('8px');
  expect((await style('Critical')).border).toBe('rgb(223, 27, 65)');
  expect((await style('monospace')).family).toMatch(/monospace/);
  expect((await style('monospace')).shadow).not.toBe('none');
  // Badge, Banner and Button types each have their own colours.
  const colours = async (selector: string) => gallery().locator(selector).evaluateAll((els) => new Set(els.map((el) => getComputedStyle(el).backgroundColor)).size);
  expect(await colours('.kr-badge')).toBe(6);
  expect(await colours('.kr-banner')).toBe(3);
  expect(await colours('.kr-button-primary, .kr-button-destructive, .kr-button-secondary:not(:disabled)')).toBeGreaterThanOrEqual(3);
});

test('overlays open and close: Menu (keyboard), ButtonGroup overflow, Tooltip, FocusView', async () => {
  await open();
  // Menu: opens on the trigger, arrows skip the disabled item, Enter chooses, Escape closes.
  const trigger = gallery().getByRole('button', {name: 'Open menu'});
  await trigger.click();
  const menu = gallery().getByRole('menu', {name: 'Menu'});
  await menu.waitFor();
  await focused(menu.getByRole('menuitem', {name: 'Rename'}));
  await suite.page.keyboard.press('ArrowDown');
  await suite.page.keyboard.press('ArrowDown');
  await focused(menu.getByRole('menuitem', {name: 'Delete'}));
  await suite.page.keyboard.press('Enter');
  await lastEvent('menu delete');
  await menu.waitFor({state: 'detached'});
  await trigger.focus();
  await suite.page.keyboard.press('Enter');
  await menu.waitFor();
  await suite.page.keyboard.press('Escape');
  await menu.waitFor({state: 'detached'});
  await focused(trigger);

  // ButtonGroup: the fourth button is in the overflow menu, and pressing it there reaches the view.
  await gallery().getByRole('button', {name: 'More ⋯'}).click();
  await gallery().getByRole('menu', {name: 'More actions'}).getByRole('button', {name: 'Four'}).click();
  await lastEvent('group four');
  await gallery().getByRole('menu', {name: 'More actions'}).waitFor({state: 'detached'});

  // Tooltip: shown on hover and on keyboard focus, hidden on leave.
  const tipTrigger = gallery().getByRole('button', {name: 'Hover for a tip'});
  await tipTrigger.hover();
  await gallery().getByRole('tooltip').filter({hasText: "A tooltip's text"}).waitFor();
  await suite.page.mouse.move(0, 0);
  await gallery().getByRole('tooltip').waitFor({state: 'hidden'});
  await tipTrigger.focus();
  await gallery().getByRole('tooltip').waitFor();
  expect(await tipTrigger.getAttribute('aria-describedby')).toBeTruthy();

  // FocusView: opens as a dialog with its actions, Escape closes it and tells the view.
  await gallery().getByRole('button', {name: 'Open focus view'}).click();
  const dialog = suite.page.getByRole('dialog', {name: 'Focus view'});
  await dialog.getByLabel('Inside the focus view').waitFor();
  await dialog.getByRole('button', {name: 'Done'}).waitFor();
  await screenshot(suite.page, 'gallery-focus-view');
  await suite.page.keyboard.press('Escape');
  await dialog.waitFor({state: 'detached'});
  await lastEvent('focus closed');
});

test('tabs switch by mouse and arrow keys; the accordion opens; presses reach the view', async () => {
  await open();
  await showTab('Data');
  await gallery().getByRole('tabpanel').filter({has: suite.page.locator('[data-chart="Bar chart"]')}).waitFor();
  await lastEvent('tab data');
  await suite.page.keyboard.press('ArrowRight');
  await gallery().getByRole('tab', {name: 'Forms', selected: true}).waitFor();
  await lastEvent('tab forms');
  await focused(gallery().getByRole('tab', {name: 'Forms'}));

  await showTab('Overview');
  const first = gallery().getByRole('button', {name: /First section/});
  expect(await first.getAttribute('aria-expanded')).toBe('false');
  await first.click();
  await gallery().getByText('Accordion body one').waitFor();
  await lastEvent('accordion open');
  await gallery().getByText('Accordion body two').waitFor();

  await gallery().getByRole('button', {name: 'Remove Status: Active'}).click();
  await lastEvent('chip closed');
  await gallery().getByRole('button', {name: /Add a key/}).click();
  await lastEvent('task pressed');
});

test('charts are drawn from their data; tables show columns, formatted cells, pages and row presses', async () => {
  await open();
  await showTab('Data');
  const bars = gallery().locator('[data-chart="Bar chart"] rect.kr-chart-bar');
  expect(await bars.count()).toBe(6);
  const heights = Object.fromEntries(
    await bars.evaluateAll((rects) => rects.map((r) => [`${r.getAttribute('data-x')}:${r.getAttribute('data-y')}`, Number(r.getAttribute('height'))])),
  ) as Record<string, number>;
  // Taller bars for larger amounts: 1800 (Feb Basic) is twice 900 (Mar Basic).
  expect(heights['Feb:1800']).toBeCloseTo(heights['Mar:900'] * 2, 1);
  expect(await gallery().locator('[data-chart="Line chart"] polyline').count()).toBe(2);
  await gallery().getByRole('img', {name: 'Line chart of Revenue by month'}).waitFor();
  expect(await gallery().locator('[data-chart="Sparkline"] polyline').count()).toBe(1);

  const table = gallery().getByRole('table', {name: 'Data table'});
  for (const header of ['Payment', 'Customer', 'Amount', 'Status', 'Created', 'Receipt']) await table.getByRole('columnheader', {name: header}).waitFor();
  await table.getByRole('cell', {name: '$25.00'}).waitFor();
  await table.getByText('Nov 14, 2023').waitFor();
  await table.getByRole('link', {name: 'Receipt 1'}).waitFor();
  await gallery().getByText('1–2 of 3 results').waitFor();
  await gallery().getByRole('button', {name: 'Next'}).click();
  await table.getByRole('cell', {name: '$120.00'}).click();
  await lastEvent('row py_003');
  await table.getByRole('button', {name: 'Actions for py_003'}).click();
  await gallery().getByRole('menu', {name: 'Actions for py_003'}).getByRole('button', {name: 'Refund'}).click();
  await lastEvent('refund py_003');

  // The view's own Table family, and property lists.
  await gallery().getByRole('cell', {name: '$65.00'}).waitFor();
  await gallery().locator('.kr-property-label').filter({hasText: 'Customer'}).waitFor();
});

test('fields hand their values back: select options, switch, radio, currency, date range, search, file upload', async () => {
  await open();
  await showTab('Forms');
  const select = gallery().getByLabel('Select', {exact: true});
  expect(await select.locator('option').allTextContents()).toEqual(['Choose a plan', 'Basic', 'Pro', 'Enterprise']);
  expect(await select.locator('optgroup').getAttribute('label')).toBe('Monthly');
  expect(await select.inputValue()).toBe('pro');
  await select.selectOption('basic');
  await lastEvent('select basic');

  await gallery().getByRole('switch', {name: 'Switch'}).check();
  await lastEvent('switch true');
  await gallery().getByRole('radio', {name: 'Yearly'}).check();
  await lastEvent('radio yearly');
  expect(await gallery().getByRole('radio', {name: 'Monthly'}).isChecked()).toBe(false);
  await gallery().getByRole('textbox', {name: 'Amount'}).fill('12.5');
  await lastEvent('amount 12.5');
  await gallery().getByLabel('Date range preset').selectOption('custom');
  await lastEvent('range custom');
  await gallery().getByLabel('Start date').waitFor();

  const search = gallery().getByRole('combobox', {name: 'Search customers'});
  await search.fill('be');
  await gallery().getByRole('option', {name: 'Ben Okafor'}).waitFor();
  expect(await gallery().getByRole('listbox').getByRole('option').count()).toBe(1);
  await suite.page.keyboard.press('Enter');
  await lastEvent('search cus_ben');
  expect(await search.inputValue()).toBe('Ben Okafor');

  await gallery().getByLabel('Upload a document').setInputFiles({name: 'evidence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4')});
  await lastEvent('uploaded evidence.pdf');
});

test('every control is reachable by keyboard, has an accessible name and a visible focus', async () => {
  await open();
  const seen: {name: string; outline: string; shadow: string}[] = [];
  await gallery().getByRole('button', {name: 'Header action'}).focus();
  // Tab on through the view until the focus leaves it.
  for (let i = 0; i < 200; i++) {
    await suite.page.keyboard.press('Tab');
    const inside = await suite.page.evaluate(() => Boolean(document.activeElement?.closest('[data-view="Gallery"]')));
    if (!inside) break;
    seen.push(
      await suite.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const labelled = el.getAttribute('aria-labelledby');
        const name =
          el.getAttribute('aria-label') ??
          (labelled ? document.getElementById(labelled)?.textContent : null) ??
          ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '');
        return {name: name.trim(), outline: style.outlineStyle, shadow: style.boxShadow};
      }),
    );
  }
  const names = seen.map((s) => s.name);
  expect(seen.length).toBeGreaterThan(20);
  for (const expected of ['Overview', 'Primary', 'Open menu', 'Hover for a tip', 'Open focus view', 'External link ↗', 'Remove Status: Active']) {
    expect(names.some((n) => n.startsWith(expected))).toBe(true);
  }
  expect(seen.filter((s) => !s.name)).toEqual([]);
  // :focus-visible draws an outline (or, on inputs, a ring).
  expect(seen.filter((s) => s.outline === 'none' && s.shadow === 'none')).toEqual([]);

  // Accessible names for every control in every tab.
  for (const tab of ['Overview', 'Data', 'Forms', 'Views']) {
    await showTab(tab);
    const unnamed = await gallery().evaluate((root) =>
      Array.from(root.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="tab"], [role="switch"]'))
        .filter((el) => el.offsetParent !== null)
        .filter((el) => {
          const labelled = el.getAttribute('aria-labelledby');
          const name = el.getAttribute('aria-label') || (labelled && document.getElementById(labelled)?.textContent) || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent;
          return !name?.trim();
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
  }
});
