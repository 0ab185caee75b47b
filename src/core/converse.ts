/**
 * Conversation use case: one inbound chat message → at most one state change and its replies,
 * written in one transaction with the outbox and the message id (so a retried job never acts
 * or answers twice). The message is read once, by the understanding step, with a context built
 * from SQLite; this module carries out its decision: act, ask for a one-tap confirmation
 * (stored, 10 minutes, bound to the sender), refuse (at most three refusals per sender in ten
 * minutes: a confused member must not make the bot flood a group), or stay silent.
 */
import type { CoreContext } from './ports.js';
import { eq } from 'drizzle-orm';
import { authorize, seesFullRecord } from '../domain/case-machine.js';
import { refusalText, replies } from '../domain/converse-replies.js';
import { localDay } from '../domain/format.js';
import { makeKey } from '../domain/keys.js';
import type { ChatIn, ChatOut, Recipient } from '../domain/messages.js';
import { describeOutreach, type OutreachLog } from '../domain/outreach.js';
import { outreachReplies } from '../domain/outreach-replies.js';
import { helpFor, helpForStranger, notUnderstood } from '../domain/replies.js';
import { PRIORITY } from '../domain/types.js';
import { understand, type Decision, type UnderstoodCommand } from '../domain/understand/index.js';
import { conversationReplies as say } from '../domain/understand-replies.js';
import { caseById, type Tx } from '../store/cases.js';
import { addPending, markRefused, pendingOf, refusalsSince, resolvePending } from '../store/confirmations.js';
import { memberByWechatId, type StoredMember } from '../store/org.js';
import { addOutboxMessage } from '../store/outbox.js';
import { insertOutreach } from '../store/outreach.js';
import { recordRoomMessage } from '../store/rooms.js';
import { inboundMessages } from '../store/schema.js';
import { bindByCode } from './bind.js';
import { runCaseCommand, type CaseCommand } from './case-commands.js';
import { caseStatus, liveStats, myCases } from './case-queries.js';
import { buildContext, stateOf } from './converse-context.js';
import { runDutyCommand } from './duty.js';
import { attachPhoto, myOutreach, withdrawLast } from './outreach.js';

export type ConverseDeps = CoreContext;

/** What handling a message did, for logs and tests. */
export type ConverseResult = 'duplicate' | 'ignored' | 'replied';

/** A one-tap confirmation waits this long for 1 or 2. */
export const CONFIRM_TTL_MS = 10 * 60_000;
/** Refusals per sender in the window; the next one is a single note, then silence. */
export const REFUSALS_PER_WINDOW = 3;
export const REFUSAL_WINDOW_MS = 10 * 60_000;

interface Turn {
  deps: ConverseDeps;
  tx: Tx;
  msg: ChatIn;
  at: number;
  member: StoredMember | null;
  sender: Recipient;
  changed: string[];
}

/**
 * Handles one inbound message.
 * @example handleInbound(deps, { text: '收到 K7Q2', room: {...}, ... }) // 'replied'
 */
