/** Read-only answers for chat: my open cases, a case's status, live numbers of a unit. */
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { RESULT_ZH, type Result, type Status } from '../domain/case-machine.js';
import { caseStatusText, myCasesText, replies, statsText } from '../domain/converse-replies.js';
import { formatClock } from '../domain/format.js';
import { maskName, maskPhone } from '../domain/mask.js';
import type { OrgIndex } from '../domain/org.js';
import type { Level, Member } from '../domain/types.js';
import { OPEN_STATUSES, type CaseRow, type Tx } from '../store/cases.js';
import { caseOutcomes, cases, members } from '../store/schema.js';
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
  const final = tx.select().from(caseOutcomes).where(and(eq(caseOutcomes.caseId, c.id), eq(caseOutcomes.final, true))).get();
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

/** Start of the local day of `now` in `tz`, as epoch ms. */
function startOfDay(now: number, tz: string): number {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const [h, m, s] = f.format(new Date(now)).split(':').map(Number);
  return now - (((h! * 60 + m!) * 60 + s!) * 1000 + (now % 1000));
}

export function liveStats(tx: Tx, org: OrgIndex, member: Member, now: number, tz: string): string {
  const units = [...org.subtree(member.unit)];
  const since = startOfDay(now, tz);
  const today = and(inArray(cases.unitCode, units), gte(cases.createdAt, since));
  const row = tx
    .select({
      received: sql<number>`count(*)`,
      urgent: sql<number>`sum(case when ${cases.level} = 'urgent' then 1 else 0 end)`,
      acknowledged: sql<number>`sum(case when ${cases.acknowledgedAt} is not null then 1 else 0 end)`,
      resolved: sql<number>`sum(case when ${cases.status} = 'resolved' then 1 else 0 end)`,
    })
    .from(cases)
    .where(today)
    .get()!;
  const open = tx
    .select({
      open: sql<number>`count(*)`,
      overdue: sql<number>`sum(case when (${cases.status} in ('new','dispatched') and ${cases.ackDueAt} < ${now}) or (${cases.status} = 'acknowledged' and ${cases.resolveDueAt} < ${now}) then 1 else 0 end)`,
    })
    .from(cases)
    .where(and(inArray(cases.unitCode, units), inArray(cases.status, [...OPEN_STATUSES])))
    .get()!;
  const dissuaded = tx
    .select({ n: sql<number>`count(*)` })
    .from(caseOutcomes)
    .innerJoin(cases, eq(caseOutcomes.caseId, cases.id))
    .where(and(inArray(cases.unitCode, units), eq(caseOutcomes.final, true), eq(caseOutcomes.result, 'dissuaded'), gte(caseOutcomes.at, since), lt(caseOutcomes.at, now + 1)))
    .get()!.n;
  return statsText(org.unit(member.unit)?.name ?? member.unit, {
    received: Number(row.received),
    urgent: Number(row.urgent ?? 0),
    acknowledged: Number(row.acknowledged ?? 0),
    resolved: Number(row.resolved ?? 0),
    open: Number(open.open),
    overdue: Number(open.overdue ?? 0),
    dissuaded: Number(dissuaded),
  });
}
