/**
 * Delivery reports from gateways in other processes (issue 17): core records them in SQLite,
 * the single writer.
 *
 * Payload: a DeliveryReport (`jobId`, `outcome`, `bot`, `at`, maybe `failover`, `digestOf`,
 * `transcript`). Job id: `dl-<outcome>-<jobId>`. Effect: the outbox row marked delivered (with
 * the account that sent it) or failed; in the sandbox, the bot's message in the transcript.
 * Why running twice is harmless: a delivered row is not marked again, a transcript row is kept
 * once per message id, and a failed mark never touches a delivered row.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Core } from '../core/index.js';
import type { Log } from '../log.js';
import type { DeliveryReport } from '../wire/accounts.js';
import { DELIVERIES_QUEUE } from '../wire/names.js';
import { reclaimActive } from '../wire/reclaim.js';
import { logRedisErrors, type RedisErrorReport } from '../wire/redis-outage.js';
import { closeBounded } from '../wire/close.js';

export interface DeliveriesOptions {
  connection: ConnectionOptions;
  prefix: string;
  outbox: Pick<Core['outbox'], 'delivered' | 'givenUp' | 'transcribe'>;
  /** Display name of each account (the transcript's `from`). */
  nameOf: (botId: string) => string;
  log: Log;
  /** Told after a report is recorded (the account monitor removes a failed-over original). */
  recorded?: (r: DeliveryReport) => void;
  redisError?: RedisErrorReport;
}

/** Core's consumer of delivery reports, as a service. */
export function createDeliveries(o: DeliveriesOptions) {
  const redisError = o.redisError ?? logRedisErrors(o.log);
  const worker = new Worker(
    DELIVERIES_QUEUE,
    async (job) => {
      const r = job.data as DeliveryReport;
      if (r.outcome === 'sent') {
        o.outbox.delivered(r.jobId, r.bot);
        if (r.transcript) o.outbox.transcribe({ at: r.at, room: r.transcript.room, from: o.nameOf(r.bot), to: r.transcript.to, text: r.transcript.text, messageId: r.transcript.messageId, bot: r.bot });
      } else if (!r.failover) {
        o.outbox.givenUp(r.jobId, r.reason ?? 'given up');
      }
      o.recorded?.(r);
    },
    // SQLite busy: BullMQ retries the job (the report waits in Redis, never lost).
    { connection: o.connection, prefix: o.prefix, concurrency: 1, autorun: false, settings: { backoffStrategy: (n: number) => Math.min(5000, 100 * 2 ** n) } },
  );
  worker.on('failed', (job, err) => o.log.warn({ jobId: job?.id, err: err.message }, 'delivery report not recorded yet; will retry'));
  worker.on('error', (err) => redisError('queues.deliveries', err));
  return {
    name: 'deliveries',
    async start() {
      const queue = new Queue(DELIVERIES_QUEUE, { connection: o.connection, prefix: o.prefix });
      queue.on('error', (err) => redisError('queues.deliveries', err));
      await reclaimActive(queue, o.log).finally(() => queue.close());
      void worker.run();
    },
    stop: () => closeBounded(worker),
  };
}
