/**
 * What the WeCom and DingTalk gateways share: the `inbound` job every message becomes (the
 * same job id and options as the Wechaty gateway's), the error of a message that can never go
 * through a channel, and error text that never carries a URL. The outbound side is issue 17's
 * channel worker (src/chat/channels.ts): budgets, once-only claims, digests, delivery reports.
 */
import { Queue, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChatIn } from '../domain/messages.js';
import { INBOUND_QUEUE, jobIds } from '../wire/names.js';
import type { RedisErrorReport } from '../wire/redis-outage.js';

/** A message that can never be sent through this channel (unbound member, unknown room): given up at once. */
export class Unsendable extends UnrecoverableError {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnrecoverableError';
  }
}

/** Adds messages to the `inbound` queue as the Wechaty gateway does (job id `in-<botId>-<messageId>`). */
export function inboundSink(d: { connection: Redis; prefix: string; botId: string }, redisError: RedisErrorReport, source: string) {
  const queue = new Queue(INBOUND_QUEUE, { connection: d.connection, prefix: d.prefix });
  queue.on('error', (err) => redisError(source, err));
  return {
    add: (chat: ChatIn) =>
      queue.add('message', chat, { jobId: jobIds.inbound(d.botId, chat.messageId), removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 }, attempts: 10, backoff: { type: 'exponential', delay: 500 } }),
    close: () => queue.close(),
  };
}

/** Error text of a platform call that never carries the URL (its query holds keys and tokens). */
export function callError(what: string, err: unknown): Error {
  const e = err as Error & { cause?: { code?: string } };
  return new Error(`${what}: ${e.cause?.code ?? e.name ?? 'error'}`);
}

/** Both platforms' robots take 20 messages a minute: an account's per-minute budget never exceeds it. */
export const ROBOT_PER_MINUTE = 20;
