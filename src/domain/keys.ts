/**
 * The one place where outside data becomes part of a key (outbox keys, BullMQ job ids, file
 * names). BullMQ refuses `:` in job ids and treats all-digit ids as its own (NOTES.md), and a
 * refused id in a bulk add refuses the whole batch, so a raw external id must never reach it.
 * Pure: no `node:crypto`; a 64-bit FNV-1a hash keeps distinct inputs distinct.
 */

const SAFE = /^[A-Za-z0-9_.-]{1,48}$/;
/** A part that already looks like a hashed one is hashed again, so two inputs never meet. */
const HASHED_SHAPE = /_h[0-9a-f]{16}$/;

/**
 * 64-bit FNV-1a of the UTF-16 code units, as 16 hex digits.
 * @example fnv1a64('X:1') // 'a1f0…' (16 hex digits)
 */
export function fnv1a64(text: string): string {
  // Two 32-bit halves: FNV-1a 64 with prime 2^40 + 0x1b3, done in 16-bit limbs.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    // Multiply by 0x100000001b3: low limbs times 0x1b3, plus the value shifted by 40 bits (limb 2, << 8).
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    h0 = t0 & 0xffff;
    const c1 = t1 + (t0 >>> 16);
    h1 = c1 & 0xffff;
    const c2 = t2 + (c1 >>> 16);
    h2 = c2 & 0xffff;
    h3 = (t3 + (c2 >>> 16)) & 0xffff;
  }
  return [h3, h2, h1, h0].map((n) => n.toString(16).padStart(4, '0')).join('');
}

/**
 * One part of a key: kept as it is when already safe and short, otherwise its unsafe
 * characters replaced and a hash of the original appended, so `X:1` and `X_1` stay distinct.
 * @example keyPart('K7Q2') // 'K7Q2'
 * @example keyPart('X:1')  // 'X_1_h' + 16 hex digits
 */
export function keyPart(raw: string): string {
  if (SAFE.test(raw) && !HASHED_SHAPE.test(raw) && !/^\d+$/.test(raw)) return raw;
  return `${raw.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 24)}_h${fnv1a64(raw)}`;
}

/**
 * A key from parts: the kind first (a literal of ours), then data parts made safe.
 * @example makeKey('merge', 'K7Q2', 'X:1', 'private') // 'merge-K7Q2-X_1_h…-private'
 */
export function makeKey(kind: string, ...parts: (string | number)[]): string {
  return [kind, ...parts.map((p) => (typeof p === 'number' ? String(p) : keyPart(p)))].join('-');
}

/**
 * True when a string can be a BullMQ job id as is: safe characters only, not all digits.
 * @example isSafeKey('out-dispatch-K7Q2-group') // true
 */
export function isSafeKey(key: string): boolean {
  return /^[A-Za-z0-9_.-]{1,200}$/.test(key) && !/^\d+$/.test(key);
}
