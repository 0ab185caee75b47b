/**
 * Applying a case transition: one transaction writes the case row, its immutable event (actor,
 * time, raw message id), the outcome, and the outbox rows of the messages that follow.
 * Every change bumps `version`, so a pending timer of the old version does nothing (NOTES.md).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { EscalationPolicy } from '../domain/escalation.js';
import { caseHeadline, dispatchPrivateText, reopenedGroupText } from '../domain/case-replies.js';
import type { Method, Result, Transition } from '../domain/case-machine.js';
import type { ChatOut, Recipient } from '../domain/messages.js';
import type { OrgIndex } from '../domain/org.js';
import type { Level } from '../domain/types.js';
import { appendEvent, caseById, caseFacts, type CaseRow, type Tx } from '../store/cases.js';
import { memberById, memberByName } from '../store/org.js';
import { caseOutcomes, cases } from '../store/schema.js';
import { formatClock } from '../domain/format.js';
import { formatDurationZh } from '../domain/duration.js';
import { refreshDeadline } from './escalate.js';

export interface ActionContext {
  tx: Tx;
  org: OrgIndex;
  policy: Record<Level, EscalationPolicy>;
  timezone: string;
  at: number;
  actor: { id: number; name: string };
  messageId: string;
}

export interface ActionArgs {
  method?: Method | null;
  result?: Result;
  lossAmount?: number | null;
  alsoReported?: boolean;
  reason?: string;
  to?: string;
}

/** Applies a decided transition and returns the case after it, plus extra messages to send. */
export function applyTransition(ctx: ActionContext, c: CaseRow, t: Transition, args: ActionArgs): { after: CaseRow; extra: ChatOut[] } {
  const { tx, at, actor, messageId } = ctx;
  const version = c.version + 1;
  const extra: ChatOut[] = [];
  const ack = (implicit: boolean) => {
    if (!implicit) return {};
    appendEvent(tx, c.id, at, 'acknowledged', actor.name, { implicit: true }, messageId);
    return { status: 'acknowledged', acknowledgedAt: at, phaseStep: 0 };
  };
  switch (t.kind) {
    case 'acknowledge':
      tx.update(cases).set({ status: 'acknowledged', acknowledgedAt: at, phaseStep: 0, version }).where(eq(cases.id, c.id)).run();
      appendEvent(tx, c.id, at, 'acknowledged', actor.name, { lateBy: c.ackDueAt && at > c.ackDueAt ? at - c.ackDueAt : 0 }, messageId);
      break;
    case 'resolve': {
      const implied = ack(t.implicitAck);
      tx.update(cases).set({ ...implied, status: 'resolved', resolvedAt: at, result: args.result!, lossAmount: args.lossAmount ?? null, version }).where(eq(cases.id, c.id)).run();
      tx.insert(caseOutcomes).values({ caseId: c.id, at, memberId: actor.id, method: args.method ?? null, result: args.result!, lossAmount: args.lossAmount ?? null, final: true, note: args.alsoReported ? 'reported' : null }).run();
      appendEvent(tx, c.id, at, 'resolved', actor.name, { method: args.method ?? null, result: args.result, lossAmount: args.lossAmount ?? null, alsoReported: !!args.alsoReported }, messageId);
      break;
    }
    case 'attempt': {
      const implied = ack(t.implicitAck);
      tx.update(cases).set({ ...implied, attempts: c.attempts + 1, version }).where(eq(cases.id, c.id)).run();
      tx.insert(caseOutcomes).values({ caseId: c.id, at, memberId: actor.id, method: args.method ?? null, result: args.result!, final: false }).run();
      appendEvent(tx, c.id, at, 'attempt', actor.name, { method: args.method ?? null, result: args.result, n: c.attempts + 1 }, messageId);
      break;
    }
    case 'reassign': {
      const to = memberByName(tx, args.to!)!;
      const ackDueAt = at + ctx.policy[c.level as Level].ackWithin;
      // Handed to someone of another grid: the case moves to that grid's room, where he works.
      const target = ctx.org.member(to.name);
      const unitCode = target && target.unit !== c.unitCode && ctx.org.taskRoom(target.unit) ? target.unit : c.unitCode;
      // A supervised case stays supervised: the chain does not start again for the new assignee.
      tx.update(cases)
        .set({ assigneeId: to.id, unitCode, status: 'dispatched', acknowledgedAt: null, ackDueAt, phaseStep: 0, version })
        .where(eq(cases.id, c.id))
        .run();
      const from = assigneeName(tx, c);
      appendEvent(tx, c.id, at, 'reassigned', actor.name, { from, to: to.name, ackDueAt, ...(unitCode !== c.unitCode ? { fromUnit: c.unitCode, toUnit: unitCode } : {}) }, messageId);
      const after = caseById(tx, c.id)!;
      const recipient: Recipient = { name: to.name, wechatId: to.wechatId };
      const room = ctx.org.taskRoom(unitCode);
      const facts = caseFacts(after);
      if (room) {
        extra.push({
          room: room.topic,
          mentions: [recipient],
          text: `${caseHeadline(after.level as Level, c.id, '转派')} 请接手\n请${formatClock(ackDueAt, at, ctx.timezone)}前回复“收到 ${c.id}”（${formatDurationZh(ackDueAt - at)}内），完整信息已私聊发您。${c.supervisedBy ? `\n${c.supervisedBy}督办中。` : ''}`,
          meta: { caseId: c.id, kind: 'dispatch' },
        });
      }
      extra.push({ to: recipient, text: dispatchPrivateText(facts, at, ctx.timezone) });
      // The one who had it hears that he need not go.
      const prev = c.assigneeId ? memberById(tx, c.assigneeId) : null;
      if (prev && prev.name !== to.name && prev.name !== actor.name) extra.push({ to: { name: prev.name, wechatId: prev.wechatId }, text: `${c.id} 已改派给${to.name}，您无需处理。` });
      break;
    }
    case 'supervise':
      tx.update(cases).set({ supervisedAt: at, supervisedBy: actor.name, version }).where(eq(cases.id, c.id)).run();
      appendEvent(tx, c.id, at, 'supervised', actor.name, { step: c.escalationStep }, messageId);
      break;
    case 'cancel':
      tx.update(cases).set({ status: 'cancelled', cancelledAt: at, version }).where(eq(cases.id, c.id)).run();
      appendEvent(tx, c.id, at, 'cancelled', actor.name, { reason: args.reason }, messageId);
      break;
    case 'correct': {
      // The corrected outcome keeps the time it was first recorded, so figures by time do not move.
      const old = latestOutcome(tx, c.id)!;
      const method = args.method ?? (old.method as Method | null);
      const lossAmount = args.lossAmount !== undefined && args.lossAmount !== null ? args.lossAmount : args.result === 'defrauded' ? old.lossAmount : null;
      tx.update(caseOutcomes).set({ supersededAt: at }).where(eq(caseOutcomes.id, old.id)).run();
      tx.insert(caseOutcomes).values({ caseId: c.id, at: old.at, memberId: actor.id, method, result: args.result!, lossAmount, final: old.final, note: 'corrected' }).run();
      // The case mirrors its final outcome (shift summaries read it from there).
      tx.update(cases).set(old.final ? { result: args.result!, lossAmount, version } : { version }).where(eq(cases.id, c.id)).run();
      appendEvent(tx, c.id, at, 'corrected', actor.name, { from: { method: old.method, result: old.result, lossAmount: old.lossAmount }, to: { method, result: args.result, lossAmount } }, messageId);
      break;
    }
    case 'reopen': {
      const policy = ctx.policy[c.level as Level];
      const ackDueAt = at + policy.ackWithin;
      const final = latestOutcome(tx, c.id);
      if (final?.final) tx.update(caseOutcomes).set({ supersededAt: at }).where(eq(caseOutcomes.id, final.id)).run();
      tx.update(cases)
        .set({ status: 'dispatched', resolvedAt: null, result: null, lossAmount: null, acknowledgedAt: null, ackDueAt, resolveDueAt: at + policy.resolveWithin, phaseStep: 0, supervisedAt: null, supervisedBy: null, dispatchedAt: at, version })
        .where(eq(cases.id, c.id))
        .run();
      appendEvent(tx, c.id, at, 'reopened', actor.name, { reason: args.reason, previous: final ? { result: final.result, at: final.at } : null }, messageId);
      const after = caseById(tx, c.id)!;
      const assignee = after.assigneeId ? memberById(tx, after.assigneeId) : null;
      if (assignee) {
        const recipient: Recipient = { name: assignee.name, wechatId: assignee.wechatId };
        const room = ctx.org.taskRoom(c.unitCode);
        if (room) extra.push({ room: room.topic, mentions: [recipient], text: reopenedGroupText(after.level as Level, c.id, ackDueAt, at, ctx.timezone), meta: { caseId: c.id, kind: 'dispatch' } });
        if (recipient.wechatId) extra.push({ to: recipient, text: `重办原因：${args.reason || '（未写）'}\n${dispatchPrivateText(caseFacts(after), at, ctx.timezone)}` });
      }
      break;
    }
  }
  // Every change re-derives the next escalation deadline: the one place timers come from.
  refreshDeadline(tx, c.id, ctx);
  return { after: caseById(tx, c.id)!, extra };
}

/** The newest outcome of the case that no correction has replaced (final or attempt). */
export function latestOutcome(tx: Tx, caseId: string) {
  return tx.select().from(caseOutcomes).where(and(eq(caseOutcomes.caseId, caseId), isNull(caseOutcomes.supersededAt))).orderBy(desc(caseOutcomes.id)).get() ?? null;
}

/** The name of the case's assignee, or null. */
export function assigneeName(tx: Tx, c: CaseRow): string | null {
  return c.assigneeId ? (memberById(tx, c.assigneeId)?.name ?? null) : null;
}
