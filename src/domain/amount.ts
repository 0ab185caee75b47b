/**
 * Money amounts as workers type them on a phone: `5000`, `5,000`, `¥5000`, `5千元`, `1.2万`,
 * `3万5`, `两万`, `一万二`, `五千块`, `5k`, `2w`. Pure; the result is a number of yuan.
 */
import { isDigit, normalizeText } from './text.js';

/** Chinese digits, everyday and financial (大写) forms. */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
/** Units below ten thousand: they multiply the number before them inside one section. */
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, k: 1000 };
/** Section units: they close a section (一千二百万 = 1200 × 10000). */
const BIG_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, w: 10_000, 亿: 100_000_000, 億: 100_000_000 };

const PREFIX = /^(?:人民币|rmb|¥|￥)/;
/**
 * Words after the figure that leave it as stated: the currency (5000RMB too), and estimates
 * (5000多, 三万多点, 两万出头, 两万几千: the round figure, some more unsaid).
 */
const SUFFIX = /(?:元整|块钱|人民币|rmb|元|块|圆|多一?点|多|余|来|左右|上下|出头|几[十百千]?)$/;
const TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|./gsu;
/**
 * The largest amount of money GridGuard accepts anywhere (a lead's amount at risk, a reported
 * loss): one billion yuan. No single person's loss comes near it, so anything larger is a
 * typing accident (an extra 0 or 万), not a figure for the ledger.
 * @example parseAmount('20亿') // null: above MAX_AMOUNT
 */
export const MAX_AMOUNT = 1_000_000_000;

type Piece = { n: number; single: boolean } | { zero: true } | { small: number } | { big: number };

function toPieces(s: string): Piece[] | null {
  const pieces: Piece[] = [];
  for (const [tok] of s.matchAll(TOKEN)) {
    if (/^\d/.test(tok)) {
      const n = Number(tok.replace(/,/g, ''));
      pieces.push({ n, single: /^\d$/.test(tok) });
    } else if (DIGITS[tok] === 0) pieces.push({ zero: true });
    else if (DIGITS[tok] !== undefined) pieces.push({ n: DIGITS[tok]!, single: true });
    else if (SMALL_UNITS[tok] !== undefined) pieces.push({ small: SMALL_UNITS[tok]! });
    else if (BIG_UNITS[tok] !== undefined) pieces.push({ big: BIG_UNITS[tok]! });
    else return null;
  }
  return pieces;
}

/** Sums pieces the way the number is read: sections closed by 万/亿, units inside descending. */
function evaluate(pieces: Piece[]): number | null {
  let total = 0;
  let section = 0;
  let num: number | null = null;
  let single = false;
  let zero = false;
  let lastUnit = 0;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  for (const p of pieces) {
    if ('n' in p) {
      if (num !== null) return null; // two numbers in a row: "5五", "三四"
      num = p.n;
      single = p.single;
    } else if ('zero' in p) {
      if (num !== null) return null;
      zero = true;
    } else if ('small' in p) {
      if (num === null && p.small !== 10) return null; // a bare 百/千 has no count; 十 means 一十
      if (p.small >= lastSmall) return null;
      section += (num ?? 1) * p.small;
      num = null;
      zero = false;
      lastSmall = lastUnit = p.small;
    } else {
      section += num ?? 0;
      if (section === 0 || p.big >= lastBig) return null;
      total += section * p.big;
      section = 0;
      num = null;
      zero = false;
      lastBig = lastUnit = p.big;
      lastSmall = Infinity;
    }
  }
  if (num !== null) {
    // A lone digit after a unit abbreviates the next unit down: 3万5 = 35000, 两千五 = 2500;
    // after 零 it is literal: 一万零五 = 10005.
    section += single && !zero && lastUnit >= 10 ? num * (lastUnit / 10) : num;
  }
  return total + section;
}

/**
 * Parses an amount of money into yuan, or null when the text is not one amount. Negative
 * amounts, ranges and words are not amounts. `多`/`余`/`左右` ("5000多") give the stated figure.
 * Full-width digits are folded first. The result is rounded to fen (0.01).
 * @example parseAmount('1.2万元') // 12000
 * @example parseAmount('3万5') // 35000
 * @example parseAmount('-5000') // null
 */
