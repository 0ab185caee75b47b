/**
 * Chat grammar (DESIGN.md "Chat grammar"): message text → a typed command or a typed refusal.
 * Pure, never throws. Synonyms live here; the bot's words live in replies.ts.
 *
 * A message is read in four steps: the WeChat quote is split off, full-width folded and
 * @mentions removed (`readUtterance`); punctuation becomes spaces, keeping every position so
 * spans map back to the text; a longest-match lexer finds keywords, methods, results, amounts
 * and case ids; then the command is chosen so that nothing is acted on that was not meant:
 * a message not addressed to the bot counts only when it starts with a command keyword and
 * carries what that command needs, or is a bare acknowledgement word.
 */
import { isCaseId, normalizeCaseId } from './case-id.js';
import type { Method, Result } from './case-machine.js';
import { blankPunctuation, lex, type Kind, type Token } from './grammar-lexer.js';
import { normalizeText, splitQuote, stripMentions, type Quote } from './text.js';

/**
 * How a worker reached the person at risk, and what came of it: declared once in
 * case-machine.ts, re-exported for the callers of the grammar.
 * @example const m: Method = 'visit' // 上门
 */
export type { Method, Result } from './case-machine.js';

/**
 * A command understood from chat. `ack.caseId` null means "take it from context"; `ack.bare`
 * means the message was only an acknowledgement word (收到, 好的, ok, 👌) with no id anywhere.
 * @example const c: Command = { kind: 'query', caseId: 'K7Q2' }
 */
export type Command =
  | { kind: 'help' }
  | { kind: 'ack'; caseId: string | null; bare: boolean }
  | { kind: 'report'; caseId: string | null; method: Method | null; result: Result; lossAmount: number | null; alsoReported: boolean }
  | { kind: 'mine' }
  | { kind: 'query'; caseId: string }
  | { kind: 'reassign'; caseId: string; to: string }
  | { kind: 'supervise'; caseId: string }
  | { kind: 'cancel'; caseId: string; reason: string }
  | { kind: 'stats' }
  | { kind: 'bind'; code: string };

/**
 * Why a message meant for the bot could not become a command.
 * @example const r: Refusal = 'missing_case_id'
 */
export type Refusal = 'unknown' | 'missing_case_id' | 'missing_result' | 'missing_target' | 'missing_reason' | 'bad_amount' | 'missing_code';

/**
 * The outcome of parsing. A refusal carries the correct example the bot shows and, when
 * something specific was missing, a short hint in Chinese.
 * @example const p: Parsed = { ok: false, reason: 'missing_result', example: '反馈 K7Q2 上门 劝阻成功' }
 */
export type Parsed =
  | { ok: true; command: Command }
  /** Meant for the bot, but not understood or incomplete: the reply says why and shows an example. */
  | { ok: false; reason: Refusal; example: string; hint?: string }
  /** Ordinary chatter not addressed to the bot: no reply at all. */
  | { ok: false; reason: 'chatter' };

/**
 * One inbound message as the parser needs it.
 * @example const input: ParseInput = { text: '收到 K7Q2', addressed: false, botName: '网格哨兵' }
 */
export interface ParseInput {
  text: string;
  /** True for a private chat with the bot or an @mention of the bot in a room. */
  addressed: boolean;
  botName: string;
}

/**
 * The message split into its parts, normalised; shared by every command parser.
 * @example readUtterance('@网格哨兵 收到 K7Q2') // { body: '收到 K7Q2', quote: null, mentions: ['网格哨兵'] }
 */
export interface Utterance {
  body: string;
  quote: Quote | null;
  mentions: string[];
}


const MAX_LENGTH = 2000;
const EXAMPLE_ID = 'K7Q2';

/**
 * Normalises a raw message: input cut to 2000 characters, quote split, full-width folded,
 * mentions removed (also `@botName` typed without a space before the command), trailing
 * full stops dropped.
 * @example readUtterance('@网格哨兵收到 Ｋ７Ｑ２。', '网格哨兵') // { body: '收到 K7Q2', quote: null, mentions: ['网格哨兵'] }
 */
