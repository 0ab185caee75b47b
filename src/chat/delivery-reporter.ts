/**
 * How a gateway tells core what reached WeChat (issue 17). Core alone writes SQLite: a gateway
 * in core's process calls core's outbox directly (as before: the record is written before the
 * next send); a gateway on another machine adds a job to the `deliveries` queue, which core
 * consumes (src/queues/deliveries.ts). Either way a report that cannot be written now (SQLite
 * busy, Redis away) is kept and written again, and the message is never sent again meanwhile
 * (the Redis claim says it was sent).
 *
 * Payload: a DeliveryReport. Job id: `dl-<outcome>-<jobId>`. Why adding it twice is harmless:
 * the id makes it one job, and recording a delivered row again changes nothing.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Core } from '../core/index.js';
import type { Log } from '../log.js';
import type { DeliveryReport } from '../wire/accounts.js';
import { DELIVERIES_QUEUE, jobIds } from '../wire/names.js';
import type { RedisErrorReport } from '../wire/redis-outage.js';
import type { DeliveryReporter } from './send-control.js';
import { closeBounded } from '../wire/close.js';

/** Retries what could not be written, every `everyMs`, until it is. */
function withRetry(write: (r: DeliveryReport) => Promise<void> | void, log: Log, everyMs = 250): DeliveryReporter & { held: Map<string, DeliveryReport> } {
  const held = new Map<string, DeliveryReport>();
  const attempt = async (r: DeliveryReport) => {
    try {
      await write(r);
      held.delete(`${r.outcome}-${r.jobId}`);
    } catch (err) {
      if (!held.has(`${r.outcome}-${r.jobId}`)) log.warn({ jobId: r.jobId, err: (err as Error).message }, 'delivery not recorded yet; will retry');
      held.set(`${r.outcome}-${r.jobId}`, r);
    }
  };
  let flushing = false;
  const flush = async () => {
    if (flushing) return;
    flushing = true;
    try {
      for (const r of [...held.values()]) await attempt(r);
    } finally {
      flushing = false;
    }
  };
  const timer = setInterval(() => void flush(), everyMs);
  timer.unref();
  return {
    held,
    report: (r) => void attempt(r),
    isDelivered: (jobId) => held.has(`sent-${jobId}`),
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** In core's process: the report is the SQLite record itself. */
export function directReporter(outbox: Pick<Core['outbox'], 'delivered' | 'isDelivered' | 'givenUp'>, log: Log): DeliveryReporter {
  const r = withRetry((rep) => {
    if (rep.outcome === 'sent') outbox.delivered(rep.jobId, rep.bot);
    // A backup account's copy that cannot be sent leaves the original to its own account.
    else if (!rep.failover) outbox.givenUp(rep.jobId, rep.reason ?? 'given up');
  }, log);
  return { ...r, isDelivered: (jobId) => r.held.has(`sent-${jobId}`) || outbox.isDelivered(jobId) };
}

/** On another machine: the report goes to core through the `deliveries` queue. */
export function queueReporter(connection: Redis, prefix: string, log: Log, redisError: RedisErrorReport): DeliveryReporter {
  const queue = new Queue(DELIVERIES_QUEUE, { connection, prefix });
  queue.on('error', (err) => redisError('chat.deliveries', err));
  const r = withRetry(async (rep) => {
    await queue.add('delivery', rep, { jobId: jobIds.delivery(rep.jobId, rep.outcome), removeOnComplete: true, removeOnFail: { age: 86_400 }, attempts: 1000, backoff: { type: 'exponential', delay: 500 } });
  }, log);
  return {
    ...r,
    async close() {
      await r.close();
      await closeBounded(queue);
    },
  };
}
