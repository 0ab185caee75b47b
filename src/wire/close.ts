/**
 * Closing BullMQ's workers, queues and event streams when the process stops. After Redis went
 * away and came back, their close() can wait for an 'end' that a reconnected ioredis client never
 * emits (CI saw whole stops hang past 15 s, then named the part: the timers' worker, the ops event
 * stream). Nothing is lost by not waiting: a job left active is taken back at the next start
 * (wire/reclaim.ts) and SQLite is the truth. So each close gets a moment, then the stop goes on.
 */

/** How long one BullMQ object may take to close before the stop goes on without it. */
export const CLOSE_WAIT_MS = 1500;
/**
 * The same for a worker that sends: long enough for a send under way and its chat's interval.
 * Cut short, it is a crash at that moment, which the per-message claim already covers.
 */
export const SEND_CLOSE_MS = 4000;

/**
 * Closes `what`, waiting at most `ms`; never throws (a close that fails has nothing to undo).
 * @example await closeBounded(worker)
 */
export async function closeBounded(what: { close(): Promise<unknown> } | null | undefined, ms = CLOSE_WAIT_MS): Promise<void> {
  if (!what) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([what.close().then(() => undefined, () => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}
