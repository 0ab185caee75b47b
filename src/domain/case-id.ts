/**
 * Case ids a worker can type on a phone without mistakes: 4–6 characters from an alphabet
 * without look-alikes (no 0 O 1 I L 8 B S Z), starting with a letter, with at least one digit.
 */

export const CASE_ID_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';
export const CASE_ID_DIGITS = '2345679';
const ALPHABET = CASE_ID_LETTERS + CASE_ID_DIGITS;
const PATTERN = new RegExp(`^[${CASE_ID_LETTERS}](?=[${ALPHABET}]*[${CASE_ID_DIGITS}])[${ALPHABET}]{3,5}$`);

/**
 * True when `text` is a case id, in any letter case.
 * @example isCaseId('k7q2') // true
 */
export function isCaseId(text: string): boolean {
  return PATTERN.test(text.toUpperCase());
}

/**
 * The canonical (upper-case) form of a case id.
 * @example normalizeCaseId('k7q2') // 'K7Q2'
 */
export function normalizeCaseId(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * A new random case id; `random` returns numbers in [0, 1) (Math.random in production).
 * @example generateCaseId(Math.random) // 'K7Q2'
 */
export function generateCaseId(random: () => number, length = 4): string {
  const pick = (chars: string) => chars[Math.min(chars.length - 1, Math.floor(random() * chars.length))]!;
  const chars = [pick(CASE_ID_LETTERS), ...Array.from({ length: length - 1 }, () => pick(ALPHABET))];
  // Every id carries a digit, so an id never reads like a word.
  if (!chars.some((c) => CASE_ID_DIGITS.includes(c))) chars[1 + Math.floor(random() * (length - 1))] = pick(CASE_ID_DIGITS);
  return chars.join('');
}
