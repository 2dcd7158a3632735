/**
 * The local Secret Store's core: Stripe's rules over SQLite storage, with no
 * HTTP in it. Every call names its partition (app, account, mode): data never
 * crosses partitions. Who may reach which scope is decided by the caller layer
 * (callers.ts) before anything here runs.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import {errors} from './errors';
import type {ListParams, Scope, SetParams} from './params';
import {MEMORY, openDatabase} from './storage';

export const SECRETS_PER_SCOPE = 10;
const HUNDRED_YEARS = Math.round(100 * 365.25 * 24 * 3600);
/** Stripe keeps idempotency keys for at least 24 hours. */
const IDEMPOTENCY_TTL = 24 * 3600;

export interface Partition {
  app: string;
  account: string;
  livemode: boolean;
}

/** The `apps.secret` object as Stripe returns it. */
export interface SecretObject {
  id: string;
  object: 'apps.secret';
  created: number;
  expires_at: number | null;
  livemode: boolean;
  name: string;
  payload?: string | null;
  scope: Scope;
}

/** What Stripe answers to a delete: less than a whole `apps.secret`. */
export interface DeletedSecret {
  id: string;
  object: 'apps.secret';
  deleted: true;
}

export interface SecretList {
  object: 'list';
  data: SecretObject[];
  has_more: boolean;
  url: '/v1/apps/secrets';
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface StoreOptions {
  /** Path of the SQLite file, or ':memory:'. */
  file?: string;
  /** Current time in unix seconds; replaceable so tests can move time forward. */
  now?: () => number;
}

interface Row {
  seq: number;
  id: string;
  livemode: number;
  scope_type: 'account' | 'user';
  scope_user: string;
  name: string;
  payload: string;
  created: number;
  expires_at: number | null;
}

const SCOPE_WHERE = 'app = @app AND account = @account AND livemode = @livemode AND scope_type = @scope_type AND scope_user = @scope_user';
const LIVE = '(expires_at IS NULL OR expires_at > @now)';

export function newId(prefix: string, length = 24): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const bytes = crypto.randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export class SecretStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly clock: () => number;
  private readonly sql;

  constructor(options: StoreOptions = {}) {
    this.file = options.file ?? MEMORY;
    this.db = openDatabase(this.file);
    this.clock = options.now ?? (() => Date.now() / 1000);
    const db = this.db;
    this.sql = {
      purgeScope: db.prepare(`DELETE FROM secrets WHERE ${SCOPE_WHERE} AND expires_at <= @now`),
      purgeAll: db.prepare('DELETE FROM secrets WHERE expires_at <= ?'),
      purgeIdempotency: db.prepare('DELETE FROM idempotency WHERE created <= ?'),
      count: db.prepare(`SELECT count(*) FROM secrets WHERE ${SCOPE_WHERE} AND ${LIVE}`).pluck(),
      byName: db.prepare<Record<string, unknown>, Row>(`SELECT * FROM secrets WHERE ${SCOPE_WHERE} AND name = @name AND ${LIVE}`),
      deleteBySeq: db.prepare('DELETE FROM secrets WHERE seq = ?'),
      deleteByName: db.prepare(`DELETE FROM secrets WHERE ${SCOPE_WHERE} AND name = @name`),
      insert: db.prepare(
        `INSERT INTO secrets (id, app, account, livemode, scope_type, scope_user, name, payload, created, expires_at)
         VALUES (@id, @app, @account, @livemode, @scope_type, @scope_user, @name, @payload, @created, @expires_at)`,
      ),
      cursor: db.prepare(`SELECT seq FROM secrets WHERE ${SCOPE_WHERE} AND id = @id AND ${LIVE}`).pluck(),
      newest: db.prepare<Record<string, unknown>, Row>(
        `SELECT * FROM secrets WHERE ${SCOPE_WHERE} AND seq < @before AND ${LIVE} ORDER BY seq DESC LIMIT @take`,
      ),
      oldestAfter: db.prepare<Record<string, unknown>, Row>(
        `SELECT * FROM secrets WHERE ${SCOPE_WHERE} AND seq > @after AND ${LIVE} ORDER BY seq ASC LIMIT @take`,
      ),
      idempotencyGet: db.prepare<Record<string, unknown>, {fingerprint: string; status: number; body: string}>(
        'SELECT fingerprint, status, body FROM idempotency WHERE app = @app AND account = @account AND livemode = @livemode AND key = @key AND created > @oldest',
      ),
      idempotencyPut: db.prepare(
        `INSERT OR REPLACE INTO idempotency (app, account, livemode, key, fingerprint, status, body, created)
         VALUES (@app, @account, @livemode, @key, @fingerprint, @status, @body, @created)`,
      ),
    };
    this.sweep();
  }

  now(): number {
    return Math.floor(this.clock());
  }

