/**
 * Escalation timers as BullMQ delayed jobs, rebuilt from SQLite whenever Redis may have lost
 * them (start-up, reconnect, and a sweep that notices a flush) — never a polling loop.
 *
 * Payload: `{ caseId, version }`. Job id: `deadline-<caseId>-v<version>` (no colon; the case
 * version changes with every change of the case and every fired step, so an id is never reused
 * for a different deadline). Effect: `fireDeadline` — one escalation step.
 * Why running twice is harmless: the handler re-reads the case and does nothing unless the
 * version still matches and the step is due; completed jobs are removed so a lost timer can
 * always be re-added.
 */
import { DelayedError, Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Core } from '../core/index.js';
import type { Log } from '../log.js';
import { reclaimActive } from '../wire/reclaim.js';
import { logRedisErrors, type RedisErrorReport } from '../wire/redis-outage.js';
import { closeBounded } from '../wire/close.js';

export const DEADLINES_QUEUE = 'deadlines';
export const deadlineJobId = (caseId: string, version: number) => `deadline-${caseId}-v${version}`;

export interface TimersOptions {
  /** The deadlines as SQLite holds them (through core). */
  deadlines: Core['timers'];
  connection: Redis;
  prefix: string;
  log: Log;
  now: () => number;
  fire: Core['fireDeadline'];
  /** How often to check that Redis still holds our timers (ms). */
  sweepEveryMs: number;
  /** Where the queue's and worker's error events go (the service's outage tracker). */
  redisError?: RedisErrorReport;
  /** Called when Redis is found to have lost our keys (the outbox relays everything again). */
  onRedisLost?: () => void;
}

export interface Timers {
  /** Arms the timer of each case's current next deadline (after a commit). */
  schedule(caseIds: string[]): Promise<void>;
  /** Re-adds the timer of every open case from SQLite; returns how many. */
  reconcileAll(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const CHUNK = 1000;
const PAGE = 5000;
/** A deadline this far in the past without having fired means its job was lost. */
const OVERDUE_GRACE_MS = 1500;

interface Armed {
  id: string;
  version: number;
  nextDeadlineAt: number | null;
}

export function createTimers(o: TimersOptions): Timers {
  const log = o.log.child({ module: 'queues.deadlines' });
  const queue = new Queue(DEADLINES_QUEUE, {
    connection: o.connection as ConnectionOptions,
    prefix: o.prefix,
    defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: 86_400 }, attempts: 5, backoff: { type: 'exponential', delay: 200 } },
  });
  const redisError = o.redisError ?? logRedisErrors(log);
  queue.on('error', (err) => redisError('queues.deadlines', err));
  const sentinel = `${o.prefix}:${DEADLINES_QUEUE}:reconciled`;
  let worker: Worker | null = null;
  let timer: NodeJS.Timeout | null = null;
  let reconciling: Promise<number> | null = null;
  const pending = new Set<string>();
  let queued: Promise<void> | null = null;
  let flushing: Promise<void> = Promise.resolve();

  // A fresh builder each time: drizzle builders are not reusable across queries.

