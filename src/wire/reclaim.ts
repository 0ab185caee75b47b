/**
 * Jobs a crashed process left active are taken back at start-up.
 *
 * BullMQ notices a dead worker only through stalled-job detection: the job's lock must expire
 * (30 s) and two stalled checks must pass, so after a SIGKILL the message being sent arrived
 * 60–75 s late. Each of our queues has exactly one consuming process (core for `inbound` and
 * `deadlines`, the account's gateway for `outbound-<botId>`), so whatever is active when that
 * process starts belongs to a process that is gone. Moving it back to waiting with token "0"
 * (BullMQ's own "no lock check") puts it in front of jobs of the same priority, so an urgent
 * group dispatch interrupted by the crash still goes out before the private record behind it.
 * Why running it twice is harmless: a job that is no longer active is left alone.
 */
import type { Queue } from 'bullmq';
import type { Log } from '../log.js';

/** Moves every active job of `queue` back to waiting; call before this process's worker runs. */
export async function reclaimActive(queue: Queue, log: Log): Promise<number> {
  const active = await queue.getJobs(['active']);
  let moved = 0;
  for (const job of active) {
    if ((await job.moveToWait('0')) >= 0 && (await job.getState()) !== 'active') moved++;
  }
  if (moved) log.warn({ queue: queue.name, jobs: moved }, 'took back jobs a stopped process left active');
  return moved;
}
