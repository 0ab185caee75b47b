/**
 * Pictures the bot sent in the sandbox (issue 19: 交接班 and 周榜 as images), kept as PNG files
 * beside the SQLite file (`<database>-images/<seq>.png`), named by the transcript's seq, so the
 * transcript rows stay small and a restart keeps them as it keeps the conversation. A transcript
 * entry whose text is `[图片]` and whose file exists gets `image`: the URL the page loads.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqliteOf, statement, type Db } from './db.js';

/** The text of a picture in the transcript (as the mock puppet's image messages have no text). */
export const PICTURE_TEXT = '[图片]';

/** The folder of this database's sandbox pictures; null for an in-memory database. */
export function sandboxImageDir(db: Db): string | null {
  const name = sqliteOf(db).name;
  return !name || name === ':memory:' ? null : `${name}-images`;
}

const fileOf = (dir: string, seq: number) => join(dir, `${seq}.png`);

/**
 * Keeps the picture of the transcript row written for `messageId`; returns its seq, or null when
 * the row is not written (yet) or the database is in memory.
 */
export function keepSandboxImage(db: Db, messageId: string, png: Buffer): number | null {
  const dir = sandboxImageDir(db);
  const row = statement(db, 'select seq from sandbox_messages where message_id = ?').get(messageId) as { seq: number } | undefined;
  if (!dir || !row) return null;
  mkdirSync(dir, { recursive: true });
  writeFileSync(fileOf(dir, row.seq), png);
  return row.seq;
}

/** The PNG of transcript row `seq`, or null. */
export function sandboxImage(db: Db, seq: number): Buffer | null {
  const dir = sandboxImageDir(db);
  if (!dir || !Number.isSafeInteger(seq) || seq < 1) return null;
  try {
    return readFileSync(fileOf(dir, seq));
  } catch {
    return null;
  }
}

/** The entry with `image` (the URL of its picture) when it is a picture that was kept. */
export function withSandboxImage<E extends { seq: number; text: string }>(db: Db, entry: E): E & { image?: string } {
  if (entry.text !== PICTURE_TEXT) return entry;
  const dir = sandboxImageDir(db);
  return dir && existsSync(fileOf(dir, entry.seq)) ? { ...entry, image: `/sandbox/images/${entry.seq}.png` } : entry;
}

/** A new transcript starts without pictures: files left by an earlier database of the same name go. */
export function forgetStaleSandboxImages(db: Db): void {
  const dir = sandboxImageDir(db);
  if (dir && !statement(db, 'select 1 from sandbox_messages limit 1').get()) rmSync(dir, { recursive: true, force: true });
}
