/**
 * Outbox relay: moves outbox rows from SQLite to BullMQ and marks them relayed.
 *
 * Payload: the outbox row's message. Job id: the row's deterministic `jobId`.
 * Effect: one job per row on the row's queue.
 * Several bot accounts (issue 17): `place` names each row's account queue, and during a failover
 * a copy on the room's backup account (`<jobId>-via-<backup>`, carrying `deliveryKey`).
 * Why running twice is harmless: BullMQ ignores an add whose id exists (completed jobs are
 * kept for an hour), and a row is re-relayed only if it was not delivered, which happens
 * after a crash between add and mark, or after Redis lost the job.
 */
import type { Queue } from 'bullmq';
import type { Log } from '../log.js';
import type { Core, OutboxRow } from '../core/index.js';
import { isConnectionError } from '../wire/redis-outage.js';

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

/**
 * @param ping answers when Redis is up (rejects otherwise): tells an outage from a refused row.
 */
export function createRelay(
  outbox: Pick<Core['outbox'], 'pending' | 'relayed' | 'refused'>,
  queueFor: (name: string) => Queue,
  log: Log,
  now: () => number = Date.now,
  ping: () => Promise<unknown> = async () => {},
  place: (rows: OutboxRow[]) => { queue: string; copy: { queue: string; jobId: string } | null }[] = (rows) => rows.map((r) => ({ queue: r.queue, copy: null })),
): Relay {
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  let forceAll = false;
  const once = async () => {
    // Rows relayed in this pass get relayedAt >= cutoff, so they are not picked up again.
    const cutoff = forceAll ? now() : now() - RERELAY_AFTER_MS;
    for (;;) {
      const rows = outbox.pending(cutoff);
      if (rows.length === 0) return;
      const placed = place(rows);
      const byQueue = new Map<string, typeof rows>();
      rows.forEach((r, i) => {
        const q = placed[i]!.queue;
        const list = byQueue.get(q);
        if (list) list.push(r);
        else byQueue.set(q, [r]);
      });
      const failed = new Set<number>();
      for (const [name, list] of byQueue) {
        for (const id of await addRows(queueFor(name), list)) failed.add(id);
      }
      // Failover copies: the original stays on its own account's queue; whichever sends first claims it.
      for (const [i, p] of placed.entries()) {
        const r = rows[i]!;
        if (p.copy && !failed.has(r.id)) await queueFor(p.copy.queue).add('message', { ...r.payload, outboxId: r.id, deliveryKey: r.jobId, failover: true }, { jobId: p.copy.jobId, priority: r.priority });
      }
      outbox.relayed(rows.filter((r) => !failed.has(r.id)).map((r) => r.id));
      log.debug({ count: rows.length }, 'relayed outbox rows');
      if (rows.length < 500) return;
    }
  };

  /**
   * Adds the rows as jobs. If the bulk add is refused while Redis answers, one row is bad
   * (e.g. a job id BullMQ will not take): rows are then added one by one and a refused one is
   * marked failed with its reason, so it never blocks the messages behind it.
   */
  async function addRows(queue: Queue, list: OutboxRow[]): Promise<number[]> {
    const job = (r: OutboxRow) => ({ name: 'message', data: { ...r.payload, outboxId: r.id }, opts: { jobId: r.jobId, priority: r.priority } });
    try {
      await queue.addBulk(list.map(job));
      return [];
    } catch (err) {
      // An outage is retried by the next sweep; only a refusal with Redis up is the row's fault.
      await ping();
      const failed: number[] = [];
      for (const r of list) {
        const j = job(r);
        try {
          await queue.add(j.name, j.data, j.opts);
        } catch (rowErr) {
          await ping();
          outbox.refused(r.id, (rowErr as Error).message);
          failed.push(r.id);
          log.error({ outboxId: r.id, jobId: r.jobId.slice(0, 80), err: (rowErr as Error).message }, 'outbox row refused by the queue; marked failed');
        }
      }
      if (!failed.length) log.warn({ err: (err as Error).message }, 'bulk relay refused, rows added one by one');
      return failed;
    }
  }

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
        // A lost Redis is told once by the service's outage tracker; a bug keeps its stack.
        if (isConnectionError(err)) log.debug({ err: (err as Error).message }, 'outbox relay waits for Redis');
        else log.warn({ err }, 'outbox relay failed; will retry on the next sweep');
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
