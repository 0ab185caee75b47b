/** Cases in the store: reading them as domain facts, and the rows intake needs. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseFacts } from '../domain/case-replies.js';
import type { Category } from '../domain/lead.js';
import type { Level } from '../domain/types.js';
import type { Db, Tx } from './db.js';
import { caseEvents, caseOutcomes, cases, members } from './schema.js';

export type { Tx };
export type CaseRow = typeof cases.$inferSelect;

/** Statuses of a case that still needs someone (DESIGN.md "The case"). */
export const OPEN_STATUSES = ['new', 'dispatched', 'acknowledged'] as const;

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

export function caseById(db: Db | Tx, id: string): CaseRow | null {
  return db.select().from(cases).where(eq(cases.id, id)).get() ?? null;
}

/** The open case of a subject phone, if any (repeat warnings join it). */
export function openCaseByPhone(db: Db | Tx, phone: string): CaseRow | null {
  return (
    db
      .select()
      .from(cases)
      .where(and(eq(cases.subjectPhone, phone), inArray(cases.status, [...OPEN_STATUSES])))
      .orderBy(desc(cases.createdAt))
      .get() ?? null
  );
}

/**
 * Open cases per member name and when each was last assigned a case: the inputs of fair
 * routing. Reads only open cases (index on assignee and status) and the members' own
 * `last_assigned_at`, so it costs the same after a million closed cases as after ten.
 */
export function workload(db: Db | Tx, names: string[]): { open: Map<string, number>; lastAssigned: Map<string, number> } {
  const open = new Map<string, number>();
  const lastAssigned = new Map<string, number>();
  if (names.length === 0) return { open, lastAssigned };
  const people = db.select({ id: members.id, name: members.name, last: members.lastAssignedAt }).from(members).where(inArray(members.name, names)).all();
  if (people.length === 0) return { open, lastAssigned };
  const counts = db
    .select({ assigneeId: cases.assigneeId, n: sql<number>`count(*)` })
    .from(cases)
    .where(and(inArray(cases.assigneeId, people.map((p) => p.id)), inArray(cases.status, [...OPEN_STATUSES])))
    .groupBy(cases.assigneeId)
    .all();
  const byId = new Map(counts.map((c) => [c.assigneeId, Number(c.n)]));
  for (const p of people) {
    open.set(p.name, byId.get(p.id) ?? 0);
    if (p.last !== null) lastAssigned.set(p.name, p.last);
  }
  return { open, lastAssigned };
}

/** Notes that `memberId` was just given a case (fair routing rotates on it). */
export function noteAssigned(tx: Tx, memberId: number, at: number): void {
  tx.update(members).set({ lastAssignedAt: at }).where(eq(members.id, memberId)).run();
}

export function appendEvent(tx: Tx, caseId: string, at: number, type: string, actor: string, data?: Record<string, unknown>, messageId?: string): void {
  tx.insert(caseEvents).values({ caseId, at, type, actor, data: data ?? null, messageId: messageId ?? null }).run();
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
    .where(and(eq(caseOutcomes.caseId, id), eq(caseOutcomes.final, true)))
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
