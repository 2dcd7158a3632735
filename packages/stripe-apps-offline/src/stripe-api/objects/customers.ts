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
import {newId, type Partition} from '../ids';
import {missingObject, newObjectId} from './kinds';
import {planExpand, type ExpandPlan} from './expand';
import {applyMetadata, metadataParam, unsetField, type FilterSpec, type Metadata, type MetadataChange} from './params';
import {partitionKey, ObjectTable, type ListPage, type ListQuery, tableSpecOf} from './table';

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
  metadata: MetadataChange;
  expand?: ExpandPlan;
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
    if (field === 'email' && !EMAIL.test(value)) throw errors.invalidEmail();
    text[field] = value;
  }
  return text;
}

export function parseCustomerCreate(params: Raw): CustomerWrite {
  checkKnown(params, [...TEXT_FIELDS, 'metadata', 'expand']);
  return {text: textParams(params, false), metadata: metadataParam(params), expand: planExpand(params.expand, 'customer', false)};
}

export function parseCustomerUpdate(params: Raw): CustomerWrite {
  checkKnown(params, [...TEXT_FIELDS, 'metadata', 'expand']);
  return {text: textParams(params, true), metadata: metadataParam(params), expand: planExpand(params.expand, 'customer', false)};
}

export const CUSTOMER_FILTERS: readonly FilterSpec[] = [{param: 'email', kind: 'string', max: MAX_TEXT.email}, unsetField('test_clock')];

export class Customers {
  private readonly table: ObjectTable<CustomerObject>;

  private readonly sql;

  constructor(
    db: Database.Database,
    private readonly write: <T>(fn: () => T) => T,
    private readonly now: () => number,
  ) {
    this.table = new ObjectTable(db, tableSpecOf('customer'));
    this.sql = {
      tombstone: db.prepare(
        "INSERT OR REPLACE INTO deleted_objects (id, account, livemode, object, deleted_at) VALUES (@id, @account, @livemode, 'customer', @deleted_at)",
      ),
      isDeleted: db.prepare("SELECT 1 FROM deleted_objects WHERE id = @id AND account = @account AND livemode = @livemode AND object = 'customer'").pluck(),
      clearDeleted: db.prepare("DELETE FROM deleted_objects WHERE account = @account AND livemode = @livemode AND object = 'customer'"),
    };
  }

  /** A deleted customer still answers, as on Stripe: `{id, object, deleted: true}`. */
  retrieve(partition: Partition, id: string): CustomerObject | DeletedCustomer {
    const found = this.find(partition, id);
    if (!found) throw missingObject('customer', id);
    return found;
  }

  /** The customer, its deleted stub, or null. */
  find(partition: Partition, id: string): CustomerObject | DeletedCustomer | null {
    const found = this.table.find(partition, id);
    if (found) return found;
    if (this.sql.isDeleted.get({...partitionKey(partition), id}) !== undefined) return {id, object: 'customer', deleted: true};
    return null;
  }

  /**
   * `created` and `id` are the seed's (objects/seed.ts), with the fields it
   * sets to match its invoices; a create through the API takes now and a
   * random id.
   */
  create(partition: Partition, params: CustomerWrite, seeded?: Partial<CustomerObject> & {id: string; created: number}): CustomerObject {
    return this.write(() => {
      const customer: CustomerObject = {
        id: seeded?.id ?? newObjectId('customer'),
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
      if (seeded) Object.assign(customer, seeded);
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
      this.sql.tombstone.run({...partitionKey(partition), id, deleted_at: this.now()});
      return {id, object: 'customer' as const, deleted: true as const};
    });
  }

  list(partition: Partition, query: ListQuery): ListPage<CustomerObject> {
    return this.table.list(partition, query);
  }

  /** Removes every customer of one account and mode, deleted ones too (a re-seed); call inside a write transaction. */
  clear(partition: Partition): void {
    this.table.clear(partition);
    this.sql.clearDeleted.run(partitionKey(partition));
  }
}

function apply(customer: CustomerObject, params: CustomerWrite): void {
  for (const field of TEXT_FIELDS) {
    const value = params.text[field];
    if (value !== undefined) customer[field] = value;
  }
  applyMetadata(customer, params.metadata);
}
