/**
 * What the understanding step needs besides the text: who is speaking, where, their
 * open cases, which ids in the message exist and may be seen, what a quote points at, whether
 * the bot's push is the message right before, and whether a confirmation waits. Read from
 * SQLite inside the conversation's transaction; plain data out.
 */
import { swapWaitsFor } from './duty.js';
import { authorize, type CaseState, type Status } from '../domain/case-machine.js';
import { isCaseId, normalizeCaseId } from '../domain/case-id.js';
import { capabilitiesOf } from '../domain/channels.js';
import type { ChatIn } from '../domain/messages.js';
import type { OrgIndex } from '../domain/org.js';
import { normalizeText, splitQuote } from '../domain/text.js';
import type { Level } from '../domain/types.js';
import type { QuoteContext, UnderstandContext } from '../domain/understand/index.js';
import { caseById, type CaseRow, type Tx } from '../store/cases.js';
import { pendingOf } from '../store/confirmations.js';
import type { StoredMember } from '../store/org.js';
import { latestFromOthers } from '../store/rooms.js';
import { assigneeName } from './case-actions.js';
import { openCasesOf } from './case-queries.js';

/** The case as the state machine sees it. */
export function stateOf(tx: Tx, c: CaseRow): CaseState {
  return { id: c.id, level: c.level as Level, unit: c.unitCode, status: c.status as Status, assignee: assigneeName(tx, c), supervisedBy: c.supervisedBy };
}

/** Which kind of bot message a quote is, from its first line (every case message starts with its tag and id). */
export function quoteContextOf(raw: string, botName: string): QuoteContext | null {
  const { quote } = splitQuote(raw.slice(0, 2000));
  if (!quote) return null;
  if (normalizeText(quote.sender) !== normalizeText(botName)) return { from: 'person' };
  const first = normalizeText(quote.text).split('\n')[0] ?? '';
  const ids = [...new Set([...first.matchAll(/[A-Za-z0-9]+/g)].map((m) => m[0]).filter(isCaseId).map(normalizeCaseId))];
  const caseId = ids.length === 1 ? ids[0]! : null;
  const kind = /回复“1”确认/.test(quote.text)
    ? 'confirmation'
    : /预警】|转派】|重办】|升级】/.test(first)
      ? 'dispatch'
      : /催办】|超时未处理/.test(first)
        ? 'reminder'
        : /超时】/.test(first)
          ? 'escalation'
          : 'other';
  return { from: 'bot', caseId, kind };
}

/** Case-id-shaped words of the text (quote included), normalised. */
function idsIn(text: string): string[] {
  const words = normalizeText(text.slice(0, 2000)).match(/[A-Za-z0-9]{4,6}/g) ?? [];
  return [...new Set(words.filter(isCaseId).map(normalizeCaseId))];
}

export function buildContext(tx: Tx, org: OrgIndex, botName: string, msg: ChatIn, member: StoredMember | null, at: number): UnderstandContext {
  const room = msg.room ? org.room(msg.room.topic) : undefined;
  // A channel without quotes or without the group's chatter gives no context to infer from: a
  // typed 「…」 is no quote there, and the bot's push is never known to be the latest message.
  const caps = capabilitiesOf(msg.channel);
  const quote = caps.quotes ? quoteContextOf(msg.text, botName) : null;
  const base = {
    room: room ? room.purpose : ('private' as const),
    mention: msg.mentionSelf,
    quote,
    // An expired question still counts for an hour: a late “1” is told it expired, not ignored.
    pendingConfirmation: !!pendingOf(tx, msg.from.wechatId, msg.room?.topic ?? null, at, 3_600_000),
    botName,
  };
  if (!member) return { ...base, role: 'stranger', openCases: [], visibleCases: [], pushIsLatest: false };
  const open = openCasesOf(tx, member.name).sort((a, b) => (b.dispatchedAt ?? b.createdAt) - (a.dispatchedAt ?? a.createdAt));
  const openCases = open.map((c) => ({
    id: c.id,
    level: c.level as Level,
    acknowledged: c.status === 'acknowledged',
    pushedMinutesAgo: Math.max(0, (at - (c.dispatchedAt ?? c.createdAt)) / 60_000),
    ...(msg.room ? { pushedHere: org.taskRoom(c.unitCode)?.topic === msg.room.topic } : {}),
  }));
  const mine = new Set(open.map((c) => c.id));
  const visibleCases = idsIn(msg.text).filter((id) => {
    if (mine.has(id)) return false;
    const c = caseById(tx, id);
    return !!c && authorize(org, member, 'query', stateOf(tx, c)) === null;
  });
  if (quote?.from === 'bot' && quote.caseId && !mine.has(quote.caseId) && !visibleCases.includes(quote.caseId)) {
    const c = caseById(tx, quote.caseId);
    if (c && authorize(org, member, 'query', stateOf(tx, c)) === null) visibleCases.push(c.id);
  }
  let pushIsLatest = false;
  if (msg.room && open.length && caps.seesChatter) {
    const last = latestFromOthers(tx, msg.room.topic, member.name);
    pushIsLatest = !!last && last.sender === botName && last.caseId === open[0]!.id && last.mention === member.name;
  }
  return { ...base, role: member.role, unit: member.unit, openCases, visibleCases, pushIsLatest, members: org.org.members.map(({ name, role }) => ({ name, role })), ...(swapWaitsFor(tx, member.name, at) ? { pendingSwap: true } : {}) };
}
