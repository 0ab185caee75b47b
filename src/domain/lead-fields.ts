/**
 * Strict readers for the fields of a lead (finding 2): each takes the raw JSON or
 * spreadsheet value and returns the normalised value or the reason it is refused. Nothing is
 * coerced to text: an object, array, boolean or null is never turned into "[object Object]",
 * "1,2", "true" or "null", because two different victims would then share one external id.
 * Pure; used by `validateLeads` through zod.
 */
import { MAX_AMOUNT, parseAmount } from './amount.js';
import { foldWidth } from './text.js';

/** The result of reading one field. */
export type FieldRead<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FieldRead<T> => ({ ok: true, value });
const bad = <T>(message: string): FieldRead<T> => ({ ok: false, message });

/** Longest external id: room for a UUID with a system prefix, short enough for any key. */
export const MAX_EXTERNAL_ID = 128;

/** How a refused value is named in a message: "an object", "null", "a boolean". */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number') return 'a number';
  return typeof v;
}

/** Characters that render as nothing: zero-width, bidi and other format controls (Cf), and fillers that are letters or symbols only on paper. */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** True when `s` holds a control character other than tab and line breaks (NUL included) or an unpaired surrogate. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return /\p{Cs}/u.test(s);
}
/**
 * True when `s` has more than `max` characters (code points, as `Array.from` counts them). A
 * string of at most `max` UTF-16 units cannot have more, so the usual short field is not split.
 */
function longerThan(s: string, max: number): boolean {
  return s.length > max && Array.from(s).length > max;
}

/** What an external id may hold: letters, marks, digits, punctuation, symbols and plain spaces. */
const PRINTABLE_ID = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u;

/**
 * An external id: a non-empty string of printable characters, at most 128, trimmed. A JSON
 * number is accepted only when it is a whole number from 0 to 2^53−1 (centre systems often
 * number their leads) and becomes its decimal text; any other number (1.5, 1e21) would have
 * no single spelling, and objects, arrays, booleans and null are refused.
 * @example readExternalId(20261123001) // { ok: true, value: '20261123001' }
 * @example readExternalId({}) // { ok: false, message: 'expected a string, not an object' }
 */
export function readExternalId(v: unknown): FieldRead<string> {
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) && v >= 0 ? ok(String(v)) : bad('expected a string; a number is accepted only as a whole number from 0 to 9007199254740991');
  }
  if (typeof v !== 'string') return bad(`expected a string, not ${v === undefined ? 'nothing' : kindOf(v)}`);
  const s = v.trim();
  if (s === '') return bad('must not be empty');
  if (longerThan(s, MAX_EXTERNAL_ID)) return bad(`at most ${MAX_EXTERNAL_ID} characters`);
  if (!PRINTABLE_ID.test(s) || INVISIBLE.test(s)) return bad('only printable characters: no control, zero-width or line-break characters');
  return ok(s);
}

/**
 * Text a person reads (a name, an address, a note): zero-width and format characters are
 * removed, tabs and line breaks become spaces (kept as line breaks when `lines`), spaces are
 * collapsed. NUL and other control characters are refused rather than silently dropped (they
 * mean a broken export), and what is left must contain a letter or a digit.
 * @example readVisibleText('张\u200b三', 32) // { ok: true, value: '张三' }
 * @example readVisibleText('\u200b\u200b', 32) // { ok: false, message: 'must contain letters or digits …' }
 */
export function readVisibleText(v: unknown, max: number, lines = false): FieldRead<string> {
  if (typeof v !== 'string') return bad(`expected text, not ${v === undefined ? 'nothing' : kindOf(v)}`);
  if (hasControl(v)) return bad('contains control characters (such as NUL)');
  let s = v.replace(INVISIBLE_ALL, '').replace(/\r\n?/g, '\n');
  s = lines
    ? s.replace(/[^\S\n]+/g, ' ').replace(/ *\n[\s]*/g, '\n').trim()
    : s.replace(/\s+/g, ' ').trim();
  if (s === '' && v.trim() === '') return bad('must not be empty');
  if (!/[\p{L}\p{N}]/u.test(s)) return bad('must contain letters or digits (zero-width, control and punctuation characters alone are not text)');
  if (longerThan(s, max)) return bad(`at most ${max} characters`);
  return ok(s);
}


