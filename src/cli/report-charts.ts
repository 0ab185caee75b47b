/**
 * `gridguard report --charts`: the period's charts as PNG files beside the spreadsheet (the same
 * server-side renderer as the pictures in chat): leads per day by level, time to acknowledge and
 * resolve by community against the policy, the share in time, the outreach ranking, and the
 * unit's latest 交接班 of the period. No personal data is drawn.
 */
import { writeFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { boardCharts } from '../domain/board.js';
import { formatDayZh, localDay } from '../domain/format.js';
import type { OrgIndex } from '../domain/org.js';
import { handoverPicture, rankingPicture } from '../domain/pictures.js';
import type { ShiftSummary } from '../domain/summary.js';
import { LEVELS, type Level } from '../domain/types.js';
import { rankingOption, handoverOption, type SizedOption } from '../pictures/options.js';
import { findCjkFont, renderOption } from '../pictures/render.js';
import { leadsPerDayOption, slaOption, timingOption } from '../pictures/report-options.js';
import { leadsByBucket, timingsIn } from '../store/board.js';
import type { Db } from '../store/db.js';
import { outreachTotals } from '../store/outreach.js';
import { listSummaries } from '../store/summaries.js';

const DAY_MS = 86_400_000;
/** More days than this are drawn as the last ones (a bar per day stays readable). */
const MAX_DAYS = 92;

export interface ChartFiles {
  files: string[];
  /** Null when a CJK font was found; else what to install. */
  fontProblem: string | null;
}

/**
 * Renders the charts of `(from, to]` for `root` (the unit and below) to `<base>-<name>.png`.
 * @example await writeReportCharts(db, config, org, { from, to, root: 'PS1' }, 'report') // report-预警趋势.png, …
 */
export async function writeReportCharts(db: Db, config: Config, org: OrgIndex, o: { from: number; to: number; root: string }, base: string): Promise<ChartFiles> {
  const tz = config.profile.timezone;
  const units = [...org.subtree(o.root)];
  const period = `${formatDayZh(o.from, tz)}–${formatDayZh(o.to, tz)}`;
  const from = Math.max(o.from, o.to - MAX_DAYS * DAY_MS);
  const days = Math.max(1, Math.ceil((o.to - from) / DAY_MS));
  const counts = Object.fromEntries(LEVELS.map((l) => [l, new Array<number>(days).fill(0)])) as Record<Level, number[]>;
  for (const r of leadsByBucket(db, units, from, o.to, DAY_MS)) {
    const level = (LEVELS as readonly string[]).includes(r.level) ? (r.level as Level) : 'low';
    counts[level][Math.min(days - 1, Math.max(0, r.hour))]! += r.count;
  }
  const dayLabels = Array.from({ length: days }, (_, i) => formatDayZh(from + i * DAY_MS, tz));
  const charts = boardCharts(org, config.profile.policy, o.root, {
    from: o.from,
    to: o.to,
    timings: timingsIn(db, units, o.from, o.to),
    outreach: outreachTotals(db, localDay(o.from, tz), localDay(o.to, tz)),
  });
  const pictures: [string, SizedOption][] = [
    ['预警趋势', leadsPerDayOption(period, dayLabels, counts)],
    ['处置用时', timingOption(period, charts.communities)],
    ['按时率', slaOption(period, charts.communities, charts.slaMet)],
    ['宣传榜', rankingOption(rankingPicture(charts.ranking, formatDayZh(o.from, tz), formatDayZh(o.to, tz)))],
  ];
  const latest: ShiftSummary | undefined = listSummaries(db, o.root, o.from, o.to).at(-1);
  if (latest) pictures.push(['交接班', handoverOption(handoverPicture(latest, org.unit(o.root)?.name ?? o.root, tz))]);
  const font = findCjkFont();
  const files: string[] = [];
  for (const [name, option] of pictures) {
    const file = `${base}-${name}.png`;
    writeFileSync(file, (await renderOption(option, { font })).png);
    files.push(file);
  }
  return { files, fontProblem: font ? null : 'no CJK font found: Chinese in the charts shows as boxes (apt-get install fonts-wqy-microhei)' };
}
