/**
 * `expand[]`: which fields of which object hold an id Stripe can replace with
 * the object itself, checked when the request is parsed (an unknown path is
 * Stripe's 400 before anything runs) and applied when it runs.
 *
 * A path walks fields: a reference (`customer`) is fetched, an embedded object
 * (`items.data.price` on a subscription) is walked into, a list of a list
 * answer is `data`. Up to four fetches deep, as on Stripe. Each object a path
 * fetches needs its read permission too, as the Dashboard asks of UI
 * extensions ("for each API object you expand").
 *
 * Fields whose name starts with `_` are the store's own bookkeeping (the
 * payment intent behind an invoice): `publicView` takes them off every answer.
 */
import {ApiError, cutName, errors} from '../errors';
import {KIND_NAMES, KINDS, type ExpandNode, type Kind} from './kinds';
import {stringListParam} from '../params';
import {completeShape, TYPE_OF_NODE} from './shapes';

export type {Kind};

/** Object kinds plus the shapes only found inside others. */
export type NodeName = Kind | 'subscription_item' | 'line_item' | 'invoice_payment' | 'invoice_payment_payment' | 'invoice_parent' | 'invoice_subscription_details' | 'balance_source';

interface Node {
  /** Fields holding an id to fetch. */
  refs?: Record<string, Kind | 'balance_source'>;
  /** Fields holding an object in place. */
  embedded?: Record<string, NodeName>;
  /** Fields holding a list (`{data: [...]}`) in place. */
  lists?: Record<string, NodeName>;
  /** Lists absent unless expanded (Stripe's "includable" fields). */
  includes?: Record<string, NodeName>;
}

/** The shapes found only inside an object of a kind (kinds.ts has the kinds' own). */
const INNER: Record<Exclude<NodeName, Kind>, Node> = {
  balance_source: {},
  invoice_payment: {refs: {invoice: 'invoice'}, embedded: {payment: 'invoice_payment_payment'}},
  invoice_payment_payment: {refs: {payment_intent: 'payment_intent', charge: 'charge'}},
  // The current API's way to an invoice's subscription: parent.subscription_details.subscription.
  invoice_parent: {embedded: {subscription_details: 'invoice_subscription_details'}},
  invoice_subscription_details: {refs: {subscription: 'subscription'}},
  line_item: {},
  subscription_item: {embedded: {price: 'price'}},
};

const NODE_NAMES = new Set<string>([...KIND_NAMES, ...Object.keys(INNER)]);

/** A kind's row, its names checked: a row naming a shape nobody knows fails loudly when this module loads. */
function checked(kind: Kind, node: ExpandNode): Node {
  for (const [group, fields] of Object.entries(node)) {
    for (const [field, target] of Object.entries(fields as Record<string, string>)) {
      if (!NODE_NAMES.has(target)) throw new Error(`objects/kinds.ts: ${kind}.expand.${group}.${field} names "${target}", which is neither a kind nor a shape expand.ts knows.`);
    }
  }
  return node as Node;
}

const GRAPH: Record<NodeName, Node> = {
  ...(Object.fromEntries(KIND_NAMES.map((kind) => [kind, checked(kind, KINDS[kind].expand)])) as Record<Kind, Node>),
  ...INNER,
};

/**
 * What a UI extension's app must declare to read each kind (kinds.ts); a
 * balance transaction's `source` needs `balance_transaction_source_read`.
 */
export const READ_PERMISSION: Record<Kind | 'balance_source', string> = {
  ...(Object.fromEntries(KIND_NAMES.map((kind) => [kind, KINDS[kind].read])) as Record<Kind, string>),
  balance_source: 'balance_transaction_source_read',
};

const MAX_DEPTH = 4;

export interface ExpandPlan {
  /** Each path split into fields, `data.` of a list already taken off. */
  paths: string[][];
  /** Read permissions of every object the paths fetch. */
  permissions: string[];
}

export const NO_EXPAND: ExpandPlan = {paths: [], permissions: []};

const tooDeep = (path: string) =>
  new ApiError(400, 'invalid_request_error', `You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${cutName(path)}`, undefined, 'expand');

/** Checks every path against `root` (a list answer when `list`), refusing what Stripe refuses. */
export function planExpand(value: unknown, root: NodeName, list: boolean): ExpandPlan {
  const permissions = new Set<string>();
  const paths: string[][] = [];
  for (const path of stringListParam(value, 'expand')) {
    let fields = path.split('.');
    if (list) {
      if (fields[0] !== 'data' || fields.length < 2) throw errors.notExpandable(path);
      fields = fields.slice(1);
    }
    let node: NodeName = root;
    let depth = 0;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const spec: Node = GRAPH[node];
      const ref = spec.refs?.[field];
      const listed = spec.lists?.[field] ?? spec.includes?.[field];
      if (ref) {
        depth++;
        permissions.add(READ_PERMISSION[ref]);
        node = ref;
      } else if (spec.embedded?.[field]) {
        node = spec.embedded[field];
      } else if (listed) {
        if (spec.includes?.[field]) depth++;
        // An includable list may be named alone; an embedded list only as the way to what is inside it, through `data`.
        else if (i + 1 >= fields.length) throw errors.notExpandable(path);
        if (i + 1 < fields.length) {
          if (fields[i + 1] !== 'data') throw errors.notExpandable(path);
          i++;
        }
        node = listed;
      } else {
        throw errors.notExpandable(path);
      }
      if (depth > MAX_DEPTH) throw tooDeep(path);
    }
    paths.push(fields);
  }
  return {paths, permissions: [...permissions]};
}

