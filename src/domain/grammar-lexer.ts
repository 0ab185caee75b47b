/**
 * The chat grammar's vocabulary and lexer: synonyms (STYLE.md: they live in the grammar) and a
 * longest-match pass that turns a normalised message into tokens (keywords, methods, results,
 * amounts, case ids, words), each with its span in the text. Pure.
 */
import { readAmountAt } from './amount.js';
import { isCaseId, normalizeCaseId } from './case-id.js';
import type { Command, Method, Result } from './grammar.js';
import { isDigit, PUNCTUATION } from './text.js';

/** The kind of a command, e.g. `ack`. */
export type Kind = Command['kind'];

// ---- vocabulary (synonyms live here, STYLE.md) ----

const KEYWORDS: Record<Kind, readonly string[]> = {
  help: ['帮助', 'help', '菜单', '指令', '怎么用', '使用说明'],
  ack: ['收到', '收到了', '已收到', '好的收到', '接单', '已接单', '我接单', '马上去', '马上到', '马上处理', '立即处理', '立刻处理', '马上前往', '立即前往', '马上上门', '立即上门', '马上出发', '立即出发', '正在前往'],
  report: ['反馈', '回复', '结果', '处置', '反馈结果', '处置结果'],
  mine: ['我的', '待办', '我的待办', '我的案件', '我的任务'],
  query: ['查', '查询', '进度', '查看', '查进度', '查询进度'],
  reassign: ['转派', '改派'],
  supervise: ['督办', '已督办'],
  cancel: ['撤销'],
  stats: ['统计', '今日', '今日统计', '数据', '今日数据'],
  bind: ['绑定', '绑定码'],
};
/** Acknowledgement words that count only alone (bare) or next to nothing but a case id. */
const WEAK_ACK = ['好的', '好', '好滴', '好嘞', '好哒', '👌', '👍', 'ok', 'okay'];
const METHODS: Record<Method, readonly string[]> = {
  visit: ['上门', '见面', '入户', '当面', '面谈', '上门见面', '走访'],
  phone: ['电话', '致电', '打电话', '外呼', '电话联系', '通电话'],
  sms: ['短信', '发短信'],
  video: ['视频', '视频通话', '微信视频'],
};
const RESULTS: Record<Result, readonly string[]> = {
  dissuaded: ['劝阻成功', '已劝阻', '成功劝阻', '劝住了', '已劝住', '已经劝阻', '劝阻了'],
  defrauded: ['已被骗', '被骗了', '已转账', '已经转账', '被骗', '已经被骗', '已上当', '上当了', '已汇款'],
  unreachable: ['未接通', '没接', '没接通', '未接', '没人接', '无人接听', '不接', '关机', '停机', '空号', '联系不上', '联系不到', '无法联系', '无法接通', '失联', '不在家', '家中无人'],
  refused: ['拒绝配合', '不配合', '拒绝', '挂断', '挂了', '拒接', '不接受', '劝阻失败', '劝阻无效', '劝不住', '不听劝'],
  false_positive: ['误报', '非诈骗', '不是诈骗', '正常交易', '不涉诈', '非涉诈'],
  reported: ['已报警', '报警了', '已经报警'],
};
const LOSS = ['损失', '损失了', '损失金额', '被骗金额'];
/** Phrases that contain a result word but do not say it: 未被骗 is not 被骗, 差点被骗 neither. */
const NEUTRAL = ['未被骗', '没被骗', '没有被骗', '未受骗', '未上当', '没上当', '没有上当', '未转账', '没转账', '没有转账', '未汇款', '差点被骗', '险些被骗', '防止被骗', '避免被骗', '以免被骗', '别被骗', '不要被骗', '谨防被骗', '未报警', '没报警', '没有报警', '无损失', '没有损失', '未造成损失', '不是误报', '非误报'];
const PARTICLES = ['了', '啦', '哈', '哦', '噢', '喔', '呀', '啊', '嗯', '嗯嗯', '吧', '呢', '哒'];
/** Politeness around a command addressed to the bot: 请, 帮我, 一下, 谢谢. */
const FILLERS = ['请', '一下', '下', '帮我', '麻烦', '看看', '看下', '我要', '我想', '发', '给我', '谢谢', '的', '你好', '您好', '在吗', '已', '已经'];

/** What a known word means to the grammar. */
export type Lexeme =
  | { t: 'kw'; kind: Kind }
  | { t: 'weak' }
  | { t: 'method'; method: Method }
  | { t: 'result'; result: Result }
  | { t: 'loss' }
  | { t: 'neutral' }
  | { t: 'particle' }
  | { t: 'filler' };
