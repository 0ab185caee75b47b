/**
 * Escalation use case: derive each open case's next deadline from SQLite (the truth timers are
 * rebuilt from), and fire a due step exactly once — re-reading the case and checking its
 * version first, so a late, duplicate or stale timer does nothing (NOTES.md "Re-check on fire").
 */
import type { CoreContext } from './ports.js';
import { and, eq, inArray, lte, ne } from 'drizzle-orm';
import { nearestOnDuty } from '../domain/duty-routing.js';
import { effectiveChain, nextStep } from '../domain/escalation.js';
import { batchReminderText, escalationText, reminderText } from '../domain/escalation-replies.js';
import type { ChatOut, Recipient } from '../domain/messages.js';
import { PRIORITY, type ChainRole, type Level, type Member } from '../domain/types.js';
import { appendEvent, caseById, caseFacts, OPEN_STATUSES, type CaseRow, type Tx } from '../store/cases.js';
import { memberById, memberByName } from '../store/org.js';
import { addOutboxMessage } from '../store/outbox.js';
import { makeKey } from '../domain/keys.js';
import { cases } from '../store/schema.js';

/** What the deadline arithmetic needs: the org, the policy, the zone. */
export type PolicyContext = Pick<CoreContext, 'org' | 'policy' | 'timezone'>;

export type EscalateDeps = CoreContext;

/** Firing a step this early is treated as a timer that came too soon (it is re-armed). */
const EARLY_TOLERANCE_MS = 50;

function chainFor(ctx: PolicyContext, c: CaseRow): ChainRole[] {
  const policy = ctx.policy[c.level as Level];
  return effectiveChain(policy.chain, (role) => ctx.org.nearest(c.unitCode, role as Member['role']) !== null);
}

function stepOf(ctx: PolicyContext, c: CaseRow) {
  const policy = ctx.policy[c.level as Level];
  return nextStep(
    { status: c.status, ackDueAt: c.ackDueAt, resolveDueAt: c.resolveDueAt, phaseStep: c.phaseStep, supervisedAt: c.supervisedAt },
    policy,
    chainFor(ctx, c),
    ctx.timezone,
  );
}

/**
 * Re-derives and stores the next escalation deadline of a case (null when none is due).
 * Called in the transaction of every case change.
 */
export function refreshDeadline(tx: Tx, caseId: string, ctx: PolicyContext): number | null {
  const c = caseById(tx, caseId);
  if (!c) return null;
  const next = nextDeadlineOf(ctx, c);
  if (next !== c.nextDeadlineAt) tx.update(cases).set({ nextDeadlineAt: next }).where(eq(cases.id, caseId)).run();
  return next;
}

/**
 * The next escalation deadline of a case row as it stands (null when closed or when no step is
 * due), without reading or writing: intake sets it on the row it inserts.
 * @example nextDeadlineOf(ctx, { ...row, status: 'dispatched' }) // row.ackDueAt for a step at the ack deadline
 */
export function nextDeadlineOf(ctx: PolicyContext, c: CaseRow): number | null {
  return (OPEN_STATUSES as readonly string[]).includes(c.status) ? (stepOf(ctx, c)?.at ?? null) : null;
}

export type FireResult = 'fired' | 'stale' | 'early' | 'done';

/** The member a chain role means for this case, or null. */
function targetOf(tx: Tx, ctx: PolicyContext & Partial<Pick<CoreContext, 'duty'>>, c: CaseRow, role: ChainRole, at: number): Member | null {
  if (role === 'assignee') {
    const m = c.assigneeId ? memberById(tx, c.assigneeId) : null;
    return m ? ctx.org.member(m.name) ?? null : null;
  }
  // Where a roster exists, the one on duty now (issue 16).
  return nearestOnDuty(ctx.org, c.unitCode, role, ctx.duty?.any(at) ? ctx.duty.at(at) : null);
}

function recipient(tx: Tx, m: Member): Recipient {
  return { name: m.name, wechatId: memberByName(tx, m.name)?.wechatId ?? null };
}

/**
 * Fires the due escalation step of `caseId` if the timer of `version` still applies.
 * @example fireDeadline(deps, 'K7Q2', 3) // 'fired'
 */