export function parseAmount(raw: string): number | null {
  let s = normalizeText(raw).replace(/\s+/g, '').toLowerCase();
  s = s.replace(PREFIX, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(SUFFIX, '');
  }
  if (s === '' || !/^[\d零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾]/.test(s)) return null;
  // 三点五万, 一点二万: a decimal point said in words (voice input writes it so); 3点5万 with
  // digits only before a magnitude (3点20 is a time).
  s = s.replace(CN_DECIMAL, (m, whole: string, frac: string) => {
    const w = parseAmount(whole);
    return w === null ? m : `${w}.${[...frac].map((c) => DIGITS[c]).join('')}`;
  });
  s = s.replace(DIGIT_POINT, '$1.$2');
  const pieces = toPieces(s);
  const value = pieces ? evaluate(pieces) : null;
  if (value === null || !Number.isFinite(value) || value < 0 || value > MAX_AMOUNT) return null;
  return Math.round(value * 100) / 100;
}

const NUMERALS = new Set([...'零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億']);
/** 三点五: whole part, 点, then fraction digits (Chinese numerals). */
const CN_DECIMAL = /([零〇一二两三四五六七八九十百]+)点([零〇一二三四五六七八九]+)/gu;
/** 3点5万: the same in digits, a magnitude after it. */
const DIGIT_POINT = /(\d+)点(\d+)(?=[万萬千仟百佰亿億wk])/gu;
/**
 * 点 as a decimal point in running text: digits after it, then a magnitude (三点五万, 3点5万).
 * Without the magnitude it is the hour of a time (3点20, 三点半转的), never money.
 */
const POINT = /^点[\d零〇一二三四五六七八九]+[万萬千仟百佰亿億wWkK]/u;
/** Counters that show a number is not money: 被骗3次, 损失两天, 10分钟, 5号楼. */
const NOT_MONEY = new Set([...'次个人天年月日号岁笔条位时分秒周起回遍家户名']);
/**
 * The same after a bare number only (3万张阿姨 is still money): a time (3点20, 2小时), an
 * address (2楼, 3单元, 501室), cards (3张卡), people (一家3口).
 */
const NOT_MONEY_BARE = new Set([...'点楼层栋幢室张口趟期']);
const NOT_MONEY_WORD = /^(?:小时|单元)/u;
/** The same after a space (被骗了 2 次, 3 个人), but only words that cannot start a clause. */
const NOT_MONEY_AFTER_SPACE = new Set([...'次个天年月日号岁笔条位点楼层栋幢单室张口趟']);
/** A mainland mobile number (13812345678): 11 digits from 13 to 19, never an amount. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Characters a figure may be read in, Chinese and Arabic. */
const isNumeral = (ch: string | undefined) => ch !== undefined && (isDigit(ch) || NUMERALS.has(ch));
const isAsciiAlnum = (ch: string | undefined) => ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
/** Magnitudes a spoken or typed digit may be followed by after a space (3 万, 1.5 万). */
const MAGNITUDE = /^[万萬千仟百佰亿億]$/u;

/**
 * An amount found in running text: where it is and what it is worth (null: it looks like an
 * amount but is not a valid one, such as a negative number).
 * @example const a: FoundAmount = { start: 2, end: 6, text: '5000', value: 5000 }
 */
export interface FoundAmount {
  start: number;
  end: number;
  text: string;
  value: number | null;
  /** Said as an estimate: 约3万, 五千多, 三万来块, 2万左右. */
  approximate?: boolean;
}

/** Words before an amount that make it an estimate (大约, 将近, 小两万: a little under), or merely introduce it. */
const APPROX_BEFORE = /^(?:大约|大概|差不多|将近|接近|约莫|约|近|少说|小(?=[一两二三四五六七八九十][十百千万]))/;
const TOTAL_BEFORE = /^(?:合计|共计|总计|总共|一共|累计|共|了)/;

/** 8k, 2w, 1w5, 2w8, 1w5000, 3k5, 3w5k: a letter unit and what may follow it in one ASCII word. */
const LETTER_UNIT = /^(?:[wW](?:\d{1,4}|\d[kK])?|[kK]\d{0,3})$/;
const isLetterUnit = (s: string, j: number) => /^[kKwW]/.test(s[j] ?? '') && LETTER_UNIT.test(/^[A-Za-z0-9]+/.exec(s.slice(j))![0]);
/** 12,000 and 12，000: a comma with a group of exactly three digits after it. */
const GROUP = /^[,，]\d{3}(?!\d)/;
/** 5000，2个人 and 5000,3次: a comma, digits, then a counter: two clauses, not one figure. */
const CLAUSE_COMMA = /^[,，]\d+(\D?)/;

