/** The deadlines of open cases, as the timers adapter needs them (through core). */
import { and, asc, gt, inArray, isNotNull, lt } from 'drizzle-orm';
import { OPEN_STATUSES, OPEN_STATUSES_SQL } from '../domain/vocabulary.js';
import { statement, type Db } from './db.js';
import { cases } from './schema.js';

/** A case's timer: its version names the job, its next deadline is when it fires. */
export interface ArmedDeadline {
  id: string;
  version: number;
  nextDeadlineAt: number | null;
}

const select = (db: Db) => db.select({ id: cases.id, version: cases.version, nextDeadlineAt: cases.nextDeadlineAt }).from(cases);

/** Open cases with a deadline, by id after `after`, at most `limit` (paging through 100,000 keeps memory flat). */
export function openDeadlinesAfter(db: Db, after: string, limit: number): ArmedDeadline[] {
  return select(db)
    .where(and(inArray(cases.status, [...OPEN_STATUSES]), isNotNull(cases.nextDeadlineAt), gt(cases.id, after)))
    .orderBy(asc(cases.id))
    .limit(limit)
    .all();
}

/** Open cases whose deadline passed before `before` without having fired (their job was lost or failed). */
export function overdueDeadlines(db: Db, before: number): ArmedDeadline[] {
  return select(db).where(and(inArray(cases.status, [...OPEN_STATUSES]), lt(cases.nextDeadlineAt, before))).all();
}

/**
 * Ids are passed as one JSON array (`json_each`), so each statement is prepared once. The
 * status is tested with a unary `+` so that SQLite looks the ids up by primary key: offered
 * `status in (…)`, it walks (status, next_deadline_at), i.e. every open case, for each call.
 */
const BY_IDS = 'id in (select value from json_each(?))';

/** The current deadline of each case that is still open (closed ones are left out). */
export function currentDeadlines(db: Db, ids: string[]): ArmedDeadline[] {
  if (ids.length === 0) return [];
  return statement(db, `select id, version, next_deadline_at as nextDeadlineAt from cases where ${BY_IDS} and +status in ${OPEN_STATUSES_SQL} and next_deadline_at is not null`).all(
    JSON.stringify(ids),
  ) as ArmedDeadline[];
}

/** The version of each case now (open or not): the timer of the version before it is stale. */
export function versionsOf(db: Db, ids: string[]): { id: string; version: number }[] {
  if (ids.length === 0) return [];
  return statement(db, `select id, version from cases where ${BY_IDS}`).all(JSON.stringify(ids)) as { id: string; version: number }[];
}
