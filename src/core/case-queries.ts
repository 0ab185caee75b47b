/** Read-only answers for chat: my open cases, a case's status, live numbers of a unit. */
import { OPEN_STATUSES_SQL } from '../domain/vocabulary.js';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { RESULT_ZH, type Result, type Status } from '../domain/case-machine.js';
import { caseStatusText, myCasesText, replies, statsText } from '../domain/converse-replies.js';
import { formatClock } from '../domain/format.js';
import { maskName, maskPhone } from '../domain/mask.js';
import type { OrgIndex } from '../domain/org.js';
import type { Level, Member } from '../domain/types.js';
import { OPEN_STATUSES, type CaseRow, type Tx } from '../store/cases.js';
import { caseOutcomes, cases, members } from '../store/schema.js';
import { readShiftRows } from '../store/summaries.js';
import { lastBoundary } from '../domain/shifts.js';
import { compileSummaries } from '../domain/summary.js';
import { assigneeName } from './case-actions.js';

export function openCasesOf(tx: Tx, name: string): CaseRow[] {
  return tx
    .select({ c: cases })
    .from(cases)
    .innerJoin(members, eq(cases.assigneeId, members.id))
    .where(and(eq(members.name, name), inArray(cases.status, [...OPEN_STATUSES])))
    .orderBy(asc(cases.nextDeadlineAt))
    .all()
    .map((r) => r.c);
}

const LIST_LIMIT = 8;

export function myCases(tx: Tx, member: Member, now: number, tz: string): string {
  const open = openCasesOf(tx, member.name);
  if (open.length === 0) return replies.noOpenCases();
  const items = open.slice(0, LIST_LIMIT).map((c) => ({
    id: c.id,
    level: c.level as Level,
    status: c.status as Status,
    due: formatClock((c.status === 'acknowledged' ? c.resolveDueAt : c.ackDueAt) ?? now, now, tz) + (c.status === 'acknowledged' ? '反馈' : '接单'),
  }));
  return myCasesText(items, open.length - items.length);
}

export function caseStatus(tx: Tx, c: CaseRow, full: boolean, now: number, tz: string): string {
  const subject = full ? `${c.subjectName ?? ''}，${c.subjectPhone ?? ''}，${c.subjectAddress ?? ''}` : `${maskName(c.subjectName ?? '')}，${maskPhone(c.subjectPhone ?? '')}`;
  const final = tx.select().from(caseOutcomes).where(and(eq(caseOutcomes.caseId, c.id), eq(caseOutcomes.final, true), isNull(caseOutcomes.supersededAt))).get();
  const open = (OPEN_STATUSES as readonly string[]).includes(c.status);
  return caseStatusText({
    id: c.id,
    level: c.level as Level,
    status: c.status as Status,
    assignee: assigneeName(tx, c),
    subject: c.anonymisedAt ? '（已按规定清除）' : subject,
    attempts: c.attempts,
    acknowledgedAt: c.acknowledgedAt ? formatClock(c.acknowledgedAt, now, tz) : null,
    outcome: final ? RESULT_ZH[final.result as Result] : null,
    due: open ? formatClock(c.resolveDueAt ?? now, now, tz) : null,
  });
}

/**
 * Live numbers of the current shift for the member's unit and everything below it: the same
 * arithmetic as the stored shift summaries, over `(last boundary, now]`.
 */
export function liveStats(tx: Tx, org: OrgIndex, member: Member, now: number, tz: string, boundaries: string): string {
  const units = [...org.subtree(member.unit)];
  const from = lastBoundary(boundaries, now, tz);
  const s = compileSummaries(org, from, now, readShiftRows(tx, from, now)).get(member.unit)!;
  // Open cases only, through the status index: the cost does not grow with closed history.
  const overdue = tx.get<{ n: number }>(sql`select count(*) as n from cases indexed by cases_status_deadline_idx
    where status in ${sql.raw(OPEN_STATUSES_SQL)}
      and unit_code in (${sql.join(units.map((u) => sql`${u}`), sql`, `)})
      and ((status in ('new', 'dispatched') and ack_due_at < ${now}) or (status = 'acknowledged' and resolve_due_at < ${now}))`).n;
  return statsText(org.unit(member.unit)?.name ?? member.unit, formatClock(from, now, tz), {
    received: s.received.total,
    urgent: s.received.urgent,
    acknowledged: s.acknowledged,
    resolved: s.resolved,
    open: s.carriedOver.count,
    overdue: Number(overdue),
    dissuaded: s.resolvedByResult.dissuaded,
  });
}