/**
 * Whether the figure goes on at `j` (a digit, numeral, unit, decimal point or separator, or
 * the spaces inside a spoken figure). Returns the index after what goes on, or -1.
 */
function goesOn(s: string, j: number): number {
  const ch = s[j]!;
  const prev = s[j - 1];
  // 5万2点多转的, 3万 14:30: after 万 or 千, a time, date, floor or count begins; the figure has ended.
  if (/[万萬千仟wWkK]/u.test(prev ?? '') && AFTER_FIGURE.test(s.slice(j).replace(/^ +/u, ''))) return -1;
  if (isNumeral(ch)) return j + 1;
  if (ch === '.' && isDigit(prev) && isDigit(s[j + 1])) return j + 1;
  if ((ch === ',' || ch === '，') && isDigit(prev) && isDigit(s[j + 1])) {
    if (GROUP.test(s.slice(j))) return j + 1;
    // Not a group of three: a full-width comma, or one before a count, ends the clause.
    const after = CLAUSE_COMMA.exec(s.slice(j))![1]!;
    return ch === '，' || NOT_MONEY.has(after) || NOT_MONEY_BARE.has(after) ? -1 : j + 1;
  }
  if (ch === '点' && isNumeral(prev) && POINT.test(s.slice(j))) return j + 1;
  if (isDigit(prev) && isLetterUnit(s, j)) return j + 1;
  if (ch !== ' ') return -1;
  // Voice input spaces a figure's words apart (三 万 五 千, 3 万 5 千, 1.5 万): a space goes on
  // when both sides belong to one figure (never digit space digit: 3 20 is a time, 138 1234 a phone).
  let k = j;
  while (s[k] === ' ') k++;
  const next = s[k];
  // 2.8万 一直在哭: a numeral that begins a word (一直, 一起, 两个) is not the figure going on.
  const beginsWord = NUMERAL_WORD.test(s.slice(k, k + 2));
  const joins =
    (NUMERALS.has(prev ?? '') && NUMERALS.has(next ?? '') && !beginsWord) ||
    (isDigit(prev) && (MAGNITUDE.test(next ?? '') || isLetterUnit(s, k))) ||
    (/[万萬千仟亿億wWkK]/u.test(prev ?? '') && isDigit(next));
  return joins ? k : -1;
}

