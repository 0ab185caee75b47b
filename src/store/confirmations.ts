/** Pending one-tap confirmations and the refusals counted per sender (the flood limit). */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from './db.js';
import { inboundMessages, pendingConfirmations } from './schema.js';

export type PendingRow = typeof pendingConfirmations.$inferSelect;

/**
 * The sender's confirmation in this chat (a room, or null for private) that still waits for 1
 * or 2 at `at`, if any — a question asked in one chat is answered only there; with `graceMs`, also
 * one that expired no longer ago than that (so a late 1 is told it expired, not ignored).
 */
export function pendingOf(db: Db | Tx, senderWechatId: string, room: string | null, at: number, graceMs = 0): PendingRow | null {
  return (
    db
      .select()
      .from(pendingConfirmations)
      .where(and(eq(pendingConfirmations.senderWechatId, senderWechatId), room === null ? isNull(pendingConfirmations.room) : eq(pendingConfirmations.room, room), isNull(pendingConfirmations.resolvedAt), gt(pendingConfirmations.expiresAt, at - graceMs)))
      .orderBy(sql`${pendingConfirmations.id} desc`)
      .get() ?? null
  );
}

/** Stores a new confirmation; an older one of the same sender is superseded (one question at a time). */
export function addPending(tx: Tx, p: { senderWechatId: string; room: string | null; caseId: string | null; command: Record<string, unknown>; at: number; ttlMs: number }): void {
  tx.update(pendingConfirmations)
    .set({ resolvedAt: p.at, resolution: 'superseded' })
    .where(and(eq(pendingConfirmations.senderWechatId, p.senderWechatId), isNull(pendingConfirmations.resolvedAt)))
    .run();
  tx.insert(pendingConfirmations).values({ senderWechatId: p.senderWechatId, room: p.room, caseId: p.caseId, command: p.command, createdAt: p.at, expiresAt: p.at + p.ttlMs }).run();
}

export function resolvePending(tx: Tx, id: number, resolution: 'confirmed' | 'cancelled', at: number): void {
  tx.update(pendingConfirmations).set({ resolvedAt: at, resolution }).where(eq(pendingConfirmations.id, id)).run();
}

/** Refusals the bot sent this sender since `since` (index on sender and time). */
export function refusalsSince(db: Db | Tx, senderWechatId: string, since: number): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.senderWechatId, senderWechatId), gt(inboundMessages.refusedAt, since)))
    .get()!.n;
}

export function markRefused(tx: Tx, messageId: string, at: number): void {
  tx.update(inboundMessages).set({ refusedAt: at }).where(eq(inboundMessages.messageId, messageId)).run();
}
