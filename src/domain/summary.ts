/**
 * Shift summary arithmetic: per unit, the figures of a shift window, where a parent's
 * figures are the sum of its subtree. Pure: rows read by SQL aggregates in, summaries out.
 * Percentiles use the nearest-rank method (p50 of [1,2,3,4] is 2).
 */
import type { Result } from './case-machine.js';
import type { OrgIndex } from './org.js';
import type { Level } from './types.js';

/**
 * What SQL hands over for one window, folded by unit: `unit` is always the case's own unit, and
 * a unit may have several rows (its cases created in the window, and older ones acknowledged or
 * resolved in it). Times are milliseconds; `results[i]` belongs to `resolveMs[i]`.
 */
export interface ShiftRows {
  units: {
    unit: string;
    received: Partial<Record<Level, number>>;
    ackMs: number[];
    late: number;
    resolveMs: number[];
    results: Result[];
    /** Sums over the unit's resolutions: the amount at risk of those dissuaded, the loss of those defrauded. */
    lossAverted: number;
    lossTotal: number;
  }[];
  escalations: { unit: string; step: number; count: number }[];
  /** Every case open at the end of the window. */
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

/**
 * Moves the `k`-th smallest value of `a[lo..hi]` to index `k`, smaller ones before it and larger
 * ones after (quickselect, median-of-three pivot, three-way partition so that many equal values
 * stay linear): linear on average, where sorting is n log n.
 */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // a[lo..lt) < pivot, a[lt..i) == pivot, a(gt..hi] > pivot.
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) swap(a, lt++, i++);
      else if (v > pivot) swap(a, i, gt--);
      else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Nearest-rank p50 and p90 of numbers (reordered in place). */
function percentiles(values: Float64Array): Percentiles | null {
  if (values.length === 0) return null;
  const rank = (p: number) => Math.max(1, Math.ceil((p / 100) * values.length)) - 1;
  const p50 = rank(50);
  const p90 = rank(90);
  select(values, p50, 0, values.length - 1);
  // Everything after p50 is at least as large: p90 is among them.
  if (p90 > p50) select(values, p90, p50 + 1, values.length - 1);
  return { p50: values[p50]!, p90: values[p90]! };
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

type OpenRow = ShiftRows['open'][number];

/** The handover order: overdue first, then most severe, then longest open (oldest). */
function openOrder(a: OpenRow, b: OpenRow): number {
  return Number(b.overdue) - Number(a.overdue) || SEVERITY[a.level] - SEVERITY[b.level] || a.createdAt - b.createdAt || a.caseId.localeCompare(b.caseId);
}

/**
 * The open cases a handover list can show: per unit, its first CARRIED_LIST_LIMIT in handover
 * order (any list of a subtree is drawn from its units' first ones), all in handover order.
 */
function handoverCandidates(open: OpenRow[], to: number): [string, CarriedCase][] {
  const byUnit = new Map<string, OpenRow[]>();
  for (const r of open) {
    const list = byUnit.get(r.unit);
    if (list) list.push(r);
    else byUnit.set(r.unit, [r]);
  }
  const firsts: OpenRow[] = [];
  for (const list of byUnit.values()) firsts.push(...(list.length > CARRIED_LIST_LIMIT ? list.sort(openOrder).slice(0, CARRIED_LIST_LIMIT) : list));
  return firsts
    .sort(openOrder)
    .map((r) => [r.unit, { caseId: r.caseId, level: r.level, assignee: r.assignee, status: r.status, ageMs: to - r.createdAt, overdue: r.overdue }]);
}

/**
 * Compiles the summary of every unit of the org for the window `(from, to]`.
 * @example compileSummaries(org, from, to, rows).get('C1')!.received.total // cases of C1's grids
 */
export function compileSummaries(org: OrgIndex, from: number, to: number, rows: ShiftRows): Map<string, ShiftSummary> {
  const out = new Map(org.org.units.map((u) => [u.code, emptySummary(u.code, from, to)]));
  // Each unit's rows are added to the unit and every unit above it (a parent is its subtree).
  const ancestors = new Map<string, ShiftSummary[]>();
  const up = (unit: string): ShiftSummary[] => {
    let list = ancestors.get(unit);
    if (!list) {
      list = org.lineage(unit).map((u) => out.get(u.code)!).filter(Boolean);
      ancestors.set(unit, list);
    }
    return list;
  };
  const ackParts = new Map<ShiftSummary, number[][]>();
  const resolveParts = new Map<ShiftSummary, number[][]>();
  const part = (map: Map<ShiftSummary, number[][]>, s: ShiftSummary, values: number[]) => {
    if (values.length) (map.get(s) ?? map.set(s, []).get(s)!).push(values);
  };

  for (const r of rows.units) {
    const byResult = new Map<Result, number>();
    for (const result of r.results) byResult.set(result, (byResult.get(result) ?? 0) + 1);
    for (const s of up(r.unit)) {
      for (const level of Object.keys(r.received) as Level[]) {
        s.received[level] += r.received[level] ?? 0;
        s.received.total += r.received[level] ?? 0;
      }
      s.acknowledged += r.ackMs.length;
      s.acknowledgedLate += r.late;
      s.acknowledgedWithinSla += r.ackMs.length - r.late;
      s.resolved += r.results.length;
      for (const [result, n] of byResult) s.resolvedByResult[result] += n;
      s.lossAverted += r.lossAverted;
      s.lossTotal += r.lossTotal;
      part(ackParts, s, r.ackMs);
      part(resolveParts, s, r.resolveMs);
    }
  }
  for (const r of rows.escalations) {
    for (const s of up(r.unit)) {
      s.escalations += r.count;
      s.escalationsByStep[String(r.step)] = (s.escalationsByStep[String(r.step)] ?? 0) + r.count;
    }
  }
  for (const r of rows.open) {
    for (const s of up(r.unit)) {
      s.carriedOver.count += 1;
      if (r.overdue) s.carriedOver.overdue += 1;
    }
  }
  // The handover lists: candidates in handover order, each dealt to its unit and the units
  // above it until a list is full (a stable sort, so ties keep the rows' order).
  for (const [unit, item] of handoverCandidates(rows.open, to)) {
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
