/** The retention clock: at start-up and every night at 03:30 in the profile's zone. */
import cron, { type ScheduledTask } from 'node-cron';
import { applyRetention, type RetentionDeps } from '../core/retention.js';

export function createRetentionClock(deps: RetentionDeps, timezone: string) {
  const log = deps.log.child({ module: 'cron.retention' });
  let task: ScheduledTask | null = null;
  const tick = () => {
    try {
      applyRetention(deps);
    } catch (err) {
      log.error({ err }, 'retention pass failed; will retry tomorrow');
    }
  };
  return {
    start() {
      tick();
      task = cron.schedule('30 3 * * *', tick, { timezone, name: 'retention' });
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
    },
  };
}
