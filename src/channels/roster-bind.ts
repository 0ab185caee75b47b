/**
 * Members whose roster entry carries a platform user id (`wecomId`, `dingtalkId`) are bound to
 * it at start-up, through the first account of that channel, so they need no `绑定` code. A
 * member already bound to another identity keeps it (a warning names the member, never an id);
 * running it again changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Log } from '../log.js';
import type { Db } from '../store/db.js';
import { bindMember } from '../store/org.js';
import { members } from '../store/schema.js';
import type { ChannelSettings } from './config.js';

export function bindRosterIds(db: Db, settings: ChannelSettings | undefined, accounts: readonly { id: string; channel: string }[], log: Log, now: number): number {
  let bound = 0;
  // A profile built by hand (tools, tests) may have no channel settings.
  for (const r of settings?.rosterIds ?? []) {
    const via = accounts.find((a) => a.channel === r.channel)?.id;
    // No account of that channel: the id cannot be reached, and binding it would block 绑定 elsewhere.
    if (!via) continue;
    if (!bindMember(db, r.name, r.identity, 'roster', now)) {
      log.warn({ member: r.name, channel: r.channel }, 'member is bound to another identity; the roster id is not applied');
      continue;
    }
    db.update(members).set({ boundVia: via }).where(and(eq(members.name, r.name), eq(members.wechatId, r.identity))).run();
    bound += 1;
  }
  return bound;
}
