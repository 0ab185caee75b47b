/**
 * Carrying out a case command understood from chat: authorization, the state machine's
 * decision, the transition in the conversation's transaction, and the reply.
 */
import type { EscalationPolicy } from '../domain/escalation.js';
import { authorize, decide, type Action, type Status } from '../domain/case-machine.js';
import { refusalText, replies } from '../domain/converse-replies.js';
import { formatClock } from '../domain/format.js';
import { HANDLES_CASES, type Duty } from '../domain/duty-routing.js';
import { onDuty, onLeave } from '../domain/roster.js';
import type { ChatOut } from '../domain/messages.js';
import type { OrgIndex } from '../domain/org.js';
import { correctedText, reopenedText } from '../domain/understand-replies.js';
import type { Level, Member } from '../domain/types.js';
import type { UnderstoodCommand } from '../domain/understand/index.js';
import { caseById, type CaseRow, type Tx } from '../store/cases.js';
import type { StoredMember } from '../store/org.js';
import { applyTransition, assigneeName, latestOutcome } from './case-actions.js';
import { stateOf } from './converse-context.js';

export type CaseCommand = Extract<UnderstoodCommand, { kind: 'ack' | 'report' | 'reassign' | 'supervise' | 'cancel' | 'correct' | 'reopen' }>;

export interface CaseTurn {
  tx: Tx;
  org: OrgIndex;
  policy: Record<Level, EscalationPolicy>;
  timezone: string;
  at: number;
  messageId: string;
  member: StoredMember;
  /** Builds the reply to the sender (in the room, @-mentioned, or privately). */
  reply: (text: string) => ChatOut;
  /** A refusal to the sender, within the per-sender refusal limit (may be silence). */
  refuse: (text: string) => ChatOut[];
  /** Cases whose timers must follow after the commit. */
  changed: string[];
  /** Who is on duty now (leave and rosters), when rosters are in use. */
  duty?: Duty | null;
}

/**
 * Whom `by` may hand a case to: members who take cases in his own unit and below (a community
 * lead: the whole community; a supervisor: the station), not on leave; those on duty first.
 * @example reassignTargets(org, 王社区, null).map((m) => m.name) // ['李网格', '周网格', '陈网格', '王社区']
 */
export function reassignTargets(org: OrgIndex, by: Member, duty: Duty | null | undefined): Member[] {
  const scope = org.subtree(by.unit);
  const list = org.org.members.filter((m) => HANDLES_CASES.has(m.role) && scope.has(m.unit) && (!duty || !onLeave(duty.changes, m.name, duty.at)));
  if (!duty) return list;
  const off = (m: Member) => {
    const names = onDuty(duty.rosters, duty.changes, m.unit, duty.at);
    return names === null || names.includes(m.name) ? 0 : 1;
  };
  return [...list].sort((a, b) => off(a) - off(b));
}

/** A hand-over that cannot be done, with whom it can go to and an example that works. */
function reassignRefusal(id: string, to: string, known: boolean, away: boolean, scopeName: string, others: string[]): string {
  const first = others[0];
  const head = !known ? `名单里没有“${to}”。` : away ? `${to}正在请假，不能转派给他。` : `${to}不在${scopeName}，不能转派。`;
  if (!first) return `${head}${scopeName}暂时没有可以接手的人。`;
  const list = others.slice(0, 8).join('、') + (others.length > 8 ? `等${others.length}人` : '');
  return `${head}可以转派给：${list}\n例如：转派 ${id} @${first}`;
}

const ACTION_ZH: Record<Action, string> = { ack: '接单', report: '反馈', query: '查询', reassign: '转派', supervise: '督办', cancel: '撤销', correct: '更正', reopen: '重办' };

function ctxOf(t: CaseTurn, c: CaseRow, action: Action) {
  return { id: c.id, role: t.member.role, assignee: assigneeName(t.tx, c), status: c.status as Status, action: ACTION_ZH[action], supervisedBy: c.supervisedBy };
}

/**
 * Applies one case command for `t.member` and returns the messages to send.
 * @example runCaseCommand(turn, { kind: 'ack', caseId: 'K7Q2' }) // [{ room, mentions, text: '✅ 李网格已接单 K7Q2，…' }]
 */
