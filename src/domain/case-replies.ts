/** What the bot says about cases: dispatch and repeat warnings. Short, scannable on a phone. */
import { formatDurationZh } from './duration.js';
import { formatClock, formatYuan } from './format.js';
import { CATEGORIES, type Category } from './lead.js';
import { maskAddress, maskName, maskPhone } from './mask.js';
import { LEVEL_ZH, type Level } from './types.js';

/** The facts of a case a message needs. */
export interface CaseFacts {
  id: string;
  level: Level;
  category: Category | null;
  subject: { name: string; phone: string; address: string; idNumber: string | null };
  amountAtRisk: number | null;
  detail: string | null;
  ackDueAt: number;
  resolveDueAt: number;
  createdAt: number;
}

/** The first line of every case message: level and id, so a quoted reply always carries the id. */
export function caseHeadline(level: Level, id: string, tag = '预警'): string {
  return `【${LEVEL_ZH[level]}${tag}】${id}`;
}

const WHAT_TO_DO: Record<Level, string> = {
  urgent: '请立即上门见面劝阻，路上先电话稳住对方',
  high: '请尽快上门或电话劝阻',
  medium: '请电话或上门核实提醒',
  low: '请择机电话或短信提醒',
};

function categoryAndAmount(c: Pick<CaseFacts, 'category' | 'amountAtRisk'>): string | null {
  const bits = [c.category ? CATEGORIES[c.category] : null, c.amountAtRisk ? `涉案${formatYuan(c.amountAtRisk)}` : null].filter(Boolean);
  return bits.length ? bits.join(' · ') : null;
}

/**
 * The task-room message: masked, the assignee is @-mentioned by the gateway in front of it.
 * Urgent and high cases state the acknowledgement deadline.
 */
export function dispatchGroupText(c: CaseFacts, now: number, tz: string): string {
  const ack = c.ackDueAt - c.createdAt;
  const lines = [
    `${caseHeadline(c.level, c.id)}${c.category ? ' ' + CATEGORIES[c.category] : ''}`,
    `对象：${maskName(c.subject.name)}，${maskPhone(c.subject.phone)}`,
    `地址：${maskAddress(c.subject.address)}`,
  ];
  if (c.amountAtRisk) lines.push(`涉案金额：${formatYuan(c.amountAtRisk)}`);
  lines.push(`${WHAT_TO_DO[c.level]}。`);
  if (c.level === 'urgent' || c.level === 'high') {
    lines.push(`${formatDurationZh(ack)}内（${formatClock(c.ackDueAt, now, tz)}前）回复“收到 ${c.id}”，${formatClock(c.resolveDueAt, now, tz)}前反馈结果。`);
  } else {
    lines.push(`${formatClock(c.ackDueAt, now, tz)}前回复“收到 ${c.id}”，${formatClock(c.resolveDueAt, now, tz)}前反馈结果。`);
  }
  lines.push('完整信息已私聊发您。');
  return lines.join('\n');
}

/** The assignee's private message: the full record, and how to answer. */
export function dispatchPrivateText(c: CaseFacts, now: number, tz: string): string {
  const lines = [
    `${caseHeadline(c.level, c.id)} 完整信息（请勿转发）`,
    `姓名：${c.subject.name}`,
    `电话：${c.subject.phone}`,
    `地址：${c.subject.address}`,
  ];
  if (c.subject.idNumber) lines.push(`身份证：${c.subject.idNumber}`);
  const ca = categoryAndAmount(c);
  if (ca) lines.push(`类型：${ca}`);
  if (c.detail) lines.push(`详情：${c.detail}`);
  lines.push(`请${formatClock(c.ackDueAt, now, tz)}前回复“收到 ${c.id}”。`);
  lines.push(`处置后回复：反馈 ${c.id} 上门 劝阻成功`);
  return lines.join('\n');
}

export interface RepeatWarning {
  externalId: string;
  level: Level;
  category: Category | null;
  amountAtRisk: number | null;
  detail: string | null;
}

/**
 * Told privately to the assignee when the same person is warned again while the case is open.
 * `raisedFrom` is the old level when the new lead raised it.
 */
export function repeatWarningText(c: CaseFacts, lead: RepeatWarning, raisedFrom: Level | null, acknowledged: boolean, now: number, tz: string): string {
  const lines = [`${caseHeadline(c.level, c.id, '再次预警')} 同一人又有新预警`, `对象：${c.subject.name}，${c.subject.phone}`];
  const ca = categoryAndAmount(lead);
  lines.push(`新线索：${LEVEL_ZH[lead.level]}${ca ? ' · ' + ca : ''}`);
  if (lead.detail) lines.push(`详情：${lead.detail}`);
  if (raisedFrom) lines.push(`等级已由${LEVEL_ZH[raisedFrom]}升为${LEVEL_ZH[c.level]}，时限重新计算。`);
  lines.push(acknowledged ? `请加快处置，${formatClock(c.resolveDueAt, now, tz)}前反馈结果。` : `请${formatClock(c.ackDueAt, now, tz)}前回复“收到 ${c.id}”。`);
  return lines.join('\n');
}

/** Told in the task room when a repeat warning raised the level (masked). */
export function levelRaisedGroupText(c: CaseFacts, from: Level, now: number, tz: string): string {
  return [
    `${caseHeadline(c.level, c.id, '升级')} 原为${LEVEL_ZH[from]}`,
    `对象：${maskName(c.subject.name)}，${maskPhone(c.subject.phone)}，同一人再次预警。`,
    `${WHAT_TO_DO[c.level]}，${formatClock(c.ackDueAt, now, tz)}前回复“收到 ${c.id}”。`,
  ].join('\n');
}

/**
 * Told to the nearest lead when the assignee has not bound WeChat yet (no personal data).
 * @example unboundAssigneeText('K7Q2', 'urgent', '李网格')
 */
export function unboundAssigneeText(id: string, level: Level, assignee: string): string {
  return [
    `${caseHeadline(level, id, '提醒')} 已派给${assignee}`,
    `${assignee}还没有绑定本机器人，收不到完整信息。`,
    `请电话通知其处置，并让其私聊我发送“绑定 绑定码”。`,
  ].join('\n');
}

/**
 * Told in the task room when a lead reopens a resolved case. The lead's reason is free text
 * that may name or number the person, so it goes only into the private record.
 * @example reopenedGroupText('urgent', 'K7Q2', due, now, 'Asia/Shanghai')
 */
export function reopenedGroupText(level: Level, id: string, ackDueAt: number, now: number, tz: string): string {
  return [`${caseHeadline(level, id, '重办')} 负责人要求重新处置`, `请${formatClock(ackDueAt, now, tz)}前回复“收到 ${id}”，完整信息和原因已私聊发您。`].join('\n');
}
