/**
 * Escalation use case: derive each open case's next deadline from SQLite (the truth timers are
 * rebuilt from), and fire a due step exactly once — re-reading the case and checking its
 * version first, so a late, duplicate or stale timer does nothing (NOTES.md "Re-check on fire").
 */
import { eq } from 'drizzle-orm';
import type { LevelPolicy } from '../config.js';
import { effectiveChain, nextStep } from '../domain/escalation.js';
import { escalationText, reminderText } from '../domain/escalation-replies.js';
import type { ChatOut, Recipient } from '../domain/messages.js';
import type { OrgIndex } from '../domain/org.js';
import { routeLead } from '../domain/lead.js';
import { PRIORITY, type ChainRole, type Level, type Member } from '../domain/types.js';
import type { Log } from '../log.js';
import { outboundQueue } from '../queues/names.js';
import { appendEvent, caseById, caseFacts, OPEN_STATUSES, type CaseRow, type Tx } from '../store/cases.js';
import type { Db } from '../store/db.js';
import { memberById, memberByName } from '../store/org.js';
import { addOutboxMessage } from '../store/outbox.js';
import { cases } from '../store/schema.js';

export interface PolicyContext {
  org: OrgIndex;
  policy: Record<Level, LevelPolicy>;
  timezone: string;
}

export interface EscalateDeps extends PolicyContext {
  db: Db;
  botId: string;
  log: Log;
  now: () => number;
  afterCommit: () => void;
}

/** Firing a step this early is treated as a timer that came too soon (it is re-armed). */
const EARLY_TOLERANCE_MS = 50;

function chainFor(ctx: PolicyContext, c: CaseRow): ChainRole[] {
  const policy = ctx.policy[c.level as Level];
  return effectiveChain(policy.chain, (role) => ctx.org.nearest(c.unitCode, role as Member['role']) !== null);
}

function stepOf(ctx: PolicyContext, c: CaseRow) {
  const policy = ctx.policy[c.level as Level];
  return nextStep(
    { level: c.level as Level, status: c.status, ackDueAt: c.ackDueAt, resolveDueAt: c.resolveDueAt, phaseStep: c.phaseStep, supervisedAt: c.supervisedAt },
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
  const next = (OPEN_STATUSES as readonly string[]).includes(c.status) ? (stepOf(ctx, c)?.at ?? null) : null;
  if (next !== c.nextDeadlineAt) tx.update(cases).set({ nextDeadlineAt: next }).where(eq(cases.id, caseId)).run();
  return next;
}

export type FireResult = 'fired' | 'stale' | 'early' | 'done';

/** The member a chain role means for this case, or null. */
function targetOf(tx: Tx, ctx: PolicyContext, c: CaseRow, role: ChainRole): Member | null {
  if (role === 'assignee') {
    const m = c.assigneeId ? memberById(tx, c.assigneeId) : null;
    return m ? ctx.org.member(m.name) ?? null : null;
  }
  return ctx.org.nearest(c.unitCode, role);
}

function recipient(tx: Tx, m: Member): Recipient {
  return { name: m.name, wechatId: memberByName(tx, m.name)?.wechatId ?? null };
}

/**
 * Fires the due escalation step of `caseId` if the timer of `version` still applies.
 * @example fireDeadline(deps, 'K7Q2', 3) // 'fired'
 */
export function fireDeadline(deps: EscalateDeps, caseId: string, version: number): FireResult {
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

    const target = targetOf(tx, deps, c, step.role);
    const facts = caseFacts(c);
    const since = step.phase === 'ack' ? (c.dispatchedAt ?? c.createdAt) : (c.acknowledgedAt ?? c.createdAt);
    const assigneeMember = c.assigneeId ? memberById(tx, c.assigneeId) : null;
    const late = { facts, phase: step.phase, waitedMs: at - since, assignee: assigneeMember?.name ?? null, unitName: deps.org.unit(c.unitCode)?.name ?? c.unitCode };
    const stepNo = c.escalationStep + 1;
    const priority = PRIORITY[c.level as Level];
    const queue = outboundQueue(deps.botId);
    const outs: ChatOut[] = [];
    if (target) {
      const to = recipient(tx, target);
      if (step.role === 'assignee') {
        const text = reminderText(late);
        const room = routeLead(deps.org, { unit: c.unitCode, assignee: null });
        if (room.ok) outs.push({ room: room.room.topic, mentions: [to], text, meta: { caseId, kind: 'reminder' } });
        outs.push({ to, text });
      } else {
        const text = escalationText(late);
        const lineage = new Set(deps.org.lineage(c.unitCode).map((u) => u.code));
        const room = deps.org.org.rooms.find((r) => r.purpose === 'supervision' && lineage.has(r.unit) && deps.org.roomMembers(r).some((m) => m.name === target.name));
        if (room) outs.push({ room: room.topic, mentions: [to], text, meta: { caseId, kind: 'reminder' } });
        outs.push({ to, text });
      }
    } else {
      deps.log.warn({ caseId, role: step.role }, 'escalation role has nobody to reach; skipped');
    }
    outs.forEach((out, i) => addOutboxMessage(tx, queue, `escalate-${caseId}-${stepNo}-${i}`, out, priority, at));
    tx.update(cases).set({ escalationStep: stepNo, phaseStep: c.phaseStep + 1, version: c.version + 1 }).where(eq(cases.id, caseId)).run();
    appendEvent(tx, caseId, at, 'escalated', 'system', { step: stepNo, phase: step.phase, role: step.role, target: target?.name ?? null, repeat: step.repeat, dueAt: new Date(step.at).toISOString(), waitedMs: late.waitedMs });
    refreshDeadline(tx, caseId, deps);
    return 'fired';
  });
  if (result === 'fired') {
    deps.log.info({ caseId, version }, 'escalation step fired');
    deps.afterCommit();
  }
  return result;
}
