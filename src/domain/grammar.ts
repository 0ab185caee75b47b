/**
 * Chat grammar: message text → a typed command or a typed refusal. Pure, never throws.
 * Synonyms live here; the bot's words live in replies.ts. Rules: DESIGN.md "Chat grammar",
 * issue 5 ("never act on what was not meant").
 */
import { parseAmount } from './amount.js';
import { isCaseId, normalizeCaseId } from './case-id.js';
import { normalizeText, splitQuote, stripMentions, type Quote } from './text.js';

export type Method = 'visit' | 'phone' | 'sms' | 'video';
export type Result = 'dissuaded' | 'defrauded' | 'unreachable' | 'refused' | 'false_positive' | 'reported';
export type Command =
  | { kind: 'help' }
  /** `caseId` null: take it from context; `bare`: just 收到/好的/ok/👌 with no id and no quote. */
  | { kind: 'ack'; caseId: string | null; bare: boolean }
  | { kind: 'report'; caseId: string | null; method: Method | null; result: Result; lossAmount: number | null; alsoReported: boolean }
  | { kind: 'mine' }
  | { kind: 'query'; caseId: string }
  | { kind: 'reassign'; caseId: string; to: string }
  | { kind: 'supervise'; caseId: string }
  | { kind: 'cancel'; caseId: string; reason: string }
  | { kind: 'stats' }
  | { kind: 'bind'; code: string };

export type Refusal = 'unknown' | 'missing_case_id' | 'missing_result' | 'missing_target' | 'missing_reason' | 'bad_amount' | 'missing_code';

export type Parsed =
  | { ok: true; command: Command }
  /** Addressed to the bot, but not understood or incomplete: the reply says why and shows an example. */
  | { ok: false; reason: Refusal; example: string; hint?: string }
  /** Ordinary chatter not addressed to the bot: no reply at all. */
  | { ok: false; reason: 'chatter' };

export interface ParseInput {
  text: string;
  /** True for a private chat with the bot or an @mention of the bot in a room. */
  addressed: boolean;
  botName: string;
}

/** The message split into its parts, normalised; shared by every command parser. */
export interface Utterance {
  body: string;
  quote: Quote | null;
  mentions: string[];
}

const MAX_LENGTH = 2000;

const HELP_WORDS = new Set(['帮助', 'help', '菜单', '指令', '怎么用', '使用说明', '?', '？', '说明']);
const MINE_WORDS = new Set(['我的', '待办', '我的待办', '我的案件', '我的任务', '待办事项']);
const STATS_WORDS = new Set(['统计', '今日', '今日统计', '数据', '今天', '今日数据']);
/** Words that acknowledge when they are the whole message. */
const BARE_ACK = new Set(['收到', '好的', '收到了', 'ok', '好', '👌', '好的收到', '已收到', '明白', '收到收到', '好滴', '嗯嗯收到', '收到马上去', '马上去', '接单', '已接单', '收到！']);
/** Keywords that acknowledge a case named next to them. */
const ACK_WORDS = new Set(['收到', '接单', '已收到', '好的收到', '收到了', '马上去', '立即处理', '马上处理', '已接单', '好的', '明白', '立即出发', '马上出发']);
const REPORT_WORDS = new Set(['反馈', '回复', '结果', '处置', '处置结果', '反馈结果', '回报']);
const QUERY_WORDS = new Set(['查', '查询', '进度', '查看', '查一下']);
const REASSIGN_WORDS = new Set(['转派', '改派', '转给', '转交']);
const SUPERVISE_WORDS = new Set(['督办', '已督办']);
const CANCEL_WORDS = new Set(['撤销', '取消', '撤回案件']);
const BIND_WORDS = new Set(['绑定', '绑定码', '绑定身份']);

