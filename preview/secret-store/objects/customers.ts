/**
 * Customers (`/v1/customers`): retrieve, list, create, update, delete, kept per
 * account and mode in the store's data file (the `customers` table, storage.ts).
 *
 * The object is kept whole as JSON beside the columns lists filter and page on
 * (email, seq), so a field added later needs no migration. Every write is one
 * BEGIN IMMEDIATE transaction of the store (store.ts): a refused update changes
 * nothing, since parameters are checked before the transaction starts.
 */
import type Database from 'better-sqlite3';
import {errors} from '../errors';
import {checkKnown, integerParam, stringParam, type Raw} from '../params';
// A cycle with store.ts, harmless: newId is only called once a request runs, long after both modules loaded.
import {newId, type Partition} from '../store';
import {objectErrors} from './errors';
import {metadataParam, noExpand, type Metadata} from './params';

export interface CustomerObject {
  id: string;
  object: 'customer';
  address: null;
  balance: number;
  created: number;
  currency: string | null;
  default_source: null;
  delinquent: boolean;
  description: string | null;
  discount: null;
  email: string | null;
  invoice_prefix: string;
  invoice_settings: {custom_fields: null; default_payment_method: null; footer: null; rendering_options: null};
  livemode: boolean;
  metadata: Metadata;
  name: string | null;
  next_invoice_sequence: number;
  phone: string | null;
  preferred_locales: string[];
  shipping: null;
  tax_exempt: 'none';
  test_clock: null;
}

export interface DeletedCustomer {
  id: string;
  object: 'customer';
  deleted: true;
}

export interface CustomerList {
  object: 'list';
  data: CustomerObject[];
  has_more: boolean;
  url: '/v1/customers';
}

/** The plain text fields a create or update may set; an empty value on update unsets them, as on Stripe. */
const TEXT_FIELDS = ['name', 'email', 'description', 'phone'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const MAX_TEXT: Record<TextField, number> = {name: 256, email: 512, description: 350, phone: 20};
// Loose on purpose, like Stripe's own check: one @, something on each side, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CustomerWrite {
  text: Partial<Record<TextField, string | null>>;
  /** Keys to set (a value) or remove (null); `'clear'` empties the whole hash first (`metadata=`). */
  metadata: {clear: boolean; changes: Record<string, string | null>};
}

export interface CustomerListParams {
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
  email: string | null;
}

function textParams(params: Raw, allowEmpty: boolean): CustomerWrite['text'] {
  const text: CustomerWrite['text'] = {};
  for (const field of TEXT_FIELDS) {
    if (params[field] === undefined) continue;
    if (allowEmpty && params[field] === '') {
      text[field] = null;
      continue;
    }
    const value = stringParam(params, field, false);
    if (value === null) continue;
    if (value.length > MAX_TEXT[field]) throw errors.tooLong(field, MAX_TEXT[field]);
    if (field === 'email' && !EMAIL.test(value)) throw objectErrors.invalidEmail();
    text[field] = value;
  }
  return text;
}

export function parseCustomerCreate(params: Raw): CustomerWrite {
  checkKnown(params, [...TEXT_FIELDS, 'metadata', 'expand']);
  noExpand(params);
  return {text: textParams(params, false), metadata: metadataParam(params)};
}

export function parseCustomerUpdate(params: Raw): CustomerWrite {
  checkKnown(params, [...TEXT_FIELDS, 'metadata', 'expand']);
  noExpand(params);
  return {text: textParams(params, true), metadata: metadataParam(params)};
}

export function parseCustomerList(params: Raw): CustomerListParams {
  checkKnown(params, ['limit', 'starting_after', 'ending_before', 'email', 'expand']);
  noExpand(params);
  const limit = integerParam(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) throw errors.limitRange();
  const startingAfter = stringParam(params, 'starting_after', false);
  const endingBefore = stringParam(params, 'ending_before', false);
  if (startingAfter !== null && endingBefore !== null) throw errors.exclusive('starting_after', 'ending_before');
  const email = stringParam(params, 'email', false);
  if (email !== null && email.length > MAX_TEXT.email) throw errors.tooLong('email', MAX_TEXT.email);
  return {limit, startingAfter, endingBefore, email};
}

export function parseCustomerRead(params: Raw): void {
  checkKnown(params, ['expand']);
  noExpand(params);
}

interface Row {
  seq: number;
  body: string;
}

const PARTITION = 'account = @account AND livemode = @livemode';

export class Customers {
  private readonly sql;

