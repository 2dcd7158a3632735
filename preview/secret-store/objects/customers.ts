/**
 * Customers (`/v1/customers`): retrieve, list, create, update, delete, kept per
 * account and mode in the store's data file (the `customers` table, storage.ts).
 *
 * Rows live in an ObjectTable (table.ts), email being the column lists filter
 * on. Every write is one
 * BEGIN IMMEDIATE transaction of the store (store.ts): a refused update changes
 * nothing, since parameters are checked before the transaction starts.
 */
import type Database from 'better-sqlite3';
import {errors} from '../errors';
import {checkKnown, stringParam, type Raw} from '../params';
// A cycle with store.ts, harmless: newId is only called once a request runs, long after both modules loaded.
import {newId, type Partition} from '../store';
import {objectErrors} from './errors';
import {metadataParam, noExpand, parseListParams, type Metadata} from './params';
import {ObjectTable, type ListPage, type PageParams} from './table';

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

export function parseCustomerList(params: Raw): PageParams {
  return parseListParams(params, 'email', MAX_TEXT.email);
}

/** A retrieve or delete takes nothing but `expand`, and nothing here expands yet. */
export function parseRead(params: Raw): void {
  checkKnown(params, ['expand']);
  noExpand(params);
}

export class Customers {
  private readonly table: ObjectTable<CustomerObject>;

  constructor(
    db: Database.Database,
    private readonly write: <T>(fn: () => T) => T,
    private readonly now: () => number,
  ) {
    this.table = new ObjectTable(db, 'customers', 'email', '/v1/customers', objectErrors.noSuchCustomer);
  }

  retrieve(partition: Partition, id: string): CustomerObject {
    return this.table.get(partition, id);
  }

  /** `created` and `id` are the seed's (objects/seed.ts); a create through the API takes now and a random id. */
  create(partition: Partition, params: CustomerWrite, seeded?: {id: string; created: number}): CustomerObject {
    return this.write(() => {
      const customer: CustomerObject = {
        id: seeded?.id ?? newId('cus_', 14),
        object: 'customer',
        address: null,
        balance: 0,
        created: seeded?.created ?? this.now(),
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
      this.table.insert(partition, customer);
      return customer;
    });
  }

  update(partition: Partition, id: string, params: CustomerWrite): CustomerObject {
    return this.write(() => this.table.change(partition, id, (customer) => apply(customer, params)));
  }

  delete(partition: Partition, id: string): DeletedCustomer {
    return this.write(() => {
      this.table.remove(partition, id);
      return {id, object: 'customer' as const, deleted: true as const};
    });
  }

  list(partition: Partition, params: PageParams): ListPage<CustomerObject> {
    return this.table.list(partition, params);
  }

  /** Removes every customer of one account and mode (a re-seed); call inside a write transaction. */
  clear(partition: Partition): void {
    this.table.clear(partition);
  }
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