/** Longest first, so 上门见面 wins over 上门. */
const METHODS: [string, Method][] = (
  [
    ['上门见面', 'visit'], ['上门', 'visit'], ['见面', 'visit'], ['入户', 'visit'], ['当面', 'visit'], ['面谈', 'visit'], ['走访', 'visit'],
    ['打电话', 'phone'], ['电话', 'phone'], ['致电', 'phone'], ['外呼', 'phone'],
    ['发短信', 'sms'], ['短信', 'sms'],
    ['视频通话', 'video'], ['视频', 'video'],
  ] as [string, Method][]
).sort((a, b) => b[0].length - a[0].length);

const RESULTS: [string, Result][] = (
  [
    ['劝阻成功', 'dissuaded'], ['成功劝阻', 'dissuaded'], ['已劝阻', 'dissuaded'], ['劝住了', 'dissuaded'], ['已劝住', 'dissuaded'], ['劝阻了', 'dissuaded'], ['已劝返', 'dissuaded'], ['已止付', 'dissuaded'],
    ['已经被骗', 'defrauded'], ['已被骗', 'defrauded'], ['被骗了', 'defrauded'], ['已经转账', 'defrauded'], ['已转账', 'defrauded'], ['被骗', 'defrauded'], ['转账了', 'defrauded'],
    ['未接通', 'unreachable'], ['没接通', 'unreachable'], ['无人接听', 'unreachable'], ['没人接', 'unreachable'], ['没接', 'unreachable'], ['关机', 'unreachable'], ['空号', 'unreachable'], ['停机', 'unreachable'], ['联系不上', 'unreachable'], ['无法联系', 'unreachable'], ['不在家', 'unreachable'], ['找不到人', 'unreachable'],
    ['拒绝配合', 'refused'], ['不配合', 'refused'], ['拒绝', 'refused'], ['挂断', 'refused'], ['挂了电话', 'refused'],
    ['误报', 'false_positive'], ['非诈骗', 'false_positive'], ['不是诈骗', 'false_positive'], ['正常交易', 'false_positive'],
    ['已报警', 'reported'], ['报警了', 'reported'], ['已经报警', 'reported'],
  ] as [string, Result][]
).sort((a, b) => b[0].length - a[0].length);

/** Which result wins when several are named: being defrauded outweighs everything. */
const RESULT_ORDER: Result[] = ['defrauded', 'dissuaded', 'false_positive', 'refused', 'unreachable', 'reported'];
/** Negations that must not read as 被骗/转账. */
const NEGATED = /(?:未|没有|没|并未|尚未)(?:被骗|转账)/gu;
const LOSS = /(?:损失|被骗了?|骗走了?|骗了|转账了?|转了)\s*[:：]?\s*(-?[¥￥]?\s*[\d.,，]+\s*(?:万|千|w|W|k|K)?\s*\d?\s*(?:元|块钱|块)?|[零〇一二两三四五六七八九十百千万]+(?:元|块钱|块)?)/u;

const EXAMPLES = {
  ack: '收到 K7Q2',
  report: '反馈 K7Q2 上门 劝阻成功',
  query: '查 K7Q2',
  reassign: '转派 K7Q2 @周网格',
  supervise: '督办 K7Q2',
  cancel: '撤销 K7Q2 重复线索',
  bind: '绑定 K3P9QX',
  loss: '反馈 K7Q2 已被骗 损失5000 已报警',
};

/** Normalises a raw message: quote split, full-width folded, mentions removed, end punctuation dropped. */
export function readUtterance(raw: string): Utterance {
  const { quote, reply } = splitQuote(raw.slice(0, MAX_LENGTH));
  const { mentions, text } = stripMentions(normalizeText(reply));
  return { body: text.replace(/[。.!！~～]+$/u, '').trim(), quote, mentions };
}

/** The first case id in a text (e.g. the quoted bot message's first line). */
function findCaseId(text: string): string | null {
  for (const token of normalizeText(text).split(/[^A-Za-z0-9]+/)) {
    if (token && isCaseId(token)) return normalizeCaseId(token);
  }
  return null;
}

