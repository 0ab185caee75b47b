/**
 * The live case board (DESIGN.md "Additions": `GET /board`): what a supervisor on a phone or a
 * wall screen sees of a unit and its subtree. Pure: rows read by SQL in, the board out. It shows
 * no more personal data than a group message does (DESIGN.md "Privacy"): the subject masked by
 * the same functions as the dispatch message in a task room.
 */
import type { EscalationPolicy } from './escalation.js';
import { maskAddress, maskName, maskPhone } from './mask.js';
import type { OrgIndex } from './org.js';
import { rankCommunities, type RankRow, type UnitTotals } from './outreach-ranking.js';
import { LEVEL_ZH, LEVELS, type Level } from './types.js';
import { STATUS_ZH, type Status } from './vocabulary.js';

/** An open case as the store hands it over (personal fields still in clear: masked here). */
export interface BoardCaseRow {
  id: string;
  level: string;
  unit: string;
  status: string;
  assignee: string | null;
  escalationStep: number;
  ackDueAt: number | null;
  resolveDueAt: number | null;
  createdAt: number;
  supervisedAt: number | null;
  subjectName: string | null;
  subjectPhone: string | null;
  subjectAddress: string | null;
  anonymisedAt: number | null;
}

/** One line of the board: nothing a group message would not show. */
export interface BoardCase {
  id: string;
  level: Level;
  levelZh: string;
  /** Masked: `张** 139****0001 · 朝阳区幸福里小区3号楼`. */
  subject: string;
  unit: string;
  /** The name of the case's unit (its grid). */
  grid: string;
  assignee: string | null;
  status: Status;
  statusZh: string;
  escalationStep: number;
  /** The next deadline: acknowledgement until acknowledged, then resolution. */
  dueAt: number | null;
  dueKind: 'ack' | 'resolve';
  overdue: boolean;
  supervised: boolean;
}

/** Today's figures of the unit and its subtree (local day of the profile's zone, up to now). */
export interface BoardToday {
  received: Record<Level | 'total', number>;
  acknowledged: number;
  resolved: number;
  dissuaded: number;
  /** Open cases past their next deadline now. */
  overdue: number;
  outreachPeople: number;
}

/** Leads per local hour of today, by level (index 0 = 00:00–01:00). */
export type HourlyLeads = Record<Level, number[]>;

/** What changes with every case: sent on every update. */
export interface BoardSnapshot {
  unit: { code: string; name: string };
  /** The board's unit and the units below it a wall screen cycles through (grids left out). */
  cycle: { code: string; name: string }[];
  /** The server's clock: countdowns run from it, never from the viewer's clock. */
  now: number;
  /** The profile's time zone, the local day and hour of `now` in it. */
  timezone: string;
  day: string;
  hour: number;
  cases: BoardCase[];
  /** Open cases in all; `cases` lists the most urgent `BOARD_CASE_LIMIT`. */
  openCount: number;
  today: BoardToday;
  hourly: HourlyLeads;
}

/** How many open cases one board lists (the count covers all). */
export const BOARD_CASE_LIMIT = 200;

const SEVERITY: Record<Level, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

const asLevel = (l: string): Level => ((LEVELS as readonly string[]).includes(l) ? (l as Level) : 'low');

/**
 * The subject as a group message shows it: masked name and phone, address cut to the building.
 * @example boardSubject({ subjectName: '张建国', subjectPhone: '13912340001', subjectAddress: '幸福里小区3号楼2单元501', anonymisedAt: null }) // '张** 139****0001 · 幸福里小区3号楼'
 */
export function boardSubject(r: Pick<BoardCaseRow, 'subjectName' | 'subjectPhone' | 'subjectAddress' | 'anonymisedAt'>): string {
  if (r.anonymisedAt) return '（已按规定清除）';
  const who = [r.subjectName ? maskName(r.subjectName) : '', r.subjectPhone ? maskPhone(r.subjectPhone) : ''].filter(Boolean).join(' ');
  const where = r.subjectAddress ? maskAddress(r.subjectAddress) : '';
  return [who, where].filter(Boolean).join(' · ');
}

/**
 * A row as a board line at `now`.
 * @example boardCase(row, org, now).overdue // true once the next deadline passed
 */
export function boardCase(r: BoardCaseRow, org: OrgIndex, now: number): BoardCase {
  const level = asLevel(r.level);
  const status = r.status as Status;
  const dueKind = status === 'acknowledged' ? 'resolve' : 'ack';
  const dueAt = dueKind === 'resolve' ? r.resolveDueAt : r.ackDueAt;
  return {
    id: r.id,
    level,
    levelZh: LEVEL_ZH[level],
    subject: boardSubject(r),
    unit: r.unit,
    grid: org.unit(r.unit)?.name ?? r.unit,
    assignee: r.assignee,
    status,
    statusZh: STATUS_ZH[status] ?? r.status,
    escalationStep: r.escalationStep,
    dueAt,
    dueKind,
    overdue: dueAt !== null && dueAt < now,
    supervised: r.supervisedAt !== null,
  };
}

/**
 * The urgency order of the board: overdue first, then level, then the nearest deadline, then
 * the oldest id.
 */
