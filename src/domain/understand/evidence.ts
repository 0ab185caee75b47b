/**
 * Which case a message is about, and whether it was addressed to the bot at all: from the id
 * typed, the quoted bot message, the push just before, or the sender's only open case
 * ("Case ids by evidence", "Context the way people use it").
 */
import type { Token } from '../grammar-lexer.js';
import type { IdEvidence, Reading } from './read.js';
import type { UnderstandContext } from './types.js';

/**
 * Where a case id came from. `text` and `typo` were typed; the others are inferred.
 * @example const s: CaseSource = 'quote'
 */
export type CaseSource = 'text' | 'typo' | 'unknown' | 'quote' | 'push' | 'only';

/**
 * The case a message is about.
 * @example const f: FoundCase = { id: 'Q7RT', source: 'text', typed: 'Q7RT' }
 */
export interface FoundCase {
  id: string;
  source: CaseSource;
  typed: string;
}

const SKIPPABLE = new Set(['weak', 'particle', 'filler']);

/**
 * A colleague called first, by title or nickname: 李姐, 老陈, 周哥, 郑社区, 王书记, 赵所, 钱警官你看,
 * or by the bare title: 组长 编号里那个是零还是O啊.
 * What follows is said to that person, not to the bot (转周网格 hands a case over: a verb, not a name).
 */
export const CALLED_FIRST = /^(?![转专给交派叫让找问请催])(?:(?:老|小)(?![人区孩家时伙])\p{Script=Han}|\p{Script=Han}{1,2}(?:大姐|大哥|姐|哥|叔|姨|师傅|老师)|\p{Script=Han}{1,3}(?:网格员|网格|社区|督导|警官|书记|主任|所长|所|队长)|组长|班长|队长|站长|所长|主任|书记|领导)(?=[\s,，.。!！?？:：;；~～]|你|您|$)/u;

/**
 * The case id typed in the text, by evidence: own or visible first, then a one-character slip
 * on exactly one of the sender's open cases, then an unknown id.
 * @example typedCase(read('收到 Q7RI', { openCases: [q7rt], visibleCases: [] }))?.source // 'typo'
 */
export function typedCase(r: Reading): FoundCase | null {
  const pick = (how: IdEvidence['how'][]) => r.ids.find((e) => how.includes(e.how));
  const e = pick(['own', 'visible']) ?? pick(['typo']) ?? pick(['unknown']);
  if (!e) return null;
  return { id: e.id, typed: e.typed, source: e.how === 'typo' ? 'typo' : e.how === 'unknown' ? 'unknown' : 'text' };
}

/**
 * The case the context points at when no id was typed: the quoted bot message, the push right
 * before this message, or (in private chat, to the bot by name, or with 反馈) the sender's only open case. A quote of a person's
 * message points at nothing.
 * @example contextCase({ ...ctx, pushIsLatest: true })?.source // 'push'
 */
export function contextCase(ctx: UnderstandContext, onlyCase = false): FoundCase | null {
  if (ctx.quote?.from === 'person') return null;
  if (ctx.quote?.from === 'bot') return ctx.quote.caseId ? { id: ctx.quote.caseId, source: 'quote', typed: '' } : null;
  const newest = ctx.openCases[0];
  if (ctx.pushIsLatest && newest) return { id: newest.id, source: 'push', typed: '' };
  // In private chat, or when the sender said 反馈 (onlyCase), a sole open case is the one meant.
  // Not in the task room without 反馈: there a worker's 劝不动 or 打不通 is as often about someone else.
  // @网格哨兵 已劝阻 钱没转: said to the bot by name, like a private message.
  if ((ctx.room === 'private' || ctx.mention || onlyCase) && ctx.openCases.length === 1) return { id: ctx.openCases[0]!.id, source: 'only', typed: '' };
  return null;
}

/**
 * True when `tok` starts the message (after 好的, 嗯, 请 and at most one case id): the
 * sender began with the command, so it is meant for the bot.
 * @example atHead(toks, toks[1]) // true for '好的，收到 Q7RT'
 */
export function atHead(toks: Token[], tok: Token): boolean {
  let ids = 0;
  for (const t of toks) {
    if (t === tok) return true;
    if (t.t === 'id' && ++ids <= 1) continue;
    if (!SKIPPABLE.has(t.t)) return false;
  }
  return false;
}

/**
 * Addressed to the bot: private chat, an @mention, or a quoted bot message.
 * @example isAddressed(ctx, reading) // true in private chat
 */
export function isAddressed(ctx: UnderstandContext, r: Reading): boolean {
  // A quoted summary or notice (no case) is read by the room; a remark on it is for the room too.
  const quotedCase = ctx.quote?.from === 'bot' && (ctx.quote.kind !== 'other' || (ctx.quote.caseId ?? null) !== null);
  return ctx.room === 'private' || ctx.mention || r.mentionsBot || quotedCase || CALLED_BY_NAME.test(r.body);
}

/**
 * Addressed only by the bot's name (哨兵你是不是也该休息一下): enough for a request, not for
 * answering a line the bot does not understand.
 */
export function calledByNameOnly(ctx: UnderstandContext, r: Reading): boolean {
  return CALLED_BY_NAME.test(r.body) && !(ctx.room === 'private' || ctx.mention || r.mentionsBot || ctx.quote?.from === 'bot');
}

/** 哨兵，我还有几个没弄完, 那个哨兵你帮我看一下: the bot called by its name, without an @. */
const CALLED_BY_NAME = /^(?:那个|喂|嗨|hi|hello)?\s*(?:网格)?哨兵(?:[\s\p{P}]|你|帮|给|查|看)/iu;

/**
 * The delay owned up to before an acknowledgement: 不好意思刚看到, 才看到，, 刚在开车.
 * @example LATE_SEEN.exec('不好意思刚看到 收到')?.[0] // '不好意思刚看到 '
 */
export const LATE_SEEN = /^\s*(?:不好意思|抱歉|sorry)?\s*(?:刚刚|刚才|刚|才)\s*(?:看到|看见|在开车|在开会|在忙|没看手机)\s*(?:了)?[\s，,。.]*/iu;
