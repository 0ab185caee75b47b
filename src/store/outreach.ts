/** Outreach logs (宣传台账) in the store. */
import { and, desc, eq, gt, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { OutreachLog } from '../domain/outreach.js';
import type { Db, Tx } from './db.js';
import { members, outreachLogs } from './schema.js';

export type OutreachRow = typeof outreachLogs.$inferSelect;

export function insertOutreach(tx: Db | Tx, v: { memberId: number; unitCode: string; day: string; log: OutreachLog; rawText: string; messageId: string; at: number; room: string | null }): OutreachRow {
  return tx
    .insert(outreachLogs)
    .values({
      memberId: v.memberId,
      unitCode: v.unitCode,
      day: v.day,
      place: v.log.place,
      form: v.log.form,
      people: v.log.people,
      installs: v.log.installs,
      leaflets: v.log.leaflets,
      targets: v.log.targets,
      note: v.log.note,
      rawText: v.rawText,
      messageId: v.messageId,
      room: v.room,
      createdAt: v.at,
    })
    .returning()
    .get();
}

/** The member's latest log that is still standing, created after `since`. */
export function latestOutreach(tx: Db | Tx, memberId: number, since: number): OutreachRow | null {
  return (
    tx
      .select()
      .from(outreachLogs)
      .where(and(eq(outreachLogs.memberId, memberId), isNull(outreachLogs.withdrawnAt), gt(outreachLogs.createdAt, since)))
      .orderBy(desc(outreachLogs.createdAt), desc(outreachLogs.id))
      .get() ?? null
  );
}

/** The member's standing logs from `fromDay` (YYYY-MM-DD) on, newest first. */
export function memberOutreachSince(tx: Db | Tx, memberId: number, fromDay: string): OutreachRow[] {
  return tx
    .select()
    .from(outreachLogs)
    .where(and(eq(outreachLogs.memberId, memberId), isNull(outreachLogs.withdrawnAt), gte(outreachLogs.day, fromDay)))
    .orderBy(desc(outreachLogs.day), desc(outreachLogs.createdAt))
    .all();
}

export function withdrawOutreach(tx: Db | Tx, id: number, at: number): void {
  tx.update(outreachLogs).set({ withdrawnAt: at }).where(eq(outreachLogs.id, id)).run();
}

export function addPhoto(tx: Db | Tx, id: number): number {
  return tx.update(outreachLogs).set({ photoCount: sql`${outreachLogs.photoCount} + 1` }).where(eq(outreachLogs.id, id)).returning({ n: outreachLogs.photoCount }).get()!.n;
}

/** Names of the given members who have a standing log on `day`. */
export function postedOn(tx: Db | Tx, names: string[], day: string): Set<string> {
  if (names.length === 0) return new Set();
  const rows = tx
    .selectDistinct({ name: members.name })
    .from(outreachLogs)
    .innerJoin(members, eq(members.id, outreachLogs.memberId))
    .where(and(inArray(members.name, names), eq(outreachLogs.day, day), isNull(outreachLogs.withdrawnAt)))
    .all();
  return new Set(rows.map((r) => r.name));
}

/** Totals per unit of the standing logs of days `[fromDay, toDay]` (local dates). */
export function outreachTotals(tx: Db | Tx, fromDay: string, toDay: string): { unit: string; events: number; people: number; installs: number }[] {
  return tx
    .select({ unit: outreachLogs.unitCode, events: sql<number>`count(*)`, people: sql<number>`sum(${outreachLogs.people})`, installs: sql<number>`sum(${outreachLogs.installs})` })
    .from(outreachLogs)
    .where(and(gte(outreachLogs.day, fromDay), lte(outreachLogs.day, toDay), isNull(outreachLogs.withdrawnAt)))
    .groupBy(outreachLogs.unitCode)
    .all()
    .map((r) => ({ unit: r.unit, events: Number(r.events), people: Number(r.people), installs: Number(r.installs) }));
}
