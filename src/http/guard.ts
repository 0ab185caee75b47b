/**
 * What stands between the network and the data (SECURITY.md): the bearer token, optional
 * HMAC signatures on intake, and a per-client rate limit on case lookups.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

function sameBytes(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when the `Authorization` header carries `Bearer <token>` (constant-time comparison). */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return !!m && sameBytes(m[1]!.trim(), token);
}

/** An onRequest hook that answers 401 unless the bearer token matches (no-op without a token). */
export function requireToken(token: string | null) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (token && !tokenMatches(req.headers.authorization, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'missing or wrong bearer token (Authorization: Bearer $INTAKE_TOKEN)' });
    }
  };
}

/** Signed requests older or newer than this are refused (replay window). */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/**
 * Checks `X-GridGuard-Signature: sha256=<hex>` = HMAC-SHA256(secret, `<timestamp>.<raw body>`)
 * and that `X-GridGuard-Timestamp` (Unix seconds or ms) is within 5 minutes of `now`.
 * Returns null when good, else the reason.
 * @example verifySignature('s3cret…', { timestamp: '1764300000', signature: 'sha256=…' }, '{}', Date.now())
 */
export function verifySignature(secret: string, headers: { timestamp?: string; signature?: string }, rawBody: string, now: number): string | null {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{10,13}$/.test(timestamp)) return 'missing or malformed X-GridGuard-Timestamp (Unix seconds)';
  const at = timestamp.length === 13 ? Number(timestamp) : Number(timestamp) * 1000;
  if (Math.abs(now - at) > SIGNATURE_WINDOW_MS) return 'X-GridGuard-Timestamp is more than 5 minutes away from the server clock';
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(signature ?? '');
  if (!m) return 'missing or malformed X-GridGuard-Signature (sha256=<hex>)';
  const wanted = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return sameBytes(m[1]!.toLowerCase(), wanted) ? null : 'X-GridGuard-Signature does not match the body';
}

/**
 * A token bucket per client address: `perSecond` sustained, `burst` at once. Bounded: the
 * oldest clients are forgotten past `maxClients`, so a scan from many addresses cannot grow it.
 */
export function createRateLimiter(perSecond: number, burst: number, now: () => number = Date.now, maxClients = 10_000) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one token; returns 0 when allowed, else the seconds to wait. */
    take(client: string): number {
      const t = now();
      const b = buckets.get(client) ?? { tokens: burst, at: t };
      buckets.delete(client);
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
      b.at = t;
      const allowed = b.tokens >= 1;
      if (allowed) b.tokens -= 1;
      buckets.set(client, b);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      return allowed ? 0 : Math.ceil((1 - b.tokens) / perSecond);
    },
  };
}
