/**
 * What core needs from the outside, and the one context every use case runs in. Core never
 * sees a queue name, a Redis connection or the config module: adapters give it these ports,
 * and `app.ts` wires them (STYLE.md "Core behind ports").
 */
import type { EscalationPolicy } from '../domain/escalation.js';
import type { OrgIndex } from '../domain/org.js';
import type { Level } from '../domain/types.js';
import type { Log } from '../log.js';
import type { Db } from '../store/db.js';
import type { RostersConfig } from '../profile-rosters.js';
import { createDutySource, type DutySource } from './duty.js';

/**
 * The outside world as core sees it.
 * @example const ports: Ports = { now: Date.now, random: Math.random, log, outboxWritten: () => relay.kick(), timersChanged: (ids) => timers.schedule(ids) }
 */
export interface Ports {
  /** The clock: every time core writes or compares comes from here (tests pin it). */
  now: () => number;
  /** Randomness for case ids (tests pin it). */
  random: () => number;
  log: Log;
  /** A commit wrote outbox rows: the relay should move them to the bot's queue now. */
  outboxWritten: () => void;
  /** A commit changed these cases' next deadlines: their timers must follow. */
  timersChanged: (caseIds: string[]) => void;
}

/**
 * The parts of the profile core uses (config types are structurally compatible).
 * @example const s: CoreSettings = { timezone: 'Asia/Shanghai', policy, boundaries: '0 8,20 * * *', botName: '网格哨兵', remindWeekends: false, personalDataForMs: 180 * 86_400_000 }
 */
export interface CoreSettings {
  timezone: string;
  policy: Record<Level, EscalationPolicy>;
  /** Cron of the shift boundaries. */
  boundaries: string;
  /** The bot's display name (a quote of it is a quote of the bot). */
  botName: string;
  remindWeekends: boolean;
  personalDataForMs: number;
  /** Duty rosters (the profile's `rosters`); absent or null: routing ignores duty. */
  rosters?: RostersConfig | null;
}

/**
 * The context of every use case: the database, the org, the settings, and the ports, flat so
 * that a use case reads `ctx.now()` or `ctx.policy`.
 */
export interface CoreContext extends CoreSettings {
  db: Db;
  org: OrgIndex;
  log: Log;
  now: () => number;
  random: () => number;
  /** Called after a commit that wrote outbox rows. */
  afterCommit: () => void;
  /** Called after a commit that changed cases (timers follow them). */
  onCaseChanged: (caseIds: string[]) => void;
  /** Who is on duty (rosters and dated changes; src/core/duty.ts). */
  duty: DutySource;
}

/** Builds the flat context from its parts. */
export function coreContext(db: Db, org: OrgIndex, settings: CoreSettings, ports: Ports): CoreContext {
  const duty = createDutySource(db, settings.rosters ?? null, settings.timezone, ports.now);
  return { ...settings, db, org, log: ports.log, now: ports.now, random: ports.random, afterCommit: ports.outboxWritten, onCaseChanged: ports.timersChanged, duty };
}
