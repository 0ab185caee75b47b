/** Reading a shift window with SQL aggregates, and storing summaries (upsert by unit and window). */
import { OPEN_STATUSES_SQL } from '../domain/vocabulary.js';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Result } from '../domain/case-machine.js';
import type { ShiftRows, ShiftSummary } from '../domain/summary.js';
import type { Level } from '../domain/types.js';
import type { Db, Tx } from './db.js';
import { meta, shiftSummaries } from './schema.js';


/** Every row a summary of `(from, to]` needs; each query uses an index on its time column. */
export function readShiftRows(db: Db | Tx, from: number, to: number): ShiftRows {
  const all = <T>(q: ReturnType<typeof sql>) => db.all<T>(q);
  const received = all<{ unit: string; level: Level; count: number }>(sql`
    select unit_code as unit, level, count(*) as count from cases
    where created_at > ${from} and created_at <= ${to} group by unit_code, level`);
  const acks = all<{ unit: string; ackMs: number; late: number }>(sql`
    select unit_code as unit, acknowledged_at - coalesce(dispatched_at, created_at) as ackMs, acknowledged_at > ack_due_at as late
    from cases where acknowledged_at > ${from} and acknowledged_at <= ${to}`);
  const resolutions = all<{ unit: string; result: Result; resolveMs: number; amountAtRisk: number | null; lossAmount: number | null }>(sql`
    select c.unit_code as unit, o.result as result, o.at - c.created_at as resolveMs, c.amount_at_risk as amountAtRisk, o.loss_amount as lossAmount
    from case_outcomes o join cases c on c.id = o.case_id
    where o.at > ${from} and o.at <= ${to} and o.final = 1 and o.superseded_at is null`);
  const escalations = all<{ unit: string; step: number; count: number }>(sql`
    select c.unit_code as unit, cast(json_extract(e.data, '$.step') as integer) as step, count(*) as count
    from case_events e join cases c on c.id = e.case_id
    where e.at > ${from} and e.at <= ${to} and e.type = 'escalated' group by c.unit_code, step`);
  // Open at `to`: open now, or closed after `to`; created at or before `to`. `union all` (the
  // three sets are disjoint) lets SQLite use each index instead of scanning all cases.
  const open = all<{ unit: string; caseId: string; level: Level; assignee: string | null; createdAt: number; status: string; overdue: number }>(sql`
    select c.unit_code as unit, c.id as caseId, c.level as level, m.name as assignee, c.created_at as createdAt,
      case when (c.acknowledged_at is null or c.acknowledged_at > ${to}) then c.ack_due_at < ${to} else c.resolve_due_at < ${to} end as overdue,
      case when c.status in ${sql.raw(OPEN_STATUSES_SQL)} then c.status
           when c.acknowledged_at is not null and c.acknowledged_at <= ${to} then 'acknowledged' else 'dispatched' end as status
    from cases c left join members m on m.id = c.assignee_id
    where c.created_at <= ${to} and c.id in (
      select id from cases where status in ${sql.raw(OPEN_STATUSES_SQL)}
      union all select id from cases where resolved_at > ${to}
      union all select id from cases where cancelled_at > ${to})`);
  const outreach = all<{ unit: string; events: number; people: number; installs: number }>(sql`
    select unit_code as unit, count(*) as events, sum(people) as people, sum(installs) as installs
    from outreach_logs where created_at > ${from} and created_at <= ${to} and withdrawn_at is null group by unit_code`);
  return { received, acks: acks.map((a) => ({ ...a, late: !!a.late })), resolutions, escalations, open: open.map((o) => ({ ...o, overdue: !!o.overdue })), outreach };
}

/** Inserts or replaces the summaries of one window (one prepared statement); the first compile time is kept. */
export function upsertSummaries(tx: Db | Tx, summaries: ShiftSummary[], compiledAt: number): void {
  const stmt = tx
    .insert(shiftSummaries)
    .values({ unitCode: sql.placeholder('unit'), fromAt: sql.placeholder('from'), toAt: sql.placeholder('to'), data: sql.placeholder('data'), compiledAt: sql.placeholder('at') })
    .onConflictDoUpdate({ target: [shiftSummaries.unitCode, shiftSummaries.fromAt, shiftSummaries.toAt], set: { data: sql`excluded.data` } })
    .prepare();
  for (const s of summaries) {
    stmt.run({ unit: s.unit, from: Date.parse(s.from), to: Date.parse(s.to), data: s, at: compiledAt });
  }
}

/** Stored summaries of a unit whose window ends within `[from, to]`, oldest first. */
export function listSummaries(db: Db, unit: string, from: number, to: number): ShiftSummary[] {
  return db
    .select({ data: shiftSummaries.data })
    .from(shiftSummaries)
    .where(and(eq(shiftSummaries.unitCode, unit), gte(shiftSummaries.toAt, from), lte(shiftSummaries.toAt, to)))
    .orderBy(asc(shiftSummaries.toAt))
    .all()
    .map((r) => r.data as unknown as ShiftSummary);
}

export function summariesOfWindow(db: Db, units: string[], toAt: number): ShiftSummary[] {
  return db
    .select({ data: shiftSummaries.data })
    .from(shiftSummaries)
    .where(and(inArray(shiftSummaries.unitCode, units), eq(shiftSummaries.toAt, toAt)))
    .all()
    .map((r) => r.data as unknown as ShiftSummary);
}

export function readMeta(db: Db | Tx, key: string): string | null {
  return db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value ?? null;
}

export function writeMeta(db: Db | Tx, key: string, value: string, at: number): void {
  db.insert(meta).values({ key, value, updatedAt: at }).onConflictDoUpdate({ target: meta.key, set: { value, updatedAt: at } }).run();
}
