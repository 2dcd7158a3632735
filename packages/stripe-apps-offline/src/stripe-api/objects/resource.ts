/**
 * What every Stripe object here shares: kept in its ObjectTable, retrieved,
 * listed, and its `metadata` updated in one write transaction of the store.
 * Resources that take more writes (products, prices) add them on top.
 */
import type Database from 'better-sqlite3';
import type {Partition} from '../ids';
import {applyMetadata, type Metadata, type MetadataChange} from './params';
import {ObjectTable, type ListPage, type ListQuery, type TableSpec} from './table';

export type Write = <T>(fn: () => T) => T;

/**
 * An object builder's defaults with the given fields laid over them. The keys
 * keep the defaults' order, which is Stripe's (a spread would move the given
 * ones to the end, and an object literal that names a key before a spread of
 * it is refused by the compiler).
 */
export function inStripeOrder<T extends object>(defaults: T, given: Partial<T>): T {
  return Object.assign(defaults, given);
}

export class Resource<T extends {id: string; created: number}> {
  readonly table: ObjectTable<T>;

  constructor(
    db: Database.Database,
    spec: TableSpec,
    protected readonly write: Write,
    protected readonly now: () => number,
  ) {
    this.table = new ObjectTable<T>(db, spec);
  }

  retrieve(partition: Partition, id: string): T {
    return this.table.get(partition, id);
  }

  find(partition: Partition, id: string): T | null {
    return this.table.find(partition, id);
  }

  list(partition: Partition, query: ListQuery): ListPage<T> {
    return this.table.list(partition, query);
  }

  updateMetadata(partition: Partition, id: string, change: MetadataChange): T {
    return this.write(() => this.table.change(partition, id, (object) => applyMetadata(object as unknown as {metadata: Metadata}, change)));
  }

  /** For the seed; call inside a write transaction. */
  insert(partition: Partition, object: T): void {
    this.table.insert(partition, object);
  }

  /** Removes every object of one account and mode (a re-seed); call inside a write transaction. */
  clear(partition: Partition): void {
    this.table.clear(partition);
  }
}
