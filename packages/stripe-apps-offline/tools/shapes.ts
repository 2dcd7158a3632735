/**
 * Makes src/stripe-api/objects/shapes.generated.json from the installed
 * `stripe` package's types: `npm run shapes -w stripe-apps-offline` after
 * upgrading `stripe`, then read the diff (the test that compares the file
 * with the types says when it is due). shapes.ts says what the file holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import {SHAPE_ROOTS, type PropertyShape, type ShapesFile} from '../src/stripe-api/objects/shapes';
import {readStripeTypes, type Schema, type StripeTypes} from './stripeTypes';

export const SHAPES_FILE = path.resolve(__dirname, '../src/stripe-api/objects/shapes.generated.json');

const refName = (s: Schema) => s.$ref?.replace('#/definitions/', '');
const refsIn = (s: Schema | undefined): string[] => (s === undefined ? [] : s.$ref ? [refName(s) as string] : (s.anyOf ?? []).flatMap((m) => (m.$ref ? [refName(m) as string] : [])));

/** What a required property holds when the store gave it no value. */
function defaultOf(s: Schema): unknown {
  const members = s.anyOf ?? [s];
  if (members.some((m) => m.type === 'null')) return null;
  const first = members[0];
  if (first.type === 'array') return [];
  if (first.$ref || first.type === 'object') return {};
  if (first.enum) return first.enum[0];
  if (first.type === 'string') return first.examples?.[0] ?? '';
  if (first.type === 'number' || first.type === 'integer') return 0;
  if (first.type === 'boolean') return false;
  return null;
}

export function shapesFrom(types: StripeTypes): ShapesFile {
  const out: ShapesFile['types'] = {};
  for (const [name, definition] of Object.entries(types.definitions)) {
    const required = new Set(definition.required ?? []);
    const properties: Record<string, PropertyShape> = {};
    for (const [prop, schema] of Object.entries(definition.properties ?? {})) {
      const of = refsIn(schema);
      const arrays = (schema.anyOf ?? [schema]).filter((m) => m.type === 'array');
      const each = arrays.flatMap((a) => refsIn(a.items));
      const shape: PropertyShape = {
        ...(required.has(prop) ? {default: defaultOf(schema)} : {}),
        ...(of.length > 0 ? {of} : {}),
        ...(each.length > 0 ? {each} : {}),
      };
      // An optional scalar needs no entry: nothing to fill, nothing inside it.
      if (Object.keys(shape).length > 0) properties[prop] = shape;
    }
    out[name] = properties;
  }
  return {source: types.source, types: out};
}

export const makeShapes = (): ShapesFile => shapesFrom(readStripeTypes(SHAPE_ROOTS));

export const serialize = (file: ShapesFile): string => `${JSON.stringify(file, null, 1)}\n`;

if (require.main === module) {
  const file = makeShapes();
  fs.writeFileSync(SHAPES_FILE, serialize(file));
  process.stdout.write(`Wrote ${path.relative(process.cwd(), SHAPES_FILE)}: ${Object.keys(file.types).length} types from ${file.source.package} (API ${file.source.apiVersion}).\n`);
}
