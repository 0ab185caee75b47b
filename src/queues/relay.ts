/**
 * Outbox relay: moves outbox rows from SQLite to BullMQ and marks them relayed.
 *
 * Payload: the outbox row's message. Job id: the row's deterministic `jobId`.
 * Effect: one job per row on the row's queue.
 * Why running twice is harmless: BullMQ ignores an add whose id exists (completed jobs are
 * kept for an hour), and a row is re-relayed only if it was not delivered, which happens
 * after a crash between add and mark, or after Redis lost the job.
 */
import type { Queue } from 'bullmq';
import type { Log } from '../log.js';
import type { Db } from '../store/db.js';
import { markRelayed, pendingOutbox } from '../store/outbox.js';

export interface Relay {
  /** Relays what is pending now; concurrent calls coalesce. */
  kick(): Promise<void>;
  /** Relays every undelivered row at once: Redis lost our jobs (flush, restart without persistence). */
  relayAllUndelivered(): Promise<void>;
  start(sweepEveryMs: number): void;
  stop(): Promise<void>;
}

/** Rows relayed but undelivered for this long are relayed again (Redis may have lost them). */
const RERELAY_AFTER_MS = 5 * 60_000;

export function createRelay(db: Db, queueFor: (name: string) => Queue, log: Log, now: () => number = Date.now): Relay {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  let forceAll = false;
  const once = async () => {
    // Rows relayed in this pass get relayedAt >= cutoff, so they are not picked up again.
    const cutoff = forceAll ? now() : now() - RERELAY_AFTER_MS;
    for (;;) {
      const rows = pendingOutbox(db, cutoff);
      if (rows.length === 0) return;
      const byQueue = new Map<string, typeof rows>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      for (const [name, list] of byQueue) {
        await queueFor(name).addBulk(
          list.map((r) => ({ name: 'message', data: { ...r.payload, outboxId: r.id }, opts: { jobId: r.jobId, priority: r.priority } })),
        );
      }
      markRelayed(db, rows.map((r) => r.id), now());
      log.debug({ count: rows.length }, 'relayed outbox rows');
      if (rows.length < 500) return;
    }
  };

  const kick = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await once();
        } while (again);
      } catch (err) {
        log.warn({ err }, 'outbox relay failed; will retry on the next sweep');
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    kick,
    async relayAllUndelivered() {
      await running;
      forceAll = true;
      try {
        await kick();
      } finally {
        forceAll = false;
      }
    },
    start(sweepEveryMs) {
      timer = setInterval(() => void kick(), sweepEveryMs);
      timer.unref();
      void kick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
