/** Everything the bot says, in concise Simplified Chinese that reads well on a phone. */
import { capabilitiesOf, channelHelp, type ChannelKind } from './channels.js';
import { ROLE_ZH, type Role } from './types.js';

/**
 * Each role's help: the keyword form and the natural one (劝住了, 打不通, a quote of the alert
 * with 收到), at most nine lines with the header and the tail, so it reads on a phone unscrolled.
 */
const HELP_BY_ROLE: Record<Role, string[]> = {
  worker: [
    '收到 K7Q2 —— 接单',
    '反馈 K7Q2 劝住了 —— 回报结果',
    '反馈 K7Q2 打不通 —— 记一次联系',
    '反馈 K7Q2 被骗2万 已报警 —— 记损失',
    '更正 K7Q2 劝阻成功 —— 30分钟内改结果',
    '我的 / 查 K7Q2 —— 待办、案件进度',
    '值班 / 请假 明天 / 换班 @周网格 明天',
  ],
  lead: [
    '统计 / 今天情况如何 —— 本班数据',
    '查 K7Q2 —— 案件进度',
    '转派 K7Q2 @周网格 —— 改派他人',
    '督办 K7Q2 —— 接手超时提醒',
    '撤销 / 重办 K7Q2 原因 —— 撤销误派、重新办',
    '更正 K7Q2 劝阻成功 —— 30分钟内改结果',
    '值班 / 批准（请假）/ 请假 @李网格 明天',
  ],
  supervisor: [
    '统计 / 今天情况如何 —— 辖区本班数据',
    '查 K7Q2 —— 案件进度',
    '督办 K7Q2 —— 接手超时提醒',
    '转派 K7Q2 @周网格 —— 改派他人',
    '撤销 K7Q2 原因 —— 撤销误派',
    '重办 K7Q2 原因 —— 已办结的重新办',
    '值班 —— 谁在值班；批准 —— 批准请假',
  ],
  operator: [
    '统计 / 今天情况如何 —— 全辖区本班数据',
    '查 K7Q2 —— 案件进度',
    '督办 K7Q2 —— 接手超时提醒',
    '撤销 K7Q2 原因 —— 撤销误派',
  ],
  volunteer: [
    '宣传 幸福里社区 摆摊 80人 装APP 25 老年人 —— 登记一次宣传',
    '今天在团结湖公园宣传，120人参加，装了30个APP —— 一句话也行',
    '撤回 —— 10分钟内撤回上一条登记',
    '我的 / 我报过几次宣传 —— 本月的宣传登记',
  ],
  admin: [
    '统计 / 今天情况如何 —— 全辖区本班数据',
    '查 K7Q2 —— 案件进度',
    '转派 K7Q2 @周网格 —— 改派他人',
    '撤销 K7Q2 原因 —— 撤销误派',
  ],
};

/** How to answer the bot's one-tap questions (您是说…？回复“1”确认). */
const CONFIRM_TIP = '我问“您是说…”时，回 1 确认，回 2 取消。';

const HELP_TAIL: Partial<Record<Role, string>> = {
  worker: `引用预警回“收到”也能接单；${CONFIRM_TIP}`,
  lead: `引用超时提醒回“收到”即督办；${CONFIRM_TIP}`,
  supervisor: `引用超时提醒回“收到”即督办；${CONFIRM_TIP}`,
  operator: CONFIRM_TIP,
  admin: CONFIRM_TIP,
  volunteer: '每天活动结束后发一条就行，可以附上现场照片。',
};

/**
 * Help for the sender's own role (on `channel`, absent: Wechaty).
 * @example helpFor('worker', '网格哨兵') // '我是网格哨兵。网格员常用指令：\n· 收到 K7Q2 —— 确认接单 ...'
 */
export function helpFor(role: Role, botName: string, channel?: ChannelKind): string {
  const lines = [`我是${botName}，${ROLE_ZH[role]}常用指令：`, ...HELP_BY_ROLE[role].map((l) => `· ${l}`)];
  let tail = HELP_TAIL[role];
  // A channel that cannot show a quote or the group's chatter says how to reach the bot there
  // instead of promising what it cannot do (docs/channels.md).
  const note = channelHelp(channel);
  if (note) lines.push(note);
  if (tail && !capabilitiesOf(channel).quotes) tail = tail.replace(/^引用[^；]*；/u, '');
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