export function readUtterance(raw: string, botName = ''): Utterance {
  const { quote, reply } = splitQuote(raw.slice(0, MAX_LENGTH));
  let text = normalizeText(reply);
  const mentions: string[] = [];
  const bot = normalizeText(botName);
  if (bot) {
    const parts = text.split(`@${bot}`);
    for (let k = 1; k < parts.length; k++) mentions.push(bot);
    text = parts.join(' ');
  }
  const stripped = stripMentions(text);
  mentions.push(...stripped.mentions);
  return { body: stripped.text.replace(/[。.!！~～]+$/u, '').trim(), quote, mentions };
}

/** The case id of a quoted bot message: the one id on its first line (DESIGN.md, NOTES.md "Quoted replies"). */
function caseIdInQuote(quoted: string): string | null {
  const firstLine = normalizeText(quoted).split('\n')[0] ?? '';
  const ids = new Set([...firstLine.matchAll(/[A-Za-z0-9]+/g)].map((m) => m[0]).filter(isCaseId).map(normalizeCaseId));
  return ids.size === 1 ? [...ids][0]! : null;
}

interface Message {
  body: string;
  clean: string;
  toks: Token[];
  addressed: boolean;
  quoteId: string | null;
  /** Names mentioned other than the bot: reassignment targets. */
  others: string[];
}

const CHATTER: Parsed = { ok: false, reason: 'chatter' };
const TAKES_ARGS = new Set<Kind>(['ack', 'report', 'query', 'reassign', 'supervise', 'cancel', 'bind']);
const ok = (command: Command): Parsed => ({ ok: true, command });
const refuse = (reason: Refusal, example: string, hint?: string): Parsed => (hint ? { ok: false, reason, example, hint } : { ok: false, reason, example });
const firstId = (m: Message) => m.toks.find((t): t is Token & { t: 'id' } => t.t === 'id')?.id ?? null;

/**
 * Parses one chat message into a command, a refusal with an example (when the message was
 * meant for the bot), or `chatter`. Never throws; input beyond 2000 characters is ignored.
 * @example parseMessage({ text: '@网格哨兵 帮助', addressed: true, botName: '网格哨兵' }) // { ok: true, command: { kind: 'help' } }
 * @example parseMessage({ text: '收到\u3000Ｋ７Ｑ２', addressed: false, botName: '网格哨兵' }) // { ok: true, command: { kind: 'ack', caseId: 'K7Q2', bare: false } }
 * @example parseMessage({ text: '大家反馈很好', addressed: false, botName: '网格哨兵' }) // { ok: false, reason: 'chatter' }
 */
export function parseMessage(input: ParseInput): Parsed {
  try {
    return parse(input);
  } catch {
    // A bug here must not take the chat down; an addressed sender still gets an answer.
    return input?.addressed === true ? refuse('unknown', '帮助') : CHATTER;
  }
}

function parse(input: ParseInput): Parsed {
  const botName = normalizeText(typeof input.botName === 'string' ? input.botName : '');
  const u = readUtterance(typeof input.text === 'string' ? input.text : '', botName);
  const quotedBot = u.quote !== null && botName !== '' && normalizeText(u.quote.sender) === botName;
  const clean = blankPunctuation(u.body);
  const m: Message = {
    body: u.body,
    clean,
    toks: lex(clean).map(legacyToken),
    // A quoted reply to the bot is meant for the bot (NOTES.md "Quoted replies").
    addressed: input.addressed === true || (botName !== '' && u.mentions.includes(botName)) || quotedBot,
    quoteId: quotedBot ? caseIdInQuote(u.quote!.text) : null,
    others: u.mentions.filter((n) => n !== botName),
  };
  return choose(m);
}

/** Keywords only the understanding step reads (更正, 重办) are plain words to this parser. */
const LEGACY_KINDS: ReadonlySet<Kind> = new Set(['help', 'ack', 'report', 'mine', 'query', 'reassign', 'supervise', 'cancel', 'stats', 'bind']);
function legacyToken(t: Token): Token {
  return t.t === 'kw' && !LEGACY_KINDS.has(t.kind) ? { t: 'word', start: t.start, end: t.end, text: t.text } : t;
}

