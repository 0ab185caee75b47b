/** The transactional outbox: rows written in the same transaction as the change they follow. */
import { and, eq, isNull, min, sql } from 'drizzle-orm';
import { isSafeKey } from '../domain/keys.js';
import type { ChatOut } from '../domain/messages.js';
import { statement, type Db, type Tx } from './db.js';
import { outbox } from './schema.js';

export interface OutboxRow {
  id: number;
  queue: string;
  jobId: string;
  payload: Record<string, unknown>;
  priority: number;
}

/**
 * The logical queue of chat messages: core says who a message is for (a room or a member),
 * never which bot account or queue carries it; the relay maps this to `outbound-<botId>`.
 */
export const OUTBOUND = 'outbound';

/** The BullMQ job id of an outbox key (keys come from `makeKey`, so they are safe already). */
export function outboxJobId(key: string): string {
  return `out-${key}`;
}

/**
 * Adds a chat message to the outbox inside `tx`. `key` makes it unique (built by `makeKey`,
 * e.g. `reply-<messageId>-0`): writing the same key twice keeps one row, so a retried handler
 * never sends twice. A key that BullMQ would refuse is a bug of ours: it throws before anything
 * is written, so one bad row can never block the relay.
 */
export function addOutboxMessage(tx: Tx | Db, key: string, message: ChatOut, priority: number, now: number, caseId: string | null = null): void {
  const jobId = outboxJobId(key);
  if (!isSafeKey(jobId)) throw new Error(`unsafe outbox key ${JSON.stringify(jobId.slice(0, 80))}: build keys with makeKey()`);
  statement(tx, 'insert into outbox (queue, job_id, payload, priority, created_at, case_id) values (?, ?, ?, ?, ?, ?) on conflict (job_id) do nothing').run(
    OUTBOUND, jobId, JSON.stringify(message), priority, now, caseId ?? message.meta?.caseId ?? null,
  );
}

/**
 * Rows to relay: never relayed, or relayed long ago and still not delivered (Redis may have
 * lost them; re-adding with the same job id is harmless while the job still exists). Rows
 * marked failed are never relayed again. Each half is one range of the pending index
 * (delivered_at, failed_at, relayed_at): written as one `relayed_at is null or …` SQLite reads
 * every undelivered row, so the relay, which runs after every intake, would slow down with
 * the backlog of messages waiting to be sent.
 */
export function pendingOutbox(db: Db, staleBefore: number, limit = 500): OutboxRow[] {
  const rows = statement(
    db,
    `select id, queue, jobId, payload, priority from (
       select id, queue, job_id as jobId, payload, priority from outbox where delivered_at is null and failed_at is null and relayed_at is null
       union all
       select id, queue, job_id as jobId, payload, priority from outbox where delivered_at is null and failed_at is null and relayed_at < ?
     ) order by id limit ?`,
  ).all(staleBefore, limit) as (Omit<OutboxRow, 'payload'> & { payload: string })[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

/**
 * Marks rows relayed in one statement, so in one transaction (the relay runs after every
 * intake): the ids go as one JSON array (`json_each`), each looked up by primary key.
 */
export function markRelayed(db: Db, ids: number[], now: number): void {
  if (!ids.length) return;
  statement(db, 'update outbox set relayed_at = ? where id in (select value from json_each(?))').run(now, JSON.stringify(ids));
}

/** A row BullMQ or WeChat refused for good: kept with its reason, never relayed again. */
export function markFailed(db: Db | Tx, id: number, reason: string, now: number): void {
  db.update(outbox).set({ failedAt: now, failReason: reason.slice(0, 500) }).where(and(eq(outbox.id, id), isNull(outbox.deliveredAt))).run();
}

/** The gateway gave a message up for good (e.g. its recipient is not bound). */
export function markFailedByJob(db: Db | Tx, jobId: string, reason: string, now: number): void {
  db.update(outbox).set({ failedAt: now, failReason: reason.slice(0, 500) }).where(and(eq(outbox.jobId, jobId), isNull(outbox.deliveredAt))).run();
}

export function markDelivered(db: Db | Tx, jobId: string, now: number, sentBy: string | null = null): void {
  db.update(outbox).set({ deliveredAt: now, sentBy }).where(and(eq(outbox.jobId, jobId), isNull(outbox.deliveredAt))).run();
}

/**
 * Undelivered rows of these priorities or more urgent, relayed or not: what a room's backup
 * account carries while its own account is down (issue 17).
 */
export function undeliveredUpTo(db: Db, maxPriority: number, limit = 2000): OutboxRow[] {
  const rows = statement(
    db,
    `select id, queue, job_id as jobId, payload, priority from outbox
     where delivered_at is null and failed_at is null and priority <= ? order by priority, id limit ?`,
  ).all(maxPriority, limit) as (Omit<OutboxRow, 'payload'> & { payload: string })[];
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

/** The account each of these members bound through (members not bound through one are left out). */
export function boundVia(db: Db, names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const q = statement(db, 'select bound_via as via from members where name = ? and bound_via is not null');
  for (const n of new Set(names)) {
    const r = q.get(n) as { via: string } | undefined;
    if (r) out.set(n, r.via);
  }
  return out;
}

/** How far the relay and the gateways are behind: the oldest message not yet delivered, and how many wait. */
export function outboxBacklog(db: Db): { waiting: number; oldestCreatedAt: number | null; failed: number } {
  const row = db
    .select({ waiting: sql<number>`count(*)`, oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(and(isNull(outbox.deliveredAt), isNull(outbox.failedAt)))
    .get();
  const failed = db.select({ n: sql<number>`count(*)` }).from(outbox).where(and(isNull(outbox.deliveredAt), sql`${outbox.failedAt} is not null`, isNull(outbox.clearedAt))).get();
  return { waiting: row?.waiting ?? 0, oldestCreatedAt: row?.oldest ?? null, failed: failed?.n ?? 0 };
}
