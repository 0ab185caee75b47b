/**
 * Money amounts as workers type them on a phone: `5000`, `5,000`, `¥5000`, `5千元`, `1.2万`,
 * `3万5`, `两万`, `一万二`, `五千块`, `5k`, `2w`. Pure; the result is a number of yuan.
 */
import { normalizeText } from './text.js';

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
const SUFFIX = /(?:元整|块钱|人民币|元|块|圆|多|余|左右)$/;
const TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|./gsu;
/** More than a trillion yuan is a typing accident, not a loss. */
const MAX_AMOUNT = 1e12;

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
  const pieces = toPieces(s);
  const value = pieces ? evaluate(pieces) : null;
  if (value === null || !Number.isFinite(value) || value < 0 || value > MAX_AMOUNT) return null;
  return Math.round(value * 100) / 100;
}