export function fireDeadline(deps: EscalateDeps, caseId: string, version: number): FireResult {
  const alsoFired: string[] = [];
  const result = deps.db.transaction((tx): FireResult => {
    const c = caseById(tx, caseId);
    if (!c || c.version !== version || !(OPEN_STATUSES as readonly string[]).includes(c.status)) return 'stale';
    const at = deps.now();
    const step = stepOf(deps, c);
    if (!step) {
      refreshDeadline(tx, caseId, deps);
      return 'done';
    }
    if (step.at > at + EARLY_TOLERANCE_MS) return 'early';

    const target = targetOf(tx, deps, c, step.role, at);
    const batch = [{ c, step }];
    if (step.role === 'assignee' && c.assigneeId) {
      for (const other of dueAssigneeReminders(tx, deps, c, at)) {
        batch.push(other);
        alsoFired.push(other.c.id);
      }
    }
    const late = batch.map(({ c: x, step: s }) => lateFacts(tx, deps, x, s.phase, at));
    const outs: ChatOut[] = [];
    if (target) {
      const to = recipient(tx, target);
      // A case handed to a lead is his own: he is reminded, never asked to 督促 himself.
      const own = step.role !== 'assignee' && c.assigneeId !== null && memberById(tx, c.assigneeId)?.name === target.name;
      if (step.role === 'assignee' || own) {
        const text = batch.length > 1 ? batchReminderText(late) : reminderText(late[0]!);
        const room = deps.org.taskRoom(c.unitCode);
        if (room) outs.push({ room: room.topic, mentions: [to], text, meta: { caseId, kind: 'reminder' } });
        // DESIGN.md: the assignee is reminded in the task room (@) and privately, whatever the level.
        outs.push({ to, text });
      } else {
        const text = escalationText(late[0]!);
        const room = deps.org.supervisionRoom(c.unitCode, target.name);
        if (room) outs.push({ room: room.topic, mentions: [to], text, meta: { caseId, kind: 'reminder' } });
        outs.push({ to, text });
      }
    } else {
      deps.log.warn({ caseId, role: step.role }, 'escalation role has nobody to reach; skipped');
    }
    outs.forEach((out, i) => addOutboxMessage(tx, makeKey('escalate', caseId, c.escalationStep + 1, i), out, PRIORITY[c.level as Level], at));
    batch.forEach(({ c: x, step: s }, i) => {
      const stepNo = x.escalationStep + 1;
      tx.update(cases).set({ escalationStep: stepNo, phaseStep: x.phaseStep + 1, version: x.version + 1 }).where(eq(cases.id, x.id)).run();
      appendEvent(tx, x.id, at, 'escalated', 'system', {
        step: stepNo,
        // Where the case was when it escalated: the shift summary counts it there.
        unit: x.unitCode,
        phase: s.phase,
        role: s.role,
        target: target?.name ?? null,
        repeat: s.repeat,
        dueAt: new Date(s.at).toISOString(),
        waitedMs: late[i]!.waitedMs,
        ...(batch.length > 1 ? { batchedWith: batch.filter((b) => b.c.id !== x.id).map((b) => b.c.id) } : {}),
      });
      refreshDeadline(tx, x.id, deps);
    });
    return 'fired';
  });
  if (result === 'fired') {
    deps.log.info({ caseId, version, batched: alsoFired.length }, 'escalation step fired');
    deps.afterCommit();
    // Their old timers now point at a past version: replace them.
    if (alsoFired.length) deps.onCaseChanged?.(alsoFired);
  }
  return result;
}

/** Other cases of the same assignee, in the same task room, whose assignee reminder is due now too. */
function dueAssigneeReminders(tx: Tx, ctx: PolicyContext, c: CaseRow, at: number): { c: CaseRow; step: NonNullable<ReturnType<typeof stepOf>> }[] {
  const room = ctx.org.taskRoom(c.unitCode);
  const candidates = tx
    .select()
    .from(cases)
    .where(and(eq(cases.assigneeId, c.assigneeId!), inArray(cases.status, [...OPEN_STATUSES]), lte(cases.nextDeadlineAt, at + EARLY_TOLERANCE_MS), ne(cases.id, c.id)))
    .all();
  const out: { c: CaseRow; step: NonNullable<ReturnType<typeof stepOf>> }[] = [];
  for (const other of candidates) {
    const step = stepOf(ctx, other);
    const otherRoom = ctx.org.taskRoom(other.unitCode);
    if (step && step.role === 'assignee' && step.at <= at + EARLY_TOLERANCE_MS && room !== null && otherRoom?.topic === room.topic) out.push({ c: other, step });
  }
  return out;
}

function lateFacts(tx: Tx, ctx: PolicyContext, c: CaseRow, phase: 'ack' | 'resolve', at: number) {
  const since = phase === 'ack' ? (c.dispatchedAt ?? c.createdAt) : (c.acknowledgedAt ?? c.createdAt);
  const assignee = c.assigneeId ? memberById(tx, c.assigneeId) : null;
  return { facts: caseFacts(c), phase, waitedMs: at - since, assignee: assignee?.name ?? null, unitName: ctx.org.unit(c.unitCode)?.name ?? c.unitCode };
}
