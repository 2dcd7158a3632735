/**
 * One table of Stripe objects (storage.ts creates them): the object kept whole
 * as JSON, beside the columns a list filters and pages on (`created` and each
 * resource's filter columns). Rows belong to an account and mode; nothing here
 * crosses them. Writes run inside the store's BEGIN IMMEDIATE transactions
 * (store.ts), reads need none.
 *
 * Column names in SQL come from the resource modules' constants and are
 * checked against the table's own list, never taken from a request; values
 * are always bound parameters.
 */
import type Database from 'better-sqlite3';
import type {Partition} from '../ids';
import {keysetPage, type Paging} from '../paging';
import {KINDS, missingObject, type Kind, type TableName} from './kinds';

export type {TableName};

export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** One condition of a list: a filter column (or `created`) compared with bound values. */
export type Condition =
  | {column: string; op: '=' | '>' | '>=' | '<' | '<='; value: string | number}
  | {column: string; op: 'IN' | 'NOT IN'; values: readonly string[]};

export interface ListQuery extends Paging {
  where: Condition[];
}


export interface TableSpec {
  name: TableName;
  /** The filter columns the table has besides `created` (storage.ts), each read from the object's field of that name. */
  columns: readonly string[];
  url: string;
  /** Thrown for an id not in the caller's partition; `param` names where it came from. */
  missing: (id: string, param?: string) => Error;
  /** Columns not read from a field of the same name (a subscription's `price`, from its items). */
  derive?: Record<string, (object: Record<string, unknown>) => string | null>;
}

/** The table of an object kind, as its row in kinds.ts describes it; `derive` for columns not read from a field of that name. */
export function tableSpecOf(kind: Kind, derive?: TableSpec['derive']): TableSpec {
  const row = KINDS[kind];
  return {name: row.table, columns: row.columns, url: row.path, missing: (id, param) => missingObject(kind, id, param), ...(derive ? {derive} : {})};
}

interface Row {
  seq: number;
  body: string;
}

const PARTITION = 'account = @account AND livemode = @livemode';

export function partitionKey(partition: Partition): {account: string; livemode: number} {
  return {account: partition.account, livemode: partition.livemode ? 1 : 0};
}

/** A filter column's value: strings as they are, booleans as `true`/`false` (as a query sends them). */
function columnValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

export class ObjectTable<T extends {id: string; created: number}> {
  private readonly sql;
  private readonly pages = new Map<string, Database.Statement<unknown[], Row>>();

  constructor(
    private readonly db: Database.Database,
    private readonly spec: TableSpec,
  ) {
    const {name, columns} = spec;
    const named = columns.map((c) => `@${c}`);
    this.sql = {
      exists: db.prepare(`SELECT 1 FROM ${name} WHERE id = ?`).pluck(),
      byId: db.prepare<Record<string, unknown>, Row>(`SELECT seq, body FROM ${name} WHERE ${PARTITION} AND id = @id`),
      insert: db.prepare(
        `INSERT INTO ${name} (id, account, livemode, ${[...columns, 'created', 'body'].join(', ')}) ` +
          `VALUES (@id, @account, @livemode, ${[...named, '@created', '@body'].join(', ')})`,
      ),
      update: db.prepare(`UPDATE ${name} SET ${[...columns.map((c) => `${c} = @${c}`), 'body = @body'].join(', ')} WHERE seq = @seq`),
      remove: db.prepare(`DELETE FROM ${name} WHERE seq = ?`),
      clear: db.prepare(`DELETE FROM ${name} WHERE ${PARTITION}`),
    };
  }

  get url(): string {
    return this.spec.url;
  }

  /** The object, or null when the partition has no such id. */
  find(partition: Partition, id: string): T | null {
    const row = this.sql.byId.get({...partitionKey(partition), id});
    return row ? (JSON.parse(row.body) as T) : null;
  }

  /** Whether any account or mode holds the id (ids are unique across the file, as Stripe's are). */
  exists(id: string): boolean {
    return this.sql.exists.get(id) !== undefined;
  }

