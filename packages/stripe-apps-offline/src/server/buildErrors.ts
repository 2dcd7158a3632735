/**
 * esbuild's errors as a developer reads them: where (file:line:column, from
 * the project root, both 1-based as editors count), what, and a code frame of
 * the lines around with the column marked. One shape for the page's overlay,
 * the problems banner and the terminal.
 */
import fs from 'node:fs';
import {builtinModules} from 'node:module';
import path from 'node:path';
import type * as esbuild from 'esbuild';
import type {BuildError, ViewBuildFailure} from '../host/buildFailures';

/** More than this is noise on a page: the rest are counted, not shown. */
export const MAX_ERRORS = 10;
/** Lines shown above and below the error line. */
const CONTEXT_LINES = 2;
/** A frame line longer than this (minified code) is cut to a window around the column. */
const FRAME_WIDTH = 120;
const MAX_NOTES = 3;

/**
 * Control characters (an escape sequence in a file, a line separator) become
 * U+FFFD: one character for one, so columns still line up, and a source file
 * cannot rewrite the terminal it is printed to.
 */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

/** Tabs as two spaces (frames are drawn in monospace, where a tab's width is anyone's guess). */
function expand(text: string): string {
  return visible(text.replace(/\t/g, '  '));
}

/** esbuild counts columns in UTF-8 bytes from 0; editors count characters. */
function charColumn(lineText: string | undefined, byteColumn: number): number {
  if (!lineText) return byteColumn;
  return Buffer.from(lineText, 'utf8').subarray(0, byteColumn).toString('utf8').length;
}

/** `text` from `start`, at most FRAME_WIDTH characters, with "…" where it was cut. */
function windowed(text: string, start: number): string {
  if (start === 0 && text.length <= FRAME_WIDTH) return text;
  return `${start > 0 ? '…' : ''}${text.slice(start, start + FRAME_WIDTH)}${text.length > start + FRAME_WIDTH ? '…' : ''}`;
}

/**
 * The lines around `line` (1-based), numbered, the error line marked with ">"
 * and, under it, "^" from `column` (1-based, characters) for `length` characters.
 * `lines` holds the source from line number `first` on (the whole file, or only the error line).
 */