  async function arm(rows: Armed[]): Promise<void> {
    const now = o.now();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const jobs = rows
        .slice(i, i + CHUNK)
        .filter((r) => r.nextDeadlineAt !== null)
        .map((r) => ({ name: 'deadline', data: { caseId: r.id, version: r.version }, opts: { jobId: deadlineJobId(r.id, r.version), delay: Math.max(0, r.nextDeadlineAt! - now) } }));
      if (jobs.length) await queue.addBulk(jobs);
    }
  }

  /** Arms the current timer of each changed case (removing its previous version's). */
  async function armChanged(caseIds: string[]): Promise<void> {
    for (let i = 0; i < caseIds.length; i += CHUNK) {
      const ids = caseIds.slice(i, i + CHUNK);
      try {
        const changed = o.deadlines.versions(ids);
        const rows = o.deadlines.current(ids);
        // Every change bumps the version by one, so the timer it replaces is the previous
        // version's. Remove it (a fire would find it stale anyway; NOTES: do not trust removal).
        // A new case (version 1) has no previous timer: no round trip for it.
        await Promise.all(changed.filter((r) => r.version > 1).map((r) => queue.remove(deadlineJobId(r.id, r.version - 1)).catch(() => 0)));
        await arm(rows);
      } catch (err) {
        // SQLite holds the deadline; the sweep or the next reconnect re-arms it.
        log.warn({ err: (err as Error).message, cases: ids.length }, 'cannot arm timers now');
      }
    }
  }

  async function reconcileAll(): Promise<number> {
    if (reconciling) return reconciling;
    reconciling = (async () => {
      // Page through open cases by id so 100,000 of them never sit in memory at once.
      let count = 0;
      for (let after = ''; ; ) {
        const page = o.deadlines.openAfter(after, PAGE);
        if (page.length === 0) break;
        await arm(page);
        count += page.length;
        after = page.at(-1)!.id;
      }
      await o.connection.set(sentinel, String(o.now()));
      log.info({ cases: count }, 'escalation timers reconciled from SQLite');
      return count;
    })().finally(() => {
      reconciling = null;
    });
    return reconciling;
  }

  /**
   * A job that failed all its attempts is kept (for a day) and blocks its id: re-adding it is a
   * no-op (NOTES.md), so the case would never escalate. Remove such a job so arm() re-adds it.
   */
  async function rearmFailed(rows: Armed[]): Promise<void> {
    for (const r of rows) {
      const id = deadlineJobId(r.id, r.version);
      const state = await queue.getJobState(id);
      if (state !== 'failed') continue;
      await queue.remove(id);
      log.warn({ caseId: r.id, jobId: id }, 'escalation timer had failed; re-armed');
    }
  }

  // While Redis is away each sweep's commands wait in the offline queue: without this, every
  // second of the outage became one more sweep that found the timers lost when it came back.
  let sweeping: Promise<void> | null = null;
  const sweep = (): Promise<void> => (sweeping ??= sweepOnce().finally(() => (sweeping = null)));

  async function sweepOnce(): Promise<void> {
    try {
      // A flush or a restart of Redis without persistence removes the sentinel with our jobs.
      if (!(await o.connection.exists(sentinel))) {
        log.warn('Redis lost the escalation timers; rebuilding them from SQLite');
        o.onRedisLost?.();
        await reconcileAll();
        return;
      }
      const overdue = o.deadlines.overdue(o.now() - OVERDUE_GRACE_MS);
      if (overdue.length) {
        await rearmFailed(overdue);
        await arm(overdue);
      }
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'timer sweep failed; will retry');
    }
  }

  return {
    schedule(caseIds) {
      if (caseIds.length === 0) return Promise.resolve();
      // Requests that commit while a flush is in flight are armed together by the next one:
      // one read and one addBulk for many cases instead of one each.
      for (const id of caseIds) pending.add(id);
      return (queued ??= (async () => {
        await flushing;
        queued = null;
        const ids = [...pending];
        pending.clear();
        flushing = armChanged(ids);
        await flushing;
      })());
    },
    reconcileAll,
    async start() {
      worker = new Worker(
        DEADLINES_QUEUE,
        async (job, token) => {
          const { caseId, version } = job.data as { caseId: string; version: number };
          const result = o.fire(caseId, version);
          if (result === 'early') {
            const row = o.deadlines.current([caseId])[0];
            if (row?.nextDeadlineAt && row.version === version) {
              await job.moveToDelayed(row.nextDeadlineAt, token);
              throw new DelayedError();
            }
          }
          if (result === 'fired' || result === 'done') {
            const row = o.deadlines.current([caseId])[0];
            if (row) await arm([row]);
          }
          return result;
        },
        { connection: o.connection as ConnectionOptions, prefix: o.prefix, concurrency: 8, autorun: false },
      );
      worker.on('failed', (job, err) => log.error({ jobId: job?.id, err: err.message }, 'escalation step failed'));
      worker.on('error', (err) => redisError('queues.deadlines', err));
      await reclaimActive(queue, log);
      await reconcileAll();
      void worker.run();
      timer = setInterval(() => void sweep(), o.sweepEveryMs);
      timer.unref();
      // After a reconnect: a Redis that kept its data still has the sentinel, and only overdue
      // timers are re-armed; one that lost it (restart without persistence) gets everything back.
      o.connection.on('ready', () => void sweep());
    },
    async stop() {
      if (timer) clearInterval(timer);
      await closeBounded(worker);
      await reconciling?.catch(() => {});
      await closeBounded(queue);
    },
  };
}
