/**
 * Opens the SQLite file behind the local Secret Store.
 *
 * Durability: WAL with synchronous=FULL, so a write is on disk before the HTTP
 * answer goes out and survives `kill -9` of the process. A file that is not a
 * Keyring store (corrupt, another program's database, unreadable) stops start-up
 * with a message; it is never replaced, because it may hold the only copy of
 * somebody's keys.
 *
 * Secrecy: `secure_delete` zeroes deleted rows and freed pages (store.ts then
 * truncates the WAL, which still holds their old frames). The data folder is
 * tightened to 0700 and the file to 0600 on every start, not only when created.
 * Files from before idempotency records were per caller and payload-free are
 * cleared of those records and vacuumed once, so nothing deleted earlier lingers.
 * Storage failures (disk full, I/O error, read-only) are named for the log and
 * the caller by `storageFailure`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {ApiError, errors} from './errors';
import {KINDS} from './objects/kinds';

export const MEMORY = ':memory:';
const FORMAT = 'keyring-secret-store/1';
/**
 * Marks a file whose idempotency records are keyed by caller and keep no
 * payload. Same FORMAT: the tables did not change, only what goes in them.
 */
const IDEMPOTENCY_SCHEME = 'per-caller, payload-free';
/**
 * Marks a file that holds the Stripe objects views read (objects/). Same
 * FORMAT: the tables are added beside the secrets, so a file from before only
 * gains them, and an older build still opens a newer file (it ignores them).
 * `/2` had customers and payment intents; `/3` adds the rest (and the
 * deleted customers' stubs).
 */
// Derived, so a new kind's table is created in files from before it ('customers, payment_intents, …, balance_transactions/3').
const OBJECTS_SCHEME = `${Object.values(KINDS)
  .map((row) => row.table)
  .join(', ')}/3`;

/**
 * One table of Stripe objects: the object whole as JSON, beside the columns
 * its lists filter on. Lists walk one account and mode newest-first,
 * optionally one filter value: their cost must not grow with other accounts.
 */
function objectTable(name: string, columns: readonly string[]): string {
  return `
CREATE TABLE IF NOT EXISTS ${name} (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  livemode INTEGER NOT NULL,
${columns.map((c) => `  ${c} TEXT,\n`).join('')}  created INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ${name}_by_partition ON ${name} (account, livemode, seq);
${columns.map((c) => `CREATE INDEX IF NOT EXISTS ${name}_by_${c} ON ${name} (account, livemode, ${c}, seq);`).join('\n')}
`;
}

/**
 * Stripe objects belong to the account and mode, not to an app: every app
 * installed on the account sees the same ones. The filter columns here are
 * the ones each kind's row names (objects/kinds.ts).
 */
export const OBJECT_TABLES: Record<string, readonly string[]> = Object.fromEntries(Object.values(KINDS).map((row) => [row.table, row.columns]));