export function runCaseCommand(t: CaseTurn, cmd: CaseCommand): ChatOut[] {
  const c = caseById(t.tx, cmd.caseId);
  if (!c) return t.refuse(replies.unknownCase(cmd.caseId));
  // The state machine's refusals below answer a deliberate command: not limited like guesses.
  const action: Action = cmd.kind;
  const last = latestOutcome(t.tx, c.id);
  const state = { ...stateOf(t.tx, c), lastOutcome: last ? { at: last.at, final: last.final, result: last.result as never } : null };
  const refusal = authorize(t.org, t.member, action, state);
  if (refusal) return [t.reply(refusalText(refusal, ctxOf(t, c, action)))];
  if (cmd.kind === 'reassign') {
    // A lead hands within his community, a supervisor within his station (issue 16).
    const allowed = reassignTargets(t.org, t.member, t.duty);
    const target = t.org.member(cmd.to);
    if (!target || !allowed.some((m) => m.name === cmd.to)) {
      const current = assigneeName(t.tx, c);
      const others = allowed.filter((m) => m.name !== current).map((m) => m.name);
      const away = !!target && !!t.duty && onLeave(t.duty.changes, target.name, t.duty.at);
      return [t.reply(reassignRefusal(c.id, cmd.to, !!target, away, t.org.unit(t.member.unit)?.name ?? '本辖区', others))];
    }
  }
  const decision = decide(
    state,
    cmd.kind === 'report'
      ? { kind: 'report', result: cmd.result }
      : cmd.kind === 'reassign'
        ? { kind: 'reassign', to: cmd.to }
        : cmd.kind === 'correct'
          ? { kind: 'correct', result: cmd.result, now: t.at }
          : { kind: cmd.kind },
  );
  if (!decision.ok) return [t.reply(refusalText(decision.refusal, ctxOf(t, c, action)))];

  const ctx = { tx: t.tx, org: t.org, policy: t.policy, timezone: t.timezone, at: t.at, actor: { id: t.member.id, name: t.member.name }, messageId: t.messageId };
  const args =
    cmd.kind === 'report' || cmd.kind === 'correct'
      ? { method: cmd.method, result: cmd.result, lossAmount: cmd.lossAmount, alsoReported: cmd.kind === 'report' ? cmd.alsoReported : false }
      : cmd.kind === 'cancel' || cmd.kind === 'reopen'
        ? { reason: cmd.reason }
        : cmd.kind === 'reassign'
          ? { to: cmd.to }
          : {};
  const { after, extra } = applyTransition(ctx, c, decision.transition, args);
  t.changed.push(c.id);
  const by = (ms: number | null) => formatClock(ms ?? t.at, t.at, t.timezone);
  const name = t.member.name;
  switch (decision.transition.kind) {
    case 'acknowledge':
      return [t.reply(replies.acknowledged(name, c.id, by(after.resolveDueAt))), ...extra];
    case 'resolve':
      return [t.reply(cmd.kind === 'report' ? replies.resolved(name, c.id, cmd.method, cmd.result, cmd.lossAmount, cmd.alsoReported) : ''), ...extra];
    case 'attempt':
      return [t.reply(cmd.kind === 'report' ? replies.attempt(name, c.id, after.attempts, cmd.method, cmd.result, by(after.resolveDueAt)) : ''), ...extra];
    case 'reassign':
      return [t.reply(replies.reassigned(name, c.id, cmd.kind === 'reassign' ? cmd.to : '', by(after.ackDueAt))), ...extra];
    case 'supervise':
      return [t.reply(replies.supervised(name, c.id)), ...extra];
    case 'cancel':
      return [t.reply(replies.cancelled(name, c.id, cmd.kind === 'cancel' ? cmd.reason : '')), ...extra];
    case 'correct':
      return [t.reply(correctedText(c.id, last!.result as never, cmd.kind === 'correct' ? cmd.result : (last!.result as never), name)), ...extra];
    case 'reopen':
      return [t.reply(reopenedText(c.id, assigneeName(t.tx, after), name)), ...extra];
  }
}
