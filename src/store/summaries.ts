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
 * costs more than the query itself for the tens of thousands of open cases of a city-wide shift
 * (acknowledgements and resolutions come folded by unit, in `units`).
 */
function columns<T extends unknown[]>(db: Db | Tx, sql: string, params: { from: number; to: number }): { [K in keyof T]: T[K][] } {
  const row = statement(db, sql).raw(true).get(params) as (string | null)[];
  return row.map((c) => (c === null ? [] : JSON.parse(c))) as { [K in keyof T]: T[K][] };
}

const OPEN = OPEN_STATUSES_SQL;
const ACKED = 'c.acknowledged_at > :from and c.acknowledged_at <= :to';
const RESOLVED = 'c.resolved_at > :from and c.resolved_at <= :to';
const CREATED = 'c.created_at > :from';
/**
 * One row per unit: received by level (created in the window), acknowledgement times, and
 * resolutions (from the outcome each case mirrors) of the window.
 */
const UNIT_FIGURES = `c.unit_code,
  count(*) filter (where ${CREATED} and c.level = 'urgent'), count(*) filter (where ${CREATED} and c.level = 'high'),
  count(*) filter (where ${CREATED} and c.level = 'medium'), count(*) filter (where ${CREATED} and c.level = 'low'),
  json_group_array(c.acknowledged_at - coalesce(c.dispatched_at, c.created_at)) filter (where ${ACKED}),
  count(*) filter (where ${ACKED} and c.acknowledged_at > c.ack_due_at),
  json_group_array(c.resolved_at - c.created_at) filter (where ${RESOLVED}),
  json_group_array(c.result) filter (where ${RESOLVED}),
  total(c.amount_at_risk) filter (where ${RESOLVED} and c.result = 'dissuaded'),
  total(c.loss_amount) filter (where ${RESOLVED} and c.result = 'defrauded')`;

/** The queries of readShiftRows, with `:from` and `:to` (exported for bench/summaries.ts). */
export const SHIFT_SQL = {
  // The cases created in the window, unit by unit through (unit_code, created_at): rows arrive
  // grouped, so SQLite folds them without sorting (`cross join` keeps units the outer loop; left
  // to itself the planner reads by created_at and sorts, 1.7 times slower on a city's shift);
  // then the few older cases acknowledged or resolved in the window, found by
  // (acknowledged_at|resolved_at, created_at) alone.
  units: `select ${UNIT_FIGURES} from units u cross join cases c on c.unit_code = u.code and c.created_at > :from and c.created_at <= :to group by u.code
    union all
    select ${UNIT_FIGURES} from cases c where c.rowid in (
      select rowid from cases where acknowledged_at > :from and acknowledged_at <= :to and created_at <= :from
      union select rowid from cases where resolved_at > :from and resolved_at <= :to and created_at <= :from)
    group by c.unit_code`,
  // From the escalations' own index (unit and step in it); an escalation recorded before events
  // held their unit counts where its case is now.
  escalations: `select coalesce(json_extract(e.data, '$.unit'), (select c.unit_code from cases c where c.id = e.case_id)) as unit,
      cast(json_extract(e.data, '$.step') as integer) as step, count(*) as count
    from case_events e indexed by case_events_escalated_idx
    where e.type = 'escalated' and e.at > :from and e.at <= :to group by 1, 2`,
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

type UnitFigures = [string, number, number, number, number, string, number, string, string, number, number];

/** Every row a summary of `(from, to]` needs; each query uses an index on its time column. */
export function readShiftRows(db: Db | Tx, from: number, to: number): ShiftRows {
  const window = { from, to };
  const rows = <T>(sql: string) => statement(db, sql).all(window) as T[];
  const units = (statement(db, SHIFT_SQL.units).raw(true).all(window) as UnitFigures[]).map(([unit, urgent, high, medium, low, ackMs, late, resolveMs, results, lossAverted, lossTotal]) => ({
    unit,
    received: { urgent, high, medium, low },
    ackMs: JSON.parse(ackMs) as number[],
    late,
    resolveMs: JSON.parse(resolveMs) as number[],
    results: JSON.parse(results) as Result[],
    lossAverted,
    lossTotal,
  }));
  const [openUnit, openId, openLevel, openAssignee, openCreated, openOverdue, openStatus] = columns<[string, string, Level, string | null, number, number | null, string]>(
    db,
    SHIFT_SQL.open,
    window,
  );
  return {
    units,
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
