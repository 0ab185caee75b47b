/**
 * The BullMQ queues core's outbox feeds, one per name, on the process's Redis connection.
 * The logical queue `outbound` (what core writes) is the bot account's `outbound-<botId>`.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { OUTBOUND } from '../store/outbox.js';
import { outboundQueue } from '../wire/names.js';
import type { RedisErrorReport } from '../wire/redis-outage.js';
import { closeBounded } from '../wire/close.js';

/** Outbound messages are retried until WeChat takes them; capped backoff (see gateway). */
const OUTBOUND_JOB_OPTIONS = {
  attempts: 100_000,
  backoff: { type: 'custom' },
  removeOnComplete: { age: 3600 },
  // A message WeChat refused for good carries its text: kept a day for diagnosis, then gone (retention).
  removeOnFail: { age: 86_400 },
} as const;

export interface Queues {
  /** The queue of a row's logical name (`outbound` → this bot's outbound queue), or a queue by its name (`outbound-<botId>`). */
  get(name: string): Queue;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string, botId: string, redisError: RedisErrorReport): Queues {
  const queues = new Map<string, Queue>();
  return {
    get(logical) {
      const name = logical === OUTBOUND ? outboundQueue(botId) : logical;
      let q = queues.get(name);
      if (!q) {
        q = new Queue(name, { connection, prefix, defaultJobOptions: OUTBOUND_JOB_OPTIONS });
        q.on('error', (err) => redisError(`queue ${name}`, err));
        queues.set(name, q);
      }
      return q;
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => closeBounded(q)));
    },
  };
}