/** Finds an object by kind and id in the caller's partition (a deleted customer answers its stub), or null. */
export type Lookup = (kind: Kind, id: string) => Record<string, unknown> | null;

type Json = Record<string, unknown>;

/** The answer for one object: bookkeeping fields off, the plan's paths expanded. */
export function render<T>(object: T, root: NodeName, plan: ExpandPlan, lookup: Lookup): T {
  const out = publicView(object as Json);
  for (const fields of plan.paths) walk(out, root, fields, lookup, object as Json);
  // Last, so an expanded object is filled by its own type too.
  return completeShape(out, TYPE_OF_NODE[root]) as T;
}

export function renderList<T extends {data: unknown[]}>(page: T, root: NodeName, plan: ExpandPlan, lookup: Lookup): T {
  return {...page, data: page.data.map((o) => render(o, root, plan, lookup))};
}

function publicView(object: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) if (!key.startsWith('_')) out[key] = value;
  return out;
}

/** Expands `fields` inside `object` (already a public copy); `stored` is the object as kept, bookkeeping included. */
function walk(object: Json, node: NodeName, fields: string[], lookup: Lookup, stored: Json): void {
  if (fields.length === 0) return;
  const [field, ...rest] = fields;
  const spec = GRAPH[node];
  const ref = spec.refs?.[field];
  if (ref) {
    let value = object[field];
    if (typeof value === 'string') {
      const found = fetch(ref, value, lookup);
      if (found === null) return;
      value = object[field] = found.view;
      walk(value as Json, ref, rest, lookup, found.stored);
    } else if (value && typeof value === 'object') {
      walk(value as Json, ref, rest, lookup, value as Json);
    }
    return;
  }
  const embedded = spec.embedded?.[field];
  if (embedded) {
    const value = object[field];
    if (value && typeof value === 'object') {
      const copy = {...(value as Json)};
      object[field] = copy;
      walk(copy, embedded, rest, lookup, copy);
    }
    return;
  }
  const listed = spec.lists?.[field] ?? spec.includes?.[field];
  if (listed) {
    if (spec.includes?.[field] && !(field in object)) object[field] = include(node, field, stored);
    const value = object[field] as {data?: Json[]} | null | undefined;
    if (!value || !Array.isArray(value.data)) return;
    const data = value.data.map((item) => ({...item}));
    object[field] = {...value, data};
    const inside = rest[0] === 'data' ? rest.slice(1) : rest;
    for (const item of data) walk(item, listed, inside, lookup, item);
  }
}

function fetch(kind: Kind | 'balance_source', id: string, lookup: Lookup): {view: Json; stored: Json} | null {
  if (kind === 'balance_source' && !id.startsWith('re_') && !id.startsWith('ch_')) return null;
  const target: Kind = kind === 'balance_source' ? (id.startsWith('re_') ? 'refund' : 'charge') : kind;
  const stored = lookup(target, id);
  return stored === null ? null : {view: publicView(stored), stored};
}

/** An invoice's payments (`/v1/invoice_payments`), built from the payment the store recorded for it: none, or its payment intent's. */
export function invoicePayments(stored: Json): Json[] {
  const id = stored.id as string;
  const intent = stored._payment_intent as string | null | undefined;
  if (!intent) return [];
  return [
    {
      id: `inpay_${id.slice(3)}`,
      object: 'invoice_payment',
      amount_paid: stored.status === 'paid' ? stored.amount_paid : null,
      amount_requested: stored.amount_due,
      created: stored.created,
      currency: stored.currency,
      invoice: id,
      is_default: true,
      livemode: stored.livemode,
      payment: {type: 'payment_intent', payment_intent: intent},
      status: stored.status === 'paid' ? 'paid' : 'open',
      status_transitions: {
        canceled_at: null,
        paid_at: (stored.status_transitions as {paid_at?: number | null} | undefined)?.paid_at ?? null,
      },
    },
  ];
}

/** The invoice an invoice payment's id names (`inpay_<the invoice id's rest>`), or null for an id of another form. */
export const invoiceOfPayment = (id: string): string | null => (/^inpay_[A-Za-z0-9]+$/.test(id) ? `in_${id.slice('inpay_'.length)}` : null);

/** Stripe's includable lists: an invoice's `payments`. */
function include(node: NodeName, field: string, stored: Json): unknown {
  if (node === 'invoice' && field === 'payments') {
    return {object: 'list', data: invoicePayments(stored), has_more: false, url: `/v1/invoice_payments?invoice=${stored.id as string}`};
  }
  return null;
}
