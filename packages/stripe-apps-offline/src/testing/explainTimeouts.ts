/**
 * A browser whose waits fail soon and say what the page shows. Playwright's
 * own timeout error names only what it waited for ("waiting for
 * getByRole('button', {name: 'Save Acme API key'})") after 30 s; a test that
 * waits for the wrong words (a fork renamed the slot, the view shows an error
 * instead) then costs half a minute per step and says nothing of why. Here
 * every page gets a shorter default (WAIT_MS), and a wait that times out has
 * the page's visible text appended: the drawer's "Could not connect…" beside
 * the "Connected as ada" that never came.
 *
 * Done by wrapping, not by patching Playwright: a Proxy over the Browser, and
 * over every context, page and locator reached from it, passes each call
 * through and only looks at the answers (wraps what it returns, explains a
 * TimeoutError it rejects with). The visible text is innerText, so what was
 * typed into a field never shows; the request log is left out (long, and not
 * what a view test waits for).
 */
import type {Browser, Page} from 'playwright-core';

/** How long an action or a wait may take by default: long enough for a view to answer, short enough to fail soon. */
export const WAIT_MS = 10_000;
const SHOWN_LINES = 40;
const SHOWN_CHARS = 3000;

/** The Playwright objects worth wrapping, by class name. */
const WRAPPED = new Set(['Browser', 'BrowserContext', 'Page', 'Frame', 'Locator', 'FrameLocator']);

/** A Playwright object's class: its bundler renames them (`Browser2`, `_Page`), so the decorations are dropped. */
function kindOf(value: object): string {
  return /^_*([A-Za-z]+?)\d*$/.exec(value.constructor?.name ?? '')?.[1] ?? '';
}

const targets = new WeakMap<object, object>();
/** One wrapper per object, so the same page compares equal however it was reached. */
const proxies = new WeakMap<object, object>();

function isWrappable(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !targets.has(value) && WRAPPED.has(kindOf(value));
}

/** The page a Playwright object belongs to, to read what it shows. */
function pageOf(target: object): Page | null {
  const name = kindOf(target);
  if (name === 'Page') return target as Page;
  if (name === 'Locator') return (target as {page(): Page}).page();
  if (name === 'Frame') return (target as {page(): Page}).page();
  if (name === 'FrameLocator') return (target as {owner(): {page(): Page}}).owner().page();
  return null;
}

/** The page's visible text, without the request log, cut to size. */
async function visibleText(page: Page): Promise<string> {
  const text = await page
    .evaluate(() => {
      // Each visible text node on its own line, read in place (the page is not changed); a field's value is no text node.
      const log = document.querySelector('[aria-label="Request log"]');
      const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
      const shown: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || (log && log.contains(parent)) || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || !parent.checkVisibility()) continue;
        shown.push(node.textContent ?? '');
      }
      return shown.join('\n');
    })
    .catch(() => '(the page could not be read: it was closed or navigating)');
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const kept = lines.slice(0, SHOWN_LINES).join('\n  ');
  const cut = kept.length > SHOWN_CHARS ? `${kept.slice(0, SHOWN_CHARS)}…` : kept;
  return lines.length > SHOWN_LINES ? `${cut}\n  … and ${lines.length - SHOWN_LINES} more lines` : cut || '(nothing)';
}

async function explained(error: unknown, target: object): Promise<unknown> {
  if (!(error instanceof Error) || error.name !== 'TimeoutError') return error;
  const page = pageOf(target);
  if (!page) return error;
  const note = `\n\nThe page (${page.url().slice(0, 120)}) shows, request log left out:\n  ${await visibleText(page)}`;
  const original = error.message;
  error.message = `${original}${note}`;
  if (error.stack) error.stack = error.stack.replace(original, error.message);
  return error;
}

/** An argument handed back to Playwright: the object itself, not our wrapper (`filter({has: locator})`, `locator.or(other)`). */
function unwrapped(arg: unknown): unknown {
  if (typeof arg !== 'object' || arg === null) return arg;
  const target = targets.get(arg);
  if (target) return target;
  if (Object.getPrototypeOf(arg) !== Object.prototype) return arg;
  return Object.fromEntries(Object.entries(arg).map(([k, v]) => [k, targets.get(v as object) ?? v]));
}

function answer(value: unknown, from: object): unknown {
  if (value instanceof Promise) return value.then((v) => answer(v, from), async (e: unknown) => Promise.reject(await explained(e, from)));
  if (Array.isArray(value)) return value.map((v) => answer(v, from));
  return isWrappable(value) ? (proxies.get(value) ?? wrap(value)) : value;
}

function wrap<T extends object>(target: T): T {
  const name = kindOf(target);
  if (name === 'Page') (target as unknown as Page).setDefaultTimeout(WAIT_MS);
  if (name === 'BrowserContext') (target as unknown as {setDefaultTimeout(ms: number): void}).setDefaultTimeout(WAIT_MS);
  const proxy = new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      // Called on the object itself: Playwright's classes keep state in fields a Proxy receiver would not reach.
      return (...args: unknown[]) => answer(Reflect.apply(value as (...a: unknown[]) => unknown, object, args.map(unwrapped)), object);
    },
  });
  targets.set(proxy, target);
  proxies.set(target, proxy);
  return proxy;
}

/** `browser`, with every page's waits bounded by WAIT_MS and a timed-out wait saying what its page showed. */
export function explainingTimeouts(browser: Browser): Browser {
  return wrap(browser);
}
