/**
 * The bot's words when it must check what it understood or say why it cannot act:
 * one short line each, readable on a phone.
 */
import { METHOD_ZH, RESULT_ZH, type Method, type Result } from './case-machine.js';
import { formatYuan } from './format.js';
import { LEVEL_ZH, type Level } from './types.js';

const TAP = '回复“1”确认，回复“2”取消';

/**
 * What a report says, in a few words: `已被骗，损失约3万元，已报警`.
 * @example describeReport({ method: 'visit', result: 'dissuaded', lossAmount: null, approximate: false, alsoReported: false }) // '上门见面 劝阻成功'
 */
export function describeReport(r: { method: Method | null; result: Result; lossAmount: number | null; approximate: boolean; alsoReported: boolean }): string {
  const parts = [(r.method ? `${METHOD_ZH[r.method]} ` : '') + RESULT_ZH[r.result]];
  if (r.lossAmount !== null) parts.push(`损失${r.approximate ? '约' : ''}${formatYuan(r.lossAmount)}`);
  if (r.alsoReported && r.result !== 'reported') parts.push('已报警');
  return parts.join('，');
}

/**
 * The one-tap questions and refusal hints of the understanding step.
 * @example understandReplies.confirmReport('X6CU', '已被骗，损失约3万元，已报警') // '您是说：X6CU 已被骗，损失约3万元，已报警？回复“1”确认，回复“2”取消'
 */
export const understandReplies = {
  confirmReport: (id: string, said: string) => `您是说：${id} ${said}？${TAP}`,
  confirmCorrect: (id: string, said: string) => `您是要把 ${id} 更正为：${said}？${TAP}`,
  confirmAck: (id: string) => `您是要接单 ${id} 吗？${TAP}`,
  confirmTypo: (id: string) => `您是指 ${id} 吗？${TAP}`,
  confirmOutreach: (said: string) => `您是要登记宣传：${said}？${TAP}`,
  confirmReassign: (id: string, to: string) => `您是要把 ${id} 转派给${to}吗？${TAP}`,
  confirmSupervise: (id: string) => `您是要督办 ${id} 吗？${TAP}`,
  confirmCancel: (id: string, reason: string) => `您是要撤销 ${id}（${reason}）吗？${TAP}`,
  confirmReopen: (id: string) => `您是要重办 ${id} 吗？${TAP}`,
  confirmBind: (code: string) => `您是要用绑定码 ${code} 绑定吗？${TAP}`,
  confirmWithdraw: `您是要撤回刚才的宣传登记吗？${TAP}`,
  bigAmount: (id: string, said: string) => `损失金额很大，请核对：${id} ${said}？${TAP}`,
  smallAmount: (id: string, said: string) => `损失金额不到1元，请核对：${id} ${said}？${TAP}`,
  unknownCase: (typed: string, open: { id: string; level: Level }[]) =>
    `没有找到案件 ${typed}。` + (open.length ? `您的待办：${open.slice(0, 3).map((c) => `${c.id}（${LEVEL_ZH[c.level]}）`).join('、')}${open.length > 3 ? '…' : ''}` : '发送“我的”查看您的待办'),
  whichCase: (open: { id: string; level: Level }[]) => `您有${open.length}件待接单：${open.map((c) => `${c.id}（${LEVEL_ZH[c.level]}）`).join('、')}，请回复“收到 编号”`,
  missingCaseId: '缺少案件编号',
  missingResult: '缺少处置结果，如：劝阻成功、未接通、已被骗、误报',
  missingTarget: '缺少转派对象',
  unknownMember: (name: string) => `名单里没有“${name}”，请@要转派的网格员`,
  notACaseTaker: (name: string) => `${name}不处理案件，请转派给网格员或社区负责人`,
  missingReason: '缺少原因',
  missingCode: '缺少绑定码（4到16位字母或数字）',
  badAmount: '损失金额看不懂，请写数字，如：损失5000、损失1.2万',
  notBound: '您还没有绑定身份，请私聊我发送：绑定 <绑定码>',
  statsLeadsOnly: '统计数据请找社区负责人查看，发送“我的”查看您的待办。',
  leadsOnly: '只有社区负责人或派出所督导可以转派、撤销、督办、重办。',
  volunteerCases: '志愿者不处理案件，登记宣传请发：宣传 幸福里社区 摆摊 80人 装APP 25',
};

/**
 * The reply to a correction (更正): old and new result, both kept in the trail.
 * @example correctedText('X6CU', 'defrauded', 'dissuaded', '李网格') // '✅ X6CU 结果已更正为：劝阻成功（原：已被骗，李网格更正）'
 */
export function correctedText(id: string, from: Result, to: Result, who: string): string {
  return `✅ ${id} 结果已更正为：${RESULT_ZH[to]}（原：${RESULT_ZH[from]}，${who}更正）`;
}

/**
 * The reply to a reopening (重办).
 * @example reopenedText('X6CU', '李网格', '王社区') // 'X6CU 已由王社区重办，已通知李网格重新处置。'
 */
export function reopenedText(id: string, assignee: string | null, who: string): string {
  return `${id} 已由${who}重办${assignee ? `，已通知${assignee}重新处置` : ''}。`;
}

/**
 * The conversation's own short lines around confirmations and refusals.
 * @example conversationReplies.confirmCancelled // '好的，已取消，没有做任何登记。'
 */
export const conversationReplies = {
  nothingToConfirm: '没有待确认的内容（确认只在10分钟内有效），请重新发送。',
  confirmCancelled: '好的，已取消，没有做任何登记。',
  tooManyRefusals: '我暂时不再回复看不懂的消息（10分钟后恢复）。发送“帮助”可查看常用指令。',
  statsForLeads: '统计数据请找社区负责人查看。发送“我的”查看您的待办。',
  statsForVolunteers: '统计数据请找社区负责人查看。登记宣传请发：宣传 幸福里社区 摆摊 80人 装APP 25',
  volunteerQuery: '志愿者不处理案件。登记宣传请发：宣传 幸福里社区 摆摊 80人 装APP 25',
};
