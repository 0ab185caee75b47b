/** Awaiting escalation timers by their BullMQ events (never by sleeping). */
import { QueueEvents } from 'bullmq';
import { DEADLINES_QUEUE } from '../../src/queues/deadlines.js';
import { TEST_REDIS_URL } from './env.js';

/** Resolves with the return value of the deadline job `jobId` once it completes (history included). */
export async function deadlineOutcome(prefix: string, jobId: string, timeoutMs = 15_000): Promise<string> {
  const events = new QueueEvents(DEADLINES_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix, lastEventId: '0-0' });
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`deadline job ${jobId} did not complete within ${timeoutMs} ms`)), timeoutMs);
      events.on('completed', ({ jobId: id, returnvalue }) => {
        if (id !== jobId) return;
        clearTimeout(timer);
        resolve(String(returnvalue));
      });
    });
  } finally {
    await events.close();
  }
}
