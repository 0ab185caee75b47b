/** The weekly outreach ranking by community, and the reminder to log. Pure. */
import type { OrgIndex } from './org.js';

export interface UnitTotals {
  unit: string;
  events: number;
  people: number;
  installs: number;
}

export interface RankRow {
  community: string;
  name: string;
  events: number;
  people: number;
  installs: number;
}

/**
 * Sums outreach by community (a grid's logs count for its community) for the communities under
 * `root`, and ranks them: people reached, then installs, then events. Communities with nothing
 * are listed last, so a quiet one is visible too.
 * @example rankCommunities(org, [{ unit: 'G1', events: 1, people: 80, installs: 25 }], 'PS1')[0] // { community: 'C1', people: 80, ... }
 */
export function rankCommunities(org: OrgIndex, totals: UnitTotals[], root: string): RankRow[] {
  const within = org.subtree(root);
  const rows = new Map<string, RankRow>();
  for (const u of org.org.units) {
    if (u.kind === 'community' && within.has(u.code)) rows.set(u.code, { community: u.code, name: u.name, events: 0, people: 0, installs: 0 });
  }
  for (const t of totals) {
    const community = org.lineage(t.unit).find((u) => u.kind === 'community');
    const row = community ? rows.get(community.code) : undefined;
    if (!row) continue;
    row.events += t.events;
    row.people += t.people;
    row.installs += t.installs;
  }
  return [...rows.values()].sort((a, b) => b.people - a.people || b.installs - a.installs || b.events - a.events || a.name.localeCompare(b.name, 'zh'));
}

const MEDALS = ['🥇', '🥈', '🥉'];
const LISTED = 10;

/**
 * The ranking message for a supervision room.
 * @example rankingText(rows, '11月16日', '11月22日')
 */
export function rankingText(rows: RankRow[], fromDay: string, toDay: string): string {
  const lines = [`【反诈宣传周榜】${fromDay}–${toDay}`];
  rows.slice(0, LISTED).forEach((r, i) => {
    lines.push(`${MEDALS[i] ?? `${i + 1}.`} ${r.name} ${r.events}场 · 覆盖${r.people}人 · 装APP ${r.installs}`);
  });
  if (rows.length > LISTED) lines.push(`……另有${rows.length - LISTED}个社区`);
  const sum = rows.reduce((a, r) => ({ events: a.events + r.events, people: a.people + r.people, installs: a.installs + r.installs }), { events: 0, people: 0, installs: 0 });
  lines.push(`合计 ${sum.events}场，覆盖${sum.people}人，装APP ${sum.installs}`);
  return lines.join('\n');
}

/** The daily reminder in a volunteer room; the gateway puts the @mentions in front. */
export function reminderToLogText(example: string): string {
  return `今天还没登记宣传活动，活动结束后发一条就行，例如：${example}`;
}
