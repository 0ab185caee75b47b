/**
 * `gridguard shift close`: compiles the current shift now (from its last boundary until this
 * moment) and posts each supervision room its 交接班 report, as the boundary would. For
 * training (bots/training.yaml): a trainer shows the report without waiting for 08:00 or
 * 20:00. The running service sends the messages within seconds (its relay reads the outbox).
 */
import { closeShift } from '../core/close-shift.js';
import type { Config } from '../config.js';
import { indexOrg } from '../domain/org.js';
import type { Log } from '../log.js';
import { botIdFromProfile } from '../queues/names.js';
import { openStore } from '../store/db.js';

export function runShiftClose(config: Config, log: Log, now = Date.now()): string {
  const store = openStore(config.databasePath);
  try {
    const summaries = closeShift(
      {
        db: store.db,
        org: indexOrg(config.profile.org),
        boundaries: config.profile.shifts.boundaries,
        timezone: config.profile.timezone,
        botId: botIdFromProfile(config.profilePath),
        log,
        now: () => now,
        afterCommit: () => {},
      },
      now,
    );
    const rooms = config.profile.org.rooms.filter((r) => r.purpose === 'supervision' && summaries.has(r.unit)).length;
    return `shift closed at ${new Date(now).toISOString()}: ${summaries.size} units compiled, ${rooms} 交接班 report(s) queued for the supervision rooms`;
  } finally {
    store.close();
  }
}
