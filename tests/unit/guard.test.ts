/** The HTTP guards: constant-time token check, HMAC signature window, per-client rate limit. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, tokenMatches, verifySignature } from '../../src/http/guard.js';

const now = Date.UTC(2026, 10, 28, 12, 0, 0);
const sig = (secret: string, ts: string, body: string) => `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;

describe('tokenMatches', () => {
  it('accepts the exact bearer token only', () => {
    expect(tokenMatches('Bearer abc', 'abc')).toBe(true);
    expect(tokenMatches('bearer   abc ', 'abc')).toBe(true);
    expect(tokenMatches('Bearer abcd', 'abc')).toBe(false);
    expect(tokenMatches('abc', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });
});

describe('verifySignature', () => {
  const secret = 'a-secret-of-16-chars';
  const ts = String(now / 1000);
  it('accepts a signature over timestamp and body within five minutes, in seconds or ms', () => {
    expect(verifySignature(secret, { timestamp: ts, signature: sig(secret, ts, '{"a":1}') }, '{"a":1}', now + 299_000)).toBeNull();
    expect(verifySignature(secret, { timestamp: String(now), signature: sig(secret, String(now), '{}') }, '{}', now)).toBeNull();
  });
  it('names what is wrong', () => {
    expect(verifySignature(secret, { signature: sig(secret, ts, '{}') }, '{}', now)).toMatch(/Timestamp/);
    expect(verifySignature(secret, { timestamp: ts, signature: sig(secret, ts, '{}') }, '{}', now + 301_000)).toMatch(/5 minutes/);
    expect(verifySignature(secret, { timestamp: ts }, '{}', now)).toMatch(/malformed X-GridGuard-Signature/);
    expect(verifySignature(secret, { timestamp: ts, signature: sig(secret, ts, '{}') }, '{ }', now)).toMatch(/does not match/);
    expect(verifySignature(secret, { timestamp: ts, signature: sig('other-secret-xxxxxx', ts, '{}') }, '{}', now)).toMatch(/does not match/);
  });
});

describe('createRateLimiter', () => {
  it('allows a burst, then refills at the sustained rate, per client', () => {
    let t = now;
    const limit = createRateLimiter(2, 3, () => t);
    expect([1, 2, 3].map(() => limit.take('a'))).toEqual([0, 0, 0]);
    expect(limit.take('a')).toBeGreaterThan(0);
    expect(limit.take('b')).toBe(0);
    t += 500;
    expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBeGreaterThan(0);
  });
  it('forgets the oldest clients past its bound', () => {
    const limit = createRateLimiter(1, 1, () => now, 2);
    limit.take('a');
    limit.take('b');
    limit.take('c');
    expect(limit.take('a')).toBe(0);
  });
});
