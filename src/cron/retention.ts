/** The retention clock: at start-up and every night at 03:30 in the profile's zone. */
import cron, { type ScheduledTask } from 'node-cron';
import type { Core } from '../core/index.js';
import type { Log } from '../log.js';

export function createRetentionClock(core: Pick<Core, 'retention' | 'ctx'>, log: Log) {
  const clockLog = log.child({ module: 'cron.retention' });
  let task: ScheduledTask | null = null;
  const tick = () => {
    try {
      core.retention();
    } catch (err) {
      clockLog.error({ err }, 'retention pass failed; will retry tomorrow');
    }
  };
  return {
    start() {
      tick();
      task = cron.schedule('30 3 * * *', tick, { timezone: core.ctx.timezone, name: 'retention' });
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
    },
  };
}
