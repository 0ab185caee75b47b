/**
 * Reports as pictures (交接班, 周榜): in Chinese work groups a report travels as an image. A
 * `Picture` is the data of one, small enough to ride in the outbox row and the outbound job;
 * the gateway renders it to PNG when it sends (src/pictures/), so no image file has to be kept
 * or cleaned up, and retention has nothing more to remove: a picture holds no more than the
 * text beside it (no subject data at all).
 */
import { RESULT_ZH, STATUS_ZH, type Result, type Status } from './vocabulary.js';
import { formatDurationZh } from './duration.js';
import { formatClock, formatDayZh, formatYuan } from './format.js';
import type { RankRow } from './outreach-ranking.js';
import type { ShiftSummary } from './summary.js';
import { LEVEL_ZH, LEVELS, type Level } from './types.js';

/** One row of the handover table: `[case id, level, assignee, status, age]`. */
export interface HandoverRow {
  cells: [string, string, string, string, string];
  level: Level;
  overdue: boolean;
}

/** The 交接班 report of one unit's shift as a table with a bar of leads by level. */
export interface HandoverPicture {
  kind: 'handover';
  /** File name and alt text: `交接班-幸福里社区-11月23日`. */
  name: string;
  title: string;
  subtitle: string;
  /** `[label, value]` pairs of the headline figures. */
  figures: [string, string][];
  byLevel: Record<Level, number>;
  rows: HandoverRow[];
  /** Carried-over cases not listed. */
  more: number;
}

/** The weekly outreach ranking by community as a bar chart. */
export interface RankingPicture {
  kind: 'ranking';
  name: string;
  title: string;
  rows: { name: string; events: number; people: number; installs: number }[];
}

export type Picture = HandoverPicture | RankingPicture;

/** How many handover cases the picture lists (the text lists 5). */
export const PICTURE_ROWS = 12;
/** How many communities the ranking picture shows. */
export const PICTURE_RANKS = 15;

/**
 * The 交接班 picture of a stored summary: the same figures as `shiftReportText`, as a table.
 * @example handoverPicture(summary, '幸福里社区', 'Asia/Shanghai').rows[0].cells // ['K7Q2', '紧急', '李网格', '待接单', '2小时']
 */
export function handoverPicture(s: ShiftSummary, unitName: string, tz: string): HandoverPicture {
  const from = Date.parse(s.from);
  const to = Date.parse(s.to);
  const day = formatDayZh(from, tz);
  const nextDay = formatDayZh(to, tz) !== day ? '次日' : '';
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, s.received[l]])) as Record<Level, number>;
  const results = (Object.keys(s.resolvedByResult) as Result[]).filter((r) => s.resolvedByResult[r] > 0).map((r) => `${RESULT_ZH[r]}${s.resolvedByResult[r]}`);
  const figures: [string, string][] = [
    ['收到预警', `${s.received.total}件`],
    ['接单', `${s.acknowledged}件${s.acknowledgedLate ? `（超时${s.acknowledgedLate}）` : ''}`],
    ['办结', `${s.resolved}件${results.length ? `：${results.join(' ')}` : ''}`],
    ['超时提醒', `${s.escalations}次`],
    ['接单用时', s.timeToAck ? `中位${formatDurationZh(s.timeToAck.p50)} / P90 ${formatDurationZh(s.timeToAck.p90)}` : '—'],
    ['移交下一班', `${s.carriedOver.count}件${s.carriedOver.overdue ? `（超时${s.carriedOver.overdue}）` : ''}`],
  ];
  if (s.lossAverted) figures.push(['劝阻涉及金额', formatYuan(s.lossAverted)]);
  if (s.lossTotal) figures.push(['损失金额', formatYuan(s.lossTotal)]);
  if (s.outreach.events) figures.push(['宣传', `${s.outreach.events}场 覆盖${s.outreach.people}人 装APP ${s.outreach.installs}`]);
  const listed = s.carriedOver.cases.slice(0, PICTURE_ROWS);
  return {
    kind: 'handover',
    name: `交接班-${unitName}-${day}`,
    title: `【交接班】${unitName}`,
    subtitle: `${day} ${formatClock(from, from, tz)}–${nextDay}${formatClock(to, to, tz)}`,
    figures,
    byLevel,
    rows: listed.map((c) => ({
      cells: [c.caseId, LEVEL_ZH[c.level], c.assignee ?? '未分派', STATUS_ZH[c.status as Status] ?? c.status, formatDurationZh(c.ageMs)],
      level: c.level,
      overdue: c.overdue,
    })),
    more: s.carriedOver.count - listed.length,
  };
}

/**
 * The weekly ranking picture (rows as `rankCommunities` orders them).
 * @example rankingPicture(rows, '11月16日', '11月22日').title // '【反诈宣传周榜】11月16日–11月22日'
 */
export function rankingPicture(rows: RankRow[], fromDay: string, toDay: string): RankingPicture {
  return {
    kind: 'ranking',
    name: `宣传周榜-${fromDay}-${toDay}`,
    title: `【反诈宣传周榜】${fromDay}–${toDay}`,
    rows: rows.slice(0, PICTURE_RANKS).map((r) => ({ name: r.name, events: r.events, people: r.people, installs: r.installs })),
  };
}