/** What follows a figure and is no part of it: a time (2点, 14:30), a date, a floor, a count (2次, 3笔). */
const AFTER_FIGURE = /^(?:\d{1,2}[\s:：]\d{2}(?!\d)|(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s?(?:点(?![\d一二三四五六七八九]万)|时|号|月|日|楼|层|栋|单元)|(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:次|笔|个|人|天))/u;

/** Words that begin with a numeral (一直, 一起, 两个, 十分): after a space, not the figure going on. */
export const NUMERAL_WORD = /^(?:一(?:直|起|定|下|共|点|些|样|般|个|次|会|边|旦|切|再|天|家|路|趟|早|晚)|[两三四五六七八九几]个|十分)/u;

/**
 * Where the figure starting at `from` may end: where it ends without spaces first, then after
 * each space read into it (三 万 五 千 may end after 三, 万, 五 or 千).
 */
function figureEnds(s: string, from: number): number[] {
  const ends: number[] = [];
  for (let j = from; ; ) {
    const k = j < s.length ? goesOn(s, j) : -1;
    if (k < 0) return [...ends, j];
    if (s[j] === ' ') ends.push(j);
    j = k;
  }
}

/** Figures said as one word with nothing after them: Arabic digits alone, no unit or estimate. */
const isBare = (numeric: string, suffix: string, magnitude: string) => suffix === '' && magnitude === '' && /^[\d.,，]+$/.test(numeric);

/**
 * Reads the amount that starts at `index` in running text (spaces skipped), as it follows
 * 损失 or 被骗 in a report: `损失5000已报警`, `被骗3万多元`. With `explicit` (right after 损失)
 * anything number-like that is not a clean amount comes back with value null, so the bot can
 * say so; without it (after 被骗) such text is simply not an amount: `被骗3次`, `被骗一次`.
 * Returns null when no number starts there.
 * @example readAmountAt('损失5000已报警', 2, true) // { start: 2, end: 6, text: '5000', value: 5000 }
 * @example readAmountAt('被骗一次', 2, false) // null
 */
export function readAmountAt(text: string, index: number, explicit: boolean): FoundAmount | null {
  const s = text;
  let j = index;
  while (s[j] === ' ') j++;
  const start = j;
  let approximate = false;
  for (let k = 0; k < 3; k++) {
    const estimate = APPROX_BEFORE.exec(s.slice(j, j + 3));
    const lead = estimate ?? TOTAL_BEFORE.exec(s.slice(j, j + 2));
    if (!lead) break;
    if (estimate) approximate = true;
    j += lead[0].length;
    while (s[j] === ' ') j++;
  }
  const valueStart = j;
  // -5000 and 负5000: said, and refused below (parseAmount reads no sign).
  if (s[j] === '-' || s[j] === '负') j++;
  const prefix = /^(?:人民币|rmb|¥|￥)\s?/i.exec(s.slice(j, j + 5));
  if (prefix) j += prefix[0].length;
  const numStart = j;
  const ends = figureEnds(s, numStart);
  if (ends[0] === numStart) return null;
  const read = (end: number) => finish(s, { start, valueStart, numStart, end }, approximate, explicit);
  // The longest spaced figure that reads as money (两万 三个人 is 两万, then three people).
  for (const end of ends.slice(1).reverse()) {
    const found = read(end);
    if (found && found.value !== null) return found;
  }
  return read(ends[0]!);
}

/** The figure's unit and estimate words after it, then whether it is money at all. */
function finish(s: string, at: { start: number; valueStart: number; numStart: number; end: number }, approx: boolean, explicit: boolean): FoundAmount | null {
  const { start, valueStart, numStart } = at;
  let j = at.end;
  let approximate = approx;
  const numeric = s.slice(numStart, j);
  // 7000元人民币: the currency named after the unit too; 5000 元: a space before the unit;
  // 三 万 多 块: before an estimate too, when a pause or a unit follows it (not 5000 多亏了).
  const suffix = /^(?: ?(?:元整|块钱|元|块|圆))?(?:多一?点|多|余|来|左右|上下|出头|几[十百千]?| (?:多|余|来|左右|出头)(?=$|[\s\p{P}元块万千百了]))?(?: ?(?:元|块钱|块))?(?:人民币|rmb)?/iu.exec(s.slice(j))![0];
  if (/多|余|来|左右|上下|出头|几/.test(suffix)) approximate = true;
  j += suffix.length;
  // 二十多万, 三十来万, 两百多万, 二十几万: the magnitude comes after 多, and counts (not 20 yuan).
  let magnitude = '';
  const bigger = /[万萬wW]/u.test(s[j] ?? '') ? !/[万萬亿億]$/u.test(numeric) : /[千百]/u.test(s[j] ?? '') && !/[万千百亿萬億]$/u.test(numeric);
  if (/^(?:多|余|来|几[十百千]?)$/u.test(suffix) && bigger) {
    magnitude = s[j]!;
    j += 1 + (/^(?:块钱|元|块)/u.exec(s.slice(j + 1))?.[0].length ?? 0);
  }
  const next = s[j];
  let k = j;
  while (s[k] === ' ') k++;
  // Chinese numerals are also ordinary words (一些, 一下): without a magnitude, a money unit or
  // a pause after them (a space or punctuation: 损失一十三，已报警) they are not an amount.
  const looksLike = /\d/.test(numeric) || /[百千万亿佰仟萬億]/.test(numeric) || suffix !== '' || next === undefined || /[\s\p{P}]/u.test(next);
  // A bare number before a time, an address or a count (3点20, 2楼, 被骗了 2 次), a mobile
  // number, or one glued to letters (an id, a code) is not money either.
  const bare = isBare(numeric, suffix, magnitude);
  const notMoney =
    NOT_MONEY.has(next ?? '') ||
    (bare && (NOT_MONEY_BARE.has(next ?? '') || NOT_MONEY_WORD.test(s.slice(j)) || MOBILE.test(numeric) || isAsciiAlnum(next) || (k > j && NOT_MONEY_AFTER_SPACE.has(s[k] ?? ''))));
  const plausible = !notMoney && looksLike;
  if (!plausible && !explicit) return null;
  const value = !plausible ? null : magnitude ? parseAmount(s.slice(valueStart, numStart) + numeric + magnitude) : parseAmount(s.slice(valueStart, j));
  return approximate ? { start, end: j, text: s.slice(start, j), value, approximate } : { start, end: j, text: s.slice(start, j), value };
}