export function handleInbound(deps: ConverseDeps, msg: ChatIn): ConverseResult {
  let decided = 'none';
  const changed: string[] = [];
  const result = deps.db.transaction((tx): ConverseResult => {
    const seen = tx.select().from(inboundMessages).where(eq(inboundMessages.messageId, msg.messageId)).get();
    if (seen?.processedAt) return 'duplicate';
    const at = deps.now();
    if (!seen) tx.insert(inboundMessages).values({ messageId: msg.messageId, receivedAt: at, senderWechatId: msg.from.wechatId }).run();
    tx.update(inboundMessages).set({ processedAt: at }).where(eq(inboundMessages.messageId, msg.messageId)).run();

    const member = memberByWechatId(tx, msg.from.wechatId);
    if (msg.room) recordRoomMessage(tx, { room: msg.room.topic, at, sender: member?.name ?? msg.from.name });
    const turn: Turn = { deps, tx, msg, at, member, sender: { name: member?.name ?? msg.from.name, wechatId: msg.from.wechatId }, changed };
    let outs: ChatOut[];
    if (msg.type === 'image') {
      decided = 'photo';
      const text = member ? attachPhoto(outreachTurn(turn, member)) : null;
      outs = text ? [reply(turn, text)] : [];
    } else if (msg.type !== 'text') {
      outs = [];
    } else {
      const decision = understand(msg.text, buildContext(tx, deps.org, deps.botName, msg, member, at));
      decided = decision.kind === 'act' || decision.kind === 'confirm' ? `${decision.kind}:${decision.command.kind}` : decision.kind === 'refuse' ? `refuse:${decision.reason}` : 'ignore';
      outs = carryOut(turn, decision);
    }
    outs.forEach((out, i) => addOutboxMessage(tx, makeKey('reply', msg.messageId, i), out, PRIORITY.reply, at));
    return outs.length ? 'replied' : 'ignored';
  });
  deps.log.info({ messageId: msg.messageId, room: msg.room?.wechatId ?? null, decided, result }, 'inbound message handled');
  if (result === 'replied') deps.afterCommit();
  if (changed.length) deps.onCaseChanged?.(changed);
  return result;
}

function reply(turn: Turn, text: string): ChatOut {
  return turn.msg.room ? { room: turn.msg.room.topic, mentions: [turn.sender], text } : { to: turn.sender, text };
}

function outreachTurn(turn: Turn, member: StoredMember) {
  return { tx: turn.tx, timezone: turn.deps.timezone, at: turn.at, member, room: turn.msg.room?.topic ?? null, messageId: turn.msg.messageId };
}

function carryOut(turn: Turn, d: Decision): ChatOut[] {
  switch (d.kind) {
    case 'ignore':
      return [];
    case 'refuse':
      return refuse(turn, d);
    case 'confirm': {
      const caseId = 'caseId' in d.command ? d.command.caseId : null;
      addPending(turn.tx, { senderWechatId: turn.msg.from.wechatId, room: turn.msg.room?.topic ?? null, caseId, command: d.command as unknown as Record<string, unknown>, at: turn.at, ttlMs: CONFIRM_TTL_MS });
      return [reply(turn, d.prompt)];
    }
    case 'act':
      return act(turn, d.command);
  }
}

/**
 * A refusal of a message the bot could not use (not understood, incomplete, an unknown case),
 * unless this sender had three in ten minutes: then one note, then silence. Answers to
 * deliberate commands the rules do not allow (not yours, already done) are not limited.
 */
function limited(turn: Turn, text: string): ChatOut[] {
  const already = refusalsSince(turn.tx, turn.msg.from.wechatId, turn.at - REFUSAL_WINDOW_MS);
  if (already > REFUSALS_PER_WINDOW) return [];
  markRefused(turn.tx, turn.msg.messageId, turn.at);
  return [reply(turn, already === REFUSALS_PER_WINDOW ? say.tooManyRefusals : text)];
}

function refuse(turn: Turn, d: Extract<Decision, { kind: 'refuse' }>): ChatOut[] {
  const text =
    d.reason === 'not_bound'
      ? helpForStranger(turn.deps.botName)
      : d.reason === 'not_understood'
        ? notUnderstood(d.example)
        : d.reason === 'unknown_case' || d.reason === 'which_case' || d.reason === 'not_allowed'
          ? (d.hint ?? notUnderstood(d.example))
          : d.reason === 'outreach_incomplete'
            ? outreachReplies.malformed(d.hint ?? '登记内容不完整', d.example)
            : replies.malformed(d.hint, d.example);
  return limited(turn, text);
}

