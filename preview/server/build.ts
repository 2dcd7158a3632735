/**
 * Builds the preview's bundles with esbuild: the host page, and one bundle per
 * view declared in the manifest (the view plus the extension runtime).
 * IIFE, so the sandboxed iframe can load them as classic scripts.
 */
import {builtinModules} from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

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
  /** Called after each rebuild (watch mode) with whether it succeeded. */
  onRebuilt?: (ok: boolean, errors: string[]) => void;
}

/**
 * One copy of react and @remote-ui in every bundle: two copies break hooks
 * ("Invalid hook call"), so these always resolve from the project root.
 */
function singleCopies(root: string): esbuild.Plugin {
  return {
    name: 'single-copies',
    setup(build) {
      build.onResolve({filter: /^(react|react-dom|react-reconciler|scheduler|@remote-ui\/[^/]+)(\/.*)?$/}, async (args) => {
        if (args.pluginData === 'single-copies' || args.resolveDir === root) return undefined;
        const resolved = await build.resolve(args.path, {kind: args.kind, resolveDir: root, pluginData: 'single-copies'});
        return resolved.errors.length ? undefined : {path: resolved.path};
      });
    },
  };
}

function common(options: Pick<BuildOptions, 'root' | 'minify'>): esbuild.BuildOptions {
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
    plugins: [singleCopies(options.root)],
  };
}

function viewEntry(root: string, {component, file: view}: ViewSource): esbuild.StdinOptions {
  const runtime = path.join(root, 'preview/remote/runtime.tsx');
  return {
    contents: `import View from ${JSON.stringify(view)};\nimport {start} from ${JSON.stringify(runtime)};\nstart(View);\n`,
    resolveDir: root,
    sourcefile: `${component}.entry.tsx`,
    loader: 'tsx',
  };
}

/** Image imports become data URLs, as `stripe apps start` bundles them (and data: is always in the image CSP). */
const IMAGE_LOADERS: Record<string, esbuild.Loader> = {'.svg': 'dataurl', '.png': 'dataurl', '.jpg': 'dataurl', '.jpeg': 'dataurl', '.gif': 'dataurl', '.webp': 'dataurl'};

/** How a view is bundled: the preview serves it, the benchmark measures it. */
export function viewBuildOptions(root: string, view: ViewSource, minify = false): esbuild.BuildOptions {
  return {...common({root, minify}), stdin: viewEntry(root, view), loader: IMAGE_LOADERS};
}

const NODE_BUILTINS = new Set(builtinModules);

/** The Node built-in an unresolved import names ("fs", "node:crypto", "fs/promises"), if it is one. */
function nodeBuiltin(message: esbuild.Message): string | null {
  const name = /^Could not resolve "([^"]+)"$/.exec(message.text)?.[1];
  if (!name) return null;
  const bare = name.replace(/^node:/, '');
  return NODE_BUILTINS.has(bare) || NODE_BUILTINS.has(bare.split('/')[0]) ? bare : null;
}

/** The npm package a file belongs to (the innermost node_modules entry), or null for the app's own file. */
function packageOf(file: string): string | null {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return null;
  return parts[at + 1].startsWith('@') ? parts.slice(at + 1, at + 3).join('/') : parts[at + 1];
}

/**
 * esbuild's messages as lines a developer can act on: file:line, then the text.
 * An import of a Node built-in is said plainly, once per package that makes it:
 * esbuild's own note ("Are you trying to bundle for node?") points the wrong way,
 * since a view runs in the browser.
 */
export function describeBuildError(e: unknown): string[] {
  const errors = (e as {errors?: esbuild.Message[]}).errors;
  if (!errors?.length) return [e instanceof Error ? e.message : String(e)];
  const needs = new Map<string, {builtins: Set<string>; where: string}>();
  const lines: string[] = [];
  for (const m of errors) {
    const where = m.location ? `${m.location.file}:${m.location.line}:${m.location.column}` : '';
    const builtin = nodeBuiltin(m);
    if (!builtin) {
      lines.push(where ? `${where}: ${m.text}` : m.text);
      continue;
    }
    const who = (m.location && packageOf(m.location.file)) ?? (m.location ? m.location.file : 'the view');
    const entry = needs.get(who) ?? {builtins: new Set<string>(), where};
    entry.builtins.add(builtin);
    needs.set(who, entry);
  }
  const described = [...needs].map(([who, {builtins, where}]) => {
    const names = [...builtins].map((b) => `\`${b}\``).join(', ');
    return `${who} needs Node's ${names}, which a view cannot use: views run in the browser, in the Dashboard's sandbox (first import at ${where || 'unknown'}). Use a browser-ready package, or do this work in the app's backend.`;
  });
  return [...described, ...lines];
}

export async function createBuilds(options: BuildOptions) {
  // The first build of each context is the start-up build, not a change to report.
  let started = false;
  const report: esbuild.Plugin = {
    name: 'report',
    setup(build) {
      build.onEnd((result) => {
        if (started) options.onRebuilt?.(result.errors.length === 0, result.errors.length ? describeBuildError({errors: result.errors}) : []);
      });
    },
  };
  const contexts = await Promise.all([
    esbuild.context({
      ...common(options),
      entryPoints: {host: path.join(options.root, 'preview/host/main.tsx')},
      outdir: options.outdir,
      loader: {'.css': 'text'},
    }),
    ...options.views.map((view) =>
      esbuild.context({
        ...viewBuildOptions(options.root, view, options.minify),
        outfile: path.join(options.outdir, 'views', `${view.component}.js`),
        plugins: [...(common(options).plugins ?? []), report],
      }),
    ),
  ]);
  return {
    /**
     * Builds everything once; then, when asked to, watches and reports each later rebuild.
     * A view that does not build is answered with its errors, and the others still start;
     * only the host page failing to build stops the preview.
     */
    async start(watch: boolean): Promise<{failed: {component: string; errors: string[]}[]}> {
      const results = await Promise.allSettled(contexts.map((c) => c.rebuild()));
      const [host, ...viewResults] = results;
      if (host.status === 'rejected') throw host.reason;
      const failed = viewResults.flatMap((r, i) => (r.status === 'rejected' ? [{component: options.views[i].component, errors: describeBuildError(r.reason)}] : []));
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
