/**
 * One table of Stripe objects (storage.ts creates them): the object kept whole
 * as JSON, beside the columns a list filters and pages on. Rows belong to an
 * account and mode; nothing here crosses them. Writes run inside the store's
 * BEGIN IMMEDIATE transactions (store.ts), reads need none.
 */
import type Database from 'better-sqlite3';
import type {Partition} from '../store';

export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export interface PageParams {
  limit: number;
  startingAfter: string | null;
  endingBefore: string | null;
  /** Value of the table's filter column (email, customer), or null for every row. */
  filter: string | null;
}

interface Row {
  seq: number;
  body: string;
}

const PARTITION = 'account = @account AND livemode = @livemode';

export function partitionKey(partition: Partition): {account: string; livemode: number} {
  return {account: partition.account, livemode: partition.livemode ? 1 : 0};
}

export class ObjectTable<T extends {id: string; created: number}> {
  private readonly sql;

  /** `table` and `filterColumn` are this module's own constants, never a caller's text. */
  constructor(
    db: Database.Database,
    table: 'customers' | 'payment_intents',
    private readonly filterColumn: 'email' | 'customer',
    private readonly url: string,
    /** Thrown for an id not in the caller's partition; `param` names where it came from. */
    private readonly missing: (id: string, param?: string) => Error,
  ) {
    const page = (filtered: boolean, direction: 'older' | 'newer') =>
      db.prepare<Record<string, unknown>, Row>(
        `SELECT seq, body FROM ${table} WHERE ${PARTITION}${filtered ? ` AND ${filterColumn} = @filter` : ''} AND ` +
          (direction === 'older' ? 'seq < @cursor ORDER BY seq DESC' : 'seq > @cursor ORDER BY seq ASC') +
          ' LIMIT @take',
      );
    this.sql = {
      byId: db.prepare<Record<string, unknown>, Row>(`SELECT seq, body FROM ${table} WHERE ${PARTITION} AND id = @id`),
      insert: db.prepare(
        `INSERT INTO ${table} (id, account, livemode, ${filterColumn}, created, body) VALUES (@id, @account, @livemode, @filter, @created, @body)`,
      ),
      update: db.prepare(`UPDATE ${table} SET ${filterColumn} = @filter, body = @body WHERE seq = @seq`),
      remove: db.prepare(`DELETE FROM ${table} WHERE seq = ?`),
      clear: db.prepare(`DELETE FROM ${table} WHERE ${PARTITION}`),
      pages: {
        all: {older: page(false, 'older'), newer: page(false, 'newer')},
        filtered: {older: page(true, 'older'), newer: page(true, 'newer')},
      },
    };
  }

  get(partition: Partition, id: string): T {
    const row = this.sql.byId.get({...partitionKey(partition), id});
    if (!row) throw this.missing(id);
    return JSON.parse(row.body) as T;
  }

  insert(partition: Partition, object: T): void {
    this.sql.insert.run({...partitionKey(partition), id: object.id, filter: this.filterOf(object), created: object.created, body: JSON.stringify(object)});
  }

  /** Reads, changes and writes back one object; call inside a write transaction. */
  change(partition: Partition, id: string, fn: (object: T) => void): T {
    const row = this.sql.byId.get({...partitionKey(partition), id});
    if (!row) throw this.missing(id);
    const object = JSON.parse(row.body) as T;
    fn(object);
    this.sql.update.run({seq: row.seq, filter: this.filterOf(object), body: JSON.stringify(object)});
    return object;
  }

  remove(partition: Partition, id: string): void {
    const row = this.sql.byId.get({...partitionKey(partition), id});
    if (!row) throw this.missing(id);
    this.sql.remove.run(row.seq);
  }

  /** Every row of one account and mode (a re-seed). */
  clear(partition: Partition): void {
    this.sql.clear.run(partitionKey(partition));
  }

  /** Newest first, like every Stripe list; `ending_before` walks towards newer rows and still answers newest first. */
  list(partition: Partition, params: PageParams): ListPage<T> {
    const base = {...partitionKey(partition), filter: params.filter, take: params.limit + 1};
    const pages = params.filter === null ? this.sql.pages.all : this.sql.pages.filtered;
    if (params.endingBefore !== null) {
      const rows = pages.newer.all({...base, cursor: this.cursor(partition, params.endingBefore, 'ending_before')});
      return this.page(rows.slice(0, params.limit).reverse(), rows.length > params.limit);
    }
    const cursor = params.startingAfter !== null ? this.cursor(partition, params.startingAfter, 'starting_after') : Number.MAX_SAFE_INTEGER;
    const rows = pages.older.all({...base, cursor});
    return this.page(rows.slice(0, params.limit), rows.length > params.limit);
  }

  private filterOf(object: T): string | null {
    const value = (object as Record<string, unknown>)[this.filterColumn];
    return typeof value === 'string' ? value : null;
  }

  private cursor(partition: Partition, id: string, param: string): number {
    const row = this.sql.byId.get({...partitionKey(partition), id});
    if (!row) throw this.missing(id, param);
    return row.seq;
  }

  private page(rows: Row[], hasMore: boolean): ListPage<T> {
    return {object: 'list', data: rows.map((r) => JSON.parse(r.body) as T), has_more: hasMore, url: this.url};
  }
}