function act(turn: Turn, cmd: UnderstoodCommand): ChatOut[] {
  const { member, tx, at } = turn;
  if (cmd.kind === 'confirm_yes' || cmd.kind === 'confirm_no') {
    const pending = pendingOf(tx, turn.msg.from.wechatId, turn.msg.room?.topic ?? null, at);
    if (!pending) return [reply(turn, say.nothingToConfirm)];
    resolvePending(tx, pending.id, cmd.kind === 'confirm_yes' ? 'confirmed' : 'cancelled', at);
    if (cmd.kind === 'confirm_no') return [reply(turn, say.confirmCancelled)];
    return act(turn, pending.command as unknown as UnderstoodCommand);
  }
  if (cmd.kind === 'help') return [reply(turn, member ? helpFor(member.role, turn.deps.botName, turn.msg.channel) : helpForStranger(turn.deps.botName))];
  if (cmd.kind === 'bind') {
    if (turn.msg.room) return [reply(turn, replies.bindInGroup())];
    return [reply(turn, bindByCode(tx, turn.deps.org, cmd.code, turn.msg.from.wechatId, at, turn.msg.botId))];
  }
  if (!member) return [reply(turn, replies.notBound())];
  switch (cmd.kind) {
    case 'mine':
      // A volunteer has no cases: their 我的 is this month's outreach logs.
      if (member.role === 'volunteer') return [reply(turn, myOutreach(outreachTurn(turn, member)))];
      return [reply(turn, myCases(tx, member, at, turn.deps.timezone))];
    case 'stats':
      // Volunteers have no 待办: they are told what they can do instead.
      if (member.role === 'volunteer') return [reply(turn, say.statsForVolunteers)];
      if (member.role === 'worker') return [reply(turn, say.statsForLeads)];
      return [reply(turn, liveStats(tx, turn.deps.org, member, at, turn.deps.timezone, turn.deps.boundaries))];
    case 'query': {
      const c = caseById(tx, cmd.caseId);
      if (!c && member.role === 'volunteer') return limited(turn, say.volunteerQuery);
      if (!c) return limited(turn, replies.unknownCase(cmd.caseId));
      const state = stateOf(tx, c);
      const refusal = authorize(turn.deps.org, member, 'query', state);
      if (refusal) return [reply(turn, refusalText(refusal, { id: c.id, role: member.role, assignee: state.assignee, status: state.status, action: '查询' }))];
      const full = !turn.msg.room && seesFullRecord(turn.deps.org, member, state);
      return [reply(turn, caseStatus(tx, c, full, at, turn.deps.timezone))];
    }
    case 'outreach':
      return [reply(turn, logOutreach(turn, member, cmd))];
    case 'withdraw':
      return [reply(turn, withdrawLast(outreachTurn(turn, member)))];
    case 'duty':
    case 'leave':
    case 'approve':
    case 'swap':
    case 'swap_answer':
      return runDutyCommand({ tx, org: turn.deps.org, duty: turn.deps.duty, timezone: turn.deps.timezone, at, member, room: turn.msg.room?.topic ?? null, reply: (text) => reply(turn, text) }, cmd);
    default:
      return runCaseCommand(
        { tx, org: turn.deps.org, policy: turn.deps.policy, timezone: turn.deps.timezone, at, messageId: turn.msg.messageId, member, reply: (text) => reply(turn, text), refuse: (text) => limited(turn, text), changed: turn.changed, duty: turn.deps.duty.any(at) ? turn.deps.duty.at(at) : null },
        cmd as CaseCommand,
      );
  }
}

function logOutreach(turn: Turn, member: StoredMember, cmd: Extract<UnderstoodCommand, { kind: 'outreach' }>): string {
  const { kind: _kind, ...log } = cmd;
  const entry = log as OutreachLog;
  insertOutreach(turn.tx, { memberId: member.id, unitCode: member.unit, day: localDay(turn.at, turn.deps.timezone), log: entry, rawText: turn.msg.text.slice(0, 2000), messageId: turn.msg.messageId, at: turn.at, room: turn.msg.room?.topic ?? null });
  return outreachReplies.logged(describeOutreach(entry));
}
