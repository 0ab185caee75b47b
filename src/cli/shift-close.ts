/**
 * `gridguard shift close`: compiles the current shift now (from its last boundary until this
 * moment) and posts each supervision room its 交接班 report, as the boundary would. For
 * training (bots/training.yaml): a trainer shows the report without waiting for 08:00 or
 * 20:00. The running service sends the messages within seconds (its relay reads the outbox).
 */
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { openCore } from './core.js';

export function runShiftClose(config: Config, log: Log, now = Date.now()): string {
  const { core, store } = openCore(config, log, () => now);
  try {
    const summaries = core.shifts.closeNow();
    const rooms = config.profile.org.rooms.filter((r) => r.purpose === 'supervision' && summaries.has(r.unit)).length;
    return `shift closed at ${new Date(now).toISOString()}: ${summaries.size} units compiled, ${rooms} 交接班 report(s) queued for the supervision rooms`;
  } finally {
    store.close();
  }
}