  /** Create or replace `name` in `scope`. A replacement is a new secret: new id, new `created`. */
  set(partition: Partition, params: SetParams): SecretObject {
    const now = this.now();
    if (params.expiresAt !== null) {
      if (params.expiresAt <= now) throw errors.expiresPast();
      if (params.expiresAt > now + HUNDRED_YEARS) throw errors.expiresTooFar();
    }
    return this.db.transaction(() => {
      const where = this.where(partition, params.scope, now);
      this.sql.purgeScope.run(where);
      const existing = this.sql.byName.get({...where, name: params.name});
      if (existing) {
        this.sql.deleteBySeq.run(existing.seq);
      } else if ((this.sql.count.get(where) as number) >= SECRETS_PER_SCOPE) {
        throw errors.scopeFull(SECRETS_PER_SCOPE);
      }
      const row = {
        ...where,
        id: newId('appsecret_'),
        name: params.name,
        payload: params.payload,
        created: now,
        expires_at: params.expiresAt,
      };
      this.sql.insert.run(row);
      return toObject(row, params.expandPayload);
    })();
  }

  find(partition: Partition, scope: Scope, name: string, expandPayload: boolean): SecretObject | null {
    const row = this.sql.byName.get({...this.where(partition, scope, this.now()), name});
    return row ? toObject(row, expandPayload) : null;
  }

  /** Deletes a live secret; an expired one counts as already gone. */
  delete(partition: Partition, scope: Scope, name: string): DeletedSecret | null {
    return this.db.transaction(() => {
      const where = this.where(partition, scope, this.now());
      const row = this.sql.byName.get({...where, name});
      this.sql.deleteByName.run({...where, name});
      return row ? {id: row.id, object: 'apps.secret' as const, deleted: true as const} : null;
    })();
  }

  list(partition: Partition, params: ListParams): SecretList {
    const where = this.where(partition, params.scope, this.now());
    const take = params.limit + 1;
    let rows: Row[];
    if (params.endingBefore !== null) {
      const after = this.cursor(where, params.endingBefore, 'ending_before');
      // Walk towards newer secrets, then present the page newest-first like every Stripe list.
      rows = this.sql.oldestAfter.all({...where, after, take});
      const hasMore = rows.length > params.limit;
      rows = rows.slice(0, params.limit).reverse();
      return listOf(rows, hasMore, params.expandPayload);
    }
    const before =
      params.startingAfter !== null ? this.cursor(where, params.startingAfter, 'starting_after') : Number.MAX_SAFE_INTEGER;
    rows = this.sql.newest.all({...where, before, take});
    return listOf(rows.slice(0, params.limit), rows.length > params.limit, params.expandPayload);
  }

  /**
   * Runs a POST once per idempotency key: the first result is stored in the
   * same transaction as the write it describes, so a retry after a crash or a
   * dropped connection replays it instead of writing twice.
   */
  idempotent(
    partition: Partition,
    key: string,
    fingerprint: string,
    run: () => StoredResponse,
  ): StoredResponse & {replayed: boolean} {
    return this.db.transaction(() => {
      const now = this.now();
      const base = {app: partition.app, account: partition.account, livemode: partition.livemode ? 1 : 0, key};
      const previous = this.sql.idempotencyGet.get({...base, oldest: now - IDEMPOTENCY_TTL});
      if (previous) {
        if (previous.fingerprint !== fingerprint) throw errors.idempotencyMismatch();
        return {status: previous.status, body: JSON.parse(previous.body) as unknown, replayed: true};
      }
      const result = run();
      this.sql.idempotencyPut.run({...base, fingerprint, status: result.status, body: JSON.stringify(result.body), created: now});
      return {...result, replayed: false};
    })();
  }

  /** Removes expired secrets and idempotency records from the whole file. */
  sweep(): void {
    const now = this.now();
    this.sql.purgeAll.run(now);
    this.sql.purgeIdempotency.run(now - IDEMPOTENCY_TTL);
  }

  /** Number of secrets stored, live or not yet swept (for benchmarks and diagnostics). */
  size(): number {
    return this.db.prepare('SELECT count(*) FROM secrets').pluck().get() as number;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private where(partition: Partition, scope: Scope, now: number) {
    return {
      app: partition.app,
      account: partition.account,
      livemode: partition.livemode ? 1 : 0,
      scope_type: scope.type,
      scope_user: scope.type === 'user' ? scope.user : '',
      now,
    };
  }

  private cursor(where: ReturnType<SecretStore['where']>, id: string, param: string): number {
    const seq = this.sql.cursor.get({...where, id}) as number | undefined;
    if (seq === undefined) throw errors.noSuchCursor(id, param);
    return seq;
  }
}

function toObject(row: Omit<Row, 'seq' | 'livemode'> & {livemode: number}, expandPayload: boolean): SecretObject {
  const object: SecretObject = {
    id: row.id,
    object: 'apps.secret',
    created: row.created,
    expires_at: row.expires_at,
    livemode: row.livemode === 1,
    name: row.name,
    scope: row.scope_type === 'user' ? {type: 'user', user: row.scope_user} : {type: 'account'},
  };
  // Unexpanded, the field is absent rather than null, as in Stripe's answers.
  if (expandPayload) object.payload = row.payload;
  return object;
}

function listOf(rows: Row[], hasMore: boolean, expandPayload: boolean): SecretList {
  return {object: 'list', data: rows.map((r) => toObject(r, expandPayload)), has_more: hasMore, url: '/v1/apps/secrets'};
}