function choose(m: Message): Parsed {
  if (m.toks.length === 0) {
    if (!m.addressed) return CHATTER; // a lone "?" in a group is chatter, not a call for help
    return m.body === '' || /^[?？\s]+$/.test(m.body) ? ok({ kind: 'help' }) : refuse('unknown', '帮助');
  }
  const alone = soleNoArgKeyword(m);
  if (alone) return ok({ kind: alone } as Command);
  const ack = onlyAcknowledgement(m);
  if (ack) return ack;
  const head = m.addressed ? firstArgKeyword(m.toks) : headOf(m.toks);
  if (head) {
    if (!m.addressed && !carriesArguments(head, m)) return CHATTER;
    return parseAs(head.kind, head.tok, m);
  }
  if (!m.addressed) return CHATTER;
  if (isKeywordlessReport(m)) return parseReport(m);
  const id = firstId(m);
  return id ? refuse('unknown', `查 ${id}`, '缺少指令') : refuse('unknown', '帮助');
}

/** 统计, 我的待办, 帮助: the whole message is one argument-less command (with politeness if addressed). */
function soleNoArgKeyword(m: Message): Kind | null {
  let kind: Kind | null = null;
  for (const t of m.toks) {
    if (t.t === 'kw' && !TAKES_ARGS.has(t.kind) && (kind === null || kind === t.kind)) kind = t.kind;
    else if (!(m.addressed && (t.t === 'filler' || t.t === 'particle'))) return null;
  }
  return kind;
}

/**
 * 收到 / 好的 / 👌 / 收到 K7Q2 / K7Q2 收到了: nothing but acknowledgement words and at most one
 * case id (and, when addressed, politeness: 收到，谢谢). Without an id (and no quoted case) it is bare: the core decides from context.
 */
function onlyAcknowledgement(m: Message): Parsed | null {
  let strong = false;
  let weak = false;
  let particle = false;
  let id: string | null = null;
  for (const t of m.toks) {
    if (t.t === 'kw' && t.kind === 'ack') strong = true;
    else if (t.t === 'weak') weak = true;
    else if (t.t === 'particle' || (m.addressed && t.t === 'filler')) particle = true;
    else if (t.t === 'id' && (id === null || id === t.id)) id = t.id;
    else return null;
  }
  // 收到啦 is an acknowledgement; 好了 / 好吧 are not. Politeness (收到，谢谢) only when addressed.
  if (!strong && (!weak || particle)) return null;
  const caseId = id ?? m.quoteId;
  return ok({ kind: 'ack', caseId, bare: caseId === null });
}

type Head = { kind: Kind; tok: Token | null };

/** Addressed: the first keyword that takes arguments, wherever it is (帮我查一下 K7Q2). */
function firstArgKeyword(toks: Token[]): Head | null {
  const t = toks.find((x) => x.t === 'kw' && TAKES_ARGS.has(x.kind));
  return t && t.t === 'kw' ? { kind: t.kind, tok: t } : null;
}

/**
 * Not addressed: the message must start with the command: keyword, id + keyword, or id +
 * method/result (K7Q2 上门 劝阻成功). Leading 好的 / 嗯 are skipped (好的，收到 K7Q2).
 */
function headOf(toks: Token[]): Head | null {
  let k = 0;
  while (toks[k]?.t === 'weak' || toks[k]?.t === 'particle') k++;
  const a = toks[k];
  if (a?.t === 'kw') return TAKES_ARGS.has(a.kind) ? { kind: a.kind, tok: a } : null;
  if (a?.t !== 'id') return null;
  let n = k + 1;
  while (toks[n]?.t === 'filler' || toks[n]?.t === 'particle') n++;
  const b = toks[n];
  if (b?.t === 'kw' && TAKES_ARGS.has(b.kind)) return { kind: b.kind, tok: b };
  const saysOutcome = toks.some((t) => t.t === 'result' || t.t === 'loss');
  if (saysOutcome && (b?.t === 'method' || b?.t === 'result' || b?.t === 'loss')) return { kind: 'report', tok: null };
  return null;
}

