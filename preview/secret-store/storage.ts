/**
 * Opens the SQLite file behind the local Secret Store.
 *
 * Durability: WAL with synchronous=FULL, so a write is on disk before the HTTP
 * answer goes out and survives `kill -9` of the process. A file that is not a
 * Keyring store (corrupt, another program's database, unreadable) stops start-up
 * with a message; it is never replaced, because it may hold the only copy of
 * somebody's keys.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const MEMORY = ':memory:';
const FORMAT = 'keyring-secret-store/1';

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

/** Opens (creating when absent) a store file, or an in-memory store for tests. */
export function openDatabase(file: string): Database.Database {
  if (file !== MEMORY) prepareFile(file);
  let db: Database.Database;
  try {
    db = new Database(file, {fileMustExist: file !== MEMORY});
  } catch (e) {
    throw new DataFileError(file, describe(e));
  }
  try {
    db.pragma('busy_timeout = 5000');
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
  } catch (e) {
    db.close();
    if (e instanceof DataFileError) throw e;
    throw new DataFileError(file, describe(e));
  }
  return db;
}

function prepareFile(file: string): void {
  fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
  try {
    // 'wx' creates the file only when absent, owner-readable only; SQLite gives
    // its -wal and -shm files the same mode.
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new DataFileError(file, describe(e));
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new DataFileError(file, 'it is not a regular file');
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
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
  db.exec('BEGIN');
  db.exec(SCHEMA);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('format', FORMAT);
  db.exec('COMMIT');
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException & {code?: string};
  if (err.code === 'SQLITE_NOTADB' || /not a database/i.test(err.message)) return 'it is not a SQLite database (corrupt or another kind of file)';
  if (err.code === 'SQLITE_CORRUPT') return 'the database is corrupt';
  if (err.code === 'EACCES' || err.code === 'SQLITE_CANTOPEN' || err.code === 'SQLITE_READONLY') return `it cannot be read and written (${err.code})`;
  return err.message;
}
