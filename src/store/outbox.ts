/** The transactional outbox: rows written in the same transaction as the change they follow. */
import { and, asc, eq, isNull, lt, or, inArray } from 'drizzle-orm';
import type { ChatOut } from '../domain/messages.js';
import type { Db, Tx } from './db.js';
import { outbox } from './schema.js';


export interface OutboxRow {
  id: number;
  queue: string;
  jobId: string;
  payload: Record<string, unknown>;
  priority: number;
}

/**
 * Adds a chat message to the outbox inside `tx`. `key` makes it unique (e.g. `reply-<messageId>-0`):
 * writing the same key twice keeps one row, so a retried handler never sends twice.
 */
export function addOutboxMessage(tx: Tx | Db, queue: string, key: string, message: ChatOut, priority: number, now: number): void {
  tx.insert(outbox)
    .values({ queue, jobId: `out-${key}`, payload: message as unknown as Record<string, unknown>, priority, createdAt: now })
    .onConflictDoNothing({ target: outbox.jobId })
    .run();
}

/**
 * Rows to relay: never relayed, or relayed long ago and still not delivered (Redis may have
 * lost them; re-adding with the same job id is harmless while the job still exists).
 */
export function pendingOutbox(db: Db, staleBefore: number, limit = 500): OutboxRow[] {
  return db
    .select({ id: outbox.id, queue: outbox.queue, jobId: outbox.jobId, payload: outbox.payload, priority: outbox.priority })
    .from(outbox)
    .where(and(isNull(outbox.deliveredAt), or(isNull(outbox.relayedAt), lt(outbox.relayedAt, staleBefore))))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .all();
}

export function markRelayed(db: Db, ids: number[], now: number): void {
  if (ids.length) db.update(outbox).set({ relayedAt: now }).where(inArray(outbox.id, ids)).run();
}

export function markDelivered(db: Db | Tx, jobId: string, now: number): void {
  db.update(outbox).set({ deliveredAt: now }).where(and(eq(outbox.jobId, jobId), isNull(outbox.deliveredAt))).run();
}