  get(partition: Partition, id: string): T {
    const found = this.find(partition, id);
    if (!found) throw this.spec.missing(id);
    return found;
  }

  insert(partition: Partition, object: T): void {
    this.sql.insert.run({...partitionKey(partition), ...this.columnsOf(object), id: object.id, created: object.created, body: JSON.stringify(object)});
  }

  /** Reads, changes and writes back one object; call inside a write transaction. */
  change(partition: Partition, id: string, fn: (object: T) => void): T {
    const row = this.sql.byId.get({...partitionKey(partition), id});
    if (!row) throw this.spec.missing(id);
    const object = JSON.parse(row.body) as T;
    fn(object);
    this.sql.update.run({...this.columnsOf(object), seq: row.seq, body: JSON.stringify(object)});
    return object;
  }

  remove(partition: Partition, id: string): void {
    const row = this.sql.byId.get({...partitionKey(partition), id});
    if (!row) throw this.spec.missing(id);
    this.sql.remove.run(row.seq);
  }

  /** Every row of one account and mode (a re-seed). */
  clear(partition: Partition): void {
    this.sql.clear.run(partitionKey(partition));
  }

  /** Newest first, like every Stripe list; `ending_before` walks towards newer rows and still answers newest first. */
  list(partition: Partition, query: ListQuery): ListPage<T> {
    const {rows, hasMore} = keysetPage(
      query,
      (id, param) => this.cursor(partition, id, param),
      (direction, seq, take) => this.page(query.where, direction).all(...this.values(partition, query.where, seq, take)),
    );
    return this.answer(rows, hasMore);
  }

  /** One prepared statement per shape of query (which columns, which operators, how many values), kept. */
  private page(where: Condition[], direction: 'older' | 'newer'): Database.Statement<unknown[], Row> {
    const parts = where.map((c) => {
      if (c.column !== 'created' && c.column !== 'id' && !this.spec.columns.includes(c.column)) throw new Error(`${this.spec.name} has no filter column ${c.column}`);
      if ('values' in c) {
        const list = c.values.map(() => '?').join(', ');
        // NOT IN leaves out rows whose column is NULL too; none of the filtered columns are, where it is used.
        return `${c.column} ${c.op} (${list})`;
      }
      return `${c.column} ${c.op} ?`;
    });
    const key = `${direction} ${parts.join(' AND ')}`;
    let statement = this.pages.get(key);
    if (!statement) {
      statement = this.db.prepare<unknown[], Row>(
        `SELECT seq, body FROM ${this.spec.name} WHERE account = ? AND livemode = ?` +
          parts.map((p) => ` AND ${p}`).join('') +
          (direction === 'older' ? ' AND seq < ? ORDER BY seq DESC' : ' AND seq > ? ORDER BY seq ASC') +
          ' LIMIT ?',
      );
      this.pages.set(key, statement);
    }
    return statement;
  }

  private values(partition: Partition, where: Condition[], cursor: number, take: number): unknown[] {
    const {account, livemode} = partitionKey(partition);
    const values: unknown[] = [account, livemode];
    for (const c of where) {
      if ('values' in c) values.push(...c.values);
      else values.push(c.value);
    }
    values.push(cursor, take);
    return values;
  }

  private columnsOf(object: T): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    const record = object as Record<string, unknown>;
    for (const column of this.spec.columns) {
      const derive = this.spec.derive?.[column];
      out[column] = derive ? derive(record) : columnValue(record[column]);
    }
    return out;
  }

  private cursor(partition: Partition, id: string, param: string): number {
    const row = this.sql.byId.get({...partitionKey(partition), id});
    if (!row) throw this.spec.missing(id, param);
    return row.seq;
  }

  private answer(rows: Row[], hasMore: boolean): ListPage<T> {
    return {object: 'list', data: rows.map((r) => JSON.parse(r.body) as T), has_more: hasMore, url: this.spec.url};
  }
}
