/**
 * Every Stripe object the store answers carries every property the pinned
 * `stripe` package's types declare for it. The store's own builders
 * (customers.ts, charges.ts, …) give the values that mean something; this
 * fills in the rest from shapes.generated.json, which `npm run shapes -w
 * stripe-apps-offline` makes from those types (tools/stripeTypes.ts): null
 * where the type is nullable, [] for a list, {} for a map, an object of its
 * own properties where one is required, and otherwise the type's first
 * known value ('' for a free string, 0, false). Objects inside are filled by
 * their own types, an expanded one by the type its `object` names. Keys come
 * out in the types' order (Stripe's: id, object, then by name), any the
 * types do not know after them.
 *
 * A test compares the file with what the installed `stripe` makes, so an
 * upgrade of `stripe` fails until the file is made again, and its diff says
 * what changed; another validates what the store answers against schemas
 * made from the types at test time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {NodeName} from './expand';

/** A property as the file keeps it: its default when absent (left out: optional), and the types an object or list item in it has. */
export interface PropertyShape {
  default?: unknown;
  of?: string[];
  each?: string[];
}

export interface ShapesFile {
  source: {package: string; apiVersion: string};
  types: Record<string, Record<string, PropertyShape>>;
}

// Read, not imported: the compiler would otherwise type every one of its thousand types as a literal.
const SHAPES = JSON.parse(fs.readFileSync(path.join(__dirname, 'shapes.generated.json'), 'utf8')) as ShapesFile;

/** The type of each shape the store serves, by the name expand.ts gives it. */
export const TYPE_OF_NODE: Readonly<Record<NodeName, string | null>> = {
  customer: 'Customer',
  payment_intent: 'PaymentIntent',
  product: 'Product',
  price: 'Price',
  subscription: 'Subscription',
  invoice: 'Invoice',
  charge: 'Charge',
  refund: 'Refund',
  balance_transaction: 'BalanceTransaction',
  subscription_item: 'SubscriptionItem',
  line_item: 'InvoiceLineItem',
  invoice_payment: 'InvoicePayment',
  invoice_payment_payment: 'InvoicePayment.Payment',
  invoice_parent: 'Invoice.Parent',
  invoice_subscription_details: 'Invoice.Parent.SubscriptionDetails',
  // A charge, a refund, …: the type its `object` names.
  balance_source: null,
};

/** The types shapes.generated.json is made from: every served shape's, the account's and a deleted customer's. */
export const SHAPE_ROOTS: readonly string[] = [...new Set([...Object.values(TYPE_OF_NODE).filter((t): t is string => t !== null), 'Account', 'DeletedCustomer'])];

/** The top-level type of each `object` value ("charge" → Charge), the first by name where several share one ("list"), found once rather than per object. */
const TYPE_OF_OBJECT: ReadonlyMap<string, string> = (() => {
  const byObject = new Map<string, string>();
  for (const [t, shape] of Object.entries(SHAPES.types)) {
    const marker = shape.object?.default;
    // A deleted object is told apart by its `deleted`, in completeShape.
    if (!t.includes('.') && !t.startsWith('Deleted') && typeof marker === 'string' && !byObject.has(marker)) byObject.set(marker, t);
  }
  return byObject;
})();

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Of several types an object may be (an expandable field), the one its `object` field names, or the only one. */
function pick(types: readonly string[], value: Json): string | undefined {
  if (types.length === 1) return types[0];
  return types.find((t) => {
    const marker = SHAPES.types[t]?.object?.default;
    return typeof marker === 'string' && marker === value.object;
  });
}

const copy = (v: unknown): unknown => (v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as unknown));

/** `value` with every property its type declares, in the type's order; a type the file does not know leaves it as it is. */
export function completeShape<T>(value: T, type: string | null): T {
  if (type === null || !isObject(value)) {
    if (type === null && isObject(value) && typeof value.object === 'string') {
      const named = TYPE_OF_OBJECT.get(value.object);
      return named ? completeShape(value, named) : value;
    }
    return value;
  }
  // A deleted object (a deleted customer's stub) has a type of its own, with the same `object`.
  if (value.deleted === true && SHAPES.types[`Deleted${type}`]) type = `Deleted${type}`;
  const shape = SHAPES.types[type];
  if (!shape) return value;
  const out: Json = {};
  for (const [name, property] of Object.entries(shape)) {
    const present = Object.hasOwn(value, name);
    if (!present && !Object.hasOwn(property, 'default')) continue;
    let v = present ? value[name] : copy(property.default);
    if (isObject(v) && property.of) {
      const inner = pick(property.of, v);
      if (inner) v = completeShape(v, inner);
    } else if (Array.isArray(v) && property.each) {
      const each = property.each;
      v = v.map((item) => (isObject(item) ? completeShape(item, pick(each, item) ?? null) : item));
    }
    out[name] = v;
  }
  for (const [name, v] of Object.entries(value)) if (!Object.hasOwn(out, name)) out[name] = v;
  return out as T;
}

/** The properties the pinned types declare for objects whose `object` is `object` ("payment_intent"), for comparisons in tests. */
export function declaredProperties(object: string): Set<string> {
  const type = TYPE_OF_OBJECT.get(object);
  return new Set(type ? Object.keys(SHAPES.types[type]) : []);
}
