/**
 * JSON Schemas of Stripe's objects, read from the type definitions of the
 * `stripe` package installed here (the version the kit pins), with the
 * TypeScript compiler: each interface a definition, its properties in the
 * order the types declare them, a property required unless the types mark
 * it optional, `| null` as nullable, literal unions as enums, expandable
 * fields (`string | Customer`) as either. A build tool and a test helper,
 * never loaded by the kit at run time (which reads what shapes.ts made from
 * it): the compiler and `stripe` are development dependencies.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type Schema = {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';
  enum?: (string | number | boolean)[];
  /** An open enum's known values (`'a' | 'b' | OtherString`, which stripe-node types as any string), first the default. */
  examples?: string[];
  anyOf?: Schema[];
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
};

export interface StripeTypes {
  source: {package: string; apiVersion: string};
  /** By the types' own names ("PaymentIntent", "PaymentIntent.AmountDetails", "ApiList<SubscriptionItem>"). */
  definitions: Record<string, Schema>;
}

const REF = '#/definitions/';

/** Where the `stripe` package is, as this package resolves it. */
export function stripePackageDir(): string {
  // stripe's exports map leaves out package.json: from its entry, up to the folder that holds it.
  let dir = path.dirname(require.resolve('stripe', {paths: [path.resolve(__dirname, '..')]}));
  const isStripes = (d: string) => fs.existsSync(path.join(d, 'package.json')) && (JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')) as {name?: string}).name === 'stripe';
  while (!isStripes(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The definitions of `roots` (names in the Stripe namespace: "Customer", "PaymentIntent") and of everything they reach. */
export function readStripeTypes(roots: readonly string[]): StripeTypes {
  const dir = path.resolve(__dirname, '..');
  const entry = path.join(dir, '__stripe_roots__.ts');
  const source = `import type Stripe from 'stripe';\nexport interface Roots {\n${roots.map((r) => `  ${JSON.stringify(r)}: Stripe.${r};`).join('\n')}\n}\n`;
  const options: ts.CompilerOptions = {strict: true, esModuleInterop: true, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true, types: []};
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === entry ? source : readFile(file));
  host.fileExists = (file) => path.resolve(file) === entry || fs.existsSync(file);
  host.getSourceFile = (file, language) => (path.resolve(file) === entry ? ts.createSourceFile(file, source, language) : getSourceFile(file, language));
  const program = ts.createProgram([entry], options, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry);
  const rootsDecl = file?.statements.find(ts.isInterfaceDeclaration);
  if (!rootsDecl) throw new Error('Could not read the stripe package\'s types.');
  const rootsType = checker.getTypeAtLocation(rootsDecl);

  const definitions: Record<string, Schema> = {};
  const pending: [string, ts.Type][] = [];
  const named = new Map<ts.Type, string>();

  const symbolName = (symbol: ts.Symbol): string => checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, '');
  const nameOf = (type: ts.Type, fallback: string): string => {
    const known = named.get(type);
    if (known) return known;
    const reference = type as ts.TypeReference;
    const args = reference.target && reference.target !== reference ? checker.getTypeArguments(reference) : [];
    const symbol = type.aliasSymbol ?? type.getSymbol();
    let name = symbol && symbol.name !== '__type' && symbol.name !== '__object' ? symbolName(symbol) : fallback;
    if (args.length > 0) name += `<${args.map((a) => nameOf(a, `${fallback}.T`)).join(',')}>`;
    named.set(type, name);
    return name;
  };

  function schemaOf(type: ts.Type, where: string): Schema {
    if (type.flags & ts.TypeFlags.Null) return {type: 'null'};
    if (type.flags & ts.TypeFlags.StringLiteral) return {type: 'string', enum: [(type as ts.StringLiteralType).value]};
    if (type.flags & ts.TypeFlags.NumberLiteral) return {type: 'number', enum: [(type as ts.NumberLiteralType).value]};
    if (type.flags & ts.TypeFlags.BooleanLiteral) return {type: 'boolean', enum: [checker.typeToString(type) === 'true']};
    if (type.flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral)) return {type: 'string'};
    if (type.flags & ts.TypeFlags.Number) return {type: 'number'};
    if (type.flags & ts.TypeFlags.Boolean) return {type: 'boolean'};
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.isUnion()) return unionOf(type.types, where);
    // Decimal fields (a class joined with a brand) travel as decimal strings.
    if (type.aliasSymbol?.name === 'Decimal') return {type: 'string'};
    if (type.isIntersection()) {
      // `string & {}` (an open string enum's other values) is a string.
      const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Object && checker.getPropertiesOfType(t).length === 0));
      return parts.length === 1 ? schemaOf(parts[0], where) : {};
    }
    if (checker.isArrayType(type)) return {type: 'array', items: schemaOf(checker.getTypeArguments(type as ts.TypeReference)[0], `${where}[]`)};
    const symbol = type.getSymbol();
    // Decimal fields travel as decimal strings.
    if (symbol?.name === 'Decimal') return {type: 'string'};
    if (type.flags & ts.TypeFlags.Object) {
      const props = checker.getPropertiesOfType(type);
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
      if (props.length === 0 && index) return {type: 'object', additionalProperties: schemaOf(index.type, `${where}[*]`)};
      const name = nameOf(type, where);
      if (!(name in definitions) && !pending.some(([n]) => n === name)) pending.push([name, type]);
      return {$ref: `${REF}${name}`};
    }
    return {};
  }

  function unionOf(members: ts.Type[], where: string): Schema {
    const nullable = members.some((m) => m.flags & ts.TypeFlags.Null);
    const rest = members.filter((m) => !(m.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    let schema: Schema;
    const literals = rest.filter((m) => m.flags & ts.TypeFlags.StringLiteral);
    const bools = rest.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
    const others = rest.filter((m) => !(m.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.BooleanLiteral)));
    const parts: Schema[] = [];
    if (literals.length > 0) parts.push({type: 'string', enum: literals.map((m) => (m as ts.StringLiteralType).value)});
    if (bools.length === 2) parts.push({type: 'boolean'});
    else parts.push(...bools.map((b) => schemaOf(b, where)));
    for (const other of others) parts.push(schemaOf(other, where));
    // An open enum (`'a' | 'b' | OtherString`) is any string; its known values are kept as examples.
    const open = parts.some((p) => p.type === 'string' && !p.enum);
    const known = parts.flatMap((p) => (p.type === 'string' && p.enum ? (p.enum as string[]) : []));
    const merged = open ? parts.filter((p) => !(p.type === 'string' && p.enum)).map((p) => (p.type === 'string' && !p.enum && known.length > 0 ? {...p, examples: known} : p)) : parts;
    schema = merged.length === 1 ? merged[0] : {anyOf: merged};
    if (nullable) schema = schema.anyOf ? {anyOf: [...schema.anyOf, {type: 'null'}]} : {anyOf: [schema, {type: 'null'}]};
    return schema;
  }

  function define(name: string, type: ts.Type): void {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const declaration = prop.valueDeclaration ?? prop.declarations?.[0];
      // Methods are the client's, not the object's.
      if (declaration && (ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration))) continue;
      const propType = checker.getTypeOfSymbol(prop);
      if (propType.getCallSignatures().length > 0) continue;
      properties[prop.name] = schemaOf(propType, `${name}.${prop.name}`);
      if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
    }
    definitions[name] = {type: 'object', properties, required};
  }

  for (const root of checker.getPropertiesOfType(rootsType)) {
    const type = checker.getTypeOfSymbol(root);
    named.set(type, root.name);
    pending.push([root.name, type]);
  }
  while (pending.length > 0) {
    const [name, type] = pending.shift() as [string, ts.Type];
    if (!(name in definitions)) define(name, type);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(stripePackageDir(), 'package.json'), 'utf8')) as {version: string};
  const apiVersion = /ApiVersion = ['"]([0-9a-z.-]+)['"]/.exec(fs.readFileSync(path.join(stripePackageDir(), 'cjs', 'apiVersion.js'), 'utf8'))?.[1] ?? 'unknown';
  return {source: {package: `stripe@${pkg.version}`, apiVersion}, definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)))};
}
