/**
 * A message reached WeChat: mark its outbox row delivered (so it is never relayed again) and,
 * for room messages, note that the bot spoke last there (and which case it dispatched to whom).
 */
import { eq } from 'drizzle-orm';
import type { ChatOut } from '../domain/messages.js';
import type { Db } from '../store/db.js';
import { markDelivered } from '../store/outbox.js';
import { recordRoomMessage } from '../store/rooms.js';
import { outbox } from '../store/schema.js';

export function recordDelivery(db: Db, botName: string, jobId: string, at: number, sentBy: string | null = null): void {
  db.transaction((tx) => {
    const row = tx.select().from(outbox).where(eq(outbox.jobId, jobId)).get();
    if (!row || row.deliveredAt) return;
    markDelivered(tx, jobId, at, sentBy);
    const out = row.payload as unknown as ChatOut;
    if ('room' in out) {
      const dispatch = out.meta?.kind === 'dispatch';
      recordRoomMessage(tx, { room: out.room, at, sender: botName, caseId: dispatch ? (out.meta?.caseId ?? null) : null, mention: dispatch ? (out.mentions[0]?.name ?? null) : null });
    }
  });
}

/** True when the outbox row of this job was delivered already. */
export function isDelivered(db: Db, jobId: string): boolean {
  return !!db.select({ at: outbox.deliveredAt }).from(outbox).where(eq(outbox.jobId, jobId)).get()?.at;
}
