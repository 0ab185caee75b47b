import { describe, expect, it } from 'vitest';
import { boundariesBetween, lastBoundary, previousBoundary } from '../../src/domain/shifts.js';

const TZ = 'Asia/Shanghai'; // UTC+8 all year: no daylight saving
const iso = (t: number) => new Date(t).toISOString();

describe('shift boundaries', () => {
  it('closes the night shift at 08:00 local, which began at 20:00 the day before (across midnight)', () => {
    const now = Date.parse('2026-11-23T08:30:00+08:00');
    const b = lastBoundary('0 8,20 * * *', now, TZ);
    expect(iso(b)).toBe('2026-11-23T00:00:00.000Z');
    expect(iso(previousBoundary('0 8,20 * * *', b, TZ))).toBe('2026-11-22T12:00:00.000Z');
  });

  it('treats a boundary as closing at exactly its time', () => {
    const b = Date.parse('2026-11-23T20:00:00+08:00');
    expect(lastBoundary('0 8,20 * * *', b, TZ)).toBe(b);
    expect(lastBoundary('0 8,20 * * *', b - 1, TZ)).toBe(Date.parse('2026-11-23T08:00:00+08:00'));
  });

  it('lists the boundaries missed while down, oldest first', () => {
    const last = Date.parse('2026-11-22T20:00:00+08:00');
    const now = Date.parse('2026-11-24T09:00:00+08:00');
    expect(boundariesBetween('0 8,20 * * *', last, now, TZ).map(iso)).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-23T12:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
    ]);
  });

  it('uses the profile’s zone, not the machine’s', () => {
    const now = Date.parse('2026-11-23T07:59:00+08:00');
    expect(iso(lastBoundary('0 8,20 * * *', now, TZ))).toBe('2026-11-22T12:00:00.000Z');
    expect(iso(lastBoundary('0 8,20 * * *', now, 'UTC'))).toBe('2026-11-22T20:00:00.000Z');
  });
});
