/**
 * The core: every use case of GridGuard over one SQLite store, one org and the ports. Adapters
 * (HTTP, chat, queues, cron, CLI) receive this object and nothing of each other; core never
 * sees a queue, a connection or the config module (STYLE.md "Core behind ports").
 */
import type { ChatIn } from '../domain/messages.js';
import type { OrgIndex } from '../domain/org.js';
import type { ShiftSummary } from '../domain/summary.js';
import { caseView, type CaseView } from '../store/cases.js';
import type { Store } from '../store/db.js';
import { currentDeadlines, openDeadlinesAfter, overdueDeadlines, versionsOf, type ArmedDeadline } from '../store/deadlines.js';
import { boundVia, markFailed, markFailedByJob, markRelayed, outboxBacklog, pendingOutbox, undeliveredUpTo, type OutboxRow } from '../store/outbox.js';
import { appendTranscript } from '../store/transcript.js';
import { syncOrg } from '../store/org.js';
import { listSummaries } from '../store/summaries.js';
import type { Org } from '../domain/types.js';
import { catchUpShifts, closeShift } from './close-shift.js';
import { handleInbound, type ConverseResult } from './converse.js';
import { isDelivered, recordDelivery } from './delivery.js';
import { fireDeadline, type FireResult } from './escalate.js';
import { intakeLeads, type IntakeOutcome } from './intake.js';
import { catchUpRanking, remindUnlogged } from './outreach-schedule.js';
import { coreContext, type CoreContext, type CoreSettings, type Ports } from './ports.js';
import { applyRetention } from './retention.js';
import { boardChangeMark, boardChartsOf, boardSnapshot } from './board.js';
import type { BoardCharts, BoardSnapshot } from '../domain/board.js';

export type { CoreContext, CoreSettings, Ports } from './ports.js';
export type { ArmedDeadline } from '../store/deadlines.js';
export type { OutboxRow } from '../store/outbox.js';

/** The outbound backlog: how many messages wait, the oldest one's age, how many were given up. */
export interface Backlog {
  waiting: number;
  oldestAgeSeconds: number;
  failed: number;
}

export interface Core {
  readonly ctx: CoreContext;
  /** `POST /api/v1/leads` and the spreadsheet import: one lead or `{ leads }`, all or nothing. */
  intake(body: unknown): IntakeOutcome;
  /** One chat message seen by a gateway. */
  handleMessage(msg: ChatIn): ConverseResult;
  /** A case's deadline timer fired. */
  fireDeadline(caseId: string, version: number): FireResult;
  timers: {
    openAfter(after: string, limit: number): ArmedDeadline[];
    overdue(before: number): ArmedDeadline[];
    current(caseIds: string[]): ArmedDeadline[];
    versions(caseIds: string[]): { id: string; version: number }[];
  };
  outbox: {
    pending(staleBefore: number, limit?: number): OutboxRow[];
    relayed(ids: number[]): void;
    refused(id: number, reason: string): void;
    /** `sentBy`: the account that sent it (a backup account during a failover). */
    delivered(jobId: string, sentBy?: string | null): void;
    /** Undelivered rows of `maxPriority` or more urgent (a down account's backup carries them). */
    undeliveredUpTo(maxPriority: number): OutboxRow[];
    /** The account each member bound through, for those bound through one. */
    boundVia(names: string[]): Map<string, string>;
    /** A bot message a gateway in another process sent in the sandbox: into the transcript. */
    transcribe(m: { at: number; room: string | null; from: string; to: string | null; text: string; messageId: string; bot: string }): void;
    isDelivered(jobId: string): boolean;
    givenUp(jobId: string, reason: string): void;
    backlog(): Backlog;
  };
  shifts: { catchUp(): number[]; closeNow(): Map<string, ShiftSummary> };
  outreach: { remind(): number; catchUpRanking(cron: string): number | null };
  retention(): { cases: number; outbox: number };
  caseView(caseId: string): CaseView | null;
  summaries(unit: string, from: number, to: number): ShiftSummary[];
  /** The live case board of a unit and its subtree (null for an unknown unit) and its change mark. */
  board: { snapshot(unit: string): BoardSnapshot | null; charts(unit: string): BoardCharts | null; changeMark(): string };
  /** Null when SQLite answers, else the problem. */
  storeProblem(): string | null;
}

/**
 * Builds the core. Syncs the org into SQLite first (idempotent).
 * @example const core = createCore(store, indexOrg(profile.org), settings, ports); core.intake(body)
 */
export function createCore(store: Store, org: OrgIndex, settings: CoreSettings, ports: Ports, profileOrg: Org = org.org): Core {
  syncOrg(store.db, profileOrg);
  const ctx = coreContext(store.db, org, settings, ports);
  const { db } = store;
  return {
    ctx,
    intake: (body) => intakeLeads(ctx, body),
    handleMessage: (msg) => handleInbound(ctx, msg),
    fireDeadline: (caseId, version) => fireDeadline(ctx, caseId, version),
    timers: {
      openAfter: (after, limit) => openDeadlinesAfter(db, after, limit),
      overdue: (before) => overdueDeadlines(db, before),
      current: (ids) => currentDeadlines(db, ids),
      versions: (ids) => versionsOf(db, ids),
    },
    outbox: {
      pending: (staleBefore, limit) => pendingOutbox(db, staleBefore, limit),
      relayed: (ids) => markRelayed(db, ids, ctx.now()),
      refused: (id, reason) => markFailed(db, id, reason, ctx.now()),
      delivered: (jobId, sentBy = null) => recordDelivery(db, settings.botName, jobId, ctx.now(), sentBy),
      undeliveredUpTo: (maxPriority) => undeliveredUpTo(db, maxPriority),
      boundVia: (names) => boundVia(db, names),
      transcribe: (m) => void appendTranscript(db, m),
      isDelivered: (jobId) => isDelivered(db, jobId),
      givenUp: (jobId, reason) => markFailedByJob(db, jobId, reason, ctx.now()),
      backlog: () => {
        const b = outboxBacklog(db);
        return { waiting: b.waiting, oldestAgeSeconds: b.oldestCreatedAt === null ? 0 : Math.max(0, Math.round((ctx.now() - b.oldestCreatedAt) / 1000)), failed: b.failed };
      },
    },
    shifts: { catchUp: () => catchUpShifts(ctx), closeNow: () => closeShift(ctx, ctx.now()) },
    outreach: { remind: () => remindUnlogged(ctx), catchUpRanking: (cron) => catchUpRanking(ctx, cron) },
    retention: () => applyRetention(ctx),
    caseView: (caseId) => caseView(db, caseId),
    summaries: (unit, from, to) => listSummaries(db, unit, from, to),
    board: { snapshot: (unit) => boardSnapshot(ctx, unit), charts: (unit) => boardChartsOf(ctx, unit), changeMark: () => boardChangeMark(ctx) },
    storeProblem: () => {
      try {
        store.sqlite.prepare('select 1').get();
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    },
  };
}
