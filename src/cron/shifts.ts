/**
 * The shift clock: node-cron fires at each boundary of `shifts.boundaries` in the profile's
 * time zone, and every tick (plus start-up and a minute check, for a blocked or sleeping
 * process) runs core's catch-up, which closes each missed boundary once (NOTES.md "node-cron").
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Core } from '../core/index.js';
import type { Log } from '../log.js';

export interface ShiftClock {
  start(): void;
  stop(): Promise<void>;
}

export function createShiftClock(core: Pick<Core, 'shifts' | 'ctx'>, log: Log, checkEveryMs = 60_000): ShiftClock {
  const clockLog = log.child({ module: 'cron.shifts' });
  let task: ScheduledTask | null = null;
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    try {
      const closed = core.shifts.catchUp();
      if (closed.length) clockLog.info({ closed: closed.length }, 'shifts closed');
    } catch (err) {
      clockLog.error({ err }, 'closing shifts failed; will retry on the next tick');
    }
  };
  return {
    start() {
      tick();
      task = cron.schedule(core.ctx.boundaries, tick, { timezone: core.ctx.timezone, noOverlap: true, name: 'shift-boundaries' });
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