/**
 * Normalises a Chinese phone number: full-width digits folded; spaces, dashes, brackets and a
 * leading +86/86 dropped; then a mobile (11 digits, 1[3-9]…) or a landline with its area code
 * (0…). Null when it is not one.
 * @example normalizePhone('+86 139-1234-5678') // '13912345678'
 */
export function normalizePhone(raw: string): string | null {
  let p = foldWidth(raw);
  p = p.replace(/[\s\-()（）]/g, '');
  p = p.replace(/^(?:\+?86)(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(p)) return p;
  if (/^0\d{2,3}\d{7,8}$/.test(p)) return p;
  return null;
}

/**
 * A phone number: a string only (a JSON number drops a landline's leading 0 and is not what
 * the centre's systems store), normalised by `normalizePhone`.
 * @example readPhone('139 1234 5678') // { ok: true, value: '13912345678' }
 * @example readPhone(13912345678) // { ok: false, ... }
 */
export function readPhone(v: unknown): FieldRead<string> {
  if (typeof v !== 'string') return bad(`expected the phone number as a string such as "13912345678", not ${v === undefined ? 'nothing' : kindOf(v)}`);
  const phone = normalizePhone(v);
  return phone ? ok(phone) : bad('expected a mobile (11 digits, 1[3-9]…) or landline number (0…); spaces, dashes and +86 are allowed');
}

/**
 * Checks a resident id number: 17 digits and a check digit or X (GB 11643), with a valid
 * check digit. First-generation 15-digit numbers are no longer valid documents and are refused.
 * @example isIdNumber('110105199001011232') // true
 */
export function isIdNumber(raw: string): boolean {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/**
 * An optional id number: absent when missing, null or "", else a string that passes
 * `isIdNumber` (upper-cased). A JSON number is refused: 18 digits do not fit in one exactly.
 * @example readIdNumber('11010519900101123x') // refused: wrong check digit
 */
export function readIdNumber(v: unknown): FieldRead<string | null> {
  if (v === undefined || v === null || v === '') return ok(null);
  if (typeof v !== 'string') return bad(`expected the id number as a string (18 digits do not fit in a JSON number), not ${kindOf(v)}`);
  const id = v.trim().toUpperCase();
  return isIdNumber(id) ? ok(id) : bad('expected an 18-character id number (17 digits and a digit or X) with a valid check digit');
}

/**
 * An optional amount at risk in yuan: absent when missing, null or ""; else a finite number
 * from 0 to MAX_AMOUNT, or money text as centres write it (`3万`, `30000元`, `￥12,000`, read
 * by `parseAmount`). Never hex (`0x10`), never exponents, and blank text (`" "`) is refused,
 * not read as 0. Rounded to fen.
 * @example readAmountAtRisk('3万') // { ok: true, value: 30000 }
 * @example readAmountAtRisk('0x10') // { ok: false, ... }
 */
export function readAmountAtRisk(v: unknown): FieldRead<number | null> {
  if (v === undefined || v === null || v === '') return ok(null);
  const limits = `from 0 to ${MAX_AMOUNT}`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return bad(`must be a number of yuan ${limits}`);
    if (v > MAX_AMOUNT) return bad(`at most ${MAX_AMOUNT} yuan`);
    return ok(Math.round(v * 100) / 100 || 0);
  }
  if (typeof v !== 'string') return bad(`expected a number of yuan or money text such as "3万", not ${kindOf(v)}`);
  const yuan = parseAmount(v);
  if (yuan === null) return bad(`expected yuan ${limits} as a number or money text such as 30000, "3万", "30000元", "￥12,000"`);
  return ok(yuan);
}
