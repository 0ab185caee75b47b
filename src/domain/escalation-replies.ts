/** What the bot says when a case is late: reminders to the assignee, alerts up the chain. */
import { formatDurationZh } from './duration.js';
import { caseHeadline, type CaseFacts } from './case-replies.js';
import { CATEGORIES } from './lead.js';
import { maskName, maskPhone } from './mask.js';
import type { Phase } from './escalation.js';
import { LEVEL_ZH } from './types.js';

export interface LateFacts {
  facts: CaseFacts;
  phase: Phase;
  /** How long since dispatch (ack phase) or acknowledgement (resolve phase). */
  waitedMs: number;
  assignee: string | null;
  unitName: string;
}

const LATE: Record<Phase, string> = { ack: '未接单', resolve: '未反馈结果' };

/** In the task room (the assignee is @-mentioned in front) and privately to the assignee. */
export function reminderText(l: LateFacts): string {
  const id = l.facts.id;
  const ask = l.phase === 'ack' ? `请立即回复“收到 ${id}”并处置。` : `请尽快反馈，例如：反馈 ${id} 上门 劝阻成功`;
  return `⏰${caseHeadline(l.facts.level, id, '催办')} 已${formatDurationZh(l.waitedMs)}${LATE[l.phase]}\n${ask}`;
}

/** In the supervision room (the lead/supervisor/operator is @-mentioned) and privately. */
export function escalationText(l: LateFacts): string {
  const id = l.facts.id;
  const who = l.assignee ?? '（无人）';
  const category = l.facts.category ? ` · ${CATEGORIES[l.facts.category]}` : '';
  return [
    `⚠️${caseHeadline(l.facts.level, id, '超时')} ${l.unitName}`,
    `派给${who}，已${formatDurationZh(l.waitedMs)}${LATE[l.phase]}`,
    `对象：${maskName(l.facts.subject.name)}，${maskPhone(l.facts.subject.phone)}${category}`,
    `请督促处置，或回复“督办 ${id}”接手。`,
  ].join('\n');
}

/**
 * One reminder for several late cases of the same assignee (NOTES.md: batch what can be
 * batched — a reminder listing three cases, not three reminders).
 * @example batchReminderText([late1, late2]) // '⏰ 您有2件预警超时未处理：\n· X6CK 紧急 已8分钟未接单\n...'
 */
export function batchReminderText(items: LateFacts[]): string {
  return [
    `⏰ 您有${items.length}件预警超时未处理：`,
    ...items.map((l) => `· ${l.facts.id} ${LEVEL_ZH[l.facts.level]} 已${formatDurationZh(l.waitedMs)}${LATE[l.phase]}`),
    '请立即处理：回复“收到 编号”接单，或“反馈 编号 上门 劝阻成功”。',
  ].join('\n');
}
