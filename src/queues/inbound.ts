/**
 * Inbound worker: chat messages seen by any gateway, handled by the core.
 *
 * Payload: a ChatIn (plain message data). Job id: `in-<botId>-<messageId>`.
 * Effect: the conversation use case (state change + replies in one SQLite transaction).
 * Why running twice is harmless: the message id is recorded in `inbound_messages` in that
 * same transaction, so a second run finds it processed and does nothing.
 */
import { Worker, type ConnectionOptions } from 'bullmq';
import type { ChatIn } from '../domain/messages.js';
import type { Log } from '../log.js';
import { INBOUND_QUEUE } from './names.js';

export function createInboundWorker(connection: ConnectionOptions, prefix: string, handle: (msg: ChatIn) => unknown, log: Log): Worker {
  const worker = new Worker(
    INBOUND_QUEUE,
    async (job) => {
      await handle(job.data as ChatIn);
    },
    { connection, prefix, concurrency: 1, autorun: false },
  );
  worker.on('failed', (job, err) => log.error({ jobId: job?.id, err }, 'inbound message failed'));
  worker.on('error', (err) => log.error({ err }, 'inbound worker error'));
  return worker;
}
