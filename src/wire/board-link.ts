/**
 * Signed, expiring links to a unit's case board (DESIGN.md "Additions": `gridguard board-link
 * UNIT`): the CLI signs, the HTTP server verifies, so a supervisor opens the board on a phone
 * without the centre's token. The signature is HMAC-SHA256 over the unit and the expiry with
 * `BOARD_LINK_SECRET` (or `INTAKE_TOKEN` when that is not set); changing the secret revokes
 * every link at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A link's signed part: the unit it opens (with its subtree) and when it stops working. */
export interface BoardLink {
  unit: string;
  /** Unix seconds. */
  exp: number;
  sig: string;
}

const signatureOf = (secret: string, unit: string, exp: number) => createHmac('sha256', secret).update(`gridguard-board\n${unit}\n${exp}`).digest('base64url');

/**
 * Signs a link for `unit` valid until `expiresAt` (epoch ms).
 * @example signBoardLink('s3cret', 'C1', Date.parse('2026-12-01T00:00:00Z')) // { unit: 'C1', exp: 1796083200, sig: '…' }
 */
export function signBoardLink(secret: string, unit: string, expiresAt: number): BoardLink {
  const exp = Math.floor(expiresAt / 1000);
  return { unit, exp, sig: signatureOf(secret, unit, exp) };
}

/** The query string of a link: `unit=C1&exp=…&sig=…`. */
export function boardLinkQuery(link: BoardLink): string {
  return new URLSearchParams({ unit: link.unit, exp: String(link.exp), sig: link.sig }).toString();
}

export type LinkCheck = { ok: true } | { ok: false; reason: 'expired' | 'bad-signature' | 'no-secret' };

/**
 * Checks a link at `now` (epoch ms): the signature first (constant time), then the expiry.
 * @example verifyBoardLink('s3cret', link, Date.now()) // { ok: true }
 */
export function verifyBoardLink(secret: string | null, link: BoardLink, now: number): LinkCheck {
  if (!secret) return { ok: false, reason: 'no-secret' };
  const wanted = Buffer.from(signatureOf(secret, link.unit, link.exp));
  const given = Buffer.from(link.sig);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'bad-signature' };
  if (link.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true };
}