/** Splits on spaces and punctuation, and between Chinese and Latin/digits: 收到K7Q2 → 收到 K7Q2. */
function tokenize(body: string): string[] {
  return body
    .replace(/[，,。、：:；;！!？?~～"“”'‘’()（）【】[\]<>《》|]/gu, ' ')
    .replace(/([\p{Script=Han}])([A-Za-z0-9])/gu, '$1 $2')
    .replace(/([A-Za-z0-9])([\p{Script=Han}])/gu, '$1 $2')
    .split(/\s+/)
    .filter(Boolean);
}

type Partial = { ok: true; command: Command } | { ok: false; reason: Refusal; example: string; hint?: string } | null;

const fail = (reason: Refusal, example: string, hint?: string): Partial => ({ ok: false, reason, example, ...(hint ? { hint } : {}) });

function findResult(text: string): { result: Result | null; alsoReported: boolean; method: Method | null } {
  const cleaned = text.replace(NEGATED, ' ');
  const found = new Set<Result>();
  let rest = cleaned;
  for (const [word, result] of RESULTS) {
    if (rest.includes(word)) {
      found.add(result);
      rest = rest.split(word).join(' ');
    }
  }
  if (found.size === 0 && cleaned !== text) found.add('dissuaded');
  let method: Method | null = null;
  for (const [word, m] of METHODS) {
    if (rest.includes(word)) {
      method = m;
      break;
    }
  }
  const result = RESULT_ORDER.find((r) => found.has(r)) ?? null;
  return { result, alsoReported: found.has('reported') && result !== 'reported', method };
}

function parseReport(rest: string, caseId: string | null, hasKeyword: boolean): Partial {
  const { result, alsoReported, method } = findResult(rest);
  if (!result) return hasKeyword ? fail('missing_result', EXAMPLES.report, '缺少处置结果（劝阻成功/未接通/已被骗/误报…）') : null;
  let lossAmount: number | null = null;
  const loss = LOSS.exec(rest);
  if (loss) {
    const amount = parseAmount(loss[1]!.replace(/^-/, ''));
    if (amount === null || loss[1]!.trim().startsWith('-')) return fail('bad_amount', EXAMPLES.loss, '损失金额看不懂');
    if (result === 'defrauded') lossAmount = amount;
  } else if (/损失/u.test(rest) && result === 'defrauded') {
    return fail('bad_amount', EXAMPLES.loss, '损失金额看不懂');
  }
  if (!caseId) return fail('missing_case_id', EXAMPLES.report, '缺少案件编号');
  return { ok: true, command: { kind: 'report', caseId, method, result, lossAmount, alsoReported } };
}

/**
 * Parses one chat message.
 * @example parseMessage({ text: '收到 Ｋ７Ｑ２', addressed: false, botName: '网格哨兵' })
 *   // { ok: true, command: { kind: 'ack', caseId: 'K7Q2', bare: false } }
 */
export function parseMessage(input: ParseInput): Parsed {
  const u = readUtterance(String(input.text ?? ''));
  const quotedBot = !!u.quote && u.quote.sender === input.botName;
  const quoteId = quotedBot ? findCaseId(u.quote!.text) : null;
  const addressed = input.addressed || u.mentions.includes(input.botName) || quotedBot;
  const parsed = parseBody(u, quoteId, input.botName);
  if (parsed?.ok) return parsed;
  if (parsed && (addressed || parsed.strong)) return { ok: false, reason: parsed.reason, example: parsed.example, ...(parsed.hint ? { hint: parsed.hint } : {}) };
  if (addressed) return { ok: false, reason: 'unknown', example: '帮助' };
  return { ok: false, reason: 'chatter' };
}

type BodyResult = { ok: true; command: Command } | { ok: false; reason: Refusal; example: string; hint?: string; strong: boolean } | null;

function parseBody(u: Utterance, quoteId: string | null, botName: string): BodyResult {
  const whole = u.body.replace(/[\s，,。.!！~～]+/gu, '').toLowerCase();
  if (whole === '') return null;
  if (HELP_WORDS.has(whole)) return { ok: true, command: { kind: 'help' } };
  if (MINE_WORDS.has(whole)) return { ok: true, command: { kind: 'mine' } };
  if (STATS_WORDS.has(whole)) return { ok: true, command: { kind: 'stats' } };
  if (BARE_ACK.has(whole)) return { ok: true, command: { kind: 'ack', caseId: quoteId, bare: quoteId === null } };

  const tokens = tokenize(u.body);
  const ids = tokens.filter(isCaseId).map(normalizeCaseId);
  const words = tokens.filter((t) => !isCaseId(t));
  const caseId = ids[0] ?? quoteId;
  const keyword = words[0] ?? '';
  const startsWithKeyword = tokens[0] === keyword || (ids.length > 0 && tokens[1] === keyword);
  const rest = words.slice(1).join(' ');
  // A malformed command is worth an answer only when it is clearly one: keyword first plus an id.
  const strong = startsWithKeyword && ids.length > 0;
  const wrap = (p: Partial): BodyResult => (p === null ? null : p.ok ? p : { ...p, strong });

  if (BIND_WORDS.has(keyword) && tokens[0] === keyword) {
    const code = tokens.slice(1).find((t) => /^[A-Za-z0-9]{4,16}$/.test(t));
    return code ? { ok: true, command: { kind: 'bind', code: code.toUpperCase() } } : { ...fail('missing_code', EXAMPLES.bind, '缺少绑定码')!, strong: true } as BodyResult;
  }
  if (!startsWithKeyword && ids.length === 0 && !quoteId) return null;

  if (ACK_WORDS.has(keyword) && startsWithKeyword && words.every((w) => ACK_WORDS.has(w) || BARE_ACK.has(w))) {
    return caseId ? { ok: true, command: { kind: 'ack', caseId, bare: false } } : wrap(fail('missing_case_id', EXAMPLES.ack, '缺少案件编号'));
  }
  if (REPORT_WORDS.has(keyword) && startsWithKeyword) return wrap(parseReport(rest, caseId, true));
  if (QUERY_WORDS.has(keyword) && startsWithKeyword && words.length === 1) {
    return caseId ? { ok: true, command: { kind: 'query', caseId } } : wrap(fail('missing_case_id', EXAMPLES.query, '缺少案件编号'));
  }
  if (REASSIGN_WORDS.has(keyword) && startsWithKeyword) {
    if (!caseId) return wrap(fail('missing_case_id', EXAMPLES.reassign, '缺少案件编号'));
    const target = u.mentions.find((m) => m !== botName) ?? words.slice(1).filter((w) => w !== '给')[0];
    return target ? { ok: true, command: { kind: 'reassign', caseId, to: target } } : { ...fail('missing_target', EXAMPLES.reassign, '缺少转派对象，请 @ 对方')!, strong: true } as BodyResult;
  }
  if (SUPERVISE_WORDS.has(keyword) && startsWithKeyword && words.length === 1) {
    return caseId ? { ok: true, command: { kind: 'supervise', caseId } } : wrap(fail('missing_case_id', EXAMPLES.supervise, '缺少案件编号'));
  }
  if (CANCEL_WORDS.has(keyword) && startsWithKeyword) {
    if (!caseId) return wrap(fail('missing_case_id', EXAMPLES.cancel, '缺少案件编号'));
    return rest ? { ok: true, command: { kind: 'cancel', caseId, reason: rest } } : { ...fail('missing_reason', EXAMPLES.cancel, '请写明撤销原因')!, strong: true } as BodyResult;
  }
  // No keyword: `K7Q2 上门 劝阻成功`, or a quoted reply `上门 劝阻成功`, is a report when a result is named.
  if (caseId && (ids.length > 0 ? tokens[0] === ids[0] || quoteId !== null : true)) {
    const report = parseReport(words.join(' '), caseId, false);
    if (report?.ok) return report;
  }
  return null;
}
