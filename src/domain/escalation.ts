/**
 * The escalation engine's arithmetic (DESIGN.md "Escalation policy"): given a case and its
 * level's policy, when is the next step due and whom does it reach. Pure; the clock and the
 * time zone are parameters.
 *
 * Acknowledgement phase: when `ackWithin` passes unacknowledged, the first role of the chain is
 * told; every `stepEvery` after that, the next role; after the last, the last role again every
 * `repeatEvery` (if set). Resolution phase: the same chain from its second role when
 * `resolveWithin` passes unresolved. Roles with nobody in the unit tree are skipped.
 */
import { localMinutes } from './format.js';
import type { ChainRole } from './types.js';

export interface QuietHours {
  /** Local time `HH:mm` when quiet hours start, e.g. `22:00`. */
  from: string;
  /** Local time `HH:mm` when they end, e.g. `07:00`. */
  to: string;
}

export interface EscalationPolicy {
  ackWithin: number;
  resolveWithin: number;
  stepEvery?: number | undefined;
  repeatEvery?: number | undefined;
  chain: ChainRole[];
  quietHours?: QuietHours | undefined;
}

export type Phase = 'ack' | 'resolve';

/** The escalation-relevant facts of a case. */
export interface EscalationState {
  status: string;
  ackDueAt: number | null;
  resolveDueAt: number | null;
  /** Steps fired in the current phase. */
  phaseStep: number;
  supervisedAt: number | null;
}

export interface NextStep {
  at: number;
  phase: Phase;
  /** Index of this step within its phase (0 = first). */
  index: number;
  role: ChainRole;
  /** True for a repeat of the last role. */
  repeat: boolean;
}

/** The chain without roles that have nobody to reach for this case's unit. */
export function effectiveChain(chain: ChainRole[], reachable: (role: ChainRole) => boolean): ChainRole[] {
  return chain.filter((r) => r === 'assignee' || reachable(r));
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}


/**
 * Moves `at` out of quiet hours to their end (same or next day), minute-accurate.
 * @example deferQuiet(at2330, { from: '22:00', to: '07:00' }, 'Asia/Shanghai') // next day 07:00
 */
export function deferQuiet(at: number, quiet: QuietHours | undefined, tz: string): number {
  if (!quiet) return at;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const now = localMinutes(at, tz);
  const inside = from <= to ? now >= from && now < to : now >= from || now < to;
  if (!inside) return at;
  const wait = (to - now + 1440) % 1440;
  // Align to the start of the minute so the step lands exactly at `to`.
  return at - (at % 60_000) + wait * 60_000;
}

/**
 * The next escalation step of a case, or null when none is due (closed, supervised, no chain left).
 * @example nextStep({ status: 'dispatched', ackDueAt: t, ... }, policy, chain, 'Asia/Shanghai')
 *   // { at: t, phase: 'ack', index: 0, role: 'assignee', repeat: false }
 */
export function nextStep(c: EscalationState, policy: EscalationPolicy, chain: ChainRole[], tz: string): NextStep | null {
  if (c.supervisedAt !== null) return null;
  let phase: Phase;
  let start: number | null;
  let roles: ChainRole[];
  if (c.status === 'new' || c.status === 'dispatched') {
    phase = 'ack';
    start = c.ackDueAt;
    roles = chain;
  } else if (c.status === 'acknowledged') {
    phase = 'resolve';
    start = c.resolveDueAt;
    roles = chain.length > 1 ? chain.slice(1) : chain;
  } else return null;
  if (start === null || roles.length === 0) return null;
  const every = policy.stepEvery ?? policy.ackWithin;
  const i = c.phaseStep;
  let at: number;
  let role: ChainRole;
  let repeat = false;
  if (i < roles.length) {
    at = start + i * every;
    role = roles[i]!;
  } else {
    if (!policy.repeatEvery) return null;
    at = start + (roles.length - 1) * every + (i - roles.length + 1) * policy.repeatEvery;
    role = roles[roles.length - 1]!;
    repeat = true;
  }
  return { at: deferQuiet(at, policy.quietHours, tz), phase, index: i, role, repeat };
}