export function codeFrame(lines: string[], first: number, at: {line: number; column: number; length?: number}): string {
  const raw = lines[at.line - first];
  if (raw === undefined) return '';
  const from = Math.max(first, at.line - CONTEXT_LINES);
  const to = Math.min(first + lines.length - 1, at.line + CONTEXT_LINES);
  const gutter = String(to).length;
  const column = Math.min(Math.max(at.column, 1), raw.length + 1);
  const markerStart = expand(raw.slice(0, column - 1)).length;
  const errorLine = expand(raw);
  const markerLength = Math.min(Math.max(expand(raw.slice(column - 1, column - 1 + (at.length ?? 1))).length, 1), FRAME_WIDTH);
  // One window for every line, so the lines above and below stay in register with the marked one.
  const start = errorLine.length > FRAME_WIDTH ? Math.max(0, Math.min(markerStart - FRAME_WIDTH / 2, errorLine.length - FRAME_WIDTH)) : 0;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const text = windowed(expand(lines[n - first]), start);
    out.push(`${n === at.line ? '>' : ' '} ${String(n).padStart(gutter)} | ${text}`.trimEnd());
    if (n === at.line) out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(markerStart - start + (start > 0 ? 1 : 0))}${'^'.repeat(markerLength)}`);
  }
  return out.join('\n');
}

/** The source esbuild pointed at, when the file on disk still says what esbuild read. */
function frameOf(location: esbuild.Location, root: string | null, column: number, length: number): string {
  const at = {line: location.line, column, length};
  if (root && (location.namespace === 'file' || location.namespace === '')) {
    try {
      const lines = fs.readFileSync(path.resolve(root, location.file), 'utf8').split(/\r?\n/);
      if (lines[location.line - 1] === location.lineText) return codeFrame(lines, 1, at);
    } catch {
      // A virtual file (a view's entry) or one gone since: the line esbuild kept is all there is.
    }
  }
  return location.lineText === undefined ? '' : codeFrame([location.lineText], location.line, at);
}

/** Where a location is, as editors count: 1-based columns in characters. */
function position(location: esbuild.Location): {file: string; line: number; column: number; length: number} {
  const column = charColumn(location.lineText, location.column) + 1;
  const length = charColumn(location.lineText, location.column + location.length) + 1 - column;
  return {file: visible(location.file.replace(/\\/g, '/')), line: location.line, column, length};
}

function located(location: esbuild.Location | null | undefined, root: string | null): Pick<BuildError, 'file' | 'line' | 'column' | 'frame'> {
  if (!location) return {file: null, line: 0, column: 0, frame: ''};
  const {file, line, column, length} = position(location);
  return {file, line, column, frame: frameOf(location, root, column, length)};
}

/** "file:line:column", or "" for an error with no file. */
export function locationOf(error: Pick<BuildError, 'file' | 'line' | 'column'>): string {
  return error.file === null ? '' : `${error.file}:${error.line}:${error.column}`;
}

const NODE_BUILTINS = new Set(builtinModules);

/** The Node built-in an unresolved import names ("fs", "node:crypto", "fs/promises"), if it is one. */
function nodeBuiltin(message: esbuild.Message): string | null {
  const name = /^Could not resolve "([^"]+)"$/.exec(message.text)?.[1];
  if (!name) return null;
  const bare = name.replace(/^node:/, '');
  return NODE_BUILTINS.has(bare) || NODE_BUILTINS.has(bare.split('/')[0]) ? bare : null;
}

/** The view file a view's entry module (build.ts: "<Component>.entry.tsx") found without a default export, if that is the error. */
function missingDefaultExport(message: esbuild.Message): string | null {
  if (!message.location?.file.endsWith('.entry.tsx')) return null;
  return /^No matching export in "([^"]+)" for import "default"$/.exec(message.text)?.[1] ?? null;
}

/** The npm package a file belongs to (the innermost node_modules entry), or null for the app's own file. */
function packageOf(file: string): string | null {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return null;
  return parts[at + 1].startsWith('@') ? parts.slice(at + 1, at + 3).join('/') : parts[at + 1];
}

/**
 * Every error of a failed build (an esbuild failure, or its `errors`), located
 * and framed; `root` is where esbuild ran (the project), to read the source
 * for the frame (null: only the error line esbuild kept).
 *
 * Imports of Node built-ins are said plainly, once per package that makes
 * them, located at its first such import: esbuild's own note ("Are you trying to
 * bundle for node?") points the wrong way, since a view runs in the browser.
 */
export function buildErrorsOf(e: unknown, root: string | null): BuildError[] {
  const messages = (e as {errors?: esbuild.Message[]} | null)?.errors;
  if (!messages?.length) return [{file: null, line: 0, column: 0, text: visible(e instanceof Error ? e.message : String(e)), frame: '', notes: []}];
  const needs = new Map<string, {builtins: Set<string>; first: esbuild.Message}>();
  const others: BuildError[] = [];
  for (const m of messages) {
    const view = missingDefaultExport(m);
    if (view) {
      // Located in the preview's own entry module, which the developer never wrote: said of their file instead.
      others.push({file: null, line: 0, column: 0, text: visible(`${view} has no default export: a view is its file's default export (export default MyView), as Stripe loads it.`), frame: '', notes: []});
      continue;
    }
    const builtin = nodeBuiltin(m);
    if (!builtin) {
      const notes = m.notes.slice(0, MAX_NOTES).map((n) => {
        const where = n.location ? locationOf(position(n.location)) : '';
        return visible(where ? `${where}: ${n.text}` : n.text);
      });
      others.push({...located(m.location, root), text: visible(m.text), notes});
      continue;
    }
    const who = (m.location && packageOf(m.location.file)) ?? m.location?.file ?? 'the view';
    const entry = needs.get(who) ?? {builtins: new Set<string>(), first: m};
    entry.builtins.add(builtin);
    needs.set(who, entry);
  }
  const described = [...needs].map(([who, {builtins, first}]): BuildError => {
    const names = [...builtins].map((b) => `\`${b}\``).join(', ');
    return {
      ...located(first.location, root),
      text: visible(`${who} needs Node's ${names}, which a view cannot use: views run in the browser, in the Dashboard's sandbox. Use a browser-ready package, or do this work in the app's backend.`),
      notes: [],
    };
  });
  return [...described, ...others];
}

