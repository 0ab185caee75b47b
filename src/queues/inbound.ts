/**
 * Inbound worker: chat messages seen by any gateway, handled by the core.
 *
 * Payload: a ChatIn (plain message data). Job id: `in-<botId>-<messageId>`.
 * Effect: the conversation use case (state change + replies in one SQLite transaction).
 * Why running twice is harmless: the message id is recorded in `inbound_messages` in that
 * same transaction, so a second run finds it processed and does nothing.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChatIn } from '../domain/messages.js';
import type { Log } from '../log.js';
import { INBOUND_QUEUE } from '../wire/names.js';
import { reclaimActive } from '../wire/reclaim.js';
import { logRedisErrors, type RedisErrorReport } from '../wire/redis-outage.js';
import { closeBounded } from '../wire/close.js';

/**
 * The inbound consumer as a service: on start, jobs a crashed process left active are taken
 * back (this process is the only consumer), then the worker runs.
 */
export function createInbound(connection: Redis, prefix: string, handle: (msg: ChatIn) => unknown, log: Log, redisError: RedisErrorReport = logRedisErrors(log)) {
  const worker = createInboundWorker(connection, prefix, handle, log, redisError);
  return {
    name: 'inbound',
    async start() {
      const queue = new Queue(INBOUND_QUEUE, { connection, prefix });
      queue.on('error', (err) => redisError('queues.inbound', err));
      await reclaimActive(queue, log).finally(() => queue.close());
      void worker.run();
    },
    stop: () => closeBounded(worker),
  };
}

export function createInboundWorker(connection: ConnectionOptions, prefix: string, handle: (msg: ChatIn) => unknown, log: Log, redisError: RedisErrorReport = logRedisErrors(log)): Worker {
  const worker = new Worker(
    INBOUND_QUEUE,
    async (job) => {
      await handle(job.data as ChatIn);
    },
    { connection, prefix, concurrency: 1, autorun: false },
  );
  worker.on('failed', (job, err) => log.error({ jobId: job?.id, err }, 'inbound message failed'));
  worker.on('error', (err) => redisError('queues.inbound', err));
  return worker;
}
