/**
 * Backups of the SQLite file while the service runs: SQLite's online backup API
 * (better-sqlite3 `backup()`) copies a consistent snapshot page by page and lets the service
 * keep writing meanwhile. The copy is written beside its target and renamed into place, so a
 * half-written file never carries the target's name. Restore: stop the service, copy the file
 * back, start it (Redis rebuilds itself from SQLite; docs/deploy.md).
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import cron, { type ScheduledTask } from 'node-cron';
import type { BackupConfig } from '../config.js';
import type { Log } from '../log.js';

/** A backup that cannot be made; the message says what to change. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
}

/** Fails early, with a line a deployer can act on, when `file` cannot be written. */
function checkTarget(source: string, file: string): void {
  const target = resolve(file);
  if (target === resolve(source)) throw new BackupError(`${file} is the live database itself; name another file`);
  const dir = dirname(target);
  if (!existsSync(dir)) throw new BackupError(`cannot write ${file}: the folder ${dir} does not exist`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new BackupError(`cannot write ${file}: the folder ${dir} is not writable`);
  }
  if (existsSync(target) && statSync(target).isDirectory()) throw new BackupError(`cannot write ${file}: it is a folder; give a file name such as ${join(file, 'gridguard.db')}`);
}

/**
 * Copies the open database `from` (a connection of the service, or one opened on the file) into
 * `file`. The copy is a complete database in rollback-journal mode that opens on its own.
 */
export async function backupTo(from: Database.Database, file: string): Promise<BackupResult> {
  checkTarget(from.name, file);
  const started = Date.now();
  const part = `${resolve(file)}.part`;
  rmSync(part, { force: true });
  try {
    // A few hundred pages per step: the service's writers get the lock between steps.
    await from.backup(part, { progress: () => 256 });
    const copy = new Database(part);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(part, resolve(file));
  } catch (err) {
    rmSync(part, { force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError(`backup to ${file} failed: ${(err as Error).message}`);
  }
  return { file, bytes: statSync(file).size, ms: Date.now() - started };
}

/** `gridguard backup FILE`: opens the database file read-only (the service may be running) and copies it. */
export async function backupDatabaseFile(databasePath: string, file: string): Promise<BackupResult> {
  if (!existsSync(databasePath)) throw new BackupError(`no database at ${databasePath} (DATABASE_PATH); nothing to back up`);
  checkTarget(databasePath, file);
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return await backupTo(db, file);
  } finally {
    db.close();
  }
}

/** Backup file name of a moment: `gridguard-2026-11-23T0300.db` (UTC, sorts by time). */
export function nightlyName(at: number): string {
  return `gridguard-${new Date(at).toISOString().slice(0, 16).replace(/:/g, '')}.db`;
}

/** Removes all but the newest `keep` nightly backups in `dir`. */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = readdirSync(dir)
    .filter((f) => /^gridguard-\d{4}-\d{2}-\d{2}T\d{4}\.db$/.test(f))
    .sort();
  const gone = ours.slice(0, Math.max(0, ours.length - keep));
  for (const f of gone) rmSync(join(dir, f), { force: true });
  return gone;
}

/** The nightly backup of the profile's `backup:` (at `at` local time, keeping the last `keep`). */
export function createBackupClock(sqlite: Database.Database, config: BackupConfig, timezone: string, log: Log, now: () => number = Date.now) {
  const blog = log.child({ module: 'ops.backup' });
  let task: ScheduledTask | null = null;
  let running: Promise<void> | null = null;
  const [hh, mm] = config.at.split(':').map(Number);
  const run = async () => {
    try {
      mkdirSync(config.dir, { recursive: true });
      const r = await backupTo(sqlite, join(config.dir, nightlyName(now())));
      const removed = pruneBackups(config.dir, config.keep);
      blog.info({ file: basename(r.file), bytes: r.bytes, ms: r.ms, removed: removed.length }, 'nightly backup written');
    } catch (err) {
      blog.error({ err: (err as Error).message }, 'nightly backup failed; will try again tomorrow');
    }
  };
  return {
    /** Makes a backup now (what the nightly task runs). */
    runNow: () => (running ??= run().finally(() => (running = null))),
    start() {
      task = cron.schedule(`${mm} ${hh} * * *`, () => void (running ??= run().finally(() => (running = null))), { timezone, name: 'backup' });
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
      await running;
    },
  };
}
