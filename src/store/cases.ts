/** Cases in the store: reading them as domain facts, and the rows intake needs. */
import { and, asc, desc, eq, getTableColumns, isNull } from 'drizzle-orm';
import type { CaseFacts } from '../domain/case-replies.js';
import type { Category } from '../domain/lead.js';
import type { Level } from '../domain/types.js';
import { statement, type Db, type Tx } from './db.js';
import { caseEvents, caseOutcomes, cases, members } from './schema.js';

export type { Tx };
export type CaseRow = typeof cases.$inferSelect;

/** Statuses of a case that still needs someone (DESIGN.md "The case"). */
import { OPEN_STATUSES } from '../domain/vocabulary.js';

export { OPEN_STATUSES };

export function caseFacts(row: CaseRow): CaseFacts {
  return {
    id: row.id,
    level: row.level as Level,
    category: (row.category as Category | null) ?? null,
    subject: { name: row.subjectName ?? '', phone: row.subjectPhone ?? '', address: row.subjectAddress ?? '', idNumber: row.subjectIdNumber },
    amountAtRisk: row.amountAtRisk,
    detail: row.detail,
    ackDueAt: row.ackDueAt ?? row.createdAt,
    resolveDueAt: row.resolveDueAt ?? row.createdAt,
    createdAt: row.createdAt,
  };
}

const COLUMNS = Object.entries(getTableColumns(cases));
/** Every column under its drizzle name, so a raw row is the row drizzle would return (no JSON columns in `cases`). */
const CASE_SELECT = `select ${COLUMNS.map(([key, col]) => `"${col.name}" as "${key}"`).join(', ')} from cases`;
const CASE_BY_ID = `${CASE_SELECT} where id = ?`;
const CASE_INSERT = `insert into cases (${COLUMNS.map(([, col]) => `"${col.name}"`).join(', ')}) values (${COLUMNS.map(([key]) => `@${key}`).join(', ')})`;
const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

export function caseById(db: Db | Tx, id: string): CaseRow | null {
  return (statement(db, CASE_BY_ID).get(id) as CaseRow | undefined) ?? null;
}

/** True when a case has this id (new ids are checked against it). */
export function caseExists(db: Db | Tx, id: string): boolean {
  return statement(db, 'select 1 from cases where id = ?').get(id) !== undefined;
}

/** Writes a whole case row (intake builds it in memory, so nothing is read back). */
export function insertCase(db: Db | Tx, row: CaseRow): void {
  statement(db, CASE_INSERT).run(row);
}

/** The case a lead's external id was taken into, if any (a re-sent lead is a duplicate). */
export function caseOfLead(db: Db | Tx, externalId: string): string | null {
  return (statement(db, 'select case_id as caseId from case_leads where external_id = ?').get(externalId) as { caseId: string } | undefined)?.caseId ?? null;
}

/** Records that a lead was taken in (`created`) or joined an open case (`merged`). */
export function recordLead(
  db: Db | Tx,
  l: { externalId: string; caseId: string; receivedAt: number; level: string; category: string | null; amountAtRisk: number | null; detail: string | null; outcome: 'created' | 'merged' },
): void {
  statement(db, 'insert into case_leads (external_id, case_id, received_at, level, category, amount_at_risk, detail, outcome) values (?, ?, ?, ?, ?, ?, ?, ?)').run(
    l.externalId, l.caseId, l.receivedAt, l.level, l.category, l.amountAtRisk, l.detail, l.outcome,
  );
}

/** The id of the newest open case of a subject phone, if any (repeat warnings join it); index on (phone, status). */
export function openCaseByPhone(db: Db | Tx, phone: string): string | null {
  const row = statement(db, `select id from cases where subject_phone = ? and status in (${OPEN_SQL}) order by created_at desc limit 1`).get(phone) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Open cases per member name and when each was last assigned a case: the inputs of fair
 * routing. Reads only open cases (index on assignee and status) and the members' own
 * `last_assigned_at`, so it costs the same after a million closed cases as after ten.
 */
export function workload(db: Db | Tx, names: string[]): { open: Map<string, number>; lastAssigned: Map<string, number> } {
  const open = new Map<string, number>();
  const lastAssigned = new Map<string, number>();
  const person = statement(db, 'select id, last_assigned_at as last from members where name = ?');
  const count = statement(db, `select count(*) as n from cases where assignee_id = ? and status in (${OPEN_SQL})`);
  for (const name of names) {
    const p = person.get(name) as { id: number; last: number | null } | undefined;
    if (!p) continue;
    open.set(name, (count.get(p.id) as { n: number }).n);
    if (p.last !== null) lastAssigned.set(name, p.last);
  }
  return { open, lastAssigned };
}

/** Notes that `memberId` was just given a case (fair routing rotates on it). */
export function noteAssigned(tx: Db | Tx, memberId: number, at: number): void {
  statement(tx, 'update members set last_assigned_at = ? where id = ?').run(at, memberId);
}

export function appendEvent(tx: Db | Tx, caseId: string, at: number, type: string, actor: string, data?: Record<string, unknown>, messageId?: string): void {
  statement(tx, 'insert into case_events (case_id, at, type, actor, data, message_id) values (?, ?, ?, ?, ?, ?)').run(
    caseId, at, type, actor, data ? JSON.stringify(data) : null, messageId ?? null,
  );
}

export interface CaseView {
  caseId: string;
  externalId: string;
  level: string;
  category: string | null;
  unit: string;
  status: string;
  assignee: string | null;
  subject: { name: string | null; phone: string | null; address: string | null; idNumber: string | null };
  amountAtRisk: number | null;
  detail: string | null;
  createdAt: string;
  ackDueAt: string | null;
  resolveDueAt: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  outcome: { method: string | null; result: string; lossAmount: number | null } | null;
  attempts: number;
  escalationStep: number;
  events: ({ at: string; type: string; actor: string } & Record<string, unknown>)[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The full case with its trail, as the authenticated case API returns it. */
export function caseView(db: Db, id: string): CaseView | null {
  const row = caseById(db, id);
  if (!row) return null;
  const assignee = row.assigneeId ? db.select({ name: members.name }).from(members).where(eq(members.id, row.assigneeId)).get() : undefined;
  const final = db
    .select()
    .from(caseOutcomes)
    .where(and(eq(caseOutcomes.caseId, id), eq(caseOutcomes.final, true), isNull(caseOutcomes.supersededAt)))
    .orderBy(desc(caseOutcomes.id))
    .get();
  const events = db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.id)).all();
  return {
    caseId: row.id,
    externalId: row.externalId,
    level: row.level,
    category: row.category,
    unit: row.unitCode,
    status: row.status,
    assignee: assignee?.name ?? null,
    subject: { name: row.subjectName, phone: row.subjectPhone, address: row.subjectAddress, idNumber: row.subjectIdNumber },
    amountAtRisk: row.amountAtRisk,
    detail: row.detail,
    createdAt: iso(row.createdAt)!,
    ackDueAt: iso(row.ackDueAt),
    resolveDueAt: iso(row.resolveDueAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    resolvedAt: iso(row.resolvedAt),
    outcome: final ? { method: final.method, result: final.result, lossAmount: final.lossAmount } : null,
    attempts: row.attempts,
    escalationStep: row.escalationStep,
    events: events.map((e) => ({ ...(e.data ?? {}), at: iso(e.at)!, type: e.type, actor: e.actor })),
  };
}
