/**
 * The chat grammar's lexer: a longest-match pass over the vocabulary of case-words.ts that turns
 * a normalised message into tokens (keywords, methods, results, amounts, case ids, words), each
 * with its span in the text. Pure.
 */
import { readAmountAt } from './amount.js';
import { isCaseId, normalizeCaseId } from './case-id.js';
import type { Method, Result } from './case-machine.js';
import { FILLERS, KEYWORDS, LOSS, METHODS, NEUTRAL, PARTICLES, RESULTS, WEAK_ACK, type WordKind } from './case-words.js';
import { isDigit, PUNCTUATION } from './text.js';

/** The kind of a command keyword, e.g. `ack`. */
export type Kind = WordKind;

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
export type Token = Span & (Lexeme | { t: 'id'; id: string } | { t: 'amount'; value: number | null; approximate?: boolean } | { t: 'word' });

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

/** A result word starting at `at` that runs past `end`. */
function resultPast(s: string, at: number, end: number): boolean {
  const w = BY_FIRST.get(s[at] ?? '')?.find((x) => s.startsWith(x, at));
  return w !== undefined && VOCABULARY.get(w)!.t === 'result' && at + w.length > end;
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
    let word = BY_FIRST.get(ch)?.find((w) => s.startsWith(w, i));
    // 电话联系不上: a method whose end begins a longer result gives way to a shorter method (电话 +
    // 联系不上), so the result is read whole.
    if (word && VOCABULARY.get(word)!.t === 'method') word = BY_FIRST.get(ch)!.find((w) => w.length < word!.length && s.startsWith(w, i) && VOCABULARY.get(w)!.t === 'method' && resultPast(s, i + w.length, i + word!.length)) ?? word;
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