export function byUrgency(a: BoardCase, b: BoardCase): number {
  return Number(b.overdue) - Number(a.overdue) || SEVERITY[a.level] - SEVERITY[b.level] || (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.id.localeCompare(b.id);
}

/** Units a wall screen cycles through: the unit itself and every station and community below it. */
export function cycleUnits(org: OrgIndex, root: string): { code: string; name: string }[] {
  const within = org.subtree(root);
  return org.org.units.filter((u) => u.code === root || (within.has(u.code) && u.kind !== 'grid')).map((u) => ({ code: u.code, name: u.name }));
}

/** Leads of today by local hour and level, from `(hour, level, count)` rows. */
export function hourlyLeads(rows: { hour: number; level: string; count: number }[]): HourlyLeads {
  const out = Object.fromEntries(LEVELS.map((l) => [l, new Array<number>(24).fill(0)])) as HourlyLeads;
  for (const r of rows) {
    const h = Math.min(23, Math.max(0, Math.floor(r.hour)));
    out[asLevel(r.level)][h]! += r.count;
  }
  return out;
}

/** Timing aggregates of a window, one row per unit and level (SQL `group by`). */
export interface TimingRow {
  unit: string;
  level: string;
  acked: number;
  ackedInTime: number;
  ackMsSum: number;
  resolved: number;
  resolvedInTime: number;
  resolveMsSum: number;
}

/** One community's timing against the policy (last 7 days). */
export interface CommunityTiming {
  code: string;
  name: string;
  acked: number;
  resolved: number;
  /** Mean time to acknowledge as a share of its level's `ackWithin` (1 = the whole time allowed); null without any. */
  ackOfTarget: number | null;
  resolveOfTarget: number | null;
  /** Mean minutes, for the tooltip. */
  ackMinutes: number | null;
  resolveMinutes: number | null;
  /** Share acknowledged / resolved within the policy's time; null without any. */
  ackMet: number | null;
  resolveMet: number | null;
}

/** What changes slowly: the charts of the last 7 days (recomputed at most every few seconds). */
export interface BoardCharts {
  from: number;
  to: number;
  communities: CommunityTiming[];
  /** The whole unit: share acknowledged and resolved in time. */
  slaMet: { ack: number | null; resolve: number | null };
  ranking: RankRow[];
  /** The policy's targets in minutes, for the legend. */
  targets: Record<Level, { ackMinutes: number; resolveMinutes: number }>;
}

/**
 * Folds timing rows into communities under `root` (a grid's cases count for its community), each
 * time measured against its own level's target so that urgent and low cases can share one bar.
 * @example communityTimings(org, rows, policy, 'PS1')[0].ackMet // 0.75
 */
export function communityTimings(org: OrgIndex, rows: TimingRow[], policy: Record<Level, EscalationPolicy>, root: string): CommunityTiming[] {
  const within = org.subtree(root);
  const acc = new Map<string, { name: string; acked: number; ackedIn: number; ackMs: number; ackShare: number; resolved: number; resolvedIn: number; resMs: number; resShare: number }>();
  for (const u of org.org.units) {
    if (u.kind === 'community' && within.has(u.code)) acc.set(u.code, { name: u.name, acked: 0, ackedIn: 0, ackMs: 0, ackShare: 0, resolved: 0, resolvedIn: 0, resMs: 0, resShare: 0 });
  }
  for (const r of rows) {
    const community = org.lineage(r.unit).find((u) => u.kind === 'community');
    const a = community ? acc.get(community.code) : undefined;
    if (!a) continue;
    const p = policy[asLevel(r.level)];
    a.acked += r.acked;
    a.ackedIn += r.ackedInTime;
    a.ackMs += r.ackMsSum;
    a.ackShare += p.ackWithin > 0 ? r.ackMsSum / p.ackWithin : 0;
    a.resolved += r.resolved;
    a.resolvedIn += r.resolvedInTime;
    a.resMs += r.resolveMsSum;
    a.resShare += p.resolveWithin > 0 ? r.resolveMsSum / p.resolveWithin : 0;
  }
  const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
  const minutes = (ms: number, d: number) => (d > 0 ? Math.round(ms / d / 6000) / 10 : null);
  return [...acc].map(([code, a]) => ({
    code,
    name: a.name,
    acked: a.acked,
    resolved: a.resolved,
    ackOfTarget: ratio(a.ackShare, a.acked),
    resolveOfTarget: ratio(a.resShare, a.resolved),
    ackMinutes: minutes(a.ackMs, a.acked),
    resolveMinutes: minutes(a.resMs, a.resolved),
    ackMet: ratio(a.ackedIn, a.acked),
    resolveMet: ratio(a.resolvedIn, a.resolved),
  }));
}

/**
 * The slow half of the board: timings by community, the SLA share and the outreach ranking.
 * @example boardCharts(org, policy, 'PS1', { from, to, timings, outreach }).slaMet.ack // 0.9
 */
export function boardCharts(
  org: OrgIndex,
  policy: Record<Level, EscalationPolicy>,
  root: string,
  w: { from: number; to: number; timings: TimingRow[]; outreach: UnitTotals[] },
): BoardCharts {
  const within = org.subtree(root);
  const mine = w.timings.filter((r) => within.has(r.unit));
  const sum = (f: (r: TimingRow) => number) => mine.reduce((n, r) => n + f(r), 0);
  const acked = sum((r) => r.acked);
  const resolved = sum((r) => r.resolved);
  return {
    from: w.from,
    to: w.to,
    communities: communityTimings(org, mine, policy, root),
    slaMet: { ack: acked ? sum((r) => r.ackedInTime) / acked : null, resolve: resolved ? sum((r) => r.resolvedInTime) / resolved : null },
    ranking: rankCommunities(org, w.outreach, root),
    targets: Object.fromEntries(LEVELS.map((l) => [l, { ackMinutes: policy[l].ackWithin / 60_000, resolveMinutes: policy[l].resolveWithin / 60_000 }])) as BoardCharts['targets'],
  };
}
