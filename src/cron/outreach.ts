/**
 * The outreach clock: the daily reminder at `outreach.remindAt` and the weekly ranking on
 * `outreach.ranking`, both in the profile's zone (node-cron). A ranking missed while the service
 * was down is posted once at the next start (the latest one only; older ones are stale news).
 * A missed reminder is not sent late: reminding at midnight helps nobody.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Core } from '../core/index.js';
import type { Log } from '../log.js';

export interface OutreachClockOptions {
  /** Local time HH:mm, or null for no reminder. */
  remindAt: string | null;
  /** Cron expression of the weekly ranking, or null for none. */
  ranking: string | null;
}

export function createOutreachClock(core: Pick<Core, 'outreach' | 'ctx'>, log: Log, o: OutreachClockOptions) {
  const clockLog = log.child({ module: 'cron.outreach' });
  const tasks: ScheduledTask[] = [];
  const timezone = core.ctx.timezone;
  const guard = (what: string, fn: () => void) => () => {
    try {
      fn();
    } catch (err) {
      clockLog.error({ err, what }, 'scheduled outreach task failed');
    }
  };
  const rankingTick = () => {
    if (o.ranking) core.outreach.catchUpRanking(o.ranking);
  };
  return {
    start() {
      if (o.remindAt) {
        const [h, m] = o.remindAt.split(':').map(Number);
        tasks.push(cron.schedule(`${m} ${h} * * *`, guard('reminder', () => core.outreach.remind()), { timezone, name: 'outreach-reminder' }));
      }
      if (o.ranking) {
        guard('ranking', rankingTick)();
        tasks.push(cron.schedule(o.ranking, guard('ranking', rankingTick), { timezone, name: 'outreach-ranking' }));
      }
    },
    async stop() {
      for (const t of tasks) {
        await t.stop();
        await t.destroy();
      }
    },
  };
}
