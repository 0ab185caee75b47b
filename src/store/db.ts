/**
 * Opens the SQLite file (WAL, foreign keys, busy timeout) and applies drizzle-kit's
 * migrations at start-up, guarding against the cascade-delete trap of NOTES.md.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle inside `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export interface Store {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/**
 * The better-sqlite3 connection under a drizzle handle (the database or a transaction of it):
 * `$client` on the database; a transaction runs on its database's session, whose `client` it is.
 */
export function sqliteOf(db: Db | Tx): Database.Database {
  const client = (db as { $client?: unknown }).$client ?? (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!(client instanceof Database)) throw new Error('not a better-sqlite3 drizzle handle (drizzle-orm is pinned to 0.45.4: check its session layout)');
  return client;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement of `sql` on the connection of `db`, prepared once per connection and
 * reused: preparing (and drizzle's query building) cost more than running the hot-path
 * queries of intake, escalation and the outbox. A statement run inside
 * `db.transaction` belongs to that transaction, as it runs on the same connection.
 * @example statement(db, 'select id from cases where id = ?').get('K7Q2')
 */
export function statement(db: Db | Tx, sql: string): Database.Statement {
  const client = sqliteOf(db);
  let cached = statements.get(client);
  if (!cached) statements.set(client, (cached = new Map()));
  let st = cached.get(sql);
  if (!st) cached.set(sql, (st = client.prepare(sql)));
  return st;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** A migration left rows pointing at nothing; start-up stops rather than run on broken data. */
export class MigrationIntegrityError extends Error {
  override name = 'MigrationIntegrityError';
}

/**
 * WAL pages after which a commit copies the WAL back into the database (SQLite's default is
 * 1,000). Case ids are random, so a lead's rows land on scattered pages of the indexes keyed by
 * case id (cases, events, outbox, leads): a batch of 100 leads writes about 400 pages, and with
 * the default every second or third batch paid a checkpoint and its two fsyncs, most of its
 * commit time. Checkpointing less often writes each of those index pages back once for many
 * commits; the WAL file grows to about 40 MB between checkpoints.
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * Opens (creating if needed) the database at `path` and migrates it. The service passes a
 * short `busyTimeoutMs`: the wait is synchronous and would freeze every request while another
 * process (an import, a backup) holds the write lock; a busy write fails fast instead and is
 * answered 503 or retried by its job.
 * @example const store = openStore('data/gridguard.db')
 */
export function openStore(path: string, migrationsFolder = MIGRATIONS_FOLDER, busyTimeoutMs = 5000): Store {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  const db = drizzle(sqlite, { schema });
  migrateSafely(sqlite, db, migrationsFolder);
  return { db, sqlite, close: () => sqlite.close() };
}

/**
 * drizzle's migrate() runs inside a transaction, where SQLite ignores
 * `PRAGMA foreign_keys=OFF`; a table rebuild would then cascade-delete child rows
 * (drizzle-orm #4938). So keys go off before, are checked after, and back on.
 */
function migrateSafely(sqlite: Database.Database, db: Db, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new MigrationIntegrityError(
        `database migration left ${broken.length} row(s) with broken references; restore the backup of ${sqlite.name} and report this`,
      );
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
