/** The shift report posted to supervision rooms (交接班): headline numbers, handover, overdue. */
import { RESULT_ZH, STATUS_ZH, type Result, type Status } from './case-machine.js';
import { formatDurationZh } from './duration.js';
import { formatClock, formatDayZh, formatYuan } from './format.js';
import type { ShiftSummary } from './summary.js';
import { LEVEL_ZH, type Level } from './types.js';

/** How many handover cases the chat message lists before "and N more". */
const LISTED = 5;

/**
 * The report of one unit's shift, readable on a phone.
 * @example shiftReportText(summary, '三里屯派出所', 'Asia/Shanghai')
 */
export function shiftReportText(s: ShiftSummary, unitName: string, tz: string): string {
  const from = Date.parse(s.from);
  const to = Date.parse(s.to);
  const day = formatDayZh(from, tz);
  const nextDay = formatDayZh(to, tz) !== day ? '次日' : '';
  const lines = [`【交接班】${unitName} ${day} ${formatClock(from, from, tz)}–${nextDay}${formatClock(to, to, tz)}`];
  const byLevel = (['urgent', 'high', 'medium', 'low'] as Level[]).filter((l) => s.received[l] > 0).map((l) => `${LEVEL_ZH[l]}${s.received[l]}`);
  lines.push(`收到预警 ${s.received.total}件${byLevel.length ? `（${byLevel.join(' ')}）` : ''}`);
  const results = (Object.keys(s.resolvedByResult) as Result[])
    .filter((r) => s.resolvedByResult[r] > 0)
    .map((r) => `${RESULT_ZH[r]}${s.resolvedByResult[r]}${r === 'defrauded' && s.lossTotal ? `（损失${formatYuan(s.lossTotal)}）` : ''}`);
  lines.push(`接单 ${s.acknowledged}件${s.acknowledgedLate ? `（超时${s.acknowledgedLate}）` : ''}，办结 ${s.resolved}件${results.length ? '：' + results.join(' ') : ''}`);
  const extras = [s.lossAverted ? `劝阻涉及金额 ${formatYuan(s.lossAverted)}` : null, s.escalations ? `超时提醒 ${s.escalations}次` : null].filter(Boolean);
  if (extras.length) lines.push(extras.join('；'));
  if (s.timeToAck) lines.push(`接单用时 中位${formatDurationZh(s.timeToAck.p50)} / P90 ${formatDurationZh(s.timeToAck.p90)}`);
  if (s.carriedOver.count) {
    lines.push(`移交下一班 ${s.carriedOver.count}件${s.carriedOver.overdue ? `，其中超时${s.carriedOver.overdue}件` : ''}：`);
    for (const c of s.carriedOver.cases.slice(0, LISTED)) {
      lines.push(`· ${c.caseId} ${LEVEL_ZH[c.level]} ${c.assignee ?? '未分派'} ${STATUS_ZH[c.status as Status] ?? c.status} ${formatDurationZh(c.ageMs)}${c.overdue ? ' ⚠️超时' : ''}`);
    }
    if (s.carriedOver.count > LISTED) lines.push(`……另有${s.carriedOver.count - LISTED}件`);
  } else {
    lines.push('无移交案件。');
  }
  if (s.outreach.events) lines.push(`宣传 ${s.outreach.events}场，覆盖${s.outreach.people}人，装APP ${s.outreach.installs}`);
  return lines.join('\n');
}