  constructor(
    db: Database.Database,
    private readonly write: <T>(fn: () => T) => T,
    private readonly now: () => number,
  ) {
    const page = (email: boolean, direction: 'older' | 'newer') =>
      db.prepare<Record<string, unknown>, Row>(
        `SELECT seq, body FROM customers WHERE ${PARTITION}${email ? ' AND email = @email' : ''} AND ` +
          (direction === 'older' ? 'seq < @cursor ORDER BY seq DESC' : 'seq > @cursor ORDER BY seq ASC') +
          ' LIMIT @take',
      );
    this.sql = {
      byId: db.prepare<Record<string, unknown>, Row>(`SELECT seq, body FROM customers WHERE ${PARTITION} AND id = @id`),
      insert: db.prepare(
        'INSERT INTO customers (id, account, livemode, email, created, body) VALUES (@id, @account, @livemode, @email, @created, @body)',
      ),
      update: db.prepare('UPDATE customers SET email = @email, body = @body WHERE seq = @seq'),
      remove: db.prepare('DELETE FROM customers WHERE seq = ?'),
      pages: {
        all: {older: page(false, 'older'), newer: page(false, 'newer')},
        email: {older: page(true, 'older'), newer: page(true, 'newer')},
      },
    };
  }

  retrieve(partition: Partition, id: string): CustomerObject {
    const row = this.sql.byId.get({...where(partition), id});
    if (!row) throw objectErrors.noSuchCustomer(id);
    return JSON.parse(row.body) as CustomerObject;
  }

  create(partition: Partition, params: CustomerWrite): CustomerObject {
    return this.write(() => {
      const id = newId('cus_', 14);
      const customer: CustomerObject = {
        id,
        object: 'customer',
        address: null,
        balance: 0,
        created: this.now(),
        currency: null,
        default_source: null,
        delinquent: false,
        description: null,
        discount: null,
        email: null,
        invoice_prefix: newId('', 8).toUpperCase(),
        invoice_settings: {custom_fields: null, default_payment_method: null, footer: null, rendering_options: null},
        livemode: partition.livemode,
        metadata: {},
        name: null,
        next_invoice_sequence: 1,
        phone: null,
        preferred_locales: [],
        shipping: null,
        tax_exempt: 'none',
        test_clock: null,
      };
      apply(customer, params);
      this.sql.insert.run({...where(partition), id, email: customer.email, created: customer.created, body: JSON.stringify(customer)});
      return customer;
    });
  }

  update(partition: Partition, id: string, params: CustomerWrite): CustomerObject {
    return this.write(() => {
      const row = this.sql.byId.get({...where(partition), id});
      if (!row) throw objectErrors.noSuchCustomer(id);
      const customer = JSON.parse(row.body) as CustomerObject;
      apply(customer, params);
      this.sql.update.run({seq: row.seq, email: customer.email, body: JSON.stringify(customer)});
      return customer;
    });
  }

  delete(partition: Partition, id: string): DeletedCustomer {
    return this.write(() => {
      const row = this.sql.byId.get({...where(partition), id});
      if (!row) throw objectErrors.noSuchCustomer(id);
      this.sql.remove.run(row.seq);
      return {id, object: 'customer' as const, deleted: true as const};
    });
  }

  /** Newest first, like every Stripe list; `ending_before` walks towards newer ones and still answers newest first. */
  list(partition: Partition, params: CustomerListParams): CustomerList {
    const base = {...where(partition), email: params.email, take: params.limit + 1};
    const pages = params.email === null ? this.sql.pages.all : this.sql.pages.email;
    let rows: Row[];
    if (params.endingBefore !== null) {
      rows = pages.newer.all({...base, cursor: this.cursor(partition, params.endingBefore, 'ending_before')});
      const hasMore = rows.length > params.limit;
      return listOf(rows.slice(0, params.limit).reverse(), hasMore);
    }
    const cursor = params.startingAfter !== null ? this.cursor(partition, params.startingAfter, 'starting_after') : Number.MAX_SAFE_INTEGER;
    rows = pages.older.all({...base, cursor});
    return listOf(rows.slice(0, params.limit), rows.length > params.limit);
  }

  private cursor(partition: Partition, id: string, param: string): number {
    const row = this.sql.byId.get({...where(partition), id});
    if (!row) throw objectErrors.noSuchCustomer(id, param);
    return row.seq;
  }
}

function where(partition: Partition) {
  return {account: partition.account, livemode: partition.livemode ? 1 : 0};
}

function apply(customer: CustomerObject, params: CustomerWrite): void {
  for (const field of TEXT_FIELDS) {
    const value = params.text[field];
    if (value !== undefined) customer[field] = value;
  }
  const metadata: Metadata = params.metadata.clear ? {} : {...customer.metadata};
  for (const [key, value] of Object.entries(params.metadata.changes)) {
    if (value === null) delete metadata[key];
    else metadata[key] = value;
  }
  if (Object.keys(metadata).length > 50) throw objectErrors.metadataTooMany();
  customer.metadata = metadata;
}

function listOf(rows: Row[], hasMore: boolean): CustomerList {
  return {object: 'list', data: rows.map((r) => JSON.parse(r.body) as CustomerObject), has_more: hasMore, url: '/v1/customers'};
}