/** The first MAX_ERRORS, and how many more there were. */
export function capped(errors: BuildError[], limit = MAX_ERRORS): ViewBuildFailure {
  return {errors: errors.slice(0, limit), more: Math.max(0, errors.length - limit)};
}

/** One line per error, for the problems banner: "file:line:column: text". */
export function describeLine(error: BuildError): string {
  const where = locationOf(error);
  return where ? `${where}: ${error.text}` : error.text;
}

/** An error as the terminal prints it: "file:line:column: error: text", its notes, then the frame. */
export function formatForTerminal(error: BuildError): string {
  const where = locationOf(error);
  return [
    where ? `${where}: error: ${error.text}` : `error: ${error.text}`,
    ...error.notes.map((note) => `  note: ${note}`),
    ...(error.frame ? error.frame.split('\n').map((line) => `  ${line}`) : []),
  ].join('\n');
}

/** A view's errors for the problems banner: one line each. */
export function describeFailure(failure: ViewBuildFailure): string {
  return [...failure.errors.map(describeLine), ...(failure.more ? [`…and ${failure.more} more`] : [])].join('\n');
}

/** A view's errors for the terminal: each with its frame. */
export function formatErrors(failure: ViewBuildFailure): string {
  return [...failure.errors.map(formatForTerminal), ...(failure.more ? [`…and ${failure.more} more`] : [])].join('\n');
}

/**
 * One change's failed builds as one block for the terminal: each distinct
 * error once, though a file several views import breaks each of them.
 */
export function formatFailure(failures: {component: string; failure: ViewBuildFailure}[]): string {
  const seen = new Map<string, BuildError>();
  let more = 0;
  for (const {failure} of failures) {
    for (const error of failure.errors) seen.set(`${locationOf(error)}\n${error.text}`, error);
    more = Math.max(more, failure.more);
  }
  const count = seen.size + more;
  const views = failures.map((f) => f.component).join(', ');
  return [`build failed: ${count} error${count === 1 ? '' : 's'} in ${views}`, formatErrors({errors: [...seen.values()], more})].join('\n');
}

/**
 * One save can fail several views' bundles a moment apart: each view's build
 * watches the files on its own (esbuild polls), so they report separately.
 * What the terminal already printed within `windowMs` is not printed again;
 * null when nothing is new.
 */
export function failurePrinter(windowMs = 2000, now: () => number = Date.now): (failures: {component: string; failure: ViewBuildFailure}[]) => string | null {
  const printedAt = new Map<string, number>();
  return (failures) => {
    const at = now();
    const isNew = (error: BuildError) => at - (printedAt.get(`${locationOf(error)}\n${error.text}`) ?? -Infinity) > windowMs;
    const fresh = failures
      .map(({component, failure}) => ({component, failure: {...failure, errors: failure.errors.filter(isNew)}}))
      .filter(({failure}) => failure.errors.length > 0);
    if (!fresh.length) return null;
    for (const {failure} of fresh) for (const error of failure.errors) printedAt.set(`${locationOf(error)}\n${error.text}`, at);
    return formatFailure(fresh);
  };
}
