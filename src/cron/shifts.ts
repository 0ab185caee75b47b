/**
 * The shift clock: node-cron fires at each boundary of `shifts.boundaries` in the profile's
 * time zone, and every tick (plus start-up and a minute check, for a blocked or sleeping
 * process) runs the catch-up, which closes each missed boundary once (NOTES.md "node-cron").
 */
import cron, { type ScheduledTask } from 'node-cron';
import { catchUpShifts, type ShiftDeps } from '../core/close-shift.js';

export interface ShiftClock {
  start(): void;
  stop(): Promise<void>;
}

export function createShiftClock(deps: ShiftDeps, checkEveryMs = 60_000): ShiftClock {
  const log = deps.log.child({ module: 'cron.shifts' });
  let task: ScheduledTask | null = null;
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    try {
      const closed = catchUpShifts(deps);
      if (closed.length) log.info({ closed: closed.length }, 'shifts closed');
    } catch (err) {
      log.error({ err }, 'closing shifts failed; will retry on the next tick');
    }
  };
  return {
    start() {
      tick();
      task = cron.schedule(deps.boundaries, tick, { timezone: deps.timezone, noOverlap: true, name: 'shift-boundaries' });
      timer = setInterval(tick, checkEveryMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await task?.stop();
      await task?.destroy();
    },
  };
}