const OBJECTS_SCHEMA =
  Object.entries(OBJECT_TABLES)
    .map(([name, columns]) => objectTable(name, columns))
    .join('') +
  `
-- A deleted customer still answers a retrieve with {id, object, deleted: true}, as on Stripe.
CREATE TABLE IF NOT EXISTS deleted_objects (
  id TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  livemode INTEGER NOT NULL,
  object TEXT NOT NULL,
  deleted_at INTEGER NOT NULL
);
`;

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `Cannot use the Secret Store data file ${file}: ${reason}. ` +
        'It was left untouched. Move it aside (or point KEYRING_DATA at another folder) to start with an empty store.',
    );
    this.name = 'DataFileError';
  }
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE secrets (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  app TEXT NOT NULL,
  account TEXT NOT NULL,
  livemode INTEGER NOT NULL,
  scope_type TEXT NOT NULL,
  scope_user TEXT NOT NULL,
  name TEXT NOT NULL,
  payload TEXT NOT NULL,
  created INTEGER NOT NULL,
  expires_at INTEGER,
  UNIQUE (app, account, livemode, scope_type, scope_user, name)
);
-- Lists walk one scope newest-first: their cost must not grow with the rest of the store.
CREATE INDEX secrets_by_scope ON secrets (app, account, livemode, scope_type, scope_user, seq);
CREATE INDEX secrets_by_expiry ON secrets (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE idempotency (
  app TEXT NOT NULL,
  account TEXT NOT NULL,
  livemode INTEGER NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created INTEGER NOT NULL,
  PRIMARY KEY (app, account, livemode, key)
);
CREATE INDEX idempotency_by_age ON idempotency (created);
`;

/** Opens (creating when absent) a store file, or an in-memory store for tests. `log` hears what start-up changed. */
export function openDatabase(file: string, log: (line: string) => void = () => undefined): Database.Database {
  if (file !== MEMORY) prepareFile(file, log);
  let db: Database.Database;
  try {
    db = new Database(file, {fileMustExist: file !== MEMORY});
  } catch (e) {
    throw new DataFileError(file, describe(e));
  }
  try {
    // Another process on the same file (a second terminal, the preview and the
    // CLI): write transactions are BEGIN IMMEDIATE (store.ts), so waiting on
    // its lock is all it takes and this timeout is what they wait.
    db.pragma('busy_timeout = 5000');
    db.pragma('secure_delete = ON');
    // Check before changing anything: switching to WAL rewrites the file header,
    // and a file that turns out not to be ours must stay byte-for-byte as it was.
    const check = db.pragma('quick_check', {simple: true});
    if (check !== 'ok') throw new Error(`integrity check failed (${String(check)})`);
    const empty = checkFormat(db, file);
    if (file !== MEMORY) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    if (empty) createSchema(db);
    else migrate(db, file, log);
  } catch (e) {
    db.close();
    if (e instanceof DataFileError) throw e;
    throw new DataFileError(file, describe(e));
  }
  return db;
}

/**
 * The data file and SQLite's files beside it must be the store's own: a link
 * would have the store chmod, open and write whatever it points at (another
 * file of the developer's, readable by others). Refused before anything is
 * touched, the folder included.
 */
function refuseLinks(file: string): void {
  for (const candidate of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(candidate);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) {
      const what = candidate === file ? 'it' : path.basename(candidate);
      throw new DataFileError(file, `${what} is a symbolic link, and the store opens only regular files of its own`);
    }
  }
}

function prepareFile(file: string, log: (line: string) => void): void {
  refuseLinks(file);
  const folder = path.dirname(file);
  fs.mkdirSync(folder, {recursive: true, mode: 0o700});
  tighten(folder, 0o700, 'data folder', log);
  try {
    // 'wx' creates the file only when absent, owner-readable only; SQLite gives
    // its -wal and -shm files the same mode.
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new DataFileError(file, describe(e));
    // lstat: a link put there since refuseLinks looked is refused all the same.
    const stat = fs.lstatSync(file);
    if (stat.isSymbolicLink()) throw new DataFileError(file, 'it is a symbolic link, and the store opens only regular files of its own');
    if (!stat.isFile()) throw new DataFileError(file, 'it is not a regular file');
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    tighten(file, 0o600, 'data file', log);
  }
}

/**
 * Takes group and other bits off an existing folder or file. When that fails
 * (not its owner, a read-only mount) start-up goes on with a warning rather
 * than refusing: the store's own files are created 0600 and SQLite gives the
 * -wal and -shm files the same mode, so their contents stay the owner's; what a
 * loose folder still shows is file names. Refusing would lock the developer
 * out of keys they can already read.
 */
function tighten(target: string, mode: number, what: string, log: (line: string) => void): void {
  const current = fs.statSync(target).mode & 0o777;
  if ((current & ~mode) === 0) return;
  const octal = (m: number) => `0${m.toString(8)}`;
  try {
    fs.chmodSync(target, current & mode);
    log(`secret-store: tightened the ${what} ${target} from ${octal(current)} to ${octal(current & mode)}: it holds secrets.`);
  } catch (e) {
    log(
      `secret-store: WARNING: the ${what} ${target} is ${octal(current)} and could not be tightened to ${octal(mode)} ` +
        `(${(e as NodeJS.ErrnoException).code ?? 'error'}); others on this machine may see what it holds. Starting anyway.`,
    );
  }
}

/** True when the database is empty (new); throws when it holds something that is not ours. */
function checkFormat(db: Database.Database, file: string): boolean {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  if (tables.length === 0) return true;
  const format = tables.includes('meta')
    ? (db.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get() as string | undefined)
    : undefined;
  if (format !== FORMAT) {
    throw new DataFileError(file, `it is a SQLite database but not a Keyring Secret Store (format ${format ?? 'unknown'})`);
  }
  return false;
}

function createSchema(db: Database.Database): void {
  db.transaction(() => {
    // Two processes started on a new file at once: the second waits for the
    // first's lock, then finds the schema there.
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    if (exists) return;
    db.exec(SCHEMA);
    db.exec(OBJECTS_SCHEMA);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('format', FORMAT);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('idempotency', IDEMPOTENCY_SCHEME);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('objects', OBJECTS_SCHEME);
  }).immediate();
}

/**
 * Earlier versions keyed idempotency records by partition only (shared by every
 * caller) and kept expanded payloads in them, and deleted rows without
 * secure_delete. Their records are dropped (they only replay retries, for 24 h)
 * and the file is vacuumed once, so deleted payloads left in free space go.
 */
function migrate(db: Database.Database, file: string, log: (line: string) => void): void {
  addObjectTables(db);
  migrateIdempotency(db, file, log);
}

/**
 * Files from before the Stripe objects gain their tables, in one transaction
 * with the mark that says so: a crash midway leaves the file as it was.
 */
function addObjectTables(db: Database.Database): void {
  if (db.prepare("SELECT value FROM meta WHERE key = 'objects'").pluck().get() === OBJECTS_SCHEME) return;
  db.transaction(() => {
    db.exec(OBJECTS_SCHEMA);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('objects', OBJECTS_SCHEME);
  }).immediate();
}

function migrateIdempotency(db: Database.Database, file: string, log: (line: string) => void): void {
  const scheme = db.prepare("SELECT value FROM meta WHERE key = 'idempotency'").pluck().get();
  if (scheme === IDEMPOTENCY_SCHEME) return;
  db.transaction(() => {
    db.exec('DELETE FROM idempotency');
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('idempotency', IDEMPOTENCY_SCHEME);
  }).immediate();
  if (file === MEMORY) return;
  try {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (e) {
    // The records are gone either way; only free space from before is left as it was.
    log(`secret-store: could not vacuum ${file} (${(e as {code?: string}).code ?? 'error'}): space freed by earlier versions may still hold deleted data.`);
  }
}

/** A storage failure the log and the caller should hear about by name, or null for anything else. */
export function storageFailure(e: unknown, file: string): {log: string; error: ApiError} | null {
  const code = (e as {code?: unknown})?.code;
  // By name, not instanceof: the native module keeps the SqliteError class of whoever loaded it first,
  // which under a test runner's per-file module registry is not always the one imported here.
  if ((e as Error)?.name !== 'SqliteError' || typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL') return {log: `out of disk space writing ${file} (${code})`, error: errors.diskFull()};
  if (code.startsWith('SQLITE_READONLY')) return {log: `cannot write ${file}: it is read-only (${code})`, error: errors.diskReadOnly()};
  if (code.startsWith('SQLITE_IOERR')) return {log: `disk I/O error on ${file} (${code})`, error: errors.diskIo()};
  return null;
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException & {code?: string};
  if (err.code === 'SQLITE_NOTADB' || /not a database/i.test(err.message)) return 'it is not a SQLite database (corrupt or another kind of file)';
  if (err.code === 'SQLITE_CORRUPT') return 'the database is corrupt';
  if (err.code === 'EACCES' || err.code === 'SQLITE_CANTOPEN' || err.code === 'SQLITE_READONLY') return `it cannot be read and written (${err.code})`;
  return err.message;
}
