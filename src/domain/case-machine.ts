/**
 * The case state machine and who may do what (DESIGN.md "The case").
 * Pure: a case snapshot, an actor and a command in; a decision out. The core applies the
 * decision in one transaction with its event.
 */
import type { OrgIndex } from './org.js';
import type { Level, Member, Role } from './types.js';

import { OPEN_STATUSES, type Result, type Status } from './vocabulary.js';

export { METHOD_ZH, RESULT_ZH, STATUS_ZH, type Method, type Result, type Status } from './vocabulary.js';

/** What the machine needs to know about a case. */
export interface CaseState {
  id: string;
  level: Level;
  unit: string;
  status: Status;
  assignee: string | null;
  /** Who took the escalation (督办), if anyone: a second 督办 changes nothing. */
  supervisedBy?: string | null;
  /** The latest recorded outcome (final or attempt), for 更正. */
  lastOutcome?: { at: number; final: boolean; result: Result } | null;
}

/** An outcome may be corrected (更正) this long after it was recorded. */
export const CORRECTION_WINDOW_MS = 30 * 60_000;

export const OPEN: ReadonlySet<Status> = new Set(OPEN_STATUSES);

/** Roles that act on cases of the units below them. */
const OVERSEERS: ReadonlySet<Role> = new Set(['lead', 'supervisor', 'operator', 'admin']);

/** True when `member` sits at the case's unit or above it, in an overseeing role. */
export function oversees(org: OrgIndex, member: Member, unit: string): boolean {
  return OVERSEERS.has(member.role) && org.lineage(unit).some((u) => u.code === member.unit);
}

export type Action = 'ack' | 'report' | 'query' | 'reassign' | 'supervise' | 'cancel' | 'correct' | 'reopen';

export type Refusal =
  | 'not_allowed'
  | 'not_assignee'
  | 'already_acknowledged'
  | 'closed'
  | 'same_assignee'
  | 'already_supervised'
  | 'nothing_to_correct'
  | 'correction_too_late'
  | 'correction_changes_kind'
  | 'not_resolved'
  | 'target_unknown'
  | 'target_outside'
  | 'outside_unit';

/**
 * May `member` do `action` on the case? Only the assignee (or someone overseeing the unit)
 * acknowledges and reports; only leads and supervisors (and admins) reassign or cancel;
 * volunteers never see cases.
 * @example authorize(org, li, 'ack', c) // null (allowed)
 */
export function authorize(org: OrgIndex, member: Member, action: Action, c: CaseState): Refusal | null {
  const over = oversees(org, member, c.unit);
  // A lead or supervisor of another unit is told the case is not his, not that leads may not do it.
  const elsewhere = !over && OVERSEERS.has(member.role) && c.assignee !== member.name ? 'outside_unit' : 'not_allowed';
  switch (action) {
    case 'ack':
    case 'report':
    case 'correct':
      if (c.assignee === member.name || over) return null;
      return member.role === 'worker' ? 'not_assignee' : elsewhere;
    case 'query':
      if (member.role === 'volunteer') return 'not_allowed';
      return null;
    case 'reassign':
    case 'cancel':
    case 'reopen':
      return over && ['lead', 'supervisor', 'admin'].includes(member.role) ? null : elsewhere;
    case 'supervise':
      return over ? null : elsewhere;
  }
}

/** True when the member may see the subject unmasked: the assignee and those overseeing the unit. */
export function seesFullRecord(org: OrgIndex, member: Member, c: CaseState): boolean {
  return c.assignee === member.name || oversees(org, member, c.unit);
}

export type Transition =
  | { kind: 'acknowledge' }
  /** A final outcome: the case is resolved. */
  | { kind: 'resolve'; implicitAck: boolean }
  /** An attempt (unreachable/refused on urgent or high): recorded, the case stays open. */
  | { kind: 'attempt'; implicitAck: boolean }
  | { kind: 'reassign' }
  | { kind: 'supervise' }
  | { kind: 'cancel' }
  /** 更正: the latest outcome is replaced by a new one of the same kind (final or attempt). */
  | { kind: 'correct' }
  /** 重办: a resolved case goes back to dispatched with fresh deadlines. */
  | { kind: 'reopen' };

/** Attempts, not closure, on urgent and high cases (DESIGN.md "The case"). */
export function isAttempt(level: Level, result: Result): boolean {
  return (result === 'unreachable' || result === 'refused') && (level === 'urgent' || level === 'high');
}

/**
 * The transition a command causes, or why it cannot happen in this state.
 * @example decide(c, { kind: 'ack' }) // { ok: true, transition: { kind: 'acknowledge' } }
 */
export function decide(
  c: CaseState,
  command: { kind: 'ack' } | { kind: 'report'; result: Result } | { kind: 'reassign'; to: string } | { kind: 'supervise' } | { kind: 'cancel' } | { kind: 'correct'; result: Result; now: number } | { kind: 'reopen' },
): { ok: true; transition: Transition } | { ok: false; refusal: Refusal } {
  if (command.kind === 'reopen') return c.status === 'resolved' ? { ok: true, transition: { kind: 'reopen' } } : { ok: false, refusal: 'not_resolved' };
  if (command.kind === 'correct') {
    const last = c.lastOutcome;
    if (!last || c.status === 'cancelled') return { ok: false, refusal: 'nothing_to_correct' };
    if (command.now - last.at > CORRECTION_WINDOW_MS) return { ok: false, refusal: 'correction_too_late' };
    // A final outcome stays final and an attempt stays an attempt: closing or reopening is its own command.
    if (last.final === isAttempt(c.level, command.result)) return { ok: false, refusal: 'correction_changes_kind' };
    return { ok: true, transition: { kind: 'correct' } };
  }
  if (!OPEN.has(c.status)) return { ok: false, refusal: 'closed' };
  const acked = c.status === 'acknowledged';
  switch (command.kind) {
    case 'ack':
      return acked ? { ok: false, refusal: 'already_acknowledged' } : { ok: true, transition: { kind: 'acknowledge' } };
    case 'report':
      return { ok: true, transition: { kind: isAttempt(c.level, command.result) ? 'attempt' : 'resolve', implicitAck: !acked } };
    case 'reassign':
      return command.to === c.assignee ? { ok: false, refusal: 'same_assignee' } : { ok: true, transition: { kind: 'reassign' } };
    case 'supervise':
      return c.supervisedBy ? { ok: false, refusal: 'already_supervised' } : { ok: true, transition: { kind: 'supervise' } };
    case 'cancel':
      return { ok: true, transition: { kind: 'cancel' } };
  }
}
