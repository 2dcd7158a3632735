/**
 * Builds the preview's bundles with esbuild: the host page, and one bundle per
 * view declared in the manifest (the view plus the extension runtime).
 * IIFE, so the sandboxed iframe can load them as classic scripts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type {ViewBuildFailure} from '../host/buildFailures';
import {buildErrorsOf, capped, describeLine} from './buildErrors';

export interface ViewSource {
  component: string;
  /** The view's module (default export: the view component). */
  file: string;
}

export interface BuildOptions {
  root: string;
  outdir: string;
  views: ViewSource[];
  minify?: boolean;
  /** Called after each view's rebuild (watch mode): its errors, or null when it built. */
  onRebuilt?: (component: string, failure: ViewBuildFailure | null) => void;
}

/** The kit's own sources (the host page, the extension runtime): built with the kit's settings, never the app's. */
export const KIT_SRC = path.resolve(__dirname, '..');

/** require first: every shared package has a CommonJS build, not every one an ESM build. */
const SHARED_KINDS: esbuild.ImportKind[] = ['require-call', 'import-statement'];

/**
 * One copy of react and @remote-ui in every bundle: two copies break hooks
 * ("Invalid hook call"). A view bundle takes them from where the app's own
 * @stripe/ui-extension-sdk finds them (then the app's folder), so the kit's
 * runtime and the app's SDK share one; the host page takes the kit's.
 */
function singleCopies(resolveDirs: string[]): esbuild.Plugin {
  return {
    name: 'single-copies',
    setup(build) {
      build.onResolve({filter: /^(react|react-dom|react-reconciler|scheduler|@remote-ui\/[^/]+)(\/.*)?$/}, async (args) => {
        if (args.pluginData === 'single-copies') return undefined;
        for (const resolveDir of resolveDirs) {
          // One kind for every importer: a package with both an "import" and a
          // "require" build would otherwise be bundled twice when the kit's
          // runtime imports it and an SDK compiled to CommonJS (SDK 8 and
          // older) requires it, and the two copies' React contexts never meet
          // ("No remote-ui Render instance found in context").
          for (const kind of SHARED_KINDS) {
            const resolved = await build.resolve(args.path, {kind, resolveDir, pluginData: 'single-copies'});
            if (!resolved.errors.length) return {path: resolved.path};
          }
        }
        return undefined;
      });
    },
  };
}

/** The Node built-ins stripe-node 8 requires, each with a browser file of the kit's in its place (remote/node-shims/README.md). */
const LEGACY_STRIPE_BUILTINS = ['path', 'events', 'http', 'https', 'crypto', 'child_process'];

/**
 * stripe-node before its browser build (SDK 8's own dependency, used in the
 * views of Stripe's older sample apps) gets the kit's stand-ins for the Node
 * built-ins it requires. Only imports made from inside the `stripe` package:
 * anything else that needs a Node built-in fails to build and says so.
 */
