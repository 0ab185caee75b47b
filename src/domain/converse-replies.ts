/** The bot's answers to chat commands: one short line each, saying who, what, which case, what next. */
import type { Method, Refusal, Result, Status } from './case-machine.js';
import { METHOD_ZH, RESULT_ZH, STATUS_ZH } from './case-machine.js';
import { formatYuan } from './format.js';
import { LEVEL_ZH, ROLE_ZH, type Level, type Role } from './types.js';

export const replies = {
  acknowledged: (who: string, id: string, resolveBy: string) => `✅ ${who}已接单 ${id}，请${resolveBy}前反馈结果，例如：反馈 ${id} 上门 劝阻成功`,
  resolved: (who: string, id: string, method: Method | null, result: Result, loss: number | null, alsoReported: boolean) => {
    const how = [method ? METHOD_ZH[method] : null, RESULT_ZH[result], loss ? `损失${formatYuan(loss)}` : null, alsoReported && result !== 'reported' ? '已报警' : null]
      .filter(Boolean)
      .join(' · ');
    const tail = result === 'dissuaded' ? '辛苦了！' : result === 'defrauded' ? '请协助做好后续安抚和止付。' : '';
    return `✅ ${id} 已办结：${how}（${who}）。${tail}`;
  },
  attempt: (who: string, id: string, n: number, method: Method | null, result: Result, resolveBy: string) =>
    `已记录 ${id} 第${n}次联系：${method ? METHOD_ZH[method] + ' · ' : ''}${RESULT_ZH[result]}（${who}）。案件仍在办，请换个方式继续联系，${resolveBy}前反馈。`,
  reassigned: (by: string, id: string, to: string, ackBy: string) => `${id} 已由${by}转派给${to}，请${to}在${ackBy}前回复“收到 ${id}”。`,
  supervised: (who: string, id: string) => `${who}已督办 ${id}，后续超时提醒停止，请督促尽快处置。`,
  cancelled: (who: string, id: string, reason: string) => `${id} 已撤销（${who}：${reason}）。`,
  bound: (name: string, role: Role, unitName: string) => `绑定成功：您是${unitName}的${ROLE_ZH[role]} ${name}。发送“帮助”查看常用指令。`,
  bindWrong: () => '绑定码不对，请核对后重发，例如：绑定 K3P9QX',
  bindUsed: () => '这个绑定码已经用过了。如需重新绑定，请联系社区负责人。',
  bindAlready: (name: string) => `您已绑定为 ${name}，无需重复绑定。`,
  bindInGroup: () => '绑定码请私聊我发送，不要发在群里。',
  unknownCase: (id: string) => `没有找到案件 ${id}，请核对编号。发送“我的”查看您的待办。`,
  noCaseInContext: () => '没看出是哪件案件，请带上编号，例如：收到 K7Q2',
  notBound: () => '您还没有绑定身份，请私聊我发送：绑定 <绑定码>',
  malformed: (hint: string | undefined, example: string) => `${hint ? hint + '。' : ''}正确格式：${example}`,
  noOpenCases: () => '您目前没有待办案件。',
};

/** Why an action was refused, with what is allowed instead. */
export function refusalText(refusal: Refusal, ctx: { id: string; role: Role | null; assignee: string | null; status: Status; action: string; supervisedBy?: string | null }): string {
  switch (refusal) {
    case 'not_assignee':
      return `${ctx.id} 不是派给您的（责任人：${ctx.assignee ?? '无'}），只有责任人或社区负责人可以${ctx.action}。`;
    case 'already_acknowledged':
      return `${ctx.id} 已经接单了，处置后请回复：反馈 ${ctx.id} 上门 劝阻成功`;
    case 'closed':
      return `${ctx.id} ${STATUS_ZH[ctx.status]}，无需再操作。`;
    case 'nothing_to_correct':
      return `${ctx.id} 还没有反馈过结果，无需更正。反馈请发：反馈 ${ctx.id} 上门 劝阻成功`;
    case 'correction_too_late':
      return `${ctx.id} 的结果登记已超过30分钟，不能再更正，请联系社区负责人处理。`;
    case 'correction_changes_kind':
      return `更正只能改结果内容。案件要重新处置请让负责人发：重办 ${ctx.id} 原因`;
    case 'not_resolved':
      return `${ctx.id} ${STATUS_ZH[ctx.status]}，只有已办结的案件可以重办。`;
    case 'already_supervised':
      return `${ctx.id} 已在督办中（${ctx.supervisedBy ?? '已有人'}督办），无需重复。`;
    case 'same_assignee':
      return `${ctx.id} 已经由${ctx.assignee}负责了。`;
    case 'target_unknown':
      return `名单里没有这个人，请 @ 群里的网格员，例如：转派 ${ctx.id} @周网格`;
    case 'target_outside':
      return `只能转派给本辖区的网格员或负责人，例如：转派 ${ctx.id} @周网格`;
    case 'outside_unit':
      return `${ctx.id} 不在您的辖区${ctx.assignee ? `（现由${ctx.assignee}负责）` : ''}，请联系该辖区的负责人。`;
    case 'not_allowed':
      if (ctx.role === 'volunteer') return '志愿者不能处理案件。登记宣传活动请发：宣传 幸福里社区 摆摊 80人 装APP 25';
      if (ctx.action === '转派' || ctx.action === '撤销') return `只有社区负责人或派出所督导可以${ctx.action}案件。`;
      if (ctx.action === '督办') return '只有负责人或督导可以督办。';
      return `您不能${ctx.action} ${ctx.id}。发送“帮助”查看您能用的指令。`;
  }
}

/** One line per open case, for `我的`: id, level, status, deadline. */
export function myCasesText(items: { id: string; level: Level; status: Status; due: string }[], more: number): string {
  const lines = [`您有${items.length + more}件待办：`, ...items.map((c) => `· ${c.id} ${LEVEL_ZH[c.level]} ${STATUS_ZH[c.status]}，${c.due}前`)];
  if (more > 0) lines.push(`……还有${more}件，处理完上面的再看。`);
  return lines.join('\n');
}

/** A case's status for `查`: masked unless the asker may see the full record. */
export function caseStatusText(c: {
  id: string;
  level: Level;
  status: Status;
  assignee: string | null;
  subject: string;
  attempts: number;
  acknowledgedAt: string | null;
  outcome: string | null;
  due: string | null;
}): string {
  const head = `${c.id} ${LEVEL_ZH[c.level]} · ${STATUS_ZH[c.status]} · 责任人 ${c.assignee ?? '无'}`;
  const lines = [head, `对象：${c.subject}`];
  const facts = [c.acknowledgedAt ? `${c.acknowledgedAt}接单` : null, c.attempts ? `已联系${c.attempts}次` : null, c.outcome, c.due ? `${c.due}前反馈` : null].filter(Boolean);
  if (facts.length) lines.push(facts.join('，'));
  return lines.join('\n');
}

/** Live numbers of the current shift for `统计`/`今日`. */
export function statsText(unitName: string, since: string, s: { received: number; urgent: number; acknowledged: number; resolved: number; open: number; overdue: number; dissuaded: number }): string {
  return [
    `${unitName} 本班（${since}起）：收到预警${s.received}件（紧急${s.urgent}）`,
    `已接单${s.acknowledged}，已办结${s.resolved}（劝阻成功${s.dissuaded}）`,
    `在办${s.open}件，其中超时${s.overdue}件`,
  ].join('\n');
}
