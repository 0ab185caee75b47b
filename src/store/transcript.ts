/** The sandbox transcript: every message of the mock world, kept in SQLite across restarts. */
import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from './db.js';
import { withSandboxImage } from './sandbox-images.js';
import { sandboxMessages } from './schema.js';

export interface TranscriptEntry {
  seq: number;
  at: string;
  room: string | null;
  from: string;
  to: string | null;
  text: string;
  /** The URL of the picture, when the message is a picture the sandbox kept (issue 19). */
  image?: string;
  /** The bot account that sent it (bot messages only; issue 17). */
  bot?: string;
}

type Row = typeof sandboxMessages.$inferSelect;
const toEntry = (r: Row): TranscriptEntry => ({ seq: r.seq, at: new Date(r.at).toISOString(), room: r.room, from: r.fromName, to: r.toName, text: r.text, ...(r.bot ? { bot: r.bot } : {}) });

/** Appends a message (once per message id) and returns its seq. */
export function appendTranscript(db: Db, m: { at: number; room: string | null; from: string; to: string | null; text: string; messageId: string; bot?: string | null }): number {
  const existing = db.select({ seq: sandboxMessages.seq }).from(sandboxMessages).where(eq(sandboxMessages.messageId, m.messageId)).get();
  if (existing) return existing.seq;
  const row = db.insert(sandboxMessages).values({ at: m.at, room: m.room, fromName: m.from, toName: m.to, text: m.text, messageId: m.messageId, bot: m.bot ?? null }).returning({ seq: sandboxMessages.seq }).get();
  return row.seq;
}

export function transcriptAfter(db: Db, after: number, limit = 1000): TranscriptEntry[] {
  return db.select().from(sandboxMessages).where(gt(sandboxMessages.seq, after)).orderBy(asc(sandboxMessages.seq)).limit(limit).all().map((r) => withSandboxImage(db, toEntry(r)));
}

export function transcriptEntry(db: Db, seq: number): TranscriptEntry | null {
  const r = db.select().from(sandboxMessages).where(eq(sandboxMessages.seq, seq)).get();
  return r ? toEntry(r) : null;
}