/** Not addressed, a command counts only with its required argument: a case id, or a bind code. */
function carriesArguments(head: Head, m: Message): boolean {
  if (head.kind === 'bind') return bindCode(head.tok, m) !== null;
  return m.toks.some((t) => t.t === 'id');
}

/** Addressed, no keyword: an outcome with an id (or quoted case), or nothing but outcome words. */
function isKeywordlessReport(m: Message): boolean {
  if (!m.toks.some((t) => t.t === 'result' || t.t === 'loss' || t.t === 'method')) return false;
  if (firstId(m) || m.quoteId) return true;
  return m.toks.every((t) => ['method', 'result', 'loss', 'amount', 'neutral', 'filler', 'particle'].includes(t.t));
}

// ---- commands ----

const HINT_CASE_ID = '缺少案件编号';

function parseAs(kind: Kind, kw: Token | null, m: Message): Parsed {
  if (kind === 'report') return parseReport(m);
  if (kind === 'bind') {
    const code = bindCode(kw, m);
    return code ? ok({ kind: 'bind', code }) : refuse('missing_code', '绑定 K3P9QX', '缺少绑定码（4到16位字母或数字）');
  }
  const id = firstId(m) ?? m.quoteId;
  switch (kind) {
    case 'ack':
      return id ? ok({ kind: 'ack', caseId: id, bare: false }) : refuse('missing_case_id', `收到 ${EXAMPLE_ID}`, HINT_CASE_ID);
    case 'query':
      return id ? ok({ kind: 'query', caseId: id }) : refuse('missing_case_id', `查 ${EXAMPLE_ID}`, HINT_CASE_ID);
    case 'supervise':
      return id ? ok({ kind: 'supervise', caseId: id }) : refuse('missing_case_id', `督办 ${EXAMPLE_ID}`, HINT_CASE_ID);
    case 'reassign': {
      if (!id) return refuse('missing_case_id', `转派 ${EXAMPLE_ID} @王五`, HINT_CASE_ID);
      const to = reassignTarget(m, kw);
      return to ? ok({ kind: 'reassign', caseId: id, to }) : refuse('missing_target', `转派 ${id} @王五`, '缺少转派对象');
    }
    case 'cancel': {
      if (!id) return refuse('missing_case_id', `撤销 ${EXAMPLE_ID} 重复预警`, HINT_CASE_ID);
      const reason = cancelReason(m, kw);
      return reason ? ok({ kind: 'cancel', caseId: id, reason }) : refuse('missing_reason', `撤销 ${id} 重复预警`, '缺少撤销原因');
    }
    default:
      return ok({ kind } as Command);
  }
}

const METHOD_ZH: Record<Method, string> = { visit: '上门', phone: '电话', sms: '短信', video: '视频' };
const RESULT_ZH: Record<Result, string> = { dissuaded: '劝阻成功', defrauded: '已被骗', unreachable: '未接通', refused: '拒绝配合', false_positive: '误报', reported: '已报警' };
/** When a report names several results, the one that decides the case: a loss first, attempts last. */
const RESULT_WEIGHT: Record<Result, number> = { defrauded: 0, dissuaded: 1, false_positive: 2, refused: 3, unreachable: 4, reported: 5 };

