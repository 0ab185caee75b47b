/** Reading a shift window with SQL aggregates, and storing summaries (upsert by unit and window). */
import { OPEN_STATUSES_SQL } from '../domain/vocabulary.js';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Result } from '../domain/case-machine.js';
import type { ShiftRows, ShiftSummary } from '../domain/summary.js';
import type { Level } from '../domain/types.js';
import { statement, type Db, type Tx } from './db.js';
import { meta, shiftSummaries } from './schema.js';

/**
 * Rows of a query folded by SQLite into one JSON array per column (`json_group_array`), in the
 * query's row order: one value crosses into JavaScript instead of one object per row, which
 * costs more than the query itself for the tens of thousands of acknowledgements, resolutions
 * and open cases of a city-wide shift.
 */
function columns<T extends unknown[]>(db: Db | Tx, sql: string, params: { from: number; to: number }): { [K in keyof T]: T[K][] } {
  const row = statement(db, sql).raw(true).get(params) as (string | null)[];
  return row.map((c) => (c === null ? [] : JSON.parse(c))) as { [K in keyof T]: T[K][] };
}

const OPEN = OPEN_STATUSES_SQL;
/** The queries of readShiftRows, with `:from` and `:to` (exported for bench/summaries.ts). */
export const SHIFT_SQL = {
  received: `select unit_code as unit, level, count(*) as count from cases
    where created_at > :from and created_at <= :to group by unit_code, level`,
  acks: `select json_group_array(unit_code), json_group_array(acknowledged_at - coalesce(dispatched_at, created_at)), json_group_array(acknowledged_at > ack_due_at)
    from cases where acknowledged_at > :from and acknowledged_at <= :to`,
  resolutions: `select json_group_array(c.unit_code), json_group_array(o.result), json_group_array(o.at - c.created_at), json_group_array(c.amount_at_risk), json_group_array(o.loss_amount)
    from case_outcomes o join cases c on c.id = o.case_id
    where o.at > :from and o.at <= :to and o.final = 1 and o.superseded_at is null`,
  escalations: `select c.unit_code as unit, cast(json_extract(e.data, '$.step') as integer) as step, count(*) as count
    from case_events e join cases c on c.id = e.case_id
    where e.at > :from and e.at <= :to and e.type = 'escalated' group by c.unit_code, step`,
  // Open at `to`: open now, or closed after `to`; created at or before `to`. `union all` (the
  // three sets are disjoint) lets SQLite use each index instead of scanning all cases; by rowid,
  // which those indexes hold, so each case is one look-up instead of three (index, id, row).
  open: `select json_group_array(c.unit_code), json_group_array(c.id), json_group_array(c.level), json_group_array(m.name), json_group_array(c.created_at),
      json_group_array(case when (c.acknowledged_at is null or c.acknowledged_at > :to) then c.ack_due_at < :to else c.resolve_due_at < :to end),
      json_group_array(case when c.status in ${OPEN} then c.status
           when c.acknowledged_at is not null and c.acknowledged_at <= :to then 'acknowledged' else 'dispatched' end)
    from cases c left join members m on m.id = c.assignee_id
    where c.created_at <= :to and c.rowid in (
      select rowid from cases where status in ${OPEN}
      union all select rowid from cases where resolved_at > :to
      union all select rowid from cases where cancelled_at > :to)`,
  outreach: `select unit_code as unit, count(*) as events, sum(people) as people, sum(installs) as installs
    from outreach_logs where created_at > :from and created_at <= :to and withdrawn_at is null group by unit_code`,
};

/** Every row a summary of `(from, to]` needs; each query uses an index on its time column. */
export function readShiftRows(db: Db | Tx, from: number, to: number): ShiftRows {
  const window = { from, to };
  const rows = <T>(sql: string) => statement(db, sql).all(window) as T[];
  const [ackUnit, ackMs, ackLate] = columns<[string, number, number | null]>(db, SHIFT_SQL.acks, window);
  const [resUnit, resResult, resMs, resAmount, resLoss] = columns<[string, Result, number, number | null, number | null]>(db, SHIFT_SQL.resolutions, window);
  const [openUnit, openId, openLevel, openAssignee, openCreated, openOverdue, openStatus] = columns<[string, string, Level, string | null, number, number | null, string]>(
    db,
    SHIFT_SQL.open,
    window,
  );
  return {
    received: rows<ShiftRows['received'][number]>(SHIFT_SQL.received),
    acks: ackUnit.map((unit, i) => ({ unit, ackMs: ackMs[i]!, late: ackLate[i] === 1 })),
    resolutions: resUnit.map((unit, i) => ({ unit, result: resResult[i]!, resolveMs: resMs[i]!, amountAtRisk: resAmount[i]!, lossAmount: resLoss[i]! })),
    escalations: rows<ShiftRows['escalations'][number]>(SHIFT_SQL.escalations),
    open: openUnit.map((unit, i) => ({
      unit, caseId: openId[i]!, level: openLevel[i]!, assignee: openAssignee[i]!, createdAt: openCreated[i]!, status: openStatus[i]!, overdue: openOverdue[i] === 1,
    })),
    outreach: rows<ShiftRows['outreach'][number]>(SHIFT_SQL.outreach),
  };
}

const UPSERT_SQL = `insert into shift_summaries (unit_code, from_at, to_at, data, compiled_at) values (?, ?, ?, ?, ?)
    on conflict (unit_code, from_at, to_at) do update set data = excluded.data`;

/** Inserts or replaces the summaries of one window (one prepared statement); the first compile time is kept. */
export function upsertSummaries(tx: Db | Tx, summaries: ShiftSummary[], compiledAt: number): void {
  const stmt = statement(tx, UPSERT_SQL);
  for (const s of summaries) stmt.run(s.unit, Date.parse(s.from), Date.parse(s.to), JSON.stringify(s), compiledAt);
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
