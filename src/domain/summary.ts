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

/** p50 and p90 of numbers sorted in place (a typed array sorts natively, without a comparator). */
function percentiles(values: Float64Array): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = values.sort();
  const at = (p: number) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
  return { p50: at(50), p90: at(90) };
}

/** The handover order: overdue first, then most severe, then oldest. */
function handoverOrder(a: CarriedCase, b: CarriedCase): number {
  return Number(b.overdue) - Number(a.overdue) || SEVERITY[a.level] - SEVERITY[b.level] || b.ageMs - a.ageMs || a.caseId.localeCompare(b.caseId);
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

/** What the rows of one unit (its own cases, not its subtree's) add up to. */
interface OwnFigures {
  acknowledged: number;
  late: number;
  ackTimes: number[];
  resolved: number;
  byResult: Map<Result, number>;
  resolveTimes: number[];
  carried: number;
  overdue: number;
}

const ownFigures = (): OwnFigures => ({ acknowledged: 0, late: 0, ackTimes: [], resolved: 0, byResult: new Map(), resolveTimes: [], carried: 0, overdue: 0 });

/** The values of several arrays in one typed array, ready to sort. */
function concat(parts: number[][]): Float64Array {
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}

/**
 * Compiles the summary of every unit of the org for the window `(from, to]`.
 * @example compileSummaries(org, from, to, rows).get('C1')!.received.total // cases of C1's grids
 */
export function compileSummaries(org: OrgIndex, from: number, to: number, rows: ShiftRows): Map<string, ShiftSummary> {
  const out = new Map(org.org.units.map((u) => [u.code, emptySummary(u.code, from, to)]));
  // Each unit's own rows are added up once, then added to the unit and every unit above it:
  // the many acknowledgement and resolution rows are visited once, not once per level.
  const ancestors = new Map<string, ShiftSummary[]>();
  const up = (unit: string): ShiftSummary[] => {
    let list = ancestors.get(unit);
    if (!list) {
      list = org.lineage(unit).map((u) => out.get(u.code)!).filter(Boolean);
      ancestors.set(unit, list);
    }
    return list;
  };
  const own = new Map<string, OwnFigures>();
  const ownOf = (unit: string): OwnFigures => {
    let f = own.get(unit);
    if (!f) own.set(unit, (f = ownFigures()));
    return f;
  };

  for (const r of rows.received) {
    for (const s of up(r.unit)) {
      s.received[r.level] += r.count;
      s.received.total += r.count;
    }
  }
  for (const r of rows.acks) {
    const f = ownOf(r.unit);
    f.acknowledged += 1;
    if (r.late) f.late += 1;
    f.ackTimes.push(r.ackMs);
  }
  for (const r of rows.resolutions) {
    const f = ownOf(r.unit);
    f.resolved += 1;
    f.byResult.set(r.result, (f.byResult.get(r.result) ?? 0) + 1);
    f.resolveTimes.push(r.resolveMs);
    // Money is summed row by row in every unit, in the rows' order, as floating point: the
    // same additions in the same order give the same cents.
    if (r.result === 'dissuaded') for (const s of up(r.unit)) s.lossAverted += r.amountAtRisk ?? 0;
    if (r.result === 'defrauded') for (const s of up(r.unit)) s.lossTotal += r.lossAmount ?? 0;
  }
  for (const r of rows.escalations) {
    for (const s of up(r.unit)) {
      s.escalations += r.count;
      s.escalationsByStep[String(r.step)] = (s.escalationsByStep[String(r.step)] ?? 0) + r.count;
    }
  }
  for (const r of rows.open) {
    const f = ownOf(r.unit);
    f.carried += 1;
    if (r.overdue) f.overdue += 1;
  }
  const ackParts = new Map<ShiftSummary, number[][]>();
  const resolveParts = new Map<ShiftSummary, number[][]>();
  const part = (map: Map<ShiftSummary, number[][]>, s: ShiftSummary, values: number[]) => {
    if (values.length) (map.get(s) ?? map.set(s, []).get(s)!).push(values);
  };
  for (const [unit, f] of own) {
    for (const s of up(unit)) {
      s.acknowledged += f.acknowledged;
      s.acknowledgedLate += f.late;
      s.acknowledgedWithinSla += f.acknowledged - f.late;
      s.resolved += f.resolved;
      for (const [result, n] of f.byResult) s.resolvedByResult[result] += n;
      s.carriedOver.count += f.carried;
      s.carriedOver.overdue += f.overdue;
      part(ackParts, s, f.ackTimes);
      part(resolveParts, s, f.resolveTimes);
    }
  }
  // The handover lists: the carried cases in handover order once, each dealt to its unit and
  // the units above it until a list is full (a stable sort, so ties keep the rows' order).
  const carried = rows.open.map((r): [string, CarriedCase] => [
    r.unit,
    { caseId: r.caseId, level: r.level, assignee: r.assignee, status: r.status, ageMs: to - r.createdAt, overdue: r.overdue },
  ]);
  carried.sort((a, b) => handoverOrder(a[1], b[1]));
  for (const [unit, item] of carried) {
    for (const s of up(unit)) {
      if (s.carriedOver.cases.length < CARRIED_LIST_LIMIT) s.carriedOver.cases.push(item);
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
    s.timeToAck = percentiles(concat(ackParts.get(s) ?? []));
    s.timeToResolve = percentiles(concat(resolveParts.get(s) ?? []));
    s.lossAverted = Math.round(s.lossAverted * 100) / 100;
    s.lossTotal = Math.round(s.lossTotal * 100) / 100;
  }
  return out;
}
