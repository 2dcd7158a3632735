/**
 * The local Secret Store's core: Stripe's rules over SQLite storage, with no
 * HTTP in it. Every call names its partition (app, account, mode): data never
 * crosses partitions. Who may reach which scope is decided by the caller layer
 * (callers.ts) before anything here runs.
 *
 * Every write is one BEGIN IMMEDIATE transaction: it takes the file's write
 * lock before reading, so a second process on the same file makes it wait
 * (busy_timeout) rather than fail with SQLITE_BUSY halfway through.
 *
 * Nothing of a secret outlives it: rows are deleted under secure_delete
 * (storage.ts), and after a write that removed one (delete, replacement,
 * expiry) the WAL, which still holds the row's old frames, is checkpointed and
 * truncated. Idempotency records are keyed by caller and never hold a payload.
 */
import type Database from 'better-sqlite3';
import {errors} from './errors';
import {keysetPage} from './paging';
import type {ListParams, Scope, SetParams} from './secrets/params';
import {KIND_NAMES, type Kind} from './objects/kinds';
import {createObjects, type Objects} from './objects/registry';
import {SEEDED, seedData} from './objects/seed';
import {newId, type Partition} from './ids';
import {MEMORY, openDatabase} from './storage';

export {newId, type Partition};

export const SECRETS_PER_SCOPE = 10;
const HUNDRED_YEARS = Math.round(100 * 365.25 * 24 * 3600);
/** Stripe keeps idempotency keys for at least 24 hours. */
const IDEMPOTENCY_TTL = 24 * 3600;

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
  /** Where start-up changes and storage trouble are reported, one line each (default: stderr). */
  log?: (line: string) => void;
}

/**
 * Whose idempotency key it is. Keys belong to one caller, as on Stripe: a
 * backend key (its partition), or one UI-extension user in that partition.
 */
export interface IdempotencyRequest {
  partition: Partition;
  /** `backend`, or `extension:<user>` (callers.ts). Never contains a space. */
  caller: string;
  key: string;
  /** Hash of method, path and canonical parameters: a different request under the same key is refused. */
  fingerprint: string;
  /** The request's payload, when its answer may carry it (an expanded set); see `idempotent`. */
  payload: string | null;
}

/** Stands in a stored answer for the payload, which a replay takes from its own (identical) request. */
const PAYLOAD_FROM_REQUEST = '[payload: taken from the replayed request]';

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

/**
 * One account's local Stripe data, in one SQLite file: its Secret Store
 * secrets (kept here) and every object kind (kept by objects/registry.ts), so
 * a write to either is one transaction and one durability story.
 */
export class StripeStore {
  readonly file: string;
  /** Every Stripe object kind's keeper (objects/registry.ts), in the same file and transactions as the secrets. */
  readonly objects: Objects;
  private readonly db: Database.Database;
  private readonly clock: () => number;
  private readonly log: (line: string) => void;
  private readonly sql;
  /** A row was removed since the WAL was last truncated: its old frames are still in the WAL. */
  private scrubPending = false;

