/**
 * Shift summary arithmetic: per unit, the figures of a shift window, where a parent's
 * figures are the sum of its subtree. Pure: rows read by SQL aggregates in, summaries out.
 * Percentiles use the nearest-rank method (p50 of [1,2,3,4] is 2).
 */
import type { Result } from './case-machine.js';
import type { OrgIndex } from './org.js';
import type { Level } from './types.js';

/** What SQL hands over for one window; `unit` is always the case's own unit. */
export interface ShiftRows {
  received: { unit: string; level: Level; count: number }[];
  acks: { unit: string; ackMs: number; late: boolean }[];
  resolutions: { unit: string; result: Result; resolveMs: number; amountAtRisk: number | null; lossAmount: number | null }[];
  escalations: { unit: string; step: number; count: number }[];
  open: { unit: string; caseId: string; level: Level; assignee: string | null; createdAt: number; status: string; overdue: boolean }[];
  outreach: { unit: string; events: number; people: number; installs: number }[];
}

export interface Percentiles {
  p50: number;
  p90: number;
}

export interface CarriedCase {
  caseId: string;
  level: Level;
  assignee: string | null;
  status: string;
  ageMs: number;
  /** Past its acknowledgement or resolution deadline at the end of the shift. */
  overdue: boolean;
}

/** One stored summary (the `data` of a shift_summaries row; DESIGN.md contract fields first). */
export interface ShiftSummary {
  unit: string;
  from: string;
  to: string;
  received: Record<Level | 'total', number>;
  acknowledged: number;
  resolved: number;
  escalations: number;
  outreach: { events: number; people: number; installs: number };
  acknowledgedWithinSla: number;
  acknowledgedLate: number;
  resolvedByResult: Record<Result, number>;
  lossAverted: number;
  lossTotal: number;
  escalationsByStep: Record<string, number>;
  timeToAck: Percentiles | null;
  timeToResolve: Percentiles | null;
  carriedOver: { count: number; overdue: number; cases: CarriedCase[] };
}

/** How many carried-over cases a summary lists by id (the count covers all). */
export const CARRIED_LIST_LIMIT = 20;

const RESULTS: Result[] = ['dissuaded', 'defrauded', 'unreachable', 'refused', 'false_positive', 'reported'];
const SEVERITY: Record<Level, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

/**
 * Nearest-rank percentile of unsorted numbers; null for none.
 * @example percentile([4, 1, 3, 2], 50) // 2
 */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** p50 and p90 with one sort. */
function percentiles(values: number[]): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = values.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
  return { p50: at(50), p90: at(90) };
}

function emptySummary(unit: string, from: number, to: number): ShiftSummary {
  return {
    unit,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    received: { urgent: 0, high: 0, medium: 0, low: 0, total: 0 },
    acknowledged: 0,
    resolved: 0,
    escalations: 0,
    outreach: { events: 0, people: 0, installs: 0 },
    acknowledgedWithinSla: 0,
    acknowledgedLate: 0,
    resolvedByResult: Object.fromEntries(RESULTS.map((r) => [r, 0])) as Record<Result, number>,
    lossAverted: 0,
    lossTotal: 0,
    escalationsByStep: {},
    timeToAck: null,
    timeToResolve: null,
    carriedOver: { count: 0, overdue: 0, cases: [] },
  };
}

/**
 * Compiles the summary of every unit of the org for the window `(from, to]`.
 * @example compileSummaries(org, from, to, rows).get('C1')!.received.total // cases of C1's grids
 */
export function compileSummaries(org: OrgIndex, from: number, to: number, rows: ShiftRows): Map<string, ShiftSummary> {
  const out = new Map(org.org.units.map((u) => [u.code, emptySummary(u.code, from, to)]));
  const ackTimes = new Map<string, number[]>();
  const resolveTimes = new Map<string, number[]>();
  const carried = new Map<string, CarriedCase[]>();
  // Each row counts for its unit and every unit above it: O(rows × depth), not O(rows × units).
  const ancestors = new Map<string, ShiftSummary[]>();
  const up = (unit: string): ShiftSummary[] => {
    let list = ancestors.get(unit);
    if (!list) {
      list = org.lineage(unit).map((u) => out.get(u.code)!).filter(Boolean);
      ancestors.set(unit, list);
    }
    return list;
  };
  const push = (map: Map<string, number[]>, unit: string, v: number) => (map.get(unit) ?? map.set(unit, []).get(unit)!).push(v);

  for (const r of rows.received) {
    for (const s of up(r.unit)) {
      s.received[r.level] += r.count;
      s.received.total += r.count;
    }
  }
  for (const r of rows.acks) {
    for (const s of up(r.unit)) {
      s.acknowledged += 1;
      if (r.late) s.acknowledgedLate += 1;
      else s.acknowledgedWithinSla += 1;
      push(ackTimes, s.unit, r.ackMs);
    }
  }
  for (const r of rows.resolutions) {
    for (const s of up(r.unit)) {
      s.resolved += 1;
      s.resolvedByResult[r.result] += 1;
      if (r.result === 'dissuaded') s.lossAverted += r.amountAtRisk ?? 0;
      if (r.result === 'defrauded') s.lossTotal += r.lossAmount ?? 0;
      push(resolveTimes, s.unit, r.resolveMs);
    }
  }
  for (const r of rows.escalations) {
    for (const s of up(r.unit)) {
      s.escalations += r.count;
      s.escalationsByStep[String(r.step)] = (s.escalationsByStep[String(r.step)] ?? 0) + r.count;
    }
  }
  for (const r of rows.open) {
    const item: CarriedCase = { caseId: r.caseId, level: r.level, assignee: r.assignee, status: r.status, ageMs: to - r.createdAt, overdue: r.overdue };
    for (const s of up(r.unit)) {
      s.carriedOver.count += 1;
      if (r.overdue) s.carriedOver.overdue += 1;
      (carried.get(s.unit) ?? carried.set(s.unit, []).get(s.unit)!).push(item);
    }
  }
  for (const r of rows.outreach) {
    for (const s of up(r.unit)) {
      s.outreach.events += r.events;
      s.outreach.people += r.people;
      s.outreach.installs += r.installs;
    }
  }
  for (const s of out.values()) {
    const acks = ackTimes.get(s.unit) ?? [];
    const res = resolveTimes.get(s.unit) ?? [];
    s.timeToAck = percentiles(acks);
    s.timeToResolve = percentiles(res);
    // The handover list: overdue first, then most severe, then oldest.
    s.carriedOver.cases = (carried.get(s.unit) ?? [])
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || SEVERITY[a.level] - SEVERITY[b.level] || b.ageMs - a.ageMs || a.caseId.localeCompare(b.caseId))
      .slice(0, CARRIED_LIST_LIMIT);
    s.lossAverted = Math.round(s.lossAverted * 100) / 100;
    s.lossTotal = Math.round(s.lossTotal * 100) / 100;
  }
  return out;
}