const legacyStripeNode: esbuild.Plugin = {
  name: 'legacy-stripe-node',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${LEGACY_STRIPE_BUILTINS.join('|')})$`);
    build.onResolve({filter}, (args) => {
      if (packageNameOf(args.importer) !== 'stripe') return undefined;
      const name = args.path.replace(/^node:/, '');
      return {path: path.join(KIT_SRC, 'remote/node-shims', `${name}.ts`)};
    });
  },
};

/**
 * The name of the package `file` belongs to: the nearest package.json above it
 * that has one (a build folder's own `{"type": "module"}` names nothing).
 * Cached per folder: esbuild asks once per import.
 */
const packageNames = new Map<string, string | null>();
function packageNameOf(file: string): string | null {
  const dir = path.dirname(file);
  const known = packageNames.get(dir);
  if (known !== undefined) return known;
  let name: string | null = null;
  try {
    const declared = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {name?: unknown}).name;
    if (typeof declared === 'string') name = declared;
  } catch {
    // No package.json here (or not JSON): the folder above decides.
  }
  if (name === null && dir !== path.dirname(dir)) name = packageNameOf(dir);
  packageNames.set(dir, name);
  return name;
}

/** Where the app's @stripe/ui-extension-sdk sits, so its react and @remote-ui are the ones every view bundle uses. */
export function sharedCopiesFrom(root: string): string[] {
  const dirs = [root];
  try {
    const sdk = path.dirname(require.resolve('@stripe/ui-extension-sdk/package.json', {paths: [root]}));
    // react-reconciler next from where the SDK's @remote-ui/react finds it: an
    // app on React 18 with SDK 8 has the 0.26 reconciler its React 17 needs
    // only under @remote-ui/react, and the kit's (for React 18) would not run it.
    const remoteReact = packageDir('@remote-ui/react', sdk);
    dirs.unshift(...(remoteReact ? [sdk, remoteReact] : [sdk]));
  } catch {
    // No SDK in the app's node_modules: its views fail to build and say which import is missing.
  }
  return [...dirs, KIT_SRC];
}

/** The folder of `pkg` as Node resolves it from `from` (its exports need not list package.json), or null. */
function packageDir(pkg: string, from: string): string | null {
  try {
    const entry = require.resolve(pkg, {paths: [from]});
    const marker = `${path.sep}node_modules${path.sep}${pkg.split('/').join(path.sep)}${path.sep}`;
    const at = entry.lastIndexOf(marker);
    return at < 0 ? null : entry.slice(0, at + marker.length - 1);
  } catch {
    return null;
  }
}

function common(options: Pick<BuildOptions, 'root' | 'minify'>, resolveDirs = sharedCopiesFrom(options.root)): esbuild.BuildOptions {
  return {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    minify: options.minify ?? false,
    legalComments: 'none',
    logLevel: 'silent',
    absWorkingDir: options.root,
    define: {'process.env.NODE_ENV': JSON.stringify(options.minify ? 'production' : 'development')},
    plugins: [singleCopies(resolveDirs), legacyStripeNode],
  };
}

function viewEntry(root: string, {component, file: view}: ViewSource): esbuild.StdinOptions {
  const runtime = path.join(KIT_SRC, 'remote/runtime.tsx');
  return {
    // The runtime first: imports run in order, so it is ready to report a view
    // module that throws while loading (see LOAD_GUARD).
    contents: `import {start} from ${JSON.stringify(runtime)};\nimport View from ${JSON.stringify(view)};\nstart(View);\n`,
    resolveDir: root,
    sourcefile: `${component}.entry.tsx`,
    loader: 'tsx',
  };
}

/** Image imports become data URLs, as `stripe apps start` bundles them (and data: is always in the image CSP). */
const IMAGE_LOADERS: Record<string, esbuild.Loader> = {'.svg': 'dataurl', '.png': 'dataurl', '.jpg': 'dataurl', '.jpeg': 'dataurl', '.gif': 'dataurl', '.webp': 'dataurl'};

/**
 * A view module that throws while it loads (a client built at import time from
 * what the realm lacks) would stop the bundle before the realm answers the
 * host, leaving the view blank. The bundle is one IIFE: wrapped in try/catch,
 * the error goes to the runtime (loaded first), which draws it in the view's place.
 */
const LOAD_GUARD = {
  banner: {js: 'try {'},
  footer: {js: '} catch (error) { const failed = globalThis.__keyringPreviewLoadFailed; if (typeof failed !== "function") throw error; failed(error); }'},
};

/** How a view is bundled: the preview serves it, the benchmark measures it. */
export function viewBuildOptions(root: string, view: ViewSource, minify = false): esbuild.BuildOptions {
  return {...common({root, minify}), ...LOAD_GUARD, stdin: viewEntry(root, view), loader: IMAGE_LOADERS};
}

/**
 * esbuild's messages as lines a developer can act on ("file:line:column: text",
 * both 1-based), with imports of Node built-ins said plainly (buildErrors.ts).
 */
export function describeBuildError(e: unknown): string[] {
  return buildErrorsOf(e, null).map(describeLine);
}

/**
 * esbuild deletes a bundle whose rebuild failed. The preview keeps the last
 * good one, so the page still draws it under the error overlay (after a
 * reload, or a switch of user or mode, too): esbuild hands the files over
 * (`write: false`) and they are written here only when the build succeeded,
 * each whole (written aside, then renamed) before a page is told to load it.
 */
const keepLastGood: esbuild.Plugin = {
  name: 'keep-last-good',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      for (const file of result.outputFiles ?? []) {
        await fs.promises.mkdir(path.dirname(file.path), {recursive: true});
        // Named apart: previews in other processes (test files running side by side) share the folder.
        const aside = `${file.path}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
        await fs.promises.writeFile(aside, file.contents);
        await fs.promises.rename(aside, file.path);
      }
    });
  },
};

export async function createBuilds(options: BuildOptions) {
  // The first build of each context is the start-up build, not a change to report.
  let started = false;
  const report = (component: string): esbuild.Plugin => ({
    name: 'report',
    setup(build) {
      build.onEnd((result) => {
        if (started) options.onRebuilt?.(component, result.errors.length ? capped(buildErrorsOf(result, options.root)) : null);
      });
    },
  });
  const host = common({...options, root: KIT_SRC}, [KIT_SRC]);
  const contexts = await Promise.all([
    esbuild.context({
      ...host,
      entryPoints: {host: path.join(KIT_SRC, 'host/main.tsx')},
      outdir: options.outdir,
      loader: {'.css': 'text'},
      write: false,
      plugins: [...(host.plugins ?? []), keepLastGood],
    }),
    ...options.views.map((view) =>
      esbuild.context({
        ...viewBuildOptions(options.root, view, options.minify),
        outfile: path.join(options.outdir, 'views', `${view.component}.js`),
        // Beside the bundle, never linked from it: the server maps a view's error stack to src/ (sourceStack.ts).
        sourcemap: 'external',
        write: false,
        // Written before reported: the page reloads the view when it hears of the build.
        plugins: [...(common(options).plugins ?? []), keepLastGood, report(view.component)],
      }),
    ),
  ]);
  return {
    /**
     * Builds everything once; then, when asked to, watches and reports each later rebuild.
     * A view that does not build is answered with its errors, and the others still start;
     * only the host page failing to build stops the preview.
     */
    async start(watch: boolean): Promise<{failed: {component: string; failure: ViewBuildFailure}[]}> {
      const results = await Promise.allSettled(contexts.map((c) => c.rebuild()));
      const [host, ...viewResults] = results;
      if (host.status === 'rejected') throw host.reason;
      const failed = viewResults.flatMap((r, i) => (r.status === 'rejected' ? [{component: options.views[i].component, failure: capped(buildErrorsOf(r.reason, options.root))}] : []));
      if (watch) {
        await Promise.all(contexts.map((c) => c.watch()));
        // watch() begins with a build of its own; changes are what come after it.
        await Promise.allSettled(contexts.map((c) => c.rebuild()));
      }
      started = true;
      return {failed};
    },
    async dispose() {
      await Promise.all(contexts.map((c) => c.dispose()));
    },
  };
}
