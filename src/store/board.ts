/**
 * What the live case board reads: open cases of a set of units, today's leads by hour, timing
 * aggregates of a window, and a change mark that moves with every commit (cheap to poll).
 * Unit sets are passed as one JSON array (`json_each`), so each statement is prepared once.
 */
import type { BoardCaseRow, TimingRow } from '../domain/board.js';
import { OPEN_STATUSES_SQL } from '../domain/vocabulary.js';
import { sqliteOf, statement, type Db, type Tx } from './db.js';

const IN_UNITS = 'unit_code in (select value from json_each(:units))';

// Through the status index: the cost follows the open cases, not the history.
const OPEN_CASES = `select c.id, c.level, c.unit_code as unit, c.status, m.name as assignee, c.escalation_step as escalationStep,
    c.ack_due_at as ackDueAt, c.resolve_due_at as resolveDueAt, c.created_at as createdAt, c.supervised_at as supervisedAt,
    c.subject_name as subjectName, c.subject_phone as subjectPhone, c.subject_address as subjectAddress, c.anonymised_at as anonymisedAt
  from cases c indexed by cases_status_deadline_idx left join members m on m.id = c.assignee_id
  where c.status in ${OPEN_STATUSES_SQL} and c.${IN_UNITS}`;

const BUCKETS = `select (created_at - :from) / :bucket as hour, level, count(*) as count from cases
  where created_at > :from and created_at <= :to and ${IN_UNITS} group by hour, level`;

const TIMINGS = `select unit_code as unit, level,
    count(acknowledged_at) as acked,
    coalesce(sum(acknowledged_at <= ack_due_at), 0) as ackedInTime,
    coalesce(sum(acknowledged_at - coalesce(dispatched_at, created_at)), 0) as ackMsSum,
    count(resolved_at) as resolved,
    coalesce(sum(resolved_at <= resolve_due_at), 0) as resolvedInTime,
    coalesce(sum(resolved_at - created_at), 0) as resolveMsSum
  from cases where created_at > :from and created_at <= :to and ${IN_UNITS} group by unit_code, level`;

const OVERDUE = `select count(*) as n from cases indexed by cases_status_deadline_idx
  where status in ${OPEN_STATUSES_SQL} and ${IN_UNITS}
    and ((status in ('new', 'dispatched') and ack_due_at < :now) or (status = 'acknowledged' and resolve_due_at < :now))`;

// Every case change appends an event (DESIGN.md "The case"); outcomes and outreach logs have their own rows.
const MARK = `select coalesce((select max(id) from case_events), 0) || '.' || coalesce((select max(id) from case_outcomes), 0) || '.' || coalesce((select max(id) from outreach_logs), 0) as mark`;

/** Open cases of these units, personal fields still in clear (the domain masks them). */
export function openCasesIn(db: Db | Tx, units: string[]): BoardCaseRow[] {
  return statement(db, OPEN_CASES).all({ units: JSON.stringify(units) }) as BoardCaseRow[];
}

/** Leads created in `(from, to]` by level and by bucket of `bucketMs` since `from` (`hour` = the bucket's index). */
export function leadsByBucket(db: Db | Tx, units: string[], from: number, to: number, bucketMs: number): { hour: number; level: string; count: number }[] {
  return statement(db, BUCKETS).all({ units: JSON.stringify(units), from, to, bucket: bucketMs }) as { hour: number; level: string; count: number }[];
}

/** Leads created in `(from, to]` by hour since `from` and level. */
export function leadsByHour(db: Db | Tx, units: string[], from: number, to: number): { hour: number; level: string; count: number }[] {
  return leadsByBucket(db, units, from, to, 3_600_000);
}

/** Acknowledgement and resolution times of the cases created in `(from, to]`, by unit and level. */
export function timingsIn(db: Db | Tx, units: string[], from: number, to: number): TimingRow[] {
  return statement(db, TIMINGS).all({ units: JSON.stringify(units), from, to }) as TimingRow[];
}

/** Open cases of these units past their next deadline at `now`. */
export function overdueIn(db: Db | Tx, units: string[], now: number): number {
  return Number((statement(db, OVERDUE).get({ units: JSON.stringify(units), now }) as { n: number }).n);
}

/**
 * A mark that changes with every case change, outcome and outreach log, whichever process
 * committed it (`data_version` moves when another connection commits). Three index look-ups.
 */
export function changeMark(db: Db): string {
  const version = sqliteOf(db).pragma('data_version', { simple: true }) as number;
  return `${(statement(db, MARK).get() as { mark: string }).mark}.${version}`;
}
