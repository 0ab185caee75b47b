/**
 * The live case board's reads (DESIGN.md "Additions": `GET /board`): a unit's open cases by
 * urgency, today's figures, today's leads by hour, and the charts of the last 7 days. Read-only;
 * the HTTP adapter decides when to call them (on a change, never in a loop).
 */
import { BOARD_CASE_LIMIT, boardCase, boardCharts, byUrgency, cycleUnits, hourlyLeads, type BoardCharts, type BoardSnapshot } from '../domain/board.js';
import { addDays, localDay, localInstant, localMinutes } from '../domain/format.js';
import { compileSummaries } from '../domain/summary.js';
import { changeMark, leadsByHour, openCasesIn, overdueIn, timingsIn } from '../store/board.js';
import { outreachTotals } from '../store/outreach.js';
import { readShiftRows } from '../store/summaries.js';
import type { CoreContext } from './ports.js';

/**
 * The fast half of the board of `unit` (and its subtree) at the core's clock; null for an
 * unknown unit.
 * @example boardSnapshot(ctx, 'C1')?.cases[0].subject // '张** 139****0001 · 幸福里小区3号楼'
 */
export function boardSnapshot(ctx: CoreContext, unit: string): BoardSnapshot | null {
  const u = ctx.org.unit(unit);
  if (!u) return null;
  const now = ctx.now();
  const units = [...ctx.org.subtree(unit)];
  const day = localDay(now, ctx.timezone);
  const dayStart = localInstant(day, 0, ctx.timezone);
  // One read transaction: the list and the figures agree with each other.
  return ctx.db.transaction((tx) => {
    const all = openCasesIn(tx, units).map((r) => boardCase(r, ctx.org, now)).sort(byUrgency);
    const s = compileSummaries(ctx.org, dayStart, now, readShiftRows(tx, dayStart, now)).get(unit)!;
    return {
      unit: { code: u.code, name: u.name },
      cycle: cycleUnits(ctx.org, unit),
      now,
      timezone: ctx.timezone,
      day,
      hour: Math.min(23, Math.floor(localMinutes(now, ctx.timezone) / 60)),
      cases: all.slice(0, BOARD_CASE_LIMIT),
      openCount: all.length,
      today: {
        received: s.received,
        acknowledged: s.acknowledged,
        resolved: s.resolved,
        dissuaded: s.resolvedByResult.dissuaded,
        overdue: overdueIn(tx, units, now),
        outreachPeople: s.outreach.people,
      },
      hourly: hourlyLeads(leadsByHour(tx, units, dayStart, now)),
    };
  });
}

/**
 * The slow half: timings by community against the policy, the SLA share and the outreach
 * ranking, over the 7 local days up to today; null for an unknown unit.
 * @example boardChartsOf(ctx, 'PS1')?.slaMet.ack // 0.9
 */
export function boardChartsOf(ctx: CoreContext, unit: string): BoardCharts | null {
  if (!ctx.org.unit(unit)) return null;
  const now = ctx.now();
  const today = localDay(now, ctx.timezone);
  const from = localInstant(addDays(today, -6), 0, ctx.timezone);
  const units = [...ctx.org.subtree(unit)];
  const timings = timingsIn(ctx.db, units, from, now);
  const outreach = outreachTotals(ctx.db, addDays(today, -6), today);
  return boardCharts(ctx.org, ctx.policy, unit, { from, to: now, timings, outreach });
}

/** The board's change mark (see `changeMark`): the HTTP adapter polls it while someone watches. */
export function boardChangeMark(ctx: CoreContext): string {
  return changeMark(ctx.db);
}
