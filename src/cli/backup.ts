/**
 * `gridguard backup FILE`: a consistent copy of the live database (SQLite online backup) while
 * the service runs. Restore: stop the service, copy the file over DATABASE_PATH, start it.
 */
import type { Config } from '../config.js';
import { backupDatabaseFile } from '../ops/backup.js';

/** Makes the backup; returns the line for the operator (throws BackupError with one line). */
export async function runBackup(config: Config, file: string): Promise<string> {
  const r = await backupDatabaseFile(config.databasePath, file);
  return `backup written: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.ms} ms); restore: stop the service, copy it to ${config.databasePath}, start it`;
}