/** Where a token stands in the normalised text. */
export type Span = { start: number; end: number; text: string };
/**
 * One token: a known word, a case id, an amount (after 损失/被骗) or any other word.
 * @example lex('收到 K7Q2')[1] // { t: 'id', id: 'K7Q2', start: 3, end: 7, text: 'K7Q2' }
 */
export type Token = Span & (Lexeme | { t: 'id'; id: string } | { t: 'amount'; value: number | null } | { t: 'word' });

function buildVocabulary(): Map<string, Lexeme> {
  const v = new Map<string, Lexeme>();
  const add = (words: readonly string[], lex: Lexeme) => words.forEach((w) => v.set(w.toLowerCase(), lex));
  add(FILLERS, { t: 'filler' });
  add(PARTICLES, { t: 'particle' });
  add(WEAK_ACK, { t: 'weak' });
  for (const [kind, words] of Object.entries(KEYWORDS)) add(words, { t: 'kw', kind: kind as Kind });
  for (const [method, words] of Object.entries(METHODS)) add(words, { t: 'method', method: method as Method });
  for (const [result, words] of Object.entries(RESULTS)) add(words, { t: 'result', result: result as Result });
  add(LOSS, { t: 'loss' });
  add(NEUTRAL, { t: 'neutral' });
  return v;
}
const VOCABULARY = buildVocabulary();
/** Non-ASCII words by their first UTF-16 unit, longest first, for longest-match lexing. */
const BY_FIRST = new Map<string, string[]>();
for (const w of [...VOCABULARY.keys()].filter((w) => !/^[a-z0-9]/.test(w)).sort((a, b) => b.length - a.length)) {
  BY_FIRST.set(w[0]!, [...(BY_FIRST.get(w[0]!) ?? []), w]);
}

// ---- lexing ----

const isAsciiAlnum = (ch: string | undefined) => ch !== undefined && /^[A-Za-z0-9]$/.test(ch);

/**
 * Punctuation → spaces, one for one, so positions in the result are positions in `body`.
 * Decimal points and thousands separators inside numbers stay, and so does a minus sign
 * (a negative loss must be refused, not read as a loss).
 */
export function blankPunctuation(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    const code = body.charCodeAt(i);
    if ((ch === '.' || ch === ',') && isDigit(body[i - 1]) && isDigit(body[i + 1])) out += ch;
    else if (ch === '-' && /[0-9¥￥]/.test(body[i + 1] ?? '')) out += ch;
    else if (PUNCTUATION.has(ch) || code === 0xfe0f || code === 0xfe0e) out += ' ';
    else if (code === 0xd83c && /[\udffb-\udfff]/.test(body[i + 1] ?? '')) {
      out += '  '; // emoji skin tone: 👌🏻 is 👌
      i++;
    } else out += ch;
  }
  return out;
}

/**
 * Longest-match lexing of a normalised, punctuation-blanked body into tokens.
 * @example lex('反馈 K7Q2 上门 劝阻成功').map((t) => t.t) // ['kw', 'id', 'method', 'result']
 */
export function lex(s: string): Token[] {
  const out: Token[] = [];
  let wordStart = -1;
  const flush = (end: number) => {
    if (wordStart >= 0) out.push({ t: 'word', start: wordStart, end, text: s.slice(wordStart, end) });
    wordStart = -1;
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === ' ') {
      flush(i);
      i++;
      continue;
    }
    if (isAsciiAlnum(ch)) {
      flush(i);
      let j = i;
      while (isAsciiAlnum(s[j])) j++;
      const text = s.slice(i, j);
      const lexeme = VOCABULARY.get(text.toLowerCase());
      if (isCaseId(text)) out.push({ t: 'id', id: normalizeCaseId(text), start: i, end: j, text });
      else if (lexeme) out.push({ ...lexeme, start: i, end: j, text });
      else out.push({ t: 'word', start: i, end: j, text });
      i = j;
      continue;
    }
    const word = BY_FIRST.get(ch)?.find((w) => s.startsWith(w, i));
    if (!word) {
      if (wordStart < 0) wordStart = i;
      i++;
      continue;
    }
    flush(i);
    const lexeme = VOCABULARY.get(word)!;
    out.push({ ...lexeme, start: i, end: i + word.length, text: word });
    i += word.length;
    if (lexeme.t === 'loss' || (lexeme.t === 'result' && lexeme.result === 'defrauded')) {
      const amount = readAmountAt(s, i, lexeme.t === 'loss');
      if (amount) {
        out.push({ t: 'amount', ...amount });
        i = amount.end;
      }
    }
  }
  flush(s.length);
  return out;
}

// ---- reading a message ----

