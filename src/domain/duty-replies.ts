/** What the bot says about duty (值班, 请假, 换班, 交接班): short lines for a phone screen. */
import { LEVEL_ZH, type Level } from './types.js';

const openNote = (name: string, open: string[]) => (open.length ? `\n${name}还有${open.length}件未办结：${open.join('、')}，如需改派请发“转派 编号 @同事”。` : '');

export const dutyReplies = {
  noUnit: '没有找到您所在的单位，请联系管理员核对名单。',
  noRoster: '本单位没有排班表，新预警按网格派给网格员。',
  noPending: '目前没有待批准的请假。',
  noPendingOf: (name: string) => `${name}没有待批准的请假。`,
  noSwapWaiting: '目前没有等您确认的换班。',
  unknownMember: (name: string, example: string) => `名单里没有“${name}”，请 @ 对方的名单姓名，例如：${example}`,
  badDays: (days: string) => `没看懂日期“${days}”。请这样写：请假 明天，或：请假 11月30日-12月2日`,
  leaveForOthersOnlyLeads: (name: string) => `只有${name}的负责人能替他登记请假。`,
  leaveRequested: (name: string, days: string, approver: string, reason: string) => `已提交：${name} ${days}请假${reason ? `（${reason}）` : ''}。\n请${approver}回复“批准”或“不批准”。`,
  leaveToApprove: (name: string, days: string, reason: string) => `${name}申请${days}请假${reason ? `（${reason}）` : ''}。\n回复“批准 ${name}”或“不批准 ${name}”。`,
  leaveRecorded: (name: string, days: string, open: string[]) => `已登记：${name} ${days}请假，期间不再派单给${name}。${openNote(name, open)}`,
  leaveRecordedForYou: (by: string, days: string) => `${by}已为您登记${days}请假，期间不会派单给您。`,
  leaveApproved: (name: string, days: string, open: string[]) => `已批准：${name} ${days}请假，期间不再派单给${name}。${openNote(name, open)}`,
  leaveRejected: (name: string, days: string) => `未批准${name} ${days}的请假，排班不变。`,
  yourLeaveApproved: (by: string, days: string) => `${by}已批准您${days}的请假。`,
  yourLeaveRejected: (by: string, days: string) => `${by}未批准您${days}的请假，请按排班值班。`,
  whichLeave: (items: string[], first: string, yes: boolean) => `有${items.length}条待批请假：${items.join('、')}。\n请写上姓名，例如：${yes ? '批准' : '不批准'} ${first}`,
  sameShift: (other: string, days: string) => `您和${other}${days}是同一个班，无需换班。`,
  nothingToSwap: (other: string, days: string) => `您和${other}${days}都没有排班，无需换班。`,
  swapAsked: (from: string, to: string, days: string, mine: string, theirs: string) => `${from}想和您换${days}的班：\n${from}：${mine}\n${to}：${theirs}\n同意请回复“同意”，不同意回复“不同意”。`,
  swapSent: (to: string) => `已私信${to}，等对方回复“同意”后生效。`,
  swapDone: (from: string, to: string, days: string) => `换班已生效：${days}${from}和${to}互换班次。`,
  swapDeclined: (from: string, to: string, days: string) => `${to}没有同意${days}和${from}换班，排班不变。`,
  /** The supervision room's handover list at a shift boundary. */
  handover: (items: { caseId: string; level: string; from: string; to: string }[]) =>
    [`🔁 交接班：${items.length}件未办结案件换人跟进`, ...items.slice(0, 10).map((i) => `· ${i.caseId} ${LEVEL_ZH[i.level as Level] ?? i.level} ${i.from}→${i.to}`), ...(items.length > 10 ? [`…等${items.length}件`] : []), '原负责人不变，接班人请跟进。'].join('\n'),
  /** Privately to the incoming duty worker. */
  handoverToYou: (items: { caseId: string; level: string; from: string }[]) =>
    [`🔁 交接班：以下${items.length}件未办结，原负责人已下班，请您留意跟进：`, ...items.slice(0, 10).map((i) => `· ${i.caseId} ${LEVEL_ZH[i.level as Level] ?? i.level}（原${i.from}）`), '需要您接手时，负责人会发“转派 编号 @您”。'].join('\n'),
};