  constructor(options: StoreOptions = {}) {
    this.file = options.file ?? MEMORY;
    this.log =
      options.log ??
      ((line) => {
        process.stderr.write(`${line}\n`);
      });
    this.db = openDatabase(this.file, this.log);
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
    const write = <T>(fn: () => T): T => this.write(fn);
    const now = () => this.now();
    this.objects = createObjects({db, write, now});
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
    return this.write(() => {
      const where = this.where(partition, params.scope, now);
      if (this.sql.purgeScope.run(where).changes > 0) this.scrubPending = true;
      const existing = this.sql.byName.get({...where, name: params.name});
      if (existing) {
        this.sql.deleteBySeq.run(existing.seq);
        this.scrubPending = true;
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
    });
  }

  find(partition: Partition, scope: Scope, name: string, expandPayload: boolean): SecretObject | null {
    const row = this.sql.byName.get({...this.where(partition, scope, this.now()), name});
    return row ? toObject(row, expandPayload) : null;
  }

  /** Deletes a live secret; an expired one counts as already gone. */
  delete(partition: Partition, scope: Scope, name: string): DeletedSecret | null {
    return this.write(() => {
      const where = this.where(partition, scope, this.now());
      const row = this.sql.byName.get({...where, name});
      // An expired row of that name goes too: it is dead, and its payload with it.
      if (this.sql.deleteByName.run({...where, name}).changes > 0) this.scrubPending = true;
      return row ? {id: row.id, object: 'apps.secret' as const, deleted: true as const} : null;
    });
  }

  list(partition: Partition, params: ListParams): SecretList {
    const where = this.where(partition, params.scope, this.now());
    const {rows, hasMore} = keysetPage(
      params,
      (id, param) => this.cursor(where, id, param),
      (direction, seq, take) =>
        direction === 'newer' ? this.sql.oldestAfter.all({...where, after: seq, take}) : this.sql.newest.all({...where, before: seq, take}),
    );
    return listOf(rows, hasMore, params.expandPayload);
  }

  /**
   * Runs a POST once per idempotency key and caller: the first result is
   * stored in the same transaction as the write it describes, so a retry after
   * a crash or a dropped connection replays it instead of writing twice.
   *
   * The record keeps no payload. An expanded set answers with the payload it
   * was sent; the record keeps that answer with the payload left out, and a
   * replay puts back the payload of its own request, which is the same value
   * since the fingerprint matched. So a record never outlives the secret with
   * a copy of it, and a replay is still byte for byte the first answer.
   */
  idempotent(request: IdempotencyRequest, run: () => StoredResponse): StoredResponse & {replayed: boolean} {
    return this.write(() => {
      const now = this.now();
      const {partition} = request;
      const base = {
        app: partition.app,
        account: partition.account,
        livemode: partition.livemode ? 1 : 0,
        // One column for caller and key, so existing files need no new table: the caller has no space in it.
        key: `${request.caller} ${request.key}`,
      };
      const previous = this.sql.idempotencyGet.get({...base, oldest: now - IDEMPOTENCY_TTL});
      if (previous) {
        if (previous.fingerprint !== request.fingerprint) throw errors.idempotencyMismatch();
        const body = JSON.parse(previous.body) as unknown;
        if (isRecord(body) && body.payload === PAYLOAD_FROM_REQUEST) body.payload = request.payload;
        return {status: previous.status, body, replayed: true};
      }
      const result = run();
      let recorded = result.body;
      if (isRecord(recorded) && request.payload !== null && recorded.payload === request.payload) {
        recorded = {...recorded, payload: PAYLOAD_FROM_REQUEST};
      }
      this.sql.idempotencyPut.run({...base, fingerprint: request.fingerprint, status: result.status, body: JSON.stringify(recorded), created: now});
      return {...result, replayed: false};
    });
  }

  /** One object by kind and id in a partition, as `expand` fetches it (a deleted customer answers its stub), or null. */
  findObject(partition: Partition, kind: Kind, id: string): Record<string, unknown> | null {
    const resource: {find(partition: Partition, id: string): unknown} = this.objects[kind];
    return resource.find(partition, id) as Record<string, unknown> | null;
  }

  /**
   * Seeds one account and mode with a made-up, consistent data set
   * (objects/seed.ts): customers, the catalogue they subscribe to, their
   * subscriptions, invoices, payments, charges, refunds and balance
   * transactions. `once` only the first time (a mark in `meta` remembers it,
   * so deleting every customer does not bring them back), `reset` clears
   * that account and mode's objects and seeds again. One transaction: a crash
   * leaves either the old objects or the new ones. True when it seeded.
   */
  seed(partition: Partition, mode: 'once' | 'reset'): boolean {
    const mark = `seeded ${partition.account} ${partition.livemode ? 'live' : 'test'}`;
    return this.write(() => {
      if (mode === 'once' && this.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(mark)) return false;
      for (const kind of KIND_NAMES) this.objects[kind].clear(partition);
      const data = seedData(partition.livemode, this.now());
      // In kinds.ts's order, customers first: what refers to an object comes after it.
      for (const c of data.customers) this.objects.customer.create(partition, c.write, c.seeded);
      for (const [kind, part] of Object.entries(SEEDED) as [keyof typeof SEEDED, keyof typeof data][]) {
        // Each keeper inserts its own object type, and the seed's part for a kind holds exactly those.
        const keeper = this.objects[kind] as unknown as {insert(partition: Partition, object: unknown): void};
        for (const object of data[part]) keeper.insert(partition, object);
      }
      this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(mark, String(this.now()));
      return true;
    });
  }

  /** Removes expired secrets and idempotency records from the whole file. */
  sweep(): void {
    this.write(() => {
      const now = this.now();
      if (this.sql.purgeAll.run(now).changes > 0) this.scrubPending = true;
      this.sql.purgeIdempotency.run(now - IDEMPOTENCY_TTL);
    });
  }

  /** Number of secrets stored, live or not yet swept (for benchmarks and diagnostics). */
  size(): number {
    return this.db.prepare('SELECT count(*) FROM secrets').pluck().get() as number;
  }

  /**
   * Test-only, like faults.ts (in-process; no route or CLI option reaches it):
   * caps the database at `maxPages` pages (SQLite rounds up to what the file
   * already holds), so a write that needs more fails with SQLITE_FULL exactly
   * as on a full disk. `null` lifts the cap.
   */
  capPagesForTests(maxPages: number | null): void {
    this.db.pragma(`max_page_count = ${maxPages === null ? 1073741823 : Math.max(1, Math.floor(maxPages))}`);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * One write transaction, BEGIN IMMEDIATE (a nested call becomes a savepoint
   * of the outer one). After the outermost commit, removed rows are scrubbed.
   */
  private write<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn)();
    const result = this.db.transaction(fn).immediate();
    if (this.scrubPending) this.scrub();
    return result;
  }

  /**
   * Copies the WAL into the database (where secure_delete has zeroed the
   * removed rows) and truncates it, so the rows' old frames leave the disk.
   * The write is already committed: a checkpoint that cannot finish now (a
   * reader in another process, an I/O error) is retried after the next write.
   */
  private scrub(): void {
    if (this.file === MEMORY) {
      this.scrubPending = false;
      return;
    }
    try {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as {busy: number}[];
      this.scrubPending = result?.busy !== 0;
    } catch (e) {
      this.log(`secret-store: could not truncate the WAL of ${this.file} (${(e as {code?: string}).code ?? 'error'}); retrying after the next write.`);
    }
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

  private cursor(where: ReturnType<StripeStore['where']>, id: string, param: string): number {
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(rows: Row[], hasMore: boolean, expandPayload: boolean): SecretList {
  return {object: 'list', data: rows.map((r) => toObject(r, expandPayload)), has_more: hasMore, url: '/v1/apps/secrets'};
}