function parseReport(m: Message): Parsed {
  const id = firstId(m) ?? m.quoteId;
  const amounts = m.toks.filter((t): t is Token & { t: 'amount' } => t.t === 'amount');
  if (amounts.some((a) => a.value === null)) {
    return refuse('bad_amount', `反馈 ${id ?? EXAMPLE_ID} 已被骗 损失5000 已报警`, '损失金额看不懂，请写数字，如：损失5000、损失1.2万');
  }
  const loss = amounts[0]?.value ?? null;
  const results = m.toks.filter((t): t is Token & { t: 'result' } => t.t === 'result');
  const main = results.filter((r) => r.result !== 'reported').sort((a, b) => RESULT_WEIGHT[a.result] - RESULT_WEIGHT[b.result])[0];
  const reported = results.some((r) => r.result === 'reported');
  const result: Result | null = main?.result ?? (reported ? 'reported' : loss ? 'defrauded' : null);
  if (!result) {
    const hint = id ? '缺少处置结果，如：劝阻成功、未接通、已被骗、误报' : '缺少案件编号和处置结果';
    return refuse('missing_result', `反馈 ${id ?? EXAMPLE_ID} 上门 劝阻成功`, hint);
  }
  const method = methodFor(m.toks, main ?? null);
  const alsoReported = reported && result !== 'reported';
  if (!id) {
    const words = [method ? METHOD_ZH[method] : null, RESULT_ZH[result] + (loss ? ` 损失${loss}` : ''), alsoReported ? '已报警' : null];
    return refuse('missing_case_id', `反馈 ${EXAMPLE_ID} ${words.filter(Boolean).join(' ')}`, HINT_CASE_ID);
  }
  return ok({ kind: 'report', caseId: id, method, result, lossAmount: loss, alsoReported });
}

/** The method that goes with the deciding result: the nearest one before it (电话未接通，上门劝阻成功), else the first. */
function methodFor(toks: Token[], main: Token | null): Method | null {
  const methods = toks.filter((t): t is Token & { t: 'method' } => t.t === 'method');
  const before = main ? methods.filter((t) => t.start < main.start).pop() : undefined;
  return (before ?? methods[0])?.method ?? null;
}

/** The text with the given spans blanked out. */
function without(text: string, spans: (Token | null | undefined)[]): string {
  let out = text;
  for (const s of spans) if (s) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

function idToken(m: Message): Token | undefined {
  return m.toks.find((t) => t.t === 'id');
}

/**
 * 转派 K7Q2 给王五 / 转派 K7Q2 @王五 / 改派 K7Q2 王五: a name after 给 first, then an @mention
 * other than the bot, then the first plain word left.
 */
function reassignTarget(m: Message, kw: Token | null): string | null {
  const pieces = without(m.clean, [kw, idToken(m)])
    .split(' ')
    .filter((p) => p !== '' && !/^(?:把|将|请)$/.test(p));
  const tidy = (p: string) => p.replace(/(?:处理|负责|跟进|办理|吧|了|啊|哈)+$/u, '');
  const given = pieces.findIndex((p) => /^(?:转给|派给|交给|给)/.test(p));
  if (given >= 0) {
    const rest = pieces[given]!.replace(/^(?:转给|派给|交给|给)/, '');
    const name = tidy(rest || (m.others.length ? '' : (pieces[given + 1] ?? '')));
    if (name && !isCaseId(name)) return name.slice(0, 32);
  }
  if (m.others[0]) return m.others[0];
  const plain = pieces.map(tidy).find((p) => p !== '' && !isCaseId(p));
  return plain ? plain.slice(0, 32) : null;
}

/** 撤销 K7Q2 原因：重复预警 → 重复预警 (the rest of the text, punctuation kept inside). */
function cancelReason(m: Message, kw: Token | null): string {
  return without(m.body, [kw, idToken(m)])
    .replace(/\s+/g, ' ')
    .replace(/^[\s,，。、:：;；!！?？.\-—~～]+|[\s,，。、:：;；!！?？.\-—~～]+$/gu, '')
    .replace(/^(?:原因|理由|因为|由于)[\s:：,，]*/u, '')
    .trim()
    // normalizeText folded the Chinese punctuation the sender typed; give it back after Chinese text.
    .replace(/(?<=\p{Script=Han})[,:;!?]/gu, (p) => String.fromCodePoint(p.codePointAt(0)! + 0xfee0));
}

/** 绑定 K3P9QX: the token right after the keyword, 4 to 16 letters or digits, upper-cased. */
function bindCode(kw: Token | null, m: Message): string | null {
  const next = kw ? m.toks[m.toks.indexOf(kw) + 1] : undefined;
  return next && /^[A-Za-z0-9]{4,16}$/.test(next.text) ? next.text.toUpperCase() : null;
}
