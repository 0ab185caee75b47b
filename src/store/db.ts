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

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** A migration left rows pointing at nothing; start-up stops rather than run on broken data. */
export class MigrationIntegrityError extends Error {
  override name = 'MigrationIntegrityError';
}

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
