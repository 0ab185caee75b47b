/**
 * Case ids: short, typeable on a phone keyboard, and free of look-alikes (no 0 O 1 I L 8 B S Z),
 * so `K7Q2` read aloud or copied by hand comes back as the same id (DESIGN.md "The case").
 * Pure: randomness is passed in.
 */

import { foldWidth } from './text.js';

/**
 * Letters a case id may contain.
 * @example CASE_ID_LETTERS.includes('K') // true
 */
export const CASE_ID_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';

/**
 * Digits a case id may contain.
 * @example CASE_ID_DIGITS.includes('0') // false
 */
export const CASE_ID_DIGITS = '2345679';

/**
 * Every character a case id may contain.
 * @example CASE_ID_ALPHABET.length // 27
 */
export const CASE_ID_ALPHABET = CASE_ID_LETTERS + CASE_ID_DIGITS;

/**
 * Shortest and longest case id.
 * @example CASE_ID_MIN_LENGTH // 4
 */
export const CASE_ID_MIN_LENGTH = 4;
/**
 * Longest case id.
 * @example CASE_ID_MAX_LENGTH // 6
 */
export const CASE_ID_MAX_LENGTH = 6;

const SHAPE = new RegExp(`^[${CASE_ID_LETTERS}][${CASE_ID_ALPHABET}]{${CASE_ID_MIN_LENGTH - 1},${CASE_ID_MAX_LENGTH - 1}}$`);
const HAS_DIGIT = new RegExp(`[${CASE_ID_DIGITS}]`);

/**
 * Canonical form of a typed id: full-width folded, spaces trimmed, upper case. Does not validate.
 * @example normalizeCaseId(' ｋ7q2 ') // 'K7Q2'
 */
export function normalizeCaseId(raw: string): string {
  return foldWidth(raw.trim()).trim().toUpperCase();
}

/**
 * True when the token is a case id in any letter case: 4 to 6 characters of the alphabet,
 * starting with a letter and holding at least one digit (so words like `APP`, `ok` and
 * numbers like `2024` are never taken for ids).
 * @example isCaseId('k7q2') // true
 * @example isCaseId('APP') // false
 */
export function isCaseId(token: string): boolean {
  const up = token.toUpperCase();
  return SHAPE.test(up) && HAS_DIGIT.test(up.slice(1));
}

function pick(random: () => number, chars: string): string {
  const r = random();
  const i = Number.isFinite(r) ? Math.floor(r * chars.length) : 0;
  return chars[Math.min(chars.length - 1, Math.max(0, i))]!;
}

/**
 * A new random case id of `length` characters (4 to 6). `random` returns numbers in [0, 1),
 * like `Math.random` or a seeded generator in tests; callers retry on a collision.
 * @example generateCaseId(() => 0.5) // 'P9P9'-like: a letter, then letters and digits, at least one digit
 */
export function generateCaseId(random: () => number, length = CASE_ID_MIN_LENGTH): string {
  if (!Number.isInteger(length) || length < CASE_ID_MIN_LENGTH || length > CASE_ID_MAX_LENGTH) {
    throw new RangeError(`case id length must be ${CASE_ID_MIN_LENGTH} to ${CASE_ID_MAX_LENGTH}, got ${length}`);
  }
  const chars = [pick(random, CASE_ID_LETTERS)];
  for (let i = 1; i < length; i++) chars.push(pick(random, CASE_ID_ALPHABET));
  if (!chars.some((c) => CASE_ID_DIGITS.includes(c))) {
    // No digit drawn: put one at a random place after the first letter, keeping the id valid.
    const at = 1 + Math.min(length - 2, Math.max(0, Math.floor((random() || 0) * (length - 1))));
    chars[at] = pick(random, CASE_ID_DIGITS);
  }
  return chars.join('');
}
