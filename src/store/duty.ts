/** Dated duty changes (schema `duty_changes`): reads for routing and 值班, writes for requests. */
import { and, desc, eq, gt, lt, or } from 'drizzle-orm';
import type { DutyChange } from '../domain/roster.js';
import type { Db, Tx } from './db.js';
import { dutyChanges } from './schema.js';

export type DutyRow = typeof dutyChanges.$inferSelect;
export type NewDutyRow = typeof dutyChanges.$inferInsert;

const asChange = (r: Pick<DutyRow, 'kind' | 'member' | 'unitCode' | 'fromAt' | 'toAt' | 'label'>): DutyChange => ({
  kind: r.kind as DutyChange['kind'],
  member: r.member,
  unit: r.unitCode,
  from: r.fromAt,
  to: r.toAt,
  label: r.label,
});

/**
 * Approved changes that overlap [from, to) (index on status and end).
 * @example approvedBetween(db, now - 86_400_000, now + 9 * 86_400_000)
 */
export function approvedBetween(db: Db | Tx, from: number, to: number): DutyChange[] {
  return db
    .select({ kind: dutyChanges.kind, member: dutyChanges.member, unitCode: dutyChanges.unitCode, fromAt: dutyChanges.fromAt, toAt: dutyChanges.toAt, label: dutyChanges.label })
    .from(dutyChanges)
    .where(and(eq(dutyChanges.status, 'approved'), gt(dutyChanges.toAt, from), lt(dutyChanges.fromAt, to)))
    .all()
    .map(asChange);
}

/** Units that have a dated duty table at any time (they have a roster without a pattern). */
export function tableUnits(db: Db | Tx): Set<string> {
  return new Set(
    db
      .selectDistinct({ unit: dutyChanges.unitCode })
      .from(dutyChanges)
      .where(and(eq(dutyChanges.status, 'approved'), eq(dutyChanges.kind, 'slot')))
      .all()
      .map((r) => r.unit)
      .filter((u): u is string => u !== null),
  );
}

export function insertDutyRows(tx: Tx, rows: NewDutyRow[]): void {
  for (let i = 0; i < rows.length; i += 200) tx.insert(dutyChanges).values(rows.slice(i, i + 200)).run();
}

/** Pending requests, newest first: leave waiting for a lead, swaps waiting for `awaiting`. */
export function pendingRequests(db: Db | Tx, filter: { request?: 'leave' | 'swap'; awaiting?: string }): DutyRow[] {
  const conds = [eq(dutyChanges.status, 'pending')];
  if (filter.request) conds.push(eq(dutyChanges.request, filter.request));
  if (filter.awaiting !== undefined) conds.push(eq(dutyChanges.awaiting, filter.awaiting));
  return db.select().from(dutyChanges).where(and(...conds)).orderBy(desc(dutyChanges.id)).all();
}

export function decideGroup(tx: Tx, groupId: string, status: 'approved' | 'rejected' | 'withdrawn', by: string, at: number): void {
  tx.update(dutyChanges).set({ status, decidedBy: by, decidedAt: at }).where(and(eq(dutyChanges.groupId, groupId), eq(dutyChanges.status, 'pending'))).run();
}

/** Every change decided or requested in [from, to), for the report's 值班变更 sheet. */
export function changesBetween(db: Db | Tx, from: number, to: number): DutyRow[] {
  return db
    .select()
    .from(dutyChanges)
    .where(or(and(gt(dutyChanges.requestedAt, from - 1), lt(dutyChanges.requestedAt, to)), and(gt(dutyChanges.toAt, from), lt(dutyChanges.fromAt, to)))!)
    .orderBy(dutyChanges.id)
    .all();
}
