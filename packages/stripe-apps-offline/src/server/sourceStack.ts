/**
 * A view's error stack as the developer wrote the code: frames in a preview
 * bundle (`…/__preview/views/Name.js:39651:13`) become the source file they
 * came from, relative to the project (`src/views/Name.tsx:12:7`), through the
 * bundle's source map. Node's own SourceMap reads it; frames with no mapping
 * stay as they were.
 */
import fs from 'node:fs';
import {SourceMap} from 'node:module';
import path from 'node:path';

const BUNDLE_FRAME = /https?:\/\/[^\s()]+\/__preview\/views\/([A-Za-z0-9_]+)\.js(?:\?[^\s():]*)?:(\d+):(\d+)/g;

/** How much of a stack is mapped: a view's stack is short, a hostile one is cut. */
const MAX_STACK = 20_000;

export function sourceMappedStack(stack: string, options: {outdir: string; root: string}): string {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (component: string): SourceMap | null => {
    if (!maps.has(component)) {
      const file = path.join(options.outdir, 'views', `${component}.js.map`);
      try {
        maps.set(component, new SourceMap(JSON.parse(fs.readFileSync(file, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]));
      } catch {
        maps.set(component, null);
      }
    }
    return maps.get(component) ?? null;
  };
  return stack.slice(0, MAX_STACK).replace(BUNDLE_FRAME, (frame, component: string, line: string, column: string) => {
    const map = mapOf(component);
    // Stack positions are 1-based; the map's are 0-based.
    const entry = map?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
    const source = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : path.resolve(options.outdir, 'views', entry.originalSource);
    const shown = path.relative(options.root, source).split(path.sep).join('/');
    return `${shown}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
