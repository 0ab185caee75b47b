/**
 * Conversation use case: one inbound chat message → at most one state change and its replies,
 * written in one transaction with the outbox and the message id (so a retried job never acts
 * or answers twice). Grammar: DESIGN.md "Chat grammar"; rules: issue 5.
 */
import { eq } from 'drizzle-orm';
import type { LevelPolicy } from '../config.js';
import { authorize, decide, seesFullRecord, type Action, type CaseState, type Status } from '../domain/case-machine.js';
import { replies, refusalText } from '../domain/converse-replies.js';
import { parseMessage, readUtterance, type Command } from '../domain/grammar.js';
import type { ChatIn, ChatOut, Recipient } from '../domain/messages.js';
import type { OrgIndex } from '../domain/org.js';
import { formatClock } from '../domain/format.js';
import { helpFor, helpForStranger, notUnderstood } from '../domain/replies.js';
import { PRIORITY, type Level, type Member } from '../domain/types.js';
import type { Log } from '../log.js';
import { outboundQueue } from '../queues/names.js';
import { routeLead } from '../domain/lead.js';
import { caseById, type CaseRow, type Tx } from '../store/cases.js';
import type { Db } from '../store/db.js';
import { memberByWechatId, type StoredMember } from '../store/org.js';
import { addOutboxMessage } from '../store/outbox.js';
import { makeKey } from '../domain/keys.js';
import { latestFromOthers, recordRoomMessage } from '../store/rooms.js';
import { inboundMessages } from '../store/schema.js';
import { applyTransition, assigneeName } from './case-actions.js';
import { bindByCode } from './bind.js';
import { attachPhoto, isWithdraw, logOutreach, withdrawLast } from './outreach.js';
import { caseStatus, myCases, liveStats, openCasesOf } from './case-queries.js';

export interface ConverseDeps {
  db: Db;
  org: OrgIndex;
  policy: Record<Level, LevelPolicy>;
  timezone: string;
  /** The profile's shift boundaries (cron), for live numbers of the current shift. */
  boundaries: string;
  botId: string;
  botName: string;
  log: Log;
  now: () => number;
  /** Called after a commit that wrote outbox rows (the relay picks them up). */
  afterCommit: () => void;
  /** Called after a commit that changed cases (timers follow them). */
  onCaseChanged?: (caseIds: string[]) => void;
}

/** What handling a message did, for logs and tests. */
export type ConverseResult = 'duplicate' | 'ignored' | 'replied';

interface Turn {
  deps: ConverseDeps;
  tx: Tx;
  msg: ChatIn;
  at: number;
  member: StoredMember | null;
  sender: Recipient;
  changed: string[];
}

const ACTION_ZH: Record<Action, string> = { ack: '接单', report: '反馈', query: '查询', reassign: '转派', supervise: '督办', cancel: '撤销' };

/**
 * Handles one inbound message.
 * @example handleInbound(deps, { text: '收到 K7Q2', room: {...}, ... }) // 'replied'
 */
export function handleInbound(deps: ConverseDeps, msg: ChatIn): ConverseResult {
  let command = 'none';
  const changed: string[] = [];
  const result = deps.db.transaction((tx): ConverseResult => {
    const seen = tx.select().from(inboundMessages).where(eq(inboundMessages.messageId, msg.messageId)).get();
    if (seen?.processedAt) return 'duplicate';
    const at = deps.now();
    if (!seen) tx.insert(inboundMessages).values({ messageId: msg.messageId, receivedAt: at }).run();
    tx.update(inboundMessages).set({ processedAt: at }).where(eq(inboundMessages.messageId, msg.messageId)).run();

    const member = memberByWechatId(tx, msg.from.wechatId);
    if (msg.room) recordRoomMessage(tx, { room: msg.room.topic, at, sender: member?.name ?? msg.from.name });
    const turn: Turn = { deps, tx, msg, at, member, sender: { name: member?.name ?? msg.from.name, wechatId: msg.from.wechatId }, changed };
    let outs: ChatOut[];
    const outreach = member ? outreachTurn(turn, member) : null;
    if (outreach && msg.type === 'image') {
      command = 'photo';
      const text = attachPhoto(outreach);
      outs = text ? [reply(turn, text)] : [];
    } else if (outreach && isWithdraw(readUtterance(msg.text).body)) {
      command = 'withdraw';
      outs = [reply(turn, withdrawLast(outreach))];
    } else {
      const logged = outreach ? logOutreach(outreach, msg.text) : null;
      if (logged !== null) {
        command = 'outreach';
        outs = [reply(turn, logged)];
      } else {
        const parsed = parseMessage({ text: msg.text, addressed: msg.room === null || msg.mentionSelf, botName: deps.botName });
        command = parsed.ok ? parsed.command.kind : parsed.reason;
        outs = parsed.ok ? respond(turn, parsed.command) : refuse(turn, parsed);
      }
    }
    outs.forEach((out, i) => addOutboxMessage(tx, outboundQueue(deps.botId), makeKey('reply', msg.messageId, i), out, PRIORITY.reply, at));
    return outs.length ? 'replied' : 'ignored';
  });
  deps.log.info({ messageId: msg.messageId, room: msg.room?.wechatId ?? null, command, result }, 'inbound message handled');
  if (result === 'replied') deps.afterCommit();
  if (changed.length) deps.onCaseChanged?.(changed);
  return result;
}

