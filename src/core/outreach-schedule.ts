/**
 * Scheduled outreach messages: the daily reminder to those who logged nothing today
 * (off on weekends unless configured) and the weekly ranking by community for supervision rooms.
 * Deterministic outbox keys make each post happen once per room and day/week.
 */
import type { CoreContext } from './ports.js';
import { createHash } from 'node:crypto';
import { formatDayZh, localDay, localWeekday } from '../domain/format.js';
import { OUTREACH_EXAMPLE } from '../domain/outreach.js';
import { rankCommunities, rankingText, reminderToLogText } from '../domain/outreach-ranking.js';
import { rankingPicture } from '../domain/pictures.js';
import { PRIORITY } from '../domain/types.js';
import { memberByName } from '../store/org.js';
import { addOutboxMessage } from '../store/outbox.js';
import { makeKey } from '../domain/keys.js';
import { outreachTotals, postedOn } from '../store/outreach.js';
import { readMeta, writeMeta } from '../store/summaries.js';
import { boundariesBetween, lastBoundary } from '../domain/shifts.js';

export type OutreachScheduleDeps = CoreContext;

const roomKey = (topic: string) => createHash('sha1').update(topic).digest('hex').slice(0, 10);

/**
 * Reminds, in each volunteer room, the volunteers and workers who have logged nothing today.
 * Returns how many people were reminded.
 */
export function remindUnlogged(deps: OutreachScheduleDeps): number {
  const at = deps.now();
  const wd = localWeekday(at, deps.timezone);
  if (!deps.remindWeekends && (wd === 0 || wd === 6)) return 0;
  const day = localDay(at, deps.timezone);
  let reminded = 0;
  deps.db.transaction((tx) => {
    for (const room of deps.org.org.rooms.filter((r) => r.purpose === 'volunteers')) {
      const names = deps.org.roomMembers(room).filter((m) => m.role === 'volunteer' || m.role === 'worker').map((m) => m.name);
      const posted = postedOn(tx, names, day);
      const missing = names.filter((n) => !posted.has(n));
      if (missing.length === 0) continue;
      const mentions = missing.map((n) => ({ name: n, wechatId: memberByName(tx, n)?.wechatId ?? null }));
      addOutboxMessage(tx, makeKey('remind-outreach', roomKey(room.topic), day), { room: room.topic, mentions, text: reminderToLogText(OUTREACH_EXAMPLE) }, PRIORITY.routine, at);
      reminded += missing.length;
    }
  });
  deps.log.info({ day, reminded }, 'outreach reminder');
  if (reminded) deps.afterCommit();
  return reminded;
}

/**
 * Posts the ranking of the 7 local days before `boundary` to every supervision room.
 * @example postRanking(deps, mondayNineAm) // ranks Monday–Sunday of the week before
 */
export function postRanking(deps: OutreachScheduleDeps, boundary: number): void {
  const fromAt = boundary - 7 * 86_400_000;
  const toAt = boundary - 86_400_000;
  const totals = outreachTotals(deps.db, localDay(fromAt, deps.timezone), localDay(toAt, deps.timezone));
  const at = deps.now();
  deps.db.transaction((tx) => {
    for (const room of deps.org.org.rooms.filter((r) => r.purpose === 'supervision')) {
      const rows = rankCommunities(deps.org, totals, room.unit);
      if (rows.length === 0) continue;
      const [fromDay, toDay] = [formatDayZh(fromAt, deps.timezone), formatDayZh(toAt, deps.timezone)];
      const text = rankingText(rows, fromDay, toDay);
      addOutboxMessage(tx, makeKey('ranking', roomKey(room.topic), boundary), { room: room.topic, mentions: [], text, picture: rankingPicture(rows, fromDay, toDay) }, PRIORITY.routine, at);
    }
  });
  deps.afterCommit();
}

const LAST_RANKING_KEY = 'outreach.lastRanking';

/**
 * Posts the weekly ranking if a ranking boundary passed since the last one posted: only the
 * latest (older ones are stale news). On the first start the latest boundary becomes the
 * starting point. Returns the boundary posted, or null. The same catch-up shape as the shifts.
 * @example catchUpRanking(ctx, '0 9 * * 1') // Monday 09:00 of this week, once
 */
export function catchUpRanking(ctx: OutreachScheduleDeps, rankingCron: string): number | null {
  const now = ctx.now();
  const stored = readMeta(ctx.db, LAST_RANKING_KEY);
  if (stored === null) {
    writeMeta(ctx.db, LAST_RANKING_KEY, String(lastBoundary(rankingCron, now, ctx.timezone)), now);
    return null;
  }
  const latest = boundariesBetween(rankingCron, Number(stored), now, ctx.timezone).at(-1);
  if (latest === undefined) return null;
  postRanking(ctx, latest);
  writeMeta(ctx.db, LAST_RANKING_KEY, String(latest), now);
  return latest;
}
