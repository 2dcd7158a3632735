/**
 * The views as a Dashboard user gets them, against an empty view built the
 * same way (the SDK floor): bundle size minified and gzipped, API requests made
 * while the view loads, and time from page load to the view drawn, in
 * headless Chromium through the offline preview. Also the preview itself:
 * start-up with the component gallery against start-up with the empty view,
 * and the size of its own page script (host.js).
 */
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import {viewBuildOptions, startPreview} from 'stripe-apps-offline/testing';
import {launchBrowser} from '../ui-tests/e2e/browser';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_VIEW_RUNS || 5);

interface ViewUnderTest {
  component: string;
  viewport: string;
  file: string;
  /** A selector that appears once the view has drawn its content. */
  drawn: string;
}

async function bundleSize(view: ViewUnderTest): Promise<{raw: number; gzip: number}> {
  // Exactly as the preview builds it with minify on (the same single-copy resolution included).
  const result = await esbuild.build({...viewBuildOptions(ROOT, view, true), write: false});
  const code = result.outputFiles[0].contents;
  return {raw: code.length, gzip: zlib.gzipSync(code, {level: 9}).length};
}

// The kit's own test view of every SDK component (it moved there with the kit's browser suites).
const GALLERY = path.join(ROOT, 'packages/stripe-apps-offline/test/e2e/views/Gallery.tsx');
// Not the app's drawer viewport: an extra view there would take the place of ConnectionsDrawer.
const GALLERY_VIEWPORT = 'stripe.dashboard.home.overview';

async function gzipOf(url: string): Promise<{raw: number; gzip: number}> {
  const code = Buffer.from(await (await fetch(url)).arrayBuffer());
  return {raw: code.length, gzip: zlib.gzipSync(code, {level: 9}).length};
}

/**
 * `npm start`'s own work before the page can load (builds of the host page and
 * every view, servers listening), unminified as npm start builds: once with the
 * gallery as an extra view, once with the empty view, alternating.
 */
async function benchStartup(empty: ViewUnderTest): Promise<{emptyMs: number; galleryMs: number; hostDev: {raw: number; gzip: number}}> {
  const times = {empty: [] as number[], gallery: [] as number[]};
  let hostDev = {raw: 0, gzip: 0};
  for (let run = 0; run < RUNS; run++) {
    for (const which of ['empty', 'gallery'] as const) {
      const extra = which === 'empty' ? {viewport: empty.viewport, component: empty.component, file: empty.file} : {viewport: GALLERY_VIEWPORT, component: 'Gallery', file: GALLERY};
      const started = performance.now();
      const preview = await startPreview({root: ROOT, port: 0, storeFile: ':memory:', extraViews: [extra]});
      times[which].push(performance.now() - started);
      if (run === 0 && which === 'empty') hostDev = await gzipOf(`${preview.url}/__preview/host.js`);
      await preview.close();
    }
  }
  return {emptyMs: median(times.empty), galleryMs: median(times.gallery), hostDev};
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function benchViews(): Promise<string> {
  const empty: ViewUnderTest = {component: 'EmptyView', viewport: 'bench.empty', file: path.join(__dirname, 'views/EmptyView.tsx'), drawn: '[aria-label="App drawer"]'};
  const views: ViewUnderTest[] = [
    empty,
    {component: 'AppSettings', viewport: 'settings', file: path.join(ROOT, 'src/views/AppSettings.tsx'), drawn: 'button:has-text("Acme API key")'},
    // Not connected: drawn when its Connect link is (no provider request is made while loading).
    {component: 'ConnectionsDrawer', viewport: 'stripe.dashboard.drawer.default', file: path.join(ROOT, 'src/views/ConnectionsDrawer.tsx'), drawn: 'a:has-text("Connect to")'},
    // Every SDK component the preview draws: its last part (the footer) marks it drawn.
    {component: 'Gallery', viewport: GALLERY_VIEWPORT, file: GALLERY, drawn: ':text("Footer content")'},
  ];
  const startup = await benchStartup(empty);
  const preview = await startPreview({
    root: ROOT,
    port: 0,
    storeFile: ':memory:',
    minify: true,
    extraViews: views.filter((v) => v.file.startsWith(__dirname) || v.file === GALLERY).map(({viewport, component, file}) => ({viewport, component, file})),
  });
  const hostMin = await gzipOf(`${preview.url}/__preview/host.js`);
  const browser = await launchBrowser();
  const rows: string[] = [];
  try {
    const measured = [];
    for (const view of views) {
      const size = await bundleSize(view);
      const times: number[] = [];
      let requests = 0;
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage();
        const before = preview.requests.length;
        const started = Date.now();
        await page.goto(`${preview.url}/?view=${view.component}&mode=test`);
        await page.locator(`[data-view="${view.component}"] ${view.drawn}`).first().waitFor();
        times.push(Date.now() - started);
        await page.waitForTimeout(200); // let any late request land before counting
        requests = preview.requests.length - before;
        await page.close();
      }
      measured.push({view, size, ms: median(times), requests});
    }
    const floor = measured[0];
    rows.push(
      '## Views against an empty view (the SDK floor)',
      '',
      `Bundles minified and gzipped (level 9). Time: page load to the view drawn in headless Chromium through the preview, median of ${RUNS}.`,
      '',
      '| view | gzipped | vs empty | minified | API requests while loading | load→drawn ms | vs empty |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...measured.map(
        (m) =>
          `| ${m.view.component} | ${kib(m.size.gzip)} | ${ratio(m.size.gzip, floor.size.gzip)} | ${kib(m.size.raw)} | ${m.requests} | ${m.ms} | ${ratio(m.ms, floor.ms)} |`,
      ),
      '',
      '## The preview itself',
      '',
      `Start-up (builds and servers, unminified as \`npm start\`), median of ${RUNS}: ${startup.galleryMs.toFixed(0)} ms with the gallery view, ${startup.emptyMs.toFixed(0)} ms with the empty view (${ratio(startup.galleryMs, startup.emptyMs)}).`,
      '',
      '| preview page script (host.js) | gzipped | vs empty view bundle | raw |',
      '|---|---:|---:|---:|',
      `| as \`npm start\` serves it | ${kib(startup.hostDev.gzip)} | ${ratio(startup.hostDev.gzip, floor.size.gzip)} | ${kib(startup.hostDev.raw)} |`,
      `| minified | ${kib(hostMin.gzip)} | ${ratio(hostMin.gzip, floor.size.gzip)} | ${kib(hostMin.raw)} |`,
    );
  } finally {
    await browser.close();
    await preview.close();
  }
  return rows.join('\n');
}