function outreachTurn(turn: Turn, member: StoredMember) {
  return { tx: turn.tx, timezone: turn.deps.timezone, at: turn.at, member, room: turn.msg.room?.topic ?? null, messageId: turn.msg.messageId };
}

function reply(turn: Turn, text: string): ChatOut {
  return turn.msg.room ? { room: turn.msg.room.topic, mentions: [turn.sender], text } : { to: turn.sender, text };
}

function refuse(turn: Turn, parsed: Exclude<ReturnType<typeof parseMessage>, { ok: true }>): ChatOut[] {
  if (parsed.reason === 'chatter') return [];
  if (!turn.member) return [reply(turn, helpForStranger(turn.deps.botName))];
  if (parsed.reason === 'unknown') return [reply(turn, notUnderstood(parsed.example))];
  return [reply(turn, replies.malformed(parsed.hint, parsed.example))];
}

function respond(turn: Turn, cmd: Command): ChatOut[] {
  const { member } = turn;
  if (cmd.kind === 'help') return [reply(turn, member ? helpFor(member.role, turn.deps.botName) : helpForStranger(turn.deps.botName))];
  if (cmd.kind === 'bind') {
    if (turn.msg.room) return [reply(turn, replies.bindInGroup())];
    return [reply(turn, bindByCode(turn.tx, turn.deps.org, cmd.code, turn.msg.from.wechatId, turn.at))];
  }
  if (!member) return cmd.kind === 'ack' && cmd.bare ? [] : [reply(turn, replies.notBound())];
  switch (cmd.kind) {
    case 'mine':
      return [reply(turn, myCases(turn.tx, member, turn.at, turn.deps.timezone))];
    case 'stats':
      if (member.role === 'worker' || member.role === 'volunteer') return [reply(turn, '统计数据请找社区负责人查看。发送“我的”查看您的待办。')];
      return [reply(turn, liveStats(turn.tx, turn.deps.org, member, turn.at, turn.deps.timezone, turn.deps.boundaries))];
    case 'query': {
      const c = caseById(turn.tx, cmd.caseId);
      if (!c) return [reply(turn, replies.unknownCase(cmd.caseId))];
      const refusal = authorize(turn.deps.org, member, 'query', stateOf(turn.tx, c));
      if (refusal) return [reply(turn, refusalText(refusal, ctxOf(turn, c, 'query')))];
      const full = !turn.msg.room && seesFullRecord(turn.deps.org, member, stateOf(turn.tx, c));
      return [reply(turn, caseStatus(turn.tx, c, full, turn.at, turn.deps.timezone))];
    }
    default:
      return caseCommand(turn, member, cmd);
  }
}

function stateOf(tx: Tx, c: CaseRow): CaseState {
  return { id: c.id, level: c.level as Level, unit: c.unitCode, status: c.status as Status, assignee: assigneeName(tx, c), supervisedBy: c.supervisedBy };
}

function ctxOf(turn: Turn, c: CaseRow, action: Action) {
  return { id: c.id, role: turn.member?.role ?? null, assignee: assigneeName(turn.tx, c), status: c.status as Status, action: ACTION_ZH[action], supervisedBy: c.supervisedBy };
}

