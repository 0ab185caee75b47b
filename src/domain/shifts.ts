/**
 * Shift boundaries from the profile's cron expression, in its time zone (cron-parser). Each
 * boundary closes the shift `(previous boundary, this boundary]`. Pure: `now` is a parameter.
 */
import { CronExpressionParser } from 'cron-parser';

/**
 * The latest boundary at or before `now`.
 * @example lastBoundary('0 8,20 * * *', Date.parse('2026-11-23T03:00:00Z'), 'Asia/Shanghai') // 2026-11-23T00:00Z (08:00 local)
 */
export function lastBoundary(expr: string, now: number, tz: string): number {
  const it = CronExpressionParser.parse(expr, { currentDate: new Date(now + 1), tz });
  return it.prev().getTime();
}

/** The boundary before `boundary` (the start of the shift it closes). */
export function previousBoundary(expr: string, boundary: number, tz: string): number {
  const it = CronExpressionParser.parse(expr, { currentDate: new Date(boundary), tz });
  return it.prev().getTime();
}

/**
 * Every boundary in `(after, now]`, oldest first, at most `limit` (catch-up after downtime).
 * @example boundariesBetween('0 8,20 * * *', t0, t0 + 86_400_000, 'Asia/Shanghai') // two boundaries
 */
export function boundariesBetween(expr: string, after: number, now: number, tz: string, limit = 1000): number[] {
  const it = CronExpressionParser.parse(expr, { currentDate: new Date(after), tz });
  const out: number[] = [];
  while (out.length < limit) {
    const next = it.next().getTime();
    if (next > now) break;
    out.push(next);
  }
  return out;
}

/** True when the expression parses. */
export function isCronExpression(expr: string): boolean {
  try {
    CronExpressionParser.parse(expr);
    return true;
  } catch {
    return false;
  }
}
