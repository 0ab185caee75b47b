/**
 * The outreach clock: the daily reminder at `outreach.remindAt` and the weekly ranking on
 * `outreach.ranking`, both in the profile's zone (node-cron). A ranking missed while the service
 * was down is posted once at the next start (the latest one only; older ones are stale news).
 * A missed reminder is not sent late: reminding at midnight helps nobody.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { postRanking, remindUnlogged, type OutreachScheduleDeps } from '../core/outreach-schedule.js';
import { boundariesBetween, lastBoundary } from '../domain/shifts.js';
import { readMeta, writeMeta } from '../store/summaries.js';

export interface OutreachClockOptions {
  /** Local time HH:mm, or null for no reminder. */
  remindAt: string | null;
  /** Cron expression of the weekly ranking, or null for none. */
  ranking: string | null;
}

const LAST_RANKING_KEY = 'outreach.lastRanking';

export function createOutreachClock(deps: OutreachScheduleDeps, o: OutreachClockOptions) {
  const log = deps.log.child({ module: 'cron.outreach' });
  const tasks: ScheduledTask[] = [];
  const guard = (what: string, fn: () => void) => () => {
    try {
      fn();
    } catch (err) {
      log.error({ err, what }, 'scheduled outreach task failed');
    }
  };
  const rankingTick = () => {
    if (!o.ranking) return;
    const now = deps.now();
    const stored = readMeta(deps.db, LAST_RANKING_KEY);
    if (stored === null) {
      writeMeta(deps.db, LAST_RANKING_KEY, String(lastBoundary(o.ranking, now, deps.timezone)), now);
      return;
    }
    const due = boundariesBetween(o.ranking, Number(stored), now, deps.timezone);
    const latest = due.at(-1);
    if (latest === undefined) return;
    postRanking(deps, latest);
    writeMeta(deps.db, LAST_RANKING_KEY, String(latest), now);
  };
  return {
    start() {
      if (o.remindAt) {
        const [h, m] = o.remindAt.split(':').map(Number);
        tasks.push(cron.schedule(`${m} ${h} * * *`, guard('reminder', () => remindUnlogged(deps)), { timezone: deps.timezone, name: 'outreach-reminder' }));
      }
      if (o.ranking) {
        guard('ranking', rankingTick)();
        tasks.push(cron.schedule(o.ranking, guard('ranking', rankingTick), { timezone: deps.timezone, name: 'outreach-ranking' }));
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