/** Which case a command without an id means: the quoted one (parser), the bare-ack context, or the only open one in private. */
function contextCaseId(turn: Turn, member: Member, bare: boolean): string | null | 'ignore' {
  if (turn.msg.room) {
    if (!bare) return null;
    const last = latestFromOthers(turn.tx, turn.msg.room.topic, member.name);
    if (!last || last.sender !== turn.deps.botName || !last.caseId || last.mention !== member.name) return 'ignore';
    const c = caseById(turn.tx, last.caseId);
    return c && (c.status === 'dispatched' || c.status === 'new') ? c.id : 'ignore';
  }
  const open = openCasesOf(turn.tx, member.name);
  return open.length === 1 ? open[0]!.id : null;
}

type CaseCommand = Extract<Command, { kind: 'ack' | 'report' | 'reassign' | 'supervise' | 'cancel' }>;

function caseCommand(turn: Turn, member: StoredMember, cmd: CaseCommand): ChatOut[] {
  let caseId = cmd.caseId;
  if (!caseId) {
    const found = contextCaseId(turn, member, cmd.kind === 'ack' && cmd.bare);
    if (found === 'ignore') return [];
    if (!found) return [reply(turn, replies.noCaseInContext())];
    caseId = found;
  }
  const c = caseById(turn.tx, caseId);
  if (!c) return cmd.kind === 'ack' && cmd.bare ? [] : [reply(turn, replies.unknownCase(caseId))];
  const state = stateOf(turn.tx, c);
  const action: Action = cmd.kind;
  const refusal = authorize(turn.deps.org, member, action, state);
  if (refusal) return [reply(turn, refusalText(refusal, ctxOf(turn, c, action)))];

  if (cmd.kind === 'reassign') {
    if (!turn.deps.org.member(cmd.to)) return [reply(turn, refusalText('target_unknown', ctxOf(turn, c, action)))];
    // The same rule as a lead's named assignee: someone who can take cases, in the case's task room.
    if (!routeLead(turn.deps.org, { unit: c.unitCode, assignee: cmd.to }).ok) return [reply(turn, refusalText('target_outside', ctxOf(turn, c, action)))];
  }
  const decision = decide(state, cmd.kind === 'report' ? { kind: 'report', result: cmd.result } : cmd.kind === 'reassign' ? { kind: 'reassign', to: cmd.to } : { kind: cmd.kind });
  if (!decision.ok) return [reply(turn, refusalText(decision.refusal, ctxOf(turn, c, action)))];

  const ctx = { tx: turn.tx, org: turn.deps.org, policy: turn.deps.policy, timezone: turn.deps.timezone, at: turn.at, actor: { id: member.id, name: member.name }, messageId: turn.msg.messageId };
  const args = cmd.kind === 'report' ? { method: cmd.method, result: cmd.result, lossAmount: cmd.lossAmount, alsoReported: cmd.alsoReported } : cmd.kind === 'cancel' ? { reason: cmd.reason } : cmd.kind === 'reassign' ? { to: cmd.to } : {};
  const { after, extra } = applyTransition(ctx, c, decision.transition, args);
  turn.changed.push(c.id);
  const by = (ms: number | null) => formatClock(ms ?? turn.at, turn.at, turn.deps.timezone);
  let text: string;
  switch (decision.transition.kind) {
    case 'acknowledge':
      text = replies.acknowledged(member.name, c.id, by(after.resolveDueAt));
      break;
    case 'resolve':
      text = cmd.kind === 'report' ? replies.resolved(member.name, c.id, cmd.method, cmd.result, cmd.lossAmount, cmd.alsoReported) : '';
      break;
    case 'attempt':
      text = cmd.kind === 'report' ? replies.attempt(member.name, c.id, after.attempts, cmd.method, cmd.result, by(after.resolveDueAt)) : '';
      break;
    case 'reassign':
      text = replies.reassigned(member.name, c.id, cmd.kind === 'reassign' ? cmd.to : '', by(after.ackDueAt));
      break;
    case 'supervise':
      text = replies.supervised(member.name, c.id);
      break;
    case 'cancel':
      text = replies.cancelled(member.name, c.id, cmd.kind === 'cancel' ? cmd.reason : '');
      break;
  }
  return [reply(turn, text), ...extra];
}
