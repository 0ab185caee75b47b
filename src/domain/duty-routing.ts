/**
 * Routing by duty (issue 16): a lead goes to an on-duty member of its grid; when nobody there is
 * on duty, to the on-duty members of the nearest unit up the tree whose roster covers the hour;
 * a member on leave never gets a case. Units without a roster keep the rule before rosters
 * (every worker of the grid). Pure: the rosters, the dated changes and the instant are given.
 */
import type { OrgIndex } from './org.js';
import { onDuty, onLeave, type DutyChange, type Rosters } from './roster.js';
import type { Member, Role } from './types.js';

/** Rosters, the dated changes around the instant, and the instant. */
export interface Duty {
  rosters: Rosters;
  changes: readonly DutyChange[];
  at: number;
}

/** Who can take a case. */
export const HANDLES_CASES: ReadonlySet<Role> = new Set<Role>(['worker', 'lead', 'supervisor']);

export type DutyHow = 'duty' | 'duty_up' | 'no_roster' | 'off_duty';

/**
 * Who may take a new case of `unit` now, and why them: `duty` (on duty in the grid), `duty_up`
 * (on duty in the nearest unit above that covers the hour), `no_roster` (the grid has no roster:
 * its workers), `off_duty` (nobody on duty anywhere up the tree: the grid's workers not on leave).
 * Empty when even those are missing (the caller falls back to the nearest lead).
 * @example dutyCandidates(org, 'G1', duty) // { members: [钱警官], how: 'duty_up' } at 02:00
 */
export function dutyCandidates(org: OrgIndex, unit: string, duty: Duty): { members: Member[]; how: DutyHow } {
  const free = (m: Member) => !onLeave(duty.changes, m.name, duty.at);
  const workers = org.org.members.filter((m) => m.unit === unit && m.role === 'worker' && free(m));
  const lineage = org.lineage(unit);
  for (const [i, u] of lineage.entries()) {
    const names = onDuty(duty.rosters, duty.changes, u.code, duty.at);
    if (names === null) {
      if (i === 0 && workers.length > 0) return { members: workers, how: 'no_roster' };
      continue;
    }
    const members = names.map((n) => org.member(n)).filter((m): m is Member => !!m && HANDLES_CASES.has(m.role) && free(m));
    if (members.length > 0) return { members, how: i === 0 ? 'duty' : 'duty_up' };
  }
  return { members: workers, how: 'off_duty' };
}

/**
 * The member of `role` a chain step means: the nearest one up the tree who is on duty where that
 * unit has a roster and not on leave; else the nearest one not on leave; else the nearest one.
 * @example nearestOnDuty(org, 'G1', 'lead', duty) // 王社区
 */
export function nearestOnDuty(org: OrgIndex, unit: string, role: Role, duty: Duty | null): Member | null {
  const nearest = org.nearest(unit, role);
  if (!duty || !nearest) return nearest;
  let notOnLeave: Member | null = null;
  for (const u of org.lineage(unit)) {
    const here = org.org.members.filter((m) => m.unit === u.code && m.role === role && !onLeave(duty.changes, m.name, duty.at));
    if (here.length === 0) continue;
    notOnLeave ??= here[0]!;
    const names = onDuty(duty.rosters, duty.changes, u.code, duty.at);
    if (names === null) return here[0]!;
    const on = here.find((m) => names.includes(m.name));
    if (on) return on;
  }
  return notOnLeave ?? nearest;
}
