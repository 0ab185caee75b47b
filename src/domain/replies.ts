/** Everything the bot says, in concise Simplified Chinese that reads well on a phone. */
import { ROLE_ZH, type Role } from './types.js';

const HELP_BY_ROLE: Record<Role, string[]> = {
  worker: [
    '收到 K7Q2 —— 确认接单',
    '反馈 K7Q2 上门 劝阻成功 —— 回报结果',
    '反馈 K7Q2 电话 未接通 —— 记一次联系',
    '我的 —— 我的待办',
    '查 K7Q2 —— 案件进度',
  ],
  lead: [
    '统计 —— 本单位本班数据',
    '查 K7Q2 —— 案件进度',
    '转派 K7Q2 @周网格 —— 改派他人',
    '督办 K7Q2 —— 接手超时提醒',
    '撤销 K7Q2 原因 —— 撤销误派',
  ],
  supervisor: [
    '统计 —— 辖区本班数据',
    '查 K7Q2 —— 案件进度',
    '督办 K7Q2 —— 接手超时提醒',
    '转派 K7Q2 @周网格 —— 改派他人',
    '撤销 K7Q2 原因 —— 撤销误派',
  ],
  operator: [
    '统计 —— 全辖区本班数据',
    '查 K7Q2 —— 案件进度',
    '督办 K7Q2 —— 接手超时提醒',
    '撤销 K7Q2 原因 —— 撤销误派',
  ],
  volunteer: [
    '宣传 幸福里社区 摆摊 80人 装APP 25 老年人 —— 登记一次宣传',
    '撤回 —— 10分钟内撤回上一条登记',
  ],
  admin: [
    '统计 —— 全辖区本班数据',
    '查 K7Q2 —— 案件进度',
    '转派 K7Q2 @周网格 —— 改派他人',
    '撤销 K7Q2 原因 —— 撤销误派',
  ],
};

const HELP_TAIL: Partial<Record<Role, string>> = {
  worker: '小技巧：长按预警消息点“引用”，直接回“收到”即可接单。',
  volunteer: '每天活动结束后发一条就行，可以附上现场照片。',
};

/**
 * Help for the sender's own role.
 * @example helpFor('worker', '网格哨兵') // '我是网格哨兵。网格员常用指令：\n· 收到 K7Q2 —— 确认接单 ...'
 */
export function helpFor(role: Role, botName: string): string {
  const lines = [`我是${botName}，${ROLE_ZH[role]}常用指令：`, ...HELP_BY_ROLE[role].map((l) => `· ${l}`)];
  const tail = HELP_TAIL[role];
  if (tail) lines.push(tail);
  return lines.join('\n');
}

/** Help for someone whose WeChat identity is not bound to the roster yet. */
export function helpForStranger(botName: string): string {
  return [
    `我是${botName}，负责把反诈预警派给网格员。`,
    '您还没有绑定身份。请向社区负责人要绑定码，然后私聊我发送：',
    '绑定 K3P9QX',
  ].join('\n');
}

/** A message addressed to the bot that it could not understand. */
export function notUnderstood(example: string): string {
  return `没看懂这条消息。试试发送：${example}`;
}
