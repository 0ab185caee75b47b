import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESULTS, NEGATIONS } from '../../src/domain/case-words.js';
import type { Result } from '../../src/domain/case-machine.js';
import { STATE_CHANGING, understand, type Decision, type UnderstandContext } from '../../src/domain/understand/index.js';
import { formatQuote } from '../../src/domain/text.js';
import { figures, readCorpus, score, TRAINING_FILES } from '../support/phrasing-corpus.js';

const BOT = '网格哨兵';
const worker: UnderstandContext = {
  role: 'worker',
  room: 'tasks',
  mention: false,
  openCases: [{ id: 'Q7RT', level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }],
  visibleCases: ['X6CU', 'K7Q2'],
  quote: null,
  pushIsLatest: false,
  pendingConfirmation: false,
  botName: BOT,
};
const lead: UnderstandContext = { ...worker, role: 'lead', room: 'supervision', openCases: [], visibleCases: ['Q7RT', 'X6CU', 'K7Q2'] };
const volunteer: UnderstandContext = { ...worker, role: 'volunteer', room: 'volunteers', openCases: [] };
/** The sender's own case, already acknowledged twenty minutes ago. */
const taken = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: true, pushedMinutesAgo: 20 }] });

/** The sender's own case, pushed `minutes` ago, acknowledged or not. */
const ownCase = (id: string, acknowledged: boolean, minutes: number): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged, pushedMinutesAgo: minutes }] });
/** Five workers, a supervisor and an operator of the demo roster (bots/demo.yaml). */
const ROSTER: UnderstandContext['members'] = [...['李网格', '周网格', '陈网格', '刘网格', '吴网格'].map((name) => ({ name, role: 'worker' as const })), { name: '赵督导', role: 'supervisor' }, { name: '冯中心', role: 'operator' }];

const acts = (d: Decision, command: Record<string, unknown>) => expect(d).toMatchObject({ kind: 'act', command });
const confirms = (d: Decision, command: Record<string, unknown>) => expect(d).toMatchObject({ kind: 'confirm', command });
const changesState = (d: Decision) => d.kind === 'act' && STATE_CHANGING.has(d.command.kind);

describe('the issue\'s examples: questions and negations never act', () => {
  it('reads "Q7RT 是不是被骗了？" from a lead as a query, not an outcome', () => {
    acts(understand('Q7RT 是不是被骗了？', lead), { kind: 'query', caseId: 'Q7RT' });
  });
  it('reads "Q7RT 劝住了吗" from a lead as a query', () => {
    acts(understand('Q7RT 劝住了吗', lead), { kind: 'query', caseId: 'Q7RT' });
  });
  it('records 没劝住，钱已经转出去了 as defrauded, never dissuaded', () => {
    acts(understand('反馈 Q7RT 没劝住，钱已经转出去了', worker), { kind: 'report', caseId: 'Q7RT', result: 'defrauded' });
  });
  it('records 不是诈骗，是他儿子借钱 as a false positive, never defrauded', () => {
    acts(understand('反馈 Q7RT 不是诈骗，是他儿子借钱', worker), { kind: 'report', caseId: 'Q7RT', result: 'false_positive' });
  });
  it('reads 差点上当，已拦下 right after the push as dissuaded, and asks first (no keyword, id from context)', () => {
    confirms(understand('差点上当，已拦下', { ...worker, pushIsLatest: true }), { kind: 'report', caseId: 'Q7RT', result: 'dissuaded' });
  });
});

describe('the issue\'s examples: colloquial amounts', () => {
  it.each([
    ['反馈 Q7RT 被骗1w5', 15000, false],
    ['反馈 Q7RT 已被骗 1.5w', 15000, false],
    ['反馈 Q7RT 被骗两万八', 28000, false],
    ['反馈 Q7RT 被骗了三万来块', 30000, true],
    ['反馈 Q7RT 被骗五千多', 5000, true],
    ['反馈 Q7RT 已被骗 合计3.2万', 32000, false],
    ['反馈 Q7RT 已被骗 ￥12,000元', 12000, false],
    ['反馈 Q7RT 被骗十五万', 150000, false],
    ['反馈 Q7RT 被骗8k', 8000, false],
    ['反馈 Q7RT 被骗壹万贰仟元', 12000, false],
  ])('reads %j as a loss of %d (approximate: %s)', (text, lossAmount, approximate) => {
    const d = understand(text, worker);
    expect(d).toMatchObject({ kind: approximate ? 'confirm' : 'act', command: { kind: 'report', result: 'defrauded', lossAmount, approximate } });
  });
  it('asks with the one-line question when the amount is vague', () => {
    expect(understand('反馈 X6CU 已被骗，损失约3万，已报警', worker)).toMatchObject({
      kind: 'confirm',
      prompt: '您是说：X6CU 已被骗，损失约3万元，已报警？回复“1”确认，回复“2”取消',
    });
  });
});

describe('the issue\'s examples: context', () => {
  const alert = { from: 'bot' as const, caseId: 'Q7RT', kind: 'escalation' as const };
  it('takes a supervisor\'s 收到 on a quoted escalation alert as 督办', () => {
    acts(understand('收到', { ...lead, role: 'supervisor', quote: alert }), { kind: 'supervise', caseId: 'Q7RT' });
  });
  it('takes a lead\'s 好的我来督办 on a quoted escalation alert as 督办', () => {
    acts(understand('好的我来督办', { ...lead, quote: alert }), { kind: 'supervise', caseId: 'Q7RT' });
  });
  it('never takes 收到 on a colleague\'s quoted notice as an acknowledgement', () => {
    expect(understand(formatQuote('王社区', '今晚八点开会', '收到'), { ...worker, quote: { from: 'person' } })).toEqual({ kind: 'ignore' });
  });
  it('does not read a licence plate as a case id', () => {
    expect(understand('我开京N7K29过去', worker)).toEqual({ kind: 'ignore' });
  });
});

describe('the issue\'s examples: no more silence where a person would understand', () => {
  it('reads "Q7RT 家里没人，晚上再去" as an attempt at the door, confirmed first', () => {
    confirms(understand('Q7RT 家里没人，晚上再去', worker), { kind: 'report', caseId: 'Q7RT', result: 'unreachable', method: 'visit' });
  });
  it.each(['在路上了 Q7RT', 'Q7RT 马上过去', 'Q7RT 我接了', '我去看看 Q7RT'])('acknowledges %j', (text) => {
    acts(understand(text, worker), { kind: 'ack', caseId: 'Q7RT' });
  });
  it.each(['收到，这就出发', '明白', '嗯嗯', '好', '👌'])('acknowledges %j right after the push', (text) => {
    acts(understand(text, { ...worker, pushIsLatest: true }), { kind: 'ack', caseId: 'Q7RT' });
  });
  it.each([
    ['打不通', 'unreachable'],
    ['一直占线', 'unreachable'],
    ['停机', 'unreachable'],
    ['劝不动', 'refused'],
    ['不听劝', 'refused'],
    ['劝下来了', 'dissuaded'],
    ['拦住了', 'dissuaded'],
    ['已止付', 'dissuaded'],
  ] as [string, Result][])('reads %j right after the push as %s, confirmed first', (text, result) => {
    confirms(understand(text, { ...worker, pushIsLatest: true }), { kind: 'report', caseId: 'Q7RT', result });
  });
  it.each([
    ['转给 Q7RT 王五', { kind: 'reassign', caseId: 'Q7RT', to: '王五' }],
    ['交给 Q7RT @周网格', { kind: 'reassign', caseId: 'Q7RT', to: '周网格' }],
    ['作废 Q7RT 重复推送', { kind: 'cancel', caseId: 'Q7RT', reason: '重复推送' }],
  ])('reads the lead\'s %j', (text, command) => {
    acts(understand(text, lead), command);
  });
  it('asks about a typo\'d id instead of staying silent', () => {
    expect(understand('收到 Q7RI', worker)).toEqual({ kind: 'confirm', command: { kind: 'ack', caseId: 'Q7RT' }, prompt: '您是指 Q7RT 吗？回复“1”确认，回复“2”取消' });
  });
  it('answers a command with an unknown id, listing the sender\'s cases', () => {
    expect(understand('收到 Y9YY', worker)).toMatchObject({ kind: 'refuse', reason: 'unknown_case', hint: expect.stringContaining('没有找到案件 Y9YY。您的待办：Q7RT（紧急）') });
  });
  it('applies an outcome without id in private chat to the only open case, confirmed first', () => {
    confirms(understand('劝阻成功', { ...worker, room: 'private' }), { kind: 'report', caseId: 'Q7RT', result: 'dissuaded' });
  });
  it('answers 反馈 alone with an example', () => {
    expect(understand('反馈', worker)).toMatchObject({ kind: 'refuse', example: expect.stringContaining('反馈 Q7RT') });
  });
  it('asks once about a bare 收到 when the push is not the latest message', () => {
    expect(understand('收到', worker)).toEqual({ kind: 'confirm', command: { kind: 'ack', caseId: 'Q7RT' }, prompt: '您是要接单 Q7RT 吗？回复“1”确认，回复“2”取消' });
  });
});

describe('the issue\'s examples: outreach sentences and free-form questions', () => {
  it('reads an outreach sentence without 宣传 at the start', () => {
    const d = understand('今天下午在团结湖公园做了反诈宣传，大约120人参加，现场装了30个国家反诈中心APP', volunteer);
    expect(d).toMatchObject({ command: { kind: 'outreach', place: '团结湖公园', people: 120, installs: 30, leaflets: 0 } });
  });
  it('reads 200多人 as people, never leaflets', () => {
    acts(understand('宣传 团结湖公园 200多人', volunteer), { kind: 'outreach', people: 200, leaflets: 0 });
  });
  it('counts 30人装了APP as installs', () => {
    acts(understand('宣传 团结湖公园 100人 30人装了APP', volunteer), { kind: 'outreach', people: 100, installs: 30 });
  });
  it.each([
    ['Q7RT 现在什么情况', { kind: 'query', caseId: 'Q7RT' }],
    ['我还有几件没办完', { kind: 'mine' }],
    ['这个怎么用', { kind: 'help' }],
  ])('understands the question %j', (text, command) => {
    acts(understand(text, worker), command);
  });
});

const roster: UnderstandContext['members'] = [
  { name: '李网格', role: 'worker' },
  { name: '周网格', role: 'worker' },
  { name: '王社区', role: 'lead' },
  { name: '孙志愿', role: 'volunteer' },
];

describe('转派 with the roster in the context', () => {
  const withRoster = { ...lead, members: roster };
  it('refuses a name that is not on the roster, before anything changes', () => {
    expect(understand('转派 X6CU @张三丰', withRoster)).toMatchObject({ kind: 'refuse', reason: 'unknown_member', hint: expect.stringContaining('张三丰') });
  });
  it.each([
    ['转派 X6CU @周网格', '周网格'],
    ['X6CU 让周网格去一趟', '周网格'],
    ['K7Q2 由李网格负责', '李网格'],
    ['K7Q2 周网格跟进一下', '周网格'],
    ['把 X6CU 交给老周吧', '周网格'],
    ['X6CU 换人 李网格', '李网格'],
  ])('reads %j as a 转派 to %s', (text, to) => {
    acts(understand(text, withRoster), { kind: 'reassign', to });
  });
  it('takes any name when the roster is unknown', () => acts(understand('转派 X6CU @张三丰', lead), { kind: 'reassign', to: '张三丰' }));
  it('does not read news about a member as a 转派', () => {
    expect(understand('X6CU 周网格去过了，老人在家', withRoster)).not.toMatchObject({ command: { kind: 'reassign' } });
  });
});

describe('free-form requests by their structure', () => {
  it.each([
    ['辖区目前情况如何', lead, 'stats'],
    ['本班进度发一下', lead, 'stats'],
    ['今天一共处置了多少', lead, 'stats'],
    ['我手上还有哪些没结', worker, 'mine'],
    ['我这边还剩几单', worker, 'mine'],
    ['反馈怎么发', worker, 'help'],
    ['指令有哪些', lead, 'help'],
    ['不知道发什么', worker, 'help'],
  ] as const)('reads %j as %s', (text, ctx, kind) => {
    acts(understand(text, ctx), { kind });
  });
  it.each([
    ['谁知道误报怎么填', lead],
    ['你们那边今天几单？', lead],
    ['统计表明天交', lead],
    ['通知：今天的数据周五前报社区', lead],
  ] as const)('leaves %j to colleagues', (text, ctx) => {
    expect(understand(text, ctx)).toEqual({ kind: 'ignore' });
  });
});

describe('commands called off or weighed never act', () => {
  const withRoster = { ...lead, members: roster };
  it.each(['K7Q2 不用督办了 已经处理好了', '不要撤销 X6CU 继续跟', 'X6CU 暂时不换人', 'K7Q2 不用转给周网格了 李网格已经到了', 'X6CU 要撤销吗？'])('leaves %j alone', (text) => {
    expect(changesState(understand(text, withRoster))).toBe(false);
  });
  it('hands the case to the member the cue points at, not to the one called off', () => {
    acts(understand('X6CU 不给李网格了 给周网格', withRoster), { kind: 'reassign', to: '周网格' });
    acts(understand('K7Q2 李网格请假了 改给周网格', withRoster), { kind: 'reassign', to: '周网格' });
  });
  it('reads an either-or and a checking 了吧 as questions', () => {
    acts(understand('K7Q2 现在是已接单还是待接单', lead), { kind: 'query', caseId: 'K7Q2' });
    acts(understand('Q7RT 我已经接了吧', worker), { kind: 'query', caseId: 'Q7RT' });
  });
  it('takes a lead\'s remark on a quoted escalation alert as 督办', () => {
    acts(understand('在跟了', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }), { kind: 'supervise', caseId: 'X6CU' });
  });
});

describe('volunteers and cases', () => {
  it('tells a volunteer who acknowledges a case in a task room that volunteers do not handle cases', () => {
    for (const visibleCases of [[], ['K7Q2']]) {
      expect(understand('收到 K7Q2', { ...volunteer, room: 'tasks', visibleCases })).toMatchObject({ kind: 'refuse', reason: 'not_allowed', hint: expect.stringMatching(/志愿者不(能)?处理案件/) });
    }
  });
});

describe('correction, reopening and one-tap confirmations', () => {
  it('reads 更正 X6CU 劝阻成功', () => acts(understand('更正 X6CU 劝阻成功', worker), { kind: 'correct', caseId: 'X6CU', result: 'dissuaded' }));
  it('reads 重办 X6CU with its reason', () => acts(understand('重办 X6CU 家属说又被骗了', lead), { kind: 'reopen', caseId: 'X6CU', reason: '家属说又被骗了' }));
  it('reads 1 and 2 only while a confirmation is pending', () => {
    acts(understand('1', { ...worker, pendingConfirmation: true }), { kind: 'confirm_yes' });
    acts(understand('2', { ...worker, pendingConfirmation: true }), { kind: 'confirm_no' });
    expect(understand('1', worker)).toEqual({ kind: 'ignore' });
  });
});

describe('safety by construction', () => {
  const withRoster = { ...lead, members: roster };
  it.each([
    ['如果 Q7RT 被骗了就报警', worker],
    ['要是劝不住 Q7RT 就算了', worker],
    ['差点上当 Q7RT', worker],
    ['Q7RT 等会儿过去', worker],
    ['明天 督办 X6CU', lead],
    ['Q7RT 还没劝住 人在银行排队', worker],
    ['Q7RT 先别记劝阻成功 我再核实一下', worker],
    ['Q7RT 还不能算劝住', worker],
    ['X6CU 督办就算了 已经结了', lead],
    ['X6CU 不必督办 网格员在路上了', lead],
    ['K7Q2 到底报没报警', lead],
    ['X6CU 反馈了没 我这边要报分局', lead],
  ] as const)('never changes state on %j', (text, ctx) => {
    expect(changesState(understand(text, ctx))).toBe(false);
  });
  it.each([
    ['反馈 Q7RT 老人说已经转了3万', { kind: 'report', result: 'defrauded', lossAmount: 30000 }],
    ['反馈 Q7RT 好像是误报', { kind: 'report', result: 'false_positive' }],
    ['反馈 Q7RT 被骗了大几千', { kind: 'report', result: 'defrauded', approximate: true }],
    ['反馈 Q7RT 无法联系 已劝阻', { kind: 'report' }],
    ['反馈 Q7RT 误报 已报警', { kind: 'report' }],
  ])('asks first about someone else\'s words, a vague loss or two outcomes: %j', (text, command) => {
    confirms(understand(text, worker), command);
  });
  it('keeps the whole reason of a command that stands on the sender\'s own words', () => {
    acts(understand('K7Q2 重办，家属说还在转钱', lead), { kind: 'reopen', caseId: 'K7Q2', reason: '家属说还在转钱' });
  });
  it('asks before a state change without a keyword, a quote, the sender\'s own id or the push', () => {
    expect(understand('X6CU 让周网格去一趟', withRoster).kind).toBe('act');
    confirms(understand('劝阻成功', { ...worker, room: 'private' }), { kind: 'report', caseId: 'Q7RT' });
  });
  it.each(['李姐 Q7RT 那栋楼门禁密码多少', '周哥 Q7RT 的地址你帮我看下是几单元', '郑社区 Q7RT 这户是独居吗'])('leaves %j to the colleague it is put to', (text) => {
    expect(understand(text, worker)).toEqual({ kind: 'ignore' });
  });
  it.each(['Q7RT 正在赶过去 大概八分钟', 'Q7RT 我骑电驴过去', 'Q7RT 俺去瞅瞅', 'Q7RT 已到楼下', 'Q7RT 这单我包了'])('acknowledges the sender on the way: %j', (text) => {
    acts(understand(text, worker), { kind: 'ack', caseId: 'Q7RT' });
  });
  it.each(['Q7RT 老人去银行了', 'Q7RT 我去不了', 'Q7RT 我先接孩子', 'Q7RT 到时候再说'])('does not take %j as being on the way', (text) => {
    expect(changesState(understand(text, worker))).toBe(false);
  });
  it('reads a contact denied as unreachable, and 还没联系上 as still under way', () => {
    acts(understand('反馈 Q7RT 未能联系上', worker), { kind: 'report', result: 'unreachable' });
    expect(changesState(understand('反馈 Q7RT 没有没接通', worker))).toBe(false);
    expect(understand('Q7RT 还没联系上 继续打', { ...worker, openCases: [{ ...worker.openCases[0]!, acknowledged: true }] })).toEqual({ kind: 'ignore' });
  });
  it.each(['我去开个会', '我去趟厕所', '我先接孩子'])('does not take another errand right after the push as an acknowledgement: %j', (text) => {
    expect(changesState(understand(text, { ...worker, pushIsLatest: true }))).toBe(false);
  });
  it.each(['我去看看', '我去一趟', '马上去现场'])('still takes %j right after the push', (text) => {
    acts(understand(text, { ...worker, pushIsLatest: true }), { kind: 'ack', caseId: 'Q7RT' });
  });
  it('asks first about a lead command told as done', () => {
    confirms(understand('K7Q2 已经转给周网格了', withRoster), { kind: 'reassign', caseId: 'K7Q2', to: '周网格' });
    confirms(understand('X6CU 昨天督办过了', lead), { kind: 'supervise', caseId: 'X6CU' });
    expect(understand('X6CU 撤销了', lead)).toMatchObject({ kind: 'refuse', reason: 'missing_reason' });
  });
  it.each([
    ['收到的短信说中奖了', worker],
    ['有人知道怎么用吗', worker],
  ] as const)('leaves %j alone', (text, ctx) => {
    expect(understand(text, ctx)).toEqual({ kind: 'ignore' });
  });
  it('refuses a 转派 to a volunteer', () => {
    expect(understand('转派 X6CU @孙志愿', withRoster)).toMatchObject({ kind: 'refuse', reason: 'unknown_member' });
  });
});

/** The training split: every training file of TRAINING_FILES that exists. */
const TRAIN = TRAINING_FILES.filter((p) => existsSync(p));
/**
 * Set from the measured result; it may only go up for the same files. With train-phone, -street,
 * -rooms, -traps and -voice (written independently of the parser, 2,842 lines) the split
 * measured 99.1%.
 */
const TRAIN_ACCURACY_FLOOR = 0.99;

describe.skipIf(TRAIN.length === 0)(`the training split of the phrasing corpus (${TRAIN.join(', ')})`, () => {
  const scored = TRAIN.flatMap((p) => readCorpus(p).map(score));
  it(`is understood at or above ${TRAIN_ACCURACY_FLOOR * 100}%`, () => {
    const f = figures(scored);
    expect(f.correct / f.total).toBeGreaterThanOrEqual(TRAIN_ACCURACY_FLOOR);
  });
  it('makes no wrong state change', () => {
    expect(scored.filter((s) => s.wrongStateChange).map((s) => `${s.line.id} ${s.line.text}`)).toEqual([]);
  });
});

describe('found in the training files written this round (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  it.each([
    ['反馈 Q7RT 已被骗 损失三点五万', 35_000],
    ['反馈 Q7RT 已被骗 损失 三 万 五 千', 35_000],
    ['反馈Q7RT 已被骗了 损失是 一万 两千 块', 12_000],
    ['反馈 Q7RT 被骗了二十多万 已报警', 200_000],
  ])('reads the loss in %j as %i yuan (voice input; it read 50000, 3, 10000 and 20)', (text, loss) => {
    const d = understand(text, acked);
    expect(d.kind === 'act' || d.kind === 'confirm' ? d.command : null).toMatchObject({ kind: 'report', result: 'defrauded', lossAmount: loss });
  });
  it.each(['反馈Q 7 R T 上门 劝阻成功', '反馈Q七RT劝阻成功了', '反馈 Q7 RT 上门 劝阻成功'])('closes up the case id voice input spelled out in %j', (text) => {
    expect(understand(text, acked)).toMatchObject({ kind: 'act', command: { kind: 'report', caseId: 'Q7RT', result: 'dissuaded' } });
  });
  it('keeps no scraps of an outreach sentence as its remark (found walking the sandbox: 备注：传单 帮), but keeps a real one', () => {
    const volunteer = { ...worker, role: 'volunteer' as const, room: 'volunteers' as const, openCases: [] };
    expect(understand('今天上午在幸福里菜市场门口发传单，大概80个人，发了100份，帮20个人装了APP', volunteer)).toMatchObject({
      kind: 'act', command: { kind: 'outreach', people: 80, installs: 20, leaflets: 100, note: null },
    });
    expect(understand('今天下午在团结湖公园做了反诈宣传，大约120人参加，现场装了30个APP，老人居多', volunteer)).toMatchObject({ command: { note: '老人居多' } });
  });
  it('hands a case to the @member, not to the one said to be away', () => {
    const withRoster = { ...lead, members: [{ name: '李网格', role: 'worker' as const }, { name: '周网格', role: 'worker' as const }] };
    expect(understand('转派 X6CU 给 @周网格，李网格今天请假', withRoster)).toMatchObject({ kind: 'act', command: { kind: 'reassign', caseId: 'X6CU', to: '周网格' } });
  });
  it.each([
    ['孙志愿今天宣传了80人 厉害👍', { ...worker, role: 'volunteer' as const, room: 'volunteers' as const, openCases: [] }],
    ['刚才发错群了 已经撤回了', { ...worker, role: 'volunteer' as const, room: 'volunteers' as const, openCases: [] }],
    ['老人受到惊吓了', worker],
  ] as const)('does not act on %j', (text, ctx) => {
    expect(understand(text, ctx as UnderstandContext).kind).not.toBe('act');
  });
});

describe('found by varying the training split (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  it.each([
    ['反馈Q7RT没有被骗劝住了', 'dissuaded'],
    ['反馈Q7RT并未被骗已劝阻', 'dissuaded'],
    ['反馈Q7RT差点上当已拦下', 'dissuaded'],
    ['反馈Q7RT差一点就转了被我们拦下来了', 'dissuaded'],
  ] as const)('reads %j, typed without commas, as %s (a denial or a near miss blanked the result after it)', (text, result) => {
    acts(understand(text, acked), { kind: 'report', caseId: 'Q7RT', result });
  });
  it('still denies the result a denial runs into: 没有上当受骗 records no defrauded', () => {
    expect(understand('反馈 Q7RT 没有上当受骗', acked)).not.toMatchObject({ command: { result: 'defrauded' } });
  });
  it('takes Q7RT我离得近我先过去 (voice input, one run-on clause) as on the way', () => {
    acts(understand('Q7RT我离得近我先过去', worker), { kind: 'ack', caseId: 'Q7RT' });
  });
  it('ends a typed @name where the roster name ends: @周网格X6CU你接一下 hands X6CU to 周网格', () => {
    const withRoster = { ...lead, members: [{ name: '李网格', role: 'worker' as const }, { name: '周网格', role: 'worker' as const }] };
    acts(understand('@周网格X6CU你接一下', withRoster), { kind: 'reassign', caseId: 'X6CU', to: '周网格' });
  });
  it('reads 请问，X6CU，有人上门了没有 as a query (the comma after 请问 hid the case)', () => {
    acts(understand('请问，X6CU，有人上门了没有', lead), { kind: 'query', caseId: 'X6CU' });
  });
  it('reads X6CU，周网格请假了，改给李网格 as a hand-over, not as leave for 周网格', () => {
    const withRoster = { ...lead, members: [{ name: '李网格', role: 'worker' as const }, { name: '周网格', role: 'worker' as const }] };
    acts(understand('X6CU，周网格请假了，改给李网格', withRoster), { kind: 'reassign', caseId: 'X6CU', to: '李网格' });
  });
  it.each(['帮助🙏', '嗯，帮助', '帮助哈', '帮 助啊'])('reads %j as 帮助', (text) => acts(understand(text, worker), { kind: 'help' }));
  it.each(['我的，辛苦', '看下我的哈'])('reads %j as 我的', (text) => acts(understand(text, worker), { kind: 'mine' }));
  it('still reads a question closed by an emoji as a question: X6CU 劝住了没🙏', () => acts(understand('X6CU 劝住了没🙏', lead), { kind: 'query', caseId: 'X6CU' }));
  it('leaves 好的谢谢 alone as a pleasantry', () => expect(understand('好的谢谢', { ...volunteer, room: 'private' }).kind).toBe('ignore'));
  it('reads 反馈 Q7RT 晚了一步 以经转账了 (以经 for 已经) as defrauded', () => acts(understand('反馈 Q7RT 晚了一步 以经转账了', acked), { kind: 'report', result: 'defrauded' }));
});

describe('found in train-mirror.jsonl, written in train.jsonl\'s conventions (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  const late = { ...worker, openCases: [{ id: 'Q7RT', level: 'high' as const, acknowledged: false, pushedMinutesAgo: 14 }] };
  it.each(['使用方法', '这玩意儿么样用', '机器人怎么玩', 'help me'])('reads %j as 帮助', (text) => acts(understand(text, worker), { kind: 'help' }));
  it('leaves 周末怎么玩 alone: 怎么玩 is about the bot only when the bot is named', () => expect(understand('周末怎么玩', worker).kind).toBe('ignore'));
  it('answers a pending confirmation with 选1 and with ２ 不对不对 (a denial said twice is no either-or question)', () => {
    acts(understand('选1', { ...acked, pendingConfirmation: true }), { kind: 'confirm_yes' });
    acts(understand('２ 不对不对', { ...acked, pendingConfirmation: true }), { kind: 'confirm_no' });
    expect(changesState(understand('Q7RT 是误报对不对', acked))).toBe(false);
  });
  it('does not log a call for helpers as outreach: 各位志愿者 周六宣传需要10个人 报名接龙 (it logged 10 people at 各位志愿者)', () => {
    expect(understand('各位志愿者 周六宣传需要10个人 报名接龙', volunteer).kind).toBe('ignore');
  });
  it.each([
    ['上午在三里屯社区卫生站讲反诈 听众45人 发宣传页60张', { people: 45, leaflets: 60 }],
    ['宣传 团结湖 外卖站点 骑手40人 全部装了APP', { people: 40, installs: 40 }],
    ['今天上午在团结湖社区门口宣传 来了六七十人 装APP十几个', { people: 65, installs: 15 }],
    ['今天去幸福里养老驿站给老人讲防骗 二十五人', { people: 25 }],
  ] as const)('logs %j with its figures (leaflets, installs or the log itself were lost; a vague count is asked about)', (text, figures) => {
    const d = understand(text, volunteer);
    expect(d.kind === 'act' || d.kind === 'confirm' ? d.command : null).toMatchObject({ kind: 'outreach', ...figures });
  });
  it('reads 反馈 Q7RT 报警处理了 as reported', () => acts(understand('反馈 Q7RT 报警处理了', acked), { kind: 'report', result: 'reported' }));
  it('tells a worker who asks 帮我统计下今天的数据 that figures are for leads', () => expect(understand('帮我统计下今天的数据', acked)).toMatchObject({ kind: 'refuse', reason: 'not_allowed' }));
  it('leaves news on a case that promises the result alone: Q7RT 银行那边在核实流水 有结果马上说', () => expect(understand('Q7RT 银行那边在核实流水 有结果马上说', acked).kind).toBe('ignore'));
  it.each(['收到了 扫个共享单车过去', '收到...我已经在路上'])('asks about a late %j (a means of going; an ellipsis is no remark)', (text) => {
    confirms(understand(text, late), { kind: 'ack', caseId: 'Q7RT' });
  });
  it('reads 不对不对 是劝阻成功 手滑了 on the bot\'s confirmation as a correction, asked first', () => {
    confirms(understand('不对不对 是劝阻成功 手滑了', { ...lead, role: 'worker', quote: { from: 'bot', caseId: 'Q7RT', kind: 'confirmation' } }), { kind: 'correct', caseId: 'Q7RT', result: 'dissuaded' });
  });
  it('takes the worker\'s own 劝阻成功 after what the old man said, and still not what the family relayed', () => {
    acts(understand('反馈Q7RT我刚上门了老人说那个是骗子已经把他拉黑了劝阻成功', acked), { kind: 'report', result: 'dissuaded', method: 'visit' });
    expect(changesState(understand('Q7RT 家属说已经被骗了', acked))).toBe(false);
  });
});

describe('found in train-mirror2.jsonl (named regressions)', () => {
  it.each([
    ['今天下午村口小卖部那边宣传了一波 来了三十多个人 装了十来个app😄', { place: '村口小卖部', people: 30, installs: 10 }],
    ['今天跟着镇派出所民警进了石桥中学 给初二学生讲网络诈骗 两个班九十六名学生', { place: '石桥中学', people: 96 }],
    ['我们大学生志愿队今天在东沟村宣传，一共讲解了一百二十人次，发放折页二百份，帮助三十五位村民下载了反诈APP。', { people: 120, leaflets: 200, installs: 35 }],
    ['各位好，我是退休教师老孙。今天下午在王家庄老年活动室给老人们讲了防范养老诈骗，共有四十多名群众参加，发放宣传折页六十份。', { place: '王家庄老年活动室', people: 40, leaflets: 60 }],
    ['今天在镇上赶集的时候宣传 人太多了 少说有五百人 发完了四百份传单', { people: 500, leaflets: 400 }],
  ] as const)('logs %j (the place before 宣传, 进了, help to install, a greeting, 少说 read as someone speaking)', (text, figures) => {
    acts(understand(text, volunteer), { kind: 'outreach', ...figures });
  });
  it('still leaves 孙志愿今天宣传了80人 alone: who and when stand before 宣传, not a place', () => {
    expect(understand('孙志愿今天宣传了80人 厉害👍', volunteer).kind).toBe('ignore');
  });
});

describe('found in train-mirror3.jsonl and train-mirror4.jsonl (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  const pushed = { ...worker, pushIsLatest: true };
  const says = (d: Decision) => (d.kind === 'act' || d.kind === 'confirm' ? d.command : null);
  it('takes the total a worker states over the first transfer: 先转了5000 又转了3000 总共8000 (it recorded 5000)', () => {
    acts(understand('反馈 Q7RT 先转了5000 又转了3000 总共8000', acked), { kind: 'report', result: 'defrauded', lossAmount: 8000 });
  });
  it('adds up transfers told one after another, and asks: 先转了5000 后来又转了3000 (it recorded 5000)', () => {
    confirms(understand('反馈 Q7RT 被骗了 先转了5000 后来又转了3000', acked), { kind: 'report', result: 'defrauded', lossAmount: 8000 });
  });
  it.each(['反馈 Q7RT 不听劝 最后还是被骗了', '反馈 Q7RT 拒绝配合 已被骗', '反馈 Q7RT 电话没人接 后来上门劝住了'])('asks about %j: two results named (it recorded the last)', (text) => {
    expect(understand(text, acked).kind).toBe('confirm');
  });
  it('still records 没劝住 被骗十万 at once: the failed dissuasion is how the loss came about', () => {
    acts(understand('反馈 Q7RT 没劝住 被骗十万', acked), { kind: 'report', result: 'defrauded', lossAmount: 100_000 });
  });
  it('corrects to the result after 应为, not the one it was recorded as (更正 X6CU 应为劝阻成功 之前报成被骗了 recorded defrauded)', () => {
    acts(understand('更正 X6CU 应为劝阻成功 之前报成被骗了', worker), { kind: 'correct', caseId: 'X6CU', result: 'dissuaded' });
  });
  it('reads 派出所已经立案 as reported too', () => acts(understand('反馈 Q7RT 被骗3.6万 派出所已经立案', acked), { kind: 'report', lossAmount: 36_000, alsoReported: true }));
  it.each([
    ['孙志愿今天在菜市场讲了一上午 来了100多人 太厉害了👍'],
    ['上个月全街道宣传一共覆盖了3000多人'],
    ['去年这个时候我们在这里宣传来了200人'],
  ])('does not log %j (a colleague praised, a past period)', (text) => expect(understand(text, volunteer).kind).toBe('ignore'));
  it.each([
    ['新华里社区老年活动中心 防骗讲座 到场老人38位 装APP的12位', { people: 38, installs: 12 }],
    ['今儿个在俺们村委会大院讲了一回防骗 来了五十多口人 装了十来个APP', { people: 50, installs: 10 }],
    ['今天早市宣传 人不多 三十来个 装了5个APP', { people: 30, installs: 5 }],
  ] as const)('logs %j with its figures', (text, figures) => acts(understand(text, volunteer), { kind: 'outreach', ...figures }));
  it.each(['麻烦撤回我上一条 地点写错了', '不好意思，刚才那条宣传数据填错了，麻烦撤回一下'])('withdraws on %j', (text) => acts(understand(text, volunteer), { kind: 'withdraw' }));
  it('reads 错了 是误报 on the bot\'s confirmation of a closed case as a correction, asked first', () => {
    confirms(understand('错了 是误报', { ...lead, role: 'worker', quote: { from: 'bot', caseId: 'X6CU', kind: 'confirmation' } }), { kind: 'correct', caseId: 'X6CU', result: 'false_positive' });
  });
  it.each(['帮助文档', '新手指引', '接到推送以后我该干嘛', '接单了然后呢 下一步干啥', '填错了能改吗', '反馈要不要带编号', '那四位码是干啥用的', '网格哨兵都会些什么', '请问一下这个小助手怎么使用', '点样回复接单啊', '迭个哪能弄啊', '装APP的数量怎么填'])('reads %j as 帮助', (text) => {
    expect(says(understand(text, worker))).toMatchObject({ kind: 'help' });
  });
  it.each(['表格怎么填', '加班餐费怎么报销啊', '台账怎么填 有模板没', '打卡APP怎么用 一直定位不上', '群公告怎么发', '入户登记表第二页怎么填', '说明会几点开始', '误报的单子要不要写说明'])('leaves %j alone: how to use something that is not the bot', (text) => {
    expect(understand(text, worker).kind).toBe('ignore');
  });
  it.each(['嗯对', '对对对'])('answers a pending confirmation with %j as yes', (text) => acts(understand(text, { ...acked, pendingConfirmation: true }), { kind: 'confirm_yes' }));
  it.each(['要得 马上去', '行行 马上去', 'okk 收到'])('acknowledges %j right after the push', (text) => acts(understand(text, pushed), { kind: 'ack', caseId: 'Q7RT' }));
  it.each(['中午吃啥', '好多人啊'])('does not acknowledge %j right after the push: 中/好 begins another word', (text) => expect(changesState(understand(text, pushed))).toBe(false));
  it.each([
    ['收到收到 Q7RT 我现在就去看看是咋回事', 'ack'],
    ['好嘞 Q7RT 交给俺', 'ack'],
    ['嗯嗯 再路上', 'ack'],
  ] as const)('reads %j as %s (an embedded 咋回事, 交给俺, 再路上 for 在路上)', (text, kind) => expect(says(understand(text, pushed))).toMatchObject({ kind }));
  it('reads 反馈：Q7RT，上门面谈，老人已被劝下，钱没动。 as dissuaded by a visit', () => acts(understand('反馈：Q7RT，上门面谈，老人已被劝下，钱没动。', acked), { kind: 'report', result: 'dissuaded', method: 'visit' }));
  it('reads 反馈 Q7RT 遭骗了 三万 as a loss of 30,000', () => acts(understand('反馈 Q7RT 遭骗了 三万', acked), { kind: 'report', result: 'defrauded', lossAmount: 30_000 }));
  it('asks about a late 收到 with 我先给老人打个电话 (the call is about the push)', () => {
    confirms(understand('收到 我先给老人打个电话', { ...worker, openCases: [{ id: 'Q7RT', level: 'high' as const, acknowledged: false, pushedMinutesAgo: 12 }] }), { kind: 'ack', caseId: 'Q7RT' });
  });
  it('reads 这单X6CU给我盯死了 from a lead as 督办', () => acts(understand('这单X6CU给我盯死了', lead), { kind: 'supervise', caseId: 'X6CU' }));
  it('leaves 我还剩几天年假来着 alone', () => expect(understand('我还剩几天年假来着', worker).kind).toBe('ignore'));
});

describe('asking rather than guessing a figure (safety rules drawn from the unseen corpora\'s wrong state changes)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  it('asks which sum was lost when a report names two and no total: 被骗3万 另外2万是借的', () => {
    confirms(understand('反馈 Q7RT 被骗3万 另外2万是借的', acked), { kind: 'report', result: 'defrauded', lossAmount: 30_000 });
  });
  it('records at once when the other sum is the balance left (被骗3万 卡里还剩2万): a balance is never the loss', () => {
    acts(understand('反馈 Q7RT 被骗3万 卡里还剩2万', acked), { kind: 'report', result: 'defrauded', lossAmount: 30_000 });
  });
  it('still records at once when the other sum was saved: 被骗2万 还有5千被银行冻结了, or one sum said twice', () => {
    acts(understand('反馈 Q7RT 被骗2万 还有5千被银行冻结了', acked), { kind: 'report', lossAmount: 20_000 });
    acts(understand('反馈 Q7RT 已被骗 损失三万 嗯 三万块', acked), { kind: 'report', lossAmount: 30_000 });
    acts(understand('反馈 Q7RT 已被骗 ￥12,000元', acked), { kind: 'report', lossAmount: 12_000 });
  });
  it('asks before logging outreach whose remark still holds a figure it should have read: 发小卡片50张', () => {
    confirms(understand('宣传 幸福里社区 摆摊 80人 发小卡片50张', volunteer), { kind: 'outreach', people: 80 });
  });
  it('still logs at once when what is left over is households or a sub-count: 入户 28户, 老人20名 护工8名 共28人', () => {
    acts(understand('宣传 幸福里3号院 入户 28户 65人 装APP 9', volunteer), { kind: 'outreach', people: 65, installs: 9 });
    acts(understand('宣传 团结湖社区 敬老院 老人20名 护工8名 共28人', volunteer), { kind: 'outreach', people: 28 });
  });
});

describe('found in train-para-a.jsonl and train-para-b.jsonl, paraphrases of train.jsonl (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  const pending = { ...acked, pendingConfirmation: true };
  it.each([
    ['反馈 Q7RT 已经打了110', 'reported', null],
    ['反馈 Q7RT 被骗了 金额是15000', 'defrauded', 15_000],
    ['反馈 已经被骗了 损了7000 报过警了', 'defrauded', 7000],
  ] as const)('reads %j as %s with loss %s (打了110 was a loss of 110; 金额是, 损了 lost the figure)', (text, result, loss) => {
    const d = understand(text, { ...acked, quote: { from: 'bot', caseId: 'Q7RT', kind: 'reminder' } });
    expect(d.kind === 'act' || d.kind === 'confirm' ? d.command : null).toMatchObject({ kind: 'report', result, ...(loss === null ? {} : { lossAmount: loss }) });
  });
  it.each(['反馈 Q7RT 跟社区民警上的门 已经劝阻', '反馈 Q7RT 俺上他家去了 老头儿听进去了 没转'])('reads the visit in %j', (text) => acts(understand(text, acked), { kind: 'report', result: 'dissuaded', method: 'visit' }));
  it.each(['反馈 Q7RT 报过案了 被骗八百六十元', '反馈 Q7RT 已打110报警 被骗六千八'])('reads the police report in %j', (text) => acts(understand(text, acked), { kind: 'report', result: 'defrauded', alsoReported: true }));
  it.each([
    ['团结湖社区入户走访 30户 75人覆盖到了 APP帮装了十八个', { people: 75, installs: 18 }],
    ['团结湖二网格楼道里宣传 海报贴了20张 单页发了150份 讲解了大约60人', { people: 60, leaflets: 150 }],
    ['幸福里学校宣传 500人 APP一个没装', { people: 500, installs: 0 }],
    ['宣传 幸福里摆摊 人数六十八 装APP十九个', { people: 68, installs: 19 }],
  ] as const)('logs %j with its figures (posters are no leaflets; 一个没装 is none)', (text, figures) => acts(understand(text, volunteer), { kind: 'outreach', ...figures }));
  it.each([['好的 选1', 'confirm_yes'], ['说错了 选2', 'confirm_no'], ['不是这个案子 2', 'confirm_no'], ['确认1', 'confirm_yes']] as const)('answers a pending confirmation with %j', (text, kind) => acts(understand(text, pending), { kind }));
  it.each(['3号楼1单元', '我在3号楼 1', '不是 1'])('does not take %j for an answer: the digit is part of something else, or the words disagree', (text) => expect(changesState(understand(text, pending))).toBe(false));
  it.each(['反馈 Q7RT 被冒充客服的骗了52000', '反馈 Q7RT 被那个投资理财骗了一万五'])('records %j at once: the loss said in the passive is stated', (text) => expect(understand(text, acked).kind).toBe('act'));
  it('records the loss when another payment was stopped by the bank, and asks when the bank stopped the only one', () => {
    acts(understand('反馈 Q7RT 被骗了 转出去一万五 另外一笔两千让银行拦下来了', acked), { kind: 'report', result: 'defrauded', lossAmount: 15_000 });
    expect(understand('反馈 Q7RT 被骗了 还好银行拦住了', acked).kind).toBe('confirm');
  });
  it.each(['Q7RT 还在劝 没劝住 接着做工作', 'Q7RT 敲门没人在 晚点再去'])('leaves progress news %j alone', (text) => expect(changesState(understand(text, acked))).toBe(false));
  it('reads 反馈 Q7RT 入户劝阻成功 老人保证陌生电话再也不接 as dissuaded (再也不接 is a promise, not unreachable)', () => {
    acts(understand('反馈 Q7RT 入户劝阻成功 老人保证陌生电话再也不接', acked), { kind: 'report', result: 'dissuaded', method: 'visit' });
  });
  it.each([
    ['反馈 Q7RT 已经被骗 老人说不清转了多少', 'report'],
    ['反馈 Q7RT 搞什么投资理财 结果被骗150000', 'report'],
    ['Q7RT 说啥都不听 劝不动', 'report'],
  ] as const)('reads %j as a %s, not a question (说不清…多少, 搞什么X, 说啥都)', (text, kind) => expect(understand(text, acked)).toMatchObject({ command: { kind } }));
  it('leaves 反馈模板是 方式加结果 被骗了就写上金额 alone: the form of a report explained', () => expect(changesState(understand('反馈模板是 方式加结果 被骗了就写上金额', acked))).toBe(false));
  it.each(['我撤回了一条消息'])('does not withdraw a log on WeChat\'s notice %j', (text) => expect(understand(text, volunteer).kind).toBe('ignore'));
  it.each(['今日整体咋样', '@网格哨兵 今天情况如何'])('reads %j from a lead as 统计', (text) => acts(understand(text, { ...lead, mention: text.startsWith('@') }), { kind: 'stats' }));
  it('leaves 今天情况咋样 alone in the group: it may be asked of the people there', () => expect(understand('今天情况咋样', lead).kind).toBe('ignore'));
  it.each(['需要帮助吗', '独居老人需要帮助的请联系我'])('leaves %j alone', (text) => expect(understand(text, worker).kind).toBe('ignore'));
});

describe('found in train-para-c.jsonl and train-para-d.jsonl, second paraphrases of train.jsonl (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  const pushed = { ...worker, pushIsLatest: true };
  const says = (d: Decision) => (d.kind === 'act' || d.kind === 'confirm' ? d.command : null);
  it('does not take 刚刚上门处置 for the keyword 反馈: the report is asked about (it was recorded at once)', () => {
    expect(understand('刚刚上门处置 Q7RT 已劝阻成功。', acked).kind).toBe('confirm');
  });
  it.each(['反馈 Q7RT 已经被骗了 损失一万五 警也报了', '反馈 Q7RT 被骗六万 案也报嘞', '反馈 Q7RT 被骗一万五 报警嘞', '【反馈】Q7RT：劝阻未果，老人已通过手机银行转账28000元，已陪同其报警。'])('records the police report in %j', (text) => {
    expect(says(understand(text, acked))).toMatchObject({ kind: 'report', result: 'defrauded', alsoReported: true });
  });
  it('reads 亏5000 as the loss, and 幸亏 as luck', () => {
    acts(understand('反馈 Q7RT 被骗了 亏5000', acked), { kind: 'report', lossAmount: 5000 });
    expect(says(understand('反馈 Q7RT 幸亏银行拦住了 劝阻成功', acked))).toMatchObject({ result: 'dissuaded' });
  });
  it('marks 快五万 as approximate', () => confirms(understand('反馈 Q7RT 钱转走嘞 快五万了', acked), { lossAmount: 50_000, approximate: true }));
  it('takes the method the correction states, not the one it denies: 劝阻方式为电话，非上门', () => {
    acts(understand('更正X6CU：劝阻方式为电话，非上门，结果为劝阻成功。', worker), { kind: 'correct', result: 'dissuaded', method: 'phone' });
  });
  it.each([
    ['宣传 幸福里小区门口摆摊 八十人 APP整了二十五个', { people: 80, installs: 25 }],
    ['宣传 幸福里学校 五百个人 APP一个都没有装', { people: 500, installs: 0 }],
    ['团结湖二网格楼道宣传 海报20张 单页150份 讲了60人左右', { people: 60, leaflets: 150 }],
    ['今儿上午搁幸福里菜市场门口摆摊 来了一百五十号人左右 装了四十个APP', { people: 150, installs: 40 }],
    ['宣传 幸福里社区入户 独居老人四十八个 装APP十五个 传单发了六十份', { people: 48, installs: 15, leaflets: 60 }],
  ] as const)('logs %j with its figures (整 for 装, 号人, 搁 for 在, posters apart)', (text, figures) => acts(understand(text, volunteer), { kind: 'outreach', ...figures }));
  it.each([
    ['Q7RT晓得了 马上克', 'ack'],
    ['Q7RT收✅', 'ack'],
    ['Q7RT这条收啦✔', 'ack'],
    ['嗯知道了我这就去了', 'ack'],
    ['立刻出发👍', 'ack'],
    ['本人已在前往途中。', 'ack'],
  ] as const)('acknowledges %j right after the push (dialect, shorthand, formal)', (text, kind) => expect(says(understand(text, pushed))).toMatchObject({ kind }));
  it('does not take 分局已接手 for the lead taking the case over', () => expect(says(understand('@网格哨兵 K7Q2撤 分局已接手', { ...lead, mention: true }))).toMatchObject({ kind: 'cancel', caseId: 'K7Q2' }));
  it.each(['Q7RT劝下来没得', 'Q7RT有结果没得', 'Q7RT被骗了没得'])('reads %j as a question (没得 for 没有)', (text) => acts(understand(text, acked), { kind: 'query', caseId: 'Q7RT' }));
  it.each(['嗯选一', '嗯选2'])('answers a pending confirmation with %j', (text) => expect(understand(text, { ...acked, pendingConfirmation: true })).toMatchObject({ kind: 'act' }));
  it('reads 绑Y2MC6V as 绑定 for a stranger', () => acts(understand('绑Y2MC6V', { ...worker, role: 'stranger', room: 'private', openCases: [] }), { kind: 'bind', code: 'Y2MC6V' }));
  it('reads X6CU改误报 as a correction', () => acts(understand('X6CU改误报 @网格哨兵', { ...worker, mention: true }), { kind: 'correct', caseId: 'X6CU', result: 'false_positive' }));
  it('leaves the relayed 周网格说他X6CU填错了要更正 to 周网格', () => expect(understand('周网格说他X6CU填错了要更正', lead).kind).toBe('ignore'));
  it('reads 这单我来接吧 right after the push as taking the case, not as 我的', () => acts(understand('这单我来接吧', pushed), { kind: 'ack', caseId: 'Q7RT' }));
});

describe('found in train-para-e.jsonl and train-mirror5.jsonl (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  it('reads 老人被骗了2.8万 一直在哭 as 28,000 (一直 was read into the figure: 29,000)', () => {
    acts(understand('@网格哨兵 反馈 Q7RT 老人被骗了2.8万 一直在哭', { ...acked, mention: true }), { kind: 'report', lossAmount: 28_000 });
  });
  it('records 已陪老人报警 as reported too', () => acts(understand('反馈 Q7RT 没劝住，老人通过手机银行转了28000，已陪老人报警', acked), { kind: 'report', lossAmount: 28_000, alsoReported: true }));
  it('asks before logging a count said vaguely: 装APP二十几个 (the figure would be a guess)', () => {
    confirms(understand('今早菜场宣传 估摸一百五十人 装APP二十几个', volunteer), { kind: 'outreach', people: 150 });
  });
  it('acknowledges 快到了 on the quoted dispatch', () => acts(understand('快到了哈', { ...worker, quote: { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' } }), { kind: 'ack', caseId: 'Q7RT' }));
});

describe('found in train-context.jsonl: who writes, where, in reply to what (named regressions)', () => {
  const taken = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 40 }] };
  it('does not take the quoted reminder of a case already taken again: 收到 / 好的 only answer it', () => {
    expect(understand('收到', { ...taken, quote: { from: 'bot', caseId: 'Q7RT', kind: 'reminder' } }).kind).toBe('ignore');
    expect(understand('好的', { ...taken, quote: { from: 'bot', caseId: 'Q7RT', kind: 'reminder' } }).kind).toBe('ignore');
  });
  it('does not take someone else\'s quoted dispatch: a worker\'s or a lead\'s 收到 on it', () => {
    expect(understand('收到', { ...taken, quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }).kind).toBe('ignore');
    expect(understand('收到', { ...lead, room: 'tasks', quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }).kind).toBe('ignore');
  });
  it('reads a lead\'s 收到 on the escalation alert as 督办, and on a reminder meant for the worker as nothing', () => {
    acts(understand('收到', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }), { kind: 'supervise', caseId: 'X6CU' });
    expect(understand('收到', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'reminder' } }).kind).toBe('ignore');
  });
  it('still takes the quoted dispatch of the sender\'s own waiting case', () => acts(understand('好的', { ...worker, quote: { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' } }), { kind: 'ack', caseId: 'Q7RT' }));
  it('leaves 好的 明天见 alone even right after the push: a farewell to someone', () => expect(understand('好的 明天见', { ...worker, pushIsLatest: true }).kind).toBe('ignore'));
  it('keeps no scrap like 一波 as an outreach remark (宣传了一波, found walking the sandbox)', () => {
    const d = understand('今天下午村口小卖部那边宣传了一波 来了三十多个人', volunteer);
    expect(d.kind === 'act' || d.kind === 'confirm' ? d.command : null).toMatchObject({ kind: 'outreach', note: null });
  });
});

describe('found in train-issue.jsonl and train-context.jsonl (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  const pending = { ...acked, pendingConfirmation: true };
  it('does not take 1楼大厅等你 for the answer 1 to a pending confirmation', () => expect(changesState(understand('1楼大厅等你', pending))).toBe(false));
  it.each([['对 就是它', 'confirm_yes'], ['不对 人数是80', 'confirm_no'], ['2️⃣', 'confirm_no']] as const)('answers a pending confirmation with %j', (text, kind) => acts(understand(text, pending), { kind }));
  it('reads 下午3点转的 8000 as a loss of 8000, not the time', () => acts(understand('反馈 Q7RT 被骗 下午3点转的 8000', acked), { kind: 'report', lossAmount: 8000 }));
  it.each([
    ['K7Q2 我刚反馈错了 是劝阻成功 不是拒绝配合', 'dissuaded'],
    ['K7Q2 反馈有误 应为已报警', 'reported'],
    ['K7Q2 之前填的被骗不对 改成拦住了', 'dissuaded'],
  ] as const)('reads %j as a correction to %s (it recorded a new report, or the old result)', (text, result) => acts(understand(text, worker), { kind: 'correct', caseId: 'K7Q2', result }));
  it('reads 18人当场装了国家反诈中心 as installs', () => acts(understand('宣传 幸福里5号楼 入户 讲了45人 18人当场装了国家反诈中心', volunteer), { kind: 'outreach', people: 45, installs: 18 }));
  it('reads 万把块钱 as about 10,000, asked', () => confirms(understand('反馈 Q7RT 被骗 万把块钱', acked), { kind: 'report', lossAmount: 10_000, approximate: true }));
  it('leaves 我还有几件衣服没收 alone: clothes are no cases', () => expect(understand('我还有几件衣服没收 先回趟家', worker).kind).toBe('ignore'));
  it('asks a worker who says 在跟了 or 马上安排 right after the push whether that takes the case', () => {
    acts(understand('在跟了', { ...worker, pushIsLatest: true }), { kind: 'ack', caseId: 'Q7RT' });
    acts(understand('马上安排', { ...worker, pushIsLatest: true }), { kind: 'ack', caseId: 'Q7RT' });
  });
  it('asks about @网格哨兵 收到 even when the push is older than half an hour', () => {
    confirms(understand('@网格哨兵 收到', { ...worker, mention: true, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: false, pushedMinutesAgo: 50 }] }), { kind: 'ack', caseId: 'Q7RT' });
  });
  it('reads @网格哨兵 已劝阻 钱没转 as the sole open case\'s outcome, asked', () => confirms(understand('@网格哨兵 已劝阻 钱没转', { ...acked, mention: true }), { kind: 'report', caseId: 'Q7RT', result: 'dissuaded' }));
  it.each(['返馈 Q7RT 上门劝阻成功', '反溃 Q7RT 劝阻成功'])('asks first about %j: 反馈 misspelt', (text) => expect(understand(text, acked).kind).toBe('confirm'));
  it.each(['my cases', '窝的待办', '还有我的事吗', '我手头还有么子单子'])('reads %j as 我的', (text) => acts(understand(text, worker), { kind: 'mine' }));
  it('acknowledges Q7RT 我五分钟到', () => acts(understand('Q7RT 我五分钟到', worker), { kind: 'ack', caseId: 'Q7RT' }));
  it('leaves 啷个搞的 网又断了 alone: how come, not how to', () => expect(understand('啷个搞的 网又断了', worker).kind).toBe('ignore'));
});

describe('found by running the properties fifteen times longer (named regressions)', () => {
  it.each([
    ['反馈已报警Q7RI ,收到呢', { ...worker, openCases: [], quote: { from: 'bot' as const, caseId: 'Q7RT', kind: 'dispatch' as const } }],
    ['80人呢  上门', { ...worker, pushIsLatest: true }],
    ['00A0更正绑定呢', { ...worker, mention: true, openCases: [] }],
  ] as const)('changes nothing on %j: a 呢 that asks (更正 holds 正, 人呢 asks, 收到呢 closes no statement)', (text, ctx) => {
    expect(changesState(understand(text, ctx as UnderstandContext))).toBe(false);
  });
  it('still reads a statement ending in 呢 as one: 钱还在卡里呢, APP装了35个呢, 刚开会呢', () => {
    acts(understand('反馈 Q7RT 劝住了，钱还在卡里呢', { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] }), { kind: 'report', result: 'dissuaded' });
    acts(understand('团结湖广场舞那块晚上宣传 200多人 APP装了35个呢', volunteer), { kind: 'outreach', installs: 35 });
    acts(understand('收到 刚开会呢 抱歉🙏', { ...worker, quote: { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' } }), { kind: 'ack', caseId: 'Q7RT' });
  });
});

describe('found in train-leads.jsonl (named regressions)', () => {
  const withRoster = { ...lead, members: [{ name: '李网格', role: 'worker' as const }, { name: '陈网格', role: 'worker' as const }, { name: '赵督导', role: 'supervisor' as const }, { name: '冯中心', role: 'operator' as const }] };
  it('hands W7KN to the @member, not to the one in hospital: W7KN 转派 @李网格 陈网格在医院', () => {
    acts(understand('X6CU 转派 @李网格 陈网格在医院', withRoster), { kind: 'reassign', caseId: 'X6CU', to: '李网格' });
  });
  it.each(['赵督导 这周督办了几单 要报分局', '冯中心，撤销的单子月底统计里算不算', '今天统计出来了吗？冯中心'])('leaves %j alone: a colleague called by name', (text) => expect(understand(text, withRoster).kind).toBe('ignore'));
  it.each(['今天全员零超时 辛苦大家了🌹', '统计报表格式又改了 真折腾'])('leaves the remark %j alone', (text) => expect(understand(text, { ...lead, room: 'tasks' }).kind).toBe('ignore'));
  it('reads X6CU 现在怎样 as a query', () => acts(understand('X6CU 现在怎样', lead), { kind: 'query', caseId: 'X6CU' }));
  it('reads 查一下 on the bot\'s dispatch as a query about that case (it asked for an id)', () => acts(understand('查一下', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }), { kind: 'query', caseId: 'X6CU' }));
  it('records 更正为误报 on the bot\'s message about a case at once, and asks about 搞错了 是误报', () => {
    acts(understand('更正为误报', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'other' } }), { kind: 'correct', caseId: 'X6CU', result: 'false_positive' });
    confirms(understand('搞错了 是误报', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'confirmation' } }), { kind: 'correct', caseId: 'X6CU' });
  });
  it('leaves a remark on a quoted summary to the room: 大家看下 今天超时三单 明天不能再这样了', () => {
    expect(understand('大家看下 今天超时三单 明天不能再这样了', { ...lead, room: 'tasks', quote: { from: 'bot', caseId: null, kind: 'other' } }).kind).toBe('ignore');
  });
});

describe('found in train-private.jsonl (named regressions)', () => {
  it('counts 都帮着装了APP as everyone installed', () => acts(understand('上午去敬老院讲反诈 老人35个 都帮着装了APP', volunteer), { kind: 'outreach', people: 35, installs: 35 }));
  it('does not take someone else\'s quoted dispatch with 收到 when the sender has no case waiting', () => expect(understand('收到', { ...worker, openCases: [], quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }).kind).toBe('ignore'));
  it('leaves @李网格 抓紧看一下 on a quoted dispatch to 李网格', () => expect(changesState(understand('@李网格 抓紧看一下', { ...lead, room: 'tasks', quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }))).toBe(false));
  it.each(['[图片]', '[抱拳][抱拳]', '哈哈哈'])('answers nothing to %j in private', (text) => expect(understand(text, { ...worker, room: 'private' }).kind).toBe('ignore'));
  it('answers nothing to a stranger\'s 谢谢', () => expect(understand('谢谢', { ...worker, role: 'stranger', room: 'private', openCases: [] }).kind).toBe('ignore'));
  it('still answers @网格哨兵 alone with the help', () => acts(understand('@网格哨兵', { ...worker, mention: true }), { kind: 'help' }));
});

describe('found in train-roles.jsonl (named regressions)', () => {
  const acked = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent' as const, acknowledged: true, pushedMinutesAgo: 20 }] };
  it.each([
    ['反馈 Q7RT 已被骗 损失6000 说错了 是9000', 9000],
    ['反馈 Q7RT 被骗3万 更正一下 是3万5', 35_000],
    ['反馈 Q7RT 被骗6000 家属刚说是一共9000 以这个为准', 9000],
  ])('reads %j as a report of the corrected figure, asked first (it was recorded as a correction of an open case)', (text, loss) => {
    confirms(understand(text, acked), { kind: 'report', result: 'defrauded', lossAmount: loss });
  });
  it('takes the loss, not the sum at stake: 涉案金额10万 实际损失3万 (it recorded 100,000)', () => {
    acts(understand('反馈 Q7RT 涉案金额10万 实际损失3万 其余被银行止付', acked), { kind: 'report', lossAmount: 30_000 });
  });
  it('marks 不到一万 as approximate, asked (it was recorded as exactly 10,000)', () => confirms(understand('反馈 Q7RT 已被骗 不到一万 具体还在核', acked), { lossAmount: 10_000, approximate: true }));
  it.each(['what can you do', 'hello how does this bot work'])('reads %j as 帮助', (text) => acts(understand(text, { ...worker, room: 'private' }), { kind: 'help' }));
});

describe('found in train-quiet.jsonl and the training split\'s remaining chatter (named regressions)', () => {
  it.each([
    '我还有几个系统截图没整理',
    '我还有几个居民的电话没存',
    '我们网格一共多少户来着 我忘了',
    '中午盒饭统计下 要的接龙',
    '下午的会几个人来 回复一下',
    '这次培训的签到数据发我一份',
    '群里多少人了 我数一下',
    '健康码怎么弄来着 好久没用了',
    '表格里这个合并单元格怎么弄',
    '新的OA系统怎么用 下午培训的时候问问',
    '易拉宝怎么弄 支架装不上',
    '怎么弄都打不开这个文件',
  ])('ignores %j in the group (it answered with 我的, 统计 or 帮助)', (text) => expect(understand(text, worker).kind).toBe('ignore'));
  it.each(['区里督办的那几件事这周要有结果', '区委督办的那几件事这周要办结'])('ignores %j from a supervisor: things to do, not a count of cases (it answered with 统计)', (text) =>
    expect(understand(text, { ...lead, role: 'supervisor' }).kind).toBe('ignore'),
  );
  it('ignores a lead asking the volunteers room how many volunteers came (it answered with 统计)', () =>
    expect(understand('统计一下 今天参加宣传的志愿者有几位', { ...lead, room: 'volunteers' }).kind).toBe('ignore'));
  it.each(['我还有几个冇弄完', '我哪些超时了', '我跟的那几个现在啥情况', '我今天一共登记了多少人', '俺今天弄了多少了'])('still reads %j as 我的', (text) =>
    acts(understand(text, worker), { kind: 'mine' }),
  );
});

describe('found in train-office.jsonl, train-shift.jsonl and train-outreach2.jsonl (named regressions)', () => {
  const sup = (visible: string[]): UnderstandContext => ({ ...lead, role: 'supervisor', visibleCases: visible });
  it.each([
    ['K7Q2 再等半小时，没人接我再督办', ['K7Q2']],
    ['Q7RT 下午再看看 不行就督办', ['Q7RT']],
    ['B8WD 这两天要督办一下，先记着', ['B8WD']],
    ['J5LS 周一开会的时候统一督办', ['J5LS']],
    ['不是让你督办R9VA，是让你问问情况', ['R9VA']],
    ['J5LS 没必要督办吧 刚推过来5分钟', ['J5LS']],
    ['X6CU 你们盯一下', ['X6CU']],
    ['Q7RT 周网格你抓紧啊 别等到晚上', ['Q7RT']],
    ['收到，K7Q2 今天之内给您答复', ['K7Q2']],
    ['@赵督导 收到，Q7RT 李网格已经在路上了', ['Q7RT']],
    ['收到，B8WD 的材料我补一下', ['B8WD']],
    ['冯中心讲 M3ZP 要撤销 是误报', ['M3ZP']],
  ])('never acts on %j, a plan, a denial, an order to people or a reply to a superior (it recorded 督办 or 撤销)', (text, visible) => {
    expect(changesState(understand(text, sup(visible)))).toBe(false);
  });
  it.each(['好的 K7Q2 我来处理', '收到 K7Q2 我来', '收到 H9QC 我来协调', 'X7PW 我去现场督导'])('still reads %j from a lead as 督办', (text) =>
    acts(understand(text, sup(['K7Q2', 'H9QC', 'X7PW'])), { kind: 'supervise' }),
  );
  it.each([
    'F8QM 是AI换脸的，视频里是他领导的脸',
    'K7Q2 他说钱是借给朋友的，不是转给骗子',
    'X6CU 结果不用改，反馈是对的',
    'K7Q2 这个地址写错了吧',
    'W7GY 的地址谁知道在哪？导航找不到',
  ])('ignores %j in the supervision room (it refused or answered)', (text) => expect(understand(text, sup(['F8QM', 'K7Q2', 'X6CU', 'W7GY'])).kind).toBe('ignore'));
  it('ignores a worker telling the room a colleague is on the way (it took the colleague\'s case)', () =>
    expect(understand('C5VR 李网格已经在路上了 我刚看到他骑车过去', { ...worker, visibleCases: ['C5VR'] }).kind).toBe('ignore'));
  it.each(['家属不让进门 说我们才是骗子 咋整😂', '要是他真把钱转了可咋整', '人数统计好了吗 食堂要订餐'])('ignores %j (it answered with 帮助 or 统计)', (text) =>
    expect(understand(text, worker).kind).toBe('ignore'),
  );
  it.each(['这玩意儿咋整', '我这个不会弄啊怎么办', '这个我弄不来 咋整啊'])('still reads %j as 帮助', (text) => acts(understand(text, worker), { kind: 'help' }));
  it.each(['本月宣传任务：每个志愿者至少宣传50人，装APP 10个', '现在排队装APP的有十几个，忙不过来，来两个人帮忙'])('logs no outreach from %j, a quota or a call for help', (text) =>
    expect(understand(text, volunteer).kind).toBe('ignore'),
  );
  it.each(['好，K7Q2 明天给我个结果', 'C8JE 这个下午三点前给我反馈'])('ignores %j, a deadline set for people (it answered with 查)', (text) =>
    expect(understand(text, sup(['K7Q2', 'C8JE'])).kind).toBe('ignore'),
  );
  it.each(['K7Q2 的结果给我看看', 'K7Q2 结果给我看下'])('reads %j as 查 (it asked for a result, as if reporting)', (text) => acts(understand(text, sup(['K7Q2'])), { kind: 'query', caseId: 'K7Q2' }));
  it('ignores a lead asking a colleague 看到了吗 while quoting the bot\'s dispatch (it answered with 查)', () =>
    expect(understand('@李网格 看到了吗', { ...lead, room: 'tasks', quote: { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' } }).kind).toBe('ignore'));
  it('reads 装上了 as installed (帮12个老人装上了反诈APP was 12 people and no installs)', () =>
    acts(understand('今天在幸福里广场宣传 80人 帮12个老人装上了反诈APP', volunteer), { kind: 'outreach', people: 80, installs: 12 }));
});

describe('found in train-nearmiss.jsonl and train-notices.jsonl (named regressions)', () => {
  const justPushed = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }], pushIsLatest: true });
  const later = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 11 }], pushIsLatest: false });
  it.each(['@郑社区 好的 明白', '@周网格 嗯嗯', '@王社区 👌', '收到王姐', '收到，材料我晚点交', '收到 下午三点开会是吧', '明白，王社区说的那个培训我报名了', '👌 照片收到了'])(
    'does not take the case just pushed from %j, said to someone else or about another matter (it did)',
    (text) => expect(changesState(understand(text, justPushed('E8RS')))).toBe(false),
  );
  it.each(['收到', '收到，这就出发', '收到！！刚在开会'])('still takes the case just pushed from %j', (text) => acts(understand(text, justPushed('E8RS')), { kind: 'ack', caseId: 'E8RS' }));
  it.each(['@钱警官 收到，马上过去', '收到 打印机修好了是吧', '收到，考勤我补一下'])('ignores %j a while after the push', (text) => expect(understand(text, later('Q4WD')).kind).toBe('ignore'));
  it.each(['不好意思刚看到 收到', '才看到，收到', '刚看到 收到'])('asks whether %j takes the case pushed a while ago (it was ignored)', (text) =>
    confirms(understand(text, later('P3FK')), { kind: 'ack', caseId: 'P3FK' }),
  );
  it('asks whether @网格哨兵 明白 takes the case (it was ignored)', () => confirms(understand('@网格哨兵 明白', { ...later('B9KF'), mention: true }), { kind: 'ack', caseId: 'B9KF' }));
  it.each(['快递打不通', '外卖小哥电话打不通😂', '维修师傅电话关机了', '小区门禁坏了 物业没人接'])('ignores %j right after the push: someone else unreachable (it asked to record 未接通)', (text) =>
    expect(understand(text, justPushed('R5JX')).kind).toBe('ignore'),
  );
  it.each(['嗯 看到了', '又是刷单的', '这个小区上周也有一个'])('ignores a lead\'s remark %j on a worker\'s quoted dispatch (it answered 没看懂)', (text) =>
    expect(understand(text, { ...lead, room: 'tasks', quote: { from: 'bot', caseId: 'J8TQ', kind: 'dispatch' } }).kind).toBe('ignore'),
  );
  it('ignores @李网格 X6CU 反馈一下结果, asked of the colleague (it answered with 查)', () =>
    expect(understand('@李网格 X6CU 反馈一下结果', { ...lead, room: 'tasks' }).kind).toBe('ignore'));
  it('reads 我打过去了 as a call, not money sent (阿姨说没转钱 … 劝住了 was asked as 已被骗)', () =>
    confirms(understand('好的我打过去了 阿姨说没转钱 已经提醒她了 劝住了', justPushed('Y5QE')), { kind: 'report', result: 'dissuaded', method: 'phone' }));
  it('reads 当事人已自行报警 as reported (it was refused as a report without a result)', () =>
    acts(understand('反馈 Q7RT 当事人已自行报警', worker), { kind: 'report', caseId: 'Q7RT', result: 'reported' }));
  it.each([
    ['表扬一下，K7Q2 这单陈网格5分钟就上门了，处置很规范👍', lead],
    ['X6CU 和 K7Q2 是不是同一个人啊？名字一样，是不是重复推送了', lead],
    ['那个老太太到底转没转钱啊，家属说法不一样', worker],
    ['会议号多少来着？我找不到了', worker],
  ] as const)('ignores %j (it refused or answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-mirror6.jsonl and train-mirror7.jsonl (named regressions)', () => {
  const idle: UnderstandContext = { ...worker, openCases: [] };
  const own = (id: string, acknowledged = true): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged, pushedMinutesAgo: acknowledged ? 30 : 3 }] });
  it('records the 6800 paid as a deposit (交了6800的保证金 was a loss of nothing)', () =>
    acts(understand('反馈 U8FA 网贷被骗 交了6800的保证金', own('U8FA')), { kind: 'report', result: 'defrauded', lossAmount: 6800 }));
  it('reads 保住了6万块 as dissuaded, not a loss of 60,000', () => acts(understand('反馈 F3HA 保住了6万块 老人没转', own('F3HA')), { kind: 'report', result: 'dissuaded', lossAmount: null }));
  it.each(['反馈F3HA 电话打通了 劝到了 钱莫转', '反馈 F3HA 劝到了'])('reads the Southwest 劝到了 in %j as dissuaded (it was refused)', (text) =>
    acts(understand(text, own('F3HA')), { kind: 'report', result: 'dissuaded' }),
  );
  it('reads 着骗了 as defrauded', () => acts(understand('反馈 H4TE 着骗了 一万二千元', own('H4TE')), { kind: 'report', result: 'defrauded', lossAmount: 12_000 }));
  it('takes 收到 E4XN 先电话联系 联系不上就上门 as taking the case, not 未接通', () => acts(understand('收到 E4XN 先电话联系 联系不上就上门', own('E4XN', false)), { kind: 'ack', caseId: 'E4XN' }));
  it('takes h9qm收到哈 我晓得那个婆婆住哪 as taking the case: what he knows is not asked', () => acts(understand('h9qm收到哈 我晓得那个婆婆住哪', own('H9QM', false)), { kind: 'ack', caseId: 'H9QM' }));
  it('reads a report whose family asks 能不能追回 as a report, asked first (it was answered with 查)', () =>
    confirms(understand('反馈 P2YH 已被骗七八千 家属在问能不能追回', own('P2YH')), { kind: 'report', result: 'defrauded', lossAmount: 7500, approximate: true }));
  it('counts 四十几个婆婆爷爷 as forty people (the round figure, as 四十多), asked first', () =>
    confirms(understand('今天在鹅岭社区老年协会讲反诈 来了四十几个婆婆爷爷 装了十五个APP', volunteer), { kind: 'outreach', people: 40, installs: 15 }));
  it.each([
    ['隔壁社区昨天摆摊来了两百多人 咱们也加把劲', volunteer],
    ['撤回消息只有两分钟 发错了赶紧撤', volunteer],
    ['收到请回复 不回复的我挨个打电话', lead],
    ['复印机卡纸了 我不会弄', idle],
    ['老人转了钱还不承认 这种咋弄', idle],
    ['有几个同志的反馈一直没交 我就不点名了哈', lead],
    ['K7Q2 那个号码我好像在哪见过', lead],
    ['r2xc 正在核对转账记录', own('R2XC')],
  ] as [string, UnderstandContext][])('ignores %j (it logged, withdrew, refused or answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
  it.each([
    ['反诈APP的来电预警功能在哪开？', volunteer],
    ['反诈APP的“我要举报”在哪个菜单', volunteer],
    ['今天一个APP都没装成，老人都说不会用', volunteer],
    ['反馈表第5栏填啥 是写走访时间吗', idle],
    ['一共发了多少传单？我这边要写报告', { ...lead, room: 'volunteers' }],
  ] as [string, UnderstandContext][])('ignores %j, about the anti-fraud app, a paper form or someone else\'s count (it answered with 帮助 or 我的)', (text, ctx) =>
    expect(understand(text, ctx).kind).toBe('ignore'),
  );
  it.each(['我今天发了多少传单 帮我查下', '我今天一共登记了多少人'])('still reads %j as 我的', (text) => acts(understand(text, volunteer), { kind: 'mine' }));
  it.each(['转派给别人怎么弄', '第一次用 不太懂 怎么弄', '我整不明白 咋弄啊', '命令列表', '装APP的数量怎么填'])('still reads %j as 帮助', (text) =>
    acts(understand(text, idle), { kind: 'help' }),
  );
});

describe('found in train-mirror8.jsonl (named regressions)', () => {
  const pushed = (id: string, minutes = 2): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged: false, pushedMinutesAgo: minutes }] });
  it.each(['接单 P8HY', '收到 P8HY'])('answers %j that P8HY does not exist (it asked whether to take D3MV)', (text) =>
    expect(understand(text, pushed('D3MV'))).toMatchObject({ kind: 'refuse', reason: 'unknown_case' }),
  );
  it('still asks about 收到 D3MW, one slip from the sender\'s D3MV', () => confirms(understand('收到 D3MW', pushed('D3MV')), { kind: 'ack', caseId: 'D3MV' }));
  it('takes 妥了 right after the push', () => acts(understand('妥了', { ...pushed('K4TW', 1), pushIsLatest: true }), { kind: 'ack', caseId: 'K4TW' }));
  it('reads 老太太死活不信 咋整都不行 as a report of refusal, not a question (it was answered with 查)', () =>
    acts(understand('反馈 W9CJ 上门 老太太死活不信 咋整都不行', { ...worker, openCases: [{ id: 'W9CJ', level: 'high', acknowledged: true, pushedMinutesAgo: 30 }] }), { kind: 'report', result: 'refused' }));
  it('reads 短信发了 电话也打了 都没回音 as unreachable (it was refused)', () =>
    acts(understand('反馈 P8HY 短信发了 电话也打了 都没回音', { ...worker, openCases: [{ id: 'P8HY', level: 'high', acknowledged: true, pushedMinutesAgo: 30 }] }), { kind: 'report', result: 'unreachable' }));
});

describe('found in train-mirror9.jsonl, written Cantonese and pinyin slips (named regressions)', () => {
  const own = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged: true, pushedMinutesAgo: 30 }] });
  it.each([
    ['反馈 D3QW 电话打咗三次 冇人听', 'D3QW', { result: 'unreachable' }],
    ['反馈 F2MX 佢唔信 劝唔郁 仲话我哋系骗子', 'F2MX', { result: 'refused' }],
    ['反馈 G8TC 已经报咗警 派出所民警到场', 'G8TC', { result: 'reported' }],
    ['反馈 M6XR 劝祖成功 阿婆好配合', 'M6XR', { result: 'dissuaded' }],
    ['反馈 N2FH 无人接厅', 'N2FH', { result: 'unreachable' }],
    ['反馈 D3QW 被骗咗万五', 'D3QW', { result: 'defrauded', lossAmount: 15_000 }],
    ['@网格哨兵 反馈 P8CW 被骗了9k 已经报咗警', 'P8CW', { result: 'defrauded', lossAmount: 9000, alsoReported: true }],
  ] as [string, string, Record<string, unknown>][])('reads %j (it was refused, or read short)', (text, id, command) =>
    acts(understand(text, { ...own(id), mention: text.startsWith('@') }), { kind: 'report', caseId: id, ...command }),
  );
  it('asks about 差啲转咗十万 被我哋拦落嚟 instead of recording a loss of 100,000', () =>
    expect(understand('反馈 J9NE 差啲转咗十万 被我哋拦落嚟', own('J9NE'))).toMatchObject({ command: { kind: 'report', result: 'dissuaded' } }));
  it('asks about a denial and a loss in one message (冇被骗 但系钱已经转走咗, 没被骗 但是钱已经转走了), never acting', () => {
    for (const text of ['反馈 J9NE 冇被骗 但系钱已经转走咗', '反馈 J9NE 没被骗 但是钱已经转走了']) expect(understand(text, own('J9NE')).kind).toBe('confirm');
  });
  it('reads 更正 X6CU：唔系已被骗 系劝阻成功 as a correction to dissuaded (it kept 已被骗)', () =>
    acts(understand('更正 X6CU：唔系已被骗 系劝阻成功', lead), { kind: 'correct', caseId: 'X6CU', result: 'dissuaded' }));
  it('reads @网格哨兵 撤回点搞 as 帮助, not a withdrawal', () => acts(understand('@网格哨兵 撤回点搞', { ...volunteer, mention: true }), { kind: 'help' }));
  it.each(['K7Q2 而家咩情况', 'X6CU 有冇劝住', 'K7Q2 边个跟紧'])('reads %j as 查', (text) => acts(understand(text, lead), { kind: 'query' }));
  it('logs the installs in 顺手装咗15个APP', () =>
    acts(understand('喺员村快递驿站门口宣传 嚟取件嘅大概110人 顺手装咗15个APP', volunteer), { kind: 'outreach', people: 110, installs: 15 }));
  it.each([
    ['反馈 T3MA 差点转了3万 被我拦下了', { result: 'dissuaded' }],
    ['反馈 T3MA 被骗 下午3点转的 8000', { result: 'defrauded', lossAmount: 8000 }],
    ['反馈 T3MA 连系不上 敲门也没人', { result: 'unreachable' }],
  ] as [string, Record<string, unknown>][])('leaves the Mandarin 点 and 系 of %j alone', (text, command) => acts(understand(text, own('T3MA')), { kind: 'report', ...command }));
  it('leaves 晚点发 alone (幸福里的名单晚点发 is no 帮助)', () => expect(understand('幸福里的名单晚点发', worker).kind).toBe('ignore'));
});

describe('found in train-mirror10.jsonl and train-quiet2.jsonl (named regressions)', () => {
  const own = (id: string, acknowledged = true): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged, pushedMinutesAgo: acknowledged ? 30 : 3 }] });
  it('reads 撤回么样弄 as 帮助, not a withdrawal (it withdrew a log)', () => acts(understand('撤回么样弄', volunteer), { kind: 'help' }));
  it.each([
    ['反馈 N3TF 嗯我上门跟老太太说了半天然后她儿子也来了全住了', 'N3TF', { result: 'dissuaded' }],
    ['反馈 G5UC 无报 是她自己给孙子交学费', 'G5UC', { result: 'false_positive' }],
    ['反馈W7AD 老爷子犟得很 说么样都不听 劝不动', 'W7AD', { result: 'refused' }],
  ] as [string, string, Record<string, unknown>][])('reads the voice-input report %j', (text, id, command) => acts(understand(text, own(id)), { kind: 'report', caseId: id, ...command }));
  it.each(['X6CU 么样了', '@网格哨兵 K7Q2 么情况'])('reads %j as 查', (text) => acts(understand(text, { ...lead, mention: text.startsWith('@') }), { kind: 'query' }));
  it('takes W7AD 我克看看 as taking the case', () => acts(understand('W7AD 我克看看', own('W7AD', false)), { kind: 'ack', caseId: 'W7AD' }));
  it('never binds on 绑定吗 P2KV8Q: 吗 may be a slip for 码, but a question never changes state', () =>
    expect(understand('绑定吗 P2KV8Q', { ...worker, role: 'stranger', room: 'private', openCases: [] }).kind).not.toBe('act'));
  it.each([
    ['N3TF还在做工作 老人有点听不进去', own('N3TF')],
    ['反馈的时候把劝阻方式写清楚 电话还是上门', lead],
    ['我的老花镜落在会议室了 哪个帮我收一下', worker],
    ['我跟老李换班了 这周六我来', worker],
    ['请教一下 银行那边调流水需要什么手续', worker],
    ['B8LK 的家属刚才打到居委会来了 问是什么事', { ...lead, visibleCases: ['B8LK'] }],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-mirror11.jsonl (named regressions)', () => {
  const own = (id: string, acknowledged = true): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged, pushedMinutesAgo: acknowledged ? 30 : 3 }] });
  it('never records 劝阻成功 from 劝住了 不过钞票已经转脱了: two results, asked first (it acted)', () =>
    expect(understand('反馈 R8WU 劝住了 不过钞票已经转脱了', own('R8WU')).kind).toBe('confirm'));
  it('reads F8ZT 反馈错脱了 改成已被骗 as a correction, not a new report (it reported)', () =>
    acts(understand('F8ZT 反馈错脱了 改成已被骗', { ...worker, visibleCases: ['F8ZT'] }), { kind: 'correct', caseId: 'F8ZT', result: 'defrauded' }));
  it('reads 反馈 K5LR 已报警 交给钱警官了 from a worker as the report, not a hand-over refused', () =>
    acts(understand('反馈 K5LR 情况复杂 已报警 交给钱警官了', own('K5LR')), { kind: 'report', caseId: 'K5LR', result: 'reported' }));
  it.each([
    ['反馈 V2RG 没劝牢 钞票已经转脱了', 'defrauded'],
    ['反馈 F3YK 差一眼眼就转了 被阿拉拦下来了', 'dissuaded'],
  ])('reads the Wu report %j', (text, result) => acts(understand(text, own(text.slice(3, 7))), { kind: 'report', result }));
  it.each(['W8FA 劝住了伐', 'Y2DK 有人接单伐'])('reads %j (伐 asks) as 查', (text) => acts(understand(text, { ...lead, visibleCases: ['W8FA', 'Y2DK'] }), { kind: 'query' }));
  it('takes 好额 right after the push as the acknowledgement', () =>
    acts(understand('好额', { ...worker, pushIsLatest: true }), { kind: 'ack', caseId: 'Q7RT' }));
  it('reads 帮助一下 谢谢侬 as 帮助', () => acts(understand('帮助一下 谢谢侬', worker), { kind: 'help' }));
  it('asks about 反馈 打了好几趟都不通 privately with one open case', () =>
    confirms(understand('反馈 打了好几趟都不通', { ...own('G9PL'), room: 'private' }), { kind: 'report', caseId: 'G9PL', result: 'unreachable' }));
  it('counts 二十几个APP as twenty, the round figure (as 二十多), and 十几个 as fifteen', () => {
    confirms(understand('今早菜场宣传 估摸一百五十人 装APP二十几个', volunteer), { kind: 'outreach', people: 150, installs: 20, place: '菜场' });
    confirms(understand('今天上午在团结湖社区门口宣传 来了六七十人 装APP十几个', volunteer), { kind: 'outreach', people: 65, installs: 15 });
  });
  it.each([
    ['到D7MV楼下了 门卫不让进 在登记', own('D7MV')],
    ['拒绝配合的一般哪能弄 有经验伐', { ...worker, openCases: [] }],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-quiet3.jsonl (named regressions)', () => {
  const own = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged: true, pushedMinutesAgo: 20 }] });
  it('never takes 收到 W6QH 的家属电话了 as the acknowledgement: 收到 is the verb (it acted)', () =>
    expect(understand('收到 W6QH 的家属电话了 说老人在医院输液', own('W6QH')).kind).toBe('ignore'));
  it('still takes 收到 W6QH 的预警 as the acknowledgement', () =>
    acts(understand('收到 W6QH 的预警 马上去', { ...worker, openCases: [{ id: 'W6QH', level: 'high', acknowledged: false, pushedMinutesAgo: 3 }] }), { kind: 'ack', caseId: 'W6QH' }));
  it('never supervises on @钱警官 V9CL 麻烦您督办一下: asked of the officer (it acted)', () =>
    expect(understand('@钱警官 V9CL 麻烦您督办一下', { ...lead, visibleCases: ['V9CL'] }).kind).toBe('ignore'));
  it('never withdraws a log on 撤回了 发错群了: a WeChat recall told (it acted)', () =>
    expect(understand('撤回了 发错群了', volunteer).kind).toBe('ignore'));
  it('reads 反馈 Q2LE 当面把骗子电话挂了 钱没转 劝住了 as one result, not a refusal as well', () =>
    acts(understand('反馈 Q2LE 当面把骗子电话挂了 钱没转 劝住了', own('Q2LE')), { kind: 'report', caseId: 'Q2LE', result: 'dissuaded', method: 'visit' }));
  it.each(['宣传数据在哪报啊', '反馈在哪报'])('reads %j as 帮助', (text) => acts(understand(text, volunteer), { kind: 'help' }));
  it.each([
    ['M8ZD 敲了半天门没人应 我问问邻居去', own('M8ZD')],
    ['P9QF 老爷子不开门 隔着门在聊', own('P9QF')],
    ['F3LM 老人把跟骗子的聊天记录给我看了 聊了三天了', own('F3LM')],
    ['Q2LE 骗子还在电话里催他 我在旁边听着', own('Q2LE')],
    ['Z7KR 我记得是郑社区那片的？', { ...worker, openCases: [], visibleCases: ['Z7KR'] }],
    ['演练的那几条单子 冯中心说晚上统一作废', lead],
    ['作废的演练单还在我待办里挂着 咋回事', lead],
    ['今天数据不太好看啊', lead],
    ['@林管理 网格哨兵怎么用啊', worker],
    ['反馈的时候别光写劝阻成功 把过程写两句', { ...lead, role: 'supervisor' }],
    ['上周装APP那个大爷今天又来问怎么用了😂', volunteer],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-mirror12.jsonl (named regressions)', () => {
  const own = (id: string, acknowledged = true): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged, pushedMinutesAgo: acknowledged ? 27 : 3 }] });
  it('takes A5KW 额去看看 (额 is 我) as taking the case, not a query', () => acts(understand('A5KW 额去看看', own('A5KW', false)), { kind: 'ack', caseId: 'A5KW' }));
  it('reads 额的任务 as 我的', () => acts(understand('额的任务', worker), { kind: 'mine' }));
  it('reads 被骗了一万五六 as about 15,500, asked first', () =>
    confirms(understand('反馈 P2JR 被骗了一万五六', own('P2JR')), { kind: 'report', result: 'defrauded', lossAmount: 15500, approximate: true }));
  it('reads 门锁着 in a report as nobody home', () =>
    acts(understand('反馈 W9HN 上门了 门锁着 邻居说去西安看病了', own('W9HN')), { kind: 'report', result: 'unreachable', method: 'visit' }));
  it('reads 老婆儿 as an old woman, not someone\'s wife, in a private outcome', () =>
    confirms(understand('那个老婆儿不配合 咋劝都劝不动', { ...own('M4KS'), room: 'private' }), { kind: 'report', caseId: 'M4KS', result: 'refused' }));
  it.each([
    ['老赵 恁所里今天几单', lead],
    ['P7XE 门锁着 我问问邻居去', own('P7XE')],
    ['B4KN 楼下单元门锁着 等物业来开', own('B4KN')],
  ] as [string, UnderstandContext][])('ignores %j', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-mirror9.jsonl, now in the training split (named regressions)', () => {
  const own = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged: true, pushedMinutesAgo: 20 }] });
  it('reads 即刻劝停咗 as dissuaded', () => acts(understand('反馈 V9MH 打电话过去佢准备去银行 即刻劝停咗', own('V9MH')), { kind: 'report', result: 'dissuaded' }));
  it('reads 佢转晒钱 (转完) as money gone, asked first', () => confirms(understand('T7AG 去到已经迟咗 佢转晒钱', own('T7AG')), { kind: 'report', result: 'defrauded' }));
  it('reads K7Q2 搞成点啊 as 查', () => acts(understand('K7Q2 搞成点啊', { ...lead, role: 'supervisor' }), { kind: 'query', caseId: 'K7Q2' }));
  it.each([
    ['今晚同我换班嘅系阿强定阿辉', { ...lead, role: 'supervisor', room: 'tasks' }],
    ['反馈唔好只写已处理 要写清楚劝住定冇劝住', worker],
    ['误报率高嘅几个银行我会同中心反映', { ...lead, role: 'supervisor' }],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-mirror13.jsonl, train-mirror14.jsonl and train-quiet4.jsonl (named regressions)', () => {
  const own = (id: string, acknowledged = true): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged, pushedMinutesAgo: acknowledged ? 20 : 2 }] });
  const lead4 = (...ids: string[]): UnderstandContext => ({ ...lead, visibleCases: ids });
  it('never supervises on P3DV 那个我跟小周说过了 (跟 is "with"; it acted)', () =>
    expect(understand('P3DV 那个我跟小周说过了 她下午过去', lead4('P3DV')).kind).toBe('ignore'));
  it('never hands H9RE to 赵督导 on a status told to him: 派出所 holds no 派 cue (it acted)', () =>
    expect(understand('@赵督导 H9RE 家属已经报警了 派出所在跟 您放心', lead4('H9RE')).kind).toBe('ignore'));
  it('never hands U9HB to 钱警官 on 老人已经把钱转了 … 麻烦紧急止付 (it acted)', () =>
    expect(understand('U9HB 家属打电话到中心 说老人已经把钱转了 @钱警官 麻烦紧急止付', lead4('U9HB')).kind).toBe('ignore'));
  it('never cancels on J6TA 撤了以后…: what follows, talked about (it acted)', () =>
    expect(understand('J6TA 撤了以后 老人那边我让周网格顺路再去看一眼', lead4('J6TA')).kind).toBe('ignore'));
  it('never takes the scammer\'s WeChat for the method: 老人把骗子微信删了 (it recorded 短信)', () =>
    acts(understand('反馈 L9CB 上门 老人把骗子微信删了 劝住了✅', own('L9CB')), { kind: 'report', result: 'dissuaded', method: 'visit' }));
  it('asks before recording 转了小两万 (小 is a little under: approximate; it acted)', () =>
    confirms(understand('反馈 D2GY 已被骗 转了小两万 具体看流水', own('D2GY')), { kind: 'report', lossAmount: 20000, approximate: true }));
  it('never approves leave on 批了 单子我先盯着', () => expect(understand('批了 单子我先盯着', lead).kind).toBe('ignore'));
  it.each(['sd', 'copy', 'get'])('takes %j right after the push as the acknowledgement', (text) =>
    acts(understand(text, { ...own('N5QE', false), pushIsLatest: true }), { kind: 'ack', caseId: 'N5QE' }));
  it.each([
    ['今天战况如何 数据发下', 'stats', lead],
    ['还剩几单没闭环', 'stats', lead],
    ['怎么作废 @网格哨兵', 'help', { ...worker, mention: true }],
    ['@网格哨兵 接单是回收到还是回编号', 'help', { ...worker, mention: true }],
    ['@网格哨兵 报宣传的时候能带照片吗', 'help', { ...volunteer, mention: true }],
  ] as [string, string, UnderstandContext][])('reads %j as %s', (text, kind, ctx) => acts(understand(text, ctx), { kind }));
  it('reads S5XB 具体是几号楼几单元 as 查', () => acts(understand('S5XB 具体是几号楼几单元', own('S5XB')), { kind: 'query', caseId: 'S5XB' }));
  it.each([
    ['到W7DK楼下了 上去看看', own('W7DK')],
    ['这咋整 网又断了', worker],
    ['F3HR 那个小区超难找 导航直接给我干懵了', { ...worker, visibleCases: ['F3HR'] }],
    ['R7GE 这户我跟钱警官说过了 他今晚会过去看一下', lead4('R7GE')],
    ['超时那三单我看了 都是半夜推的 下周例会说一下夜班怎么排', lead],
    ['口径改了 之前的数据要不要重算', lead],
    ['E2XR 那个阿姨今天又打电话到中心 问是不是真的公安局', lead4('E2XR')],
    ['怎么反馈来着 我问问老周 他上次教过我', worker],
    ['怎么又是这个小区 上个月就三起了', { ...lead, quote: { from: 'bot', caseId: 'K9DP', kind: 'escalation' } }],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-mirror15.jsonl, train-mirror16.jsonl and train-quiet5.jsonl (named regressions)', () => {
  const own = (id: string, acknowledged = true): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged, pushedMinutesAgo: acknowledged ? 30 : 3 }] });
  it('asks about 反馈 P2JB 已报警/劝阻成功: the form\'s options copied, none chosen (it acted)', () =>
    expect(understand('反馈 P2JB 已报警/劝阻成功', own('P2JB')).kind).toBe('confirm'));
  it('records 已陪同老人报警 beside the loss (it dropped it)', () =>
    acts(understand('反馈 R5JT 已被骗 损失12万 已陪同老人报警', own('R5JT')), { kind: 'report', result: 'defrauded', lossAmount: 120000, alsoReported: true }));
  it('reads 卡里二十多万一分没动 as money kept (万一 inside a figure is no supposition)', () =>
    acts(understand('反馈 T4HS 卡里二十多万一分没动 劝阻成功', own('T4HS')), { kind: 'report', result: 'dissuaded' }));
  it('reads 陌生电话一律不接 as the lesson learnt, not a refusal or a phone call', () =>
    acts(understand('反馈 F3RB 老人家已经醒悟了 说以后陌生电话一律不接 劝阻成功', own('F3RB')), { kind: 'report', result: 'dissuaded', method: null }));
  it.each(['S3WD 收到，凌晨了我先打电话确认下人在不在家', '那个啥S3WD我收到了这就打车过去大概十来分钟能到'])('takes %j as the acknowledgement, not a query', (text) =>
    acts(understand(text, own('S3WD', false)), { kind: 'ack', caseId: 'S3WD' }));
  it('asks about 收到哈 刚才在洗澡没看见 a while after the push', () =>
    confirms(understand('收到哈 刚才在洗澡没看见', { ...worker, openCases: [{ id: 'Y2TB', level: 'urgent', acknowledged: false, pushedMinutesAgo: 12 }] }), { kind: 'ack', caseId: 'Y2TB' }));
  it('reads 周末这单 Y4DS 还没结？ as 查', () => acts(understand('周末这单 Y4DS 还没结？', { ...lead, visibleCases: ['Y4DS'] }), { kind: 'query', caseId: 'Y4DS' }));
  it('still reads W4MJ 核实下来是不是误报 as 查', () => acts(understand('W4MJ 核实下来是不是误报', { ...lead, visibleCases: ['W4MJ'] }), { kind: 'query', caseId: 'W4MJ' }));
  it('reads 夜班我这还挂着啥 as 我的', () => acts(understand('夜班我这还挂着啥', worker), { kind: 'mine' }));
  it.each([
    ['还在做工作 老人有点犟', { ...own('D3JX'), quote: { from: 'bot', caseId: 'D3JX', kind: 'reminder' } }],
    ['@吴网格 刚打了 老人说在外面 晚上回', { ...own('B3LG'), quote: { from: 'bot', caseId: 'B3LG', kind: 'reminder' } }],
    ['今天周末居然没几单', worker],
    ['反馈一下 停车场从下周起按小时收费 一小时5块', own('K5DR')],
    ['D4RS 这家上个月换了门牌 地址以新的为准', { ...lead, room: 'tasks', visibleCases: ['D4RS'] }],
    ['Q2VA 应该是隔壁派出所的单 跟我们没关系', { ...lead, room: 'tasks', visibleCases: ['B9RW'] }],
    ['X2PD 老人一直说自己没被骗 这种一般怎么劝 有经验的支个招', own('X2PD')],
    ['U6JH 老人手机还开着屏幕共享 我让他先挂了 正在看', own('U6JH')],
    ['P3CW 要是钱已经转出去了 是不是得先打96110', own('P3CW')],
    ['记得宣传的时候拍照 反馈要附图', worker],
    ['家属说我们多管闲事 这种咋回比较好', worker],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-mirror17.jsonl, train-mirror18.jsonl and train-quiet6.jsonl (named regressions)', () => {
  const own = (id: string, acknowledged = true): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged, pushedMinutesAgo: acknowledged ? 30 : 3 }] });
  const alert = (caseId: string) => ({ from: 'bot' as const, caseId, kind: 'escalation' as const });
  const members = [...['李网格', '周网格', '陈网格', '刘网格', '吴网格'].map((name) => ({ name, role: 'worker' as const })), { name: '王社区', role: 'lead' as const }, { name: '郑社区', role: 'lead' as const }];
  const leadOn = (caseId: string, role: UnderstandContext['role'] = 'lead'): UnderstandContext => ({ ...lead, role, visibleCases: [caseId], quote: alert(caseId), members });
  it.each([
    ['@郑社区 你来督办一下 我在分局开会', leadOn('J8VD', 'supervisor')],
    ['哎 这个老人家我知道 女儿在国外', leadOn('D2JC')],
    ['@王社区 中心也在打电话 你们社区再派个人', leadOn('M5RG', 'operator')],
    ['家属刚给我打电话 说老人出门去银行了 @周网格 赶紧去银行', leadOn('J8VD')],
    ['@吴网格 看到马上回电话给我 不管多晚', leadOn('E9KS')],
    ['网格员刚给我打电话了 说在路上堵着', leadOn('F2LC', 'supervisor')],
    ['A4MB 已经有人在督办了 你别重复打电话', { ...lead, visibleCases: ['A4MB'] }],
    ['C7GY 派给李网格是对的 她最熟', { ...lead, visibleCases: ['C7GY'] }],
    ['收到 K7Q2 那单不是我的啊', worker],
  ] as [string, UnderstandContext][])('never changes state on %j (it acted)', (text, ctx) => {
    const d = understand(text, ctx);
    expect(d.kind === 'act' && ['supervise', 'reassign', 'ack'].includes(d.command.kind)).toBe(false);
  });
  it.each(['小周可以啊 十分钟就劝住了', '又是误报 这个月第五个了'])('never corrects on praise or a remark quoting the confirmation: %j', (text) =>
    expect(understand(text, { ...lead, role: 'supervisor', visibleCases: ['N5HQ'], quote: { from: 'bot', caseId: 'N5HQ', kind: 'confirmation' } }).kind).toBe('ignore'));
  it('still corrects on 错了 是误报 quoting the confirmation', () =>
    confirms(understand('错了 是误报', { ...lead, visibleCases: ['N5HQ'], quote: { from: 'bot', caseId: 'N5HQ', kind: 'confirmation' } }), { kind: 'correct', caseId: 'N5HQ', result: 'false_positive' }));
  it.each(['收到，@周网格 你先别动，我来', '收到 我打电话问问周网格', '这个我知道 在跟'])('still supervises on %j quoting the alert', (text) =>
    acts(understand(text, leadOn('K7Q2', 'supervisor')), { kind: 'supervise', caseId: 'K7Q2' }));
  it.each(['@陈网格 这单转你', '@刘网格 这个转你了 你去'])('still hands the quoted case over on %j', (text) =>
    acts(understand(text, leadOn('X6CU')), { kind: 'reassign', caseId: 'X6CU' }));
  it.each(['有人接了吗？', '现在呢？', '这单超时了吗', '这个地址在哪啊？'])('still reads %j quoting the bot as 查', (text) =>
    acts(understand(text, leadOn('K7Q2')), { kind: 'query', caseId: 'K7Q2' }));
  it.each([
    ['天呐 又是冒充公检法的', { ...own('J6MT'), quote: { from: 'bot', caseId: 'J6MT', kind: 'dispatch' } }],
    ['催什么催 正在楼上做工作呢😂', { ...own('J6MT'), quote: { from: 'bot', caseId: 'J6MT', kind: 'reminder' } }],
    ['这个能不能晚点提醒 人家正在吃饭不好打扰', { ...own('P9EX'), quote: { from: 'bot', caseId: 'P9EX', kind: 'reminder' } }],
    ['老人拨的那个号我查了 是个境外号', { ...own('C3TN'), quote: { from: 'bot', caseId: 'C3TN', kind: 'dispatch' } }],
    ['谁知道这户是几单元的', { ...own('F3XN', false), quote: { from: 'bot', caseId: 'F3XN', kind: 'dispatch' } }],
    ['Y2BR 老人家里来客人了 我在楼道等一会', { ...own('Y2BR'), quote: { from: 'bot', caseId: 'Y2BR', kind: 'dispatch' } }],
    ['这个我明早再去一趟 今天家里没人', { ...own('G4PE'), quote: { from: 'bot', caseId: 'G4PE', kind: 'reminder' } }],
    ['老人还在打电话 我在旁边等他挂了再说', { ...own('S3QW'), quote: { from: 'bot', caseId: 'S3QW', kind: 'reminder' } }],
    ['U7BF 什么情况我也不清楚 问问社区吧', { ...lead, role: 'supervisor', visibleCases: ['U7BF'] }],
    ['研判平台新版有哪些功能 明天培训时讲讲', worker],
    ['食堂这周的菜单发我看看', worker],
    ['这个小喇叭怎么用啊 头一回拿', worker],
    ['我还欠小李一顿饭 哈哈', worker],
    ['王书记 帮我看看我名下的台账对不对', worker],
    ['这周超时的那几单我在台账上标红了', worker],
    ['网格排行榜打印出来贴公告栏了', lead],
    ['统计这活儿真不是人干的', lead],
    ['数据统计这块以后归小刘管', worker],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
  it.each([
    ['第一次用 不知道从哪开始', 'help', { ...worker, role: 'stranger', room: 'private', openCases: [] }],
    ['督办和转派有啥区别', 'help', { ...lead, role: 'supervisor' }],
    ['@网格哨兵 装了多少APP要怎么报', 'help', { ...volunteer, mention: true }],
    ['这个星期劝住了多少', 'stats', lead],
    ['网格排行榜', 'stats', lead],
    ['麻烦网格哨兵把今天截至目前的处置情况统计一下，谢谢', 'stats', lead],
  ] as [string, string, UnderstandContext][])('reads %j as %s', (text, kind, ctx) => acts(understand(text, ctx), { kind }));
  it('tells a worker who asks 这班的统计发下 that the figures are the leads\'', () =>
    expect(understand('这班的统计发下', worker)).toMatchObject({ kind: 'refuse', reason: 'not_allowed' }));
  it('tells a volunteer who asks 今天的统计数据看一下 about outreach, never about 待办', () => {
    const d = understand('今天的统计数据看一下', volunteer);
    expect(d).toMatchObject({ kind: 'refuse', reason: 'not_allowed' });
    expect(d.kind === 'refuse' && d.hint).toContain('宣传');
    expect(d.kind === 'refuse' && d.hint).not.toContain('待办');
  });
  it.each(['我的宣传记录', '我报过几次宣传了', '我这个月参加了几次宣传', '看看我的宣传登记', '我报的那些宣传', '我登记过的宣传有几条', '我的记录'])('reads a volunteer\'s %j as 我的 (their outreach logs)', (text) =>
    acts(understand(text, volunteer), { kind: 'mine' }));
  it.each(['我的记录本落在居委会了', '今天宣传了80人', '我的宣传做得一般'])('does not read a volunteer\'s %j as 我的', (text) =>
    expect(understand(text, volunteer)).not.toMatchObject({ kind: 'act', command: { kind: 'mine' } }));
  it.each(['V9LA 的情况', '看一眼 V9LA'])('reads %j as 查', (text) => acts(understand(text, { ...lead, visibleCases: ['V9LA'] }), { kind: 'query', caseId: 'V9LA' }));
});

describe('found in train-mirror19.jsonl and train-mirror20.jsonl (named regressions)', () => {
  it.each([
    '上次摆摊来了100多人 这次争取多装点APP',
    '照片里那个大爷一个人帮我们发了五十份传单 哈哈',
    '社区说下个月让我们去养老院讲一次 大概40位老人',
    '这个月宣传数据街道要排名 咱们目前1200人 排第三',
  ])('never logs outreach from %j: another time, someone else, a plan or a total (it logged)', (text) =>
    expect(understand(text, volunteer)).not.toMatchObject({ kind: 'act', command: { kind: 'outreach' } }));
  it('asks before recording a loss from 没劝住 已经陪老人去派出所报案了 (it recorded 拒绝配合)', () =>
    confirms(understand('反馈 M3LU 没劝住 已经陪老人去派出所报案了', { ...worker, openCases: [{ id: 'M3LU', level: 'urgent', acknowledged: true, pushedMinutesAgo: 30 }] }), { kind: 'report', result: 'defrauded', alsoReported: true }));
  it('still records 劝不动 已报警 as a refusal, the police called', () =>
    acts(understand('反馈 M3LU 劝不动 已报警', { ...worker, openCases: [{ id: 'M3LU', level: 'urgent', acknowledged: true, pushedMinutesAgo: 30 }] }), { kind: 'report', result: 'refused', alsoReported: true }));
  it('reads 敲了半天门没人 in a report as nobody home', () =>
    acts(understand('反馈 J6QC 上门 敲了半天门没人 邻居说住院去了', { ...worker, openCases: [{ id: 'J6QC', level: 'high', acknowledged: true, pushedMinutesAgo: 30 }] }), { kind: 'report', result: 'unreachable', method: 'visit' }));
  it('answers a worker\'s 督办 J6NA (not theirs to do) rather than staying silent', () =>
    expect(understand('督办 J6NA', worker)).toMatchObject({ kind: 'refuse', reason: 'not_allowed' }));
  it.each([
    ['这个新系统怎么登录啊 密码忘了', worker],
    ['有情况随时反馈给社区', volunteer],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('found in train-mirror21.jsonl and train-mirror22.jsonl (named regressions)', () => {
  const own = (id: string, acknowledged = true): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged, pushedMinutesAgo: acknowledged ? 30 : 3 }] });
  it('takes 收到 w8km 我问下楼长在不在家 as the acknowledgement, not a query', () => acts(understand('收到 w8km 我问下楼长在不在家', own('W8KM', false)), { kind: 'ack', caseId: 'W8KM' }));
  it('reads 钱没转 and 全阻成功 as dissuaded', () => {
    acts(understand('反馈 K2JT 全阻成功', own('K2JT')), { kind: 'report', result: 'dissuaded' });
    acts(understand('反馈 K2JT 视频里跟她讲清楚了 钱没转', own('K2JT')), { kind: 'report', result: 'dissuaded', method: 'video' });
  });
  it('asks about 不是诈骗 是给房东交的房租 right after the push (房东 explains a false alarm)', () =>
    confirms(understand('不是诈骗 是给房东交的房租', { ...own('S8KN', false), pushIsLatest: true }), { kind: 'report', caseId: 'S8KN', result: 'false_positive' }));
  it('logs 人次110 and 43个租户 and 工人82个 as head counts', () => {
    acts(understand('宣传 幸福里 摆摊 人次110 装APP 33', volunteer), { kind: 'outreach', people: 110, installs: 33 });
    expect(understand('今天在杨柳村出租屋一片入户 跟43个租户讲了刷单诈骗 装了APP 17个', volunteer)).toMatchObject({ command: { kind: 'outreach', people: 43, installs: 17 } });
  });
  it('reads 看看今天的情况 from a lead as the day\'s figures', () => acts(understand('看看今天的情况', lead), { kind: 'stats' }));
  it.each([
    ['P9FV 老人不在家 去跳广场舞了 我去广场找', own('P9FV')],
    ['Z8WG 老人不在家 楼下小卖部说去接孙子放学了', own('Z8WG')],
    ['上午那单冒充客服的后来咋样了', lead],
    ['我的天 今天单子怎么这么多', lead],
  ] as [string, UnderstandContext][])('ignores %j (it answered)', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('a command shown as the form to copy (found by hand, named regressions)', () => {
  const leadInTasks: UnderstandContext = { ...lead, room: 'tasks' };
  it.each([
    ['提醒：反馈 Q7RT 劝阻成功 这种格式大家学一下', worker],
    ['比如说 反馈 Q7RT 已被骗 损失3万', worker],
    ['像这样回：收到 Q7RT', worker],
    ['大家照这个格式发：反馈 Q7RT 已劝阻', worker],
    ['反馈 X6CU 劝阻成功 这种格式大家学一下', leadInTasks],
    ['反馈 Q7RT 劝阻成功——大家以后就这么回', leadInTasks],
    ['例如：督办 X6CU', lead],
  ] as [string, UnderstandContext][])('changes nothing on %j', (text, ctx) => expect(changesState(understand(text, ctx))).toBe(false));
  it('still takes a report that follows the form (按模板反馈 Q7RT 劝阻成功)', () => {
    acts(understand('按模板反馈 Q7RT 劝阻成功', worker), { kind: 'report', caseId: 'Q7RT', result: 'dissuaded' });
    acts(understand('反馈 Q7RT 劝阻成功，老人说以后接到这种例子电话就挂', worker), { kind: 'report', caseId: 'Q7RT', result: 'dissuaded' });
  });
  it('never changes state on any command shown after an example marker or before a "copy this" one', () => {
    const command = fc.constantFrom('反馈 Q7RT 劝阻成功', '收到 Q7RT', '反馈 Q7RT 已被骗 损失3万', 'Q7RT 上门 劝阻成功', '督办 X6CU', '撤销 X6CU', '更正 Q7RT 已被骗');
    const before = fc.constantFrom('比如', '比如说：', '例如 ', '举个例子，', '格式：', '示范一下：', '像这样回：', '照这个发 ');
    const after = fc.constantFrom(' 这种格式大家学一下', '——大家以后就这么回', '，照着发', '（以此类推）', ' 仅供参考');
    fc.assert(
      fc.property(fc.oneof(fc.tuple(before, command).map(([b, c]) => b + c), fc.tuple(command, after).map(([c, a]) => c + a)), fc.constantFrom(worker, lead, leadInTasks), (text, ctx) => {
        expect(changesState(understand(text, ctx))).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});

describe('progress news on a case already taken (found by hand, named regressions)', () => {
  const taken: UnderstandContext = { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent', acknowledged: true, pushedMinutesAgo: 20 }] };
  it.each(['Q7RT 老人坚持说不是诈骗 还在劝', 'Q7RT 老人手机关机了 我在小区门口等', 'Q7RT 对方挂了 我再打', 'Q7RT 打了三个电话都没人接 我直接上门', 'Q7RT 停机了 上门去'])('ignores %j: the work goes on', (text) =>
    expect(understand(text, taken).kind).toBe('ignore'));
  it('still asks about a settled failure or refusal (Q7RT 联系不上, 上门去了 老人不听劝)', () => {
    confirms(understand('Q7RT 联系不上', taken), { kind: 'report', caseId: 'Q7RT', result: 'unreachable' });
    confirms(understand('上门去了 老人不听劝', { ...taken, quote: { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' } }), { kind: 'report', caseId: 'Q7RT', result: 'refused' });
  });
  it('still records the outcome with 反馈 (反馈 Q7RT 电话打不通 我再打)', () =>
    acts(understand('反馈 Q7RT 电话打不通 我再打', taken), { kind: 'report', caseId: 'Q7RT', result: 'unreachable' }));
});

describe('greetings and pleasantries said to the bot (found by hand, named regressions)', () => {
  const toBot: UnderstandContext = { ...worker, mention: true };
  const alone: UnderstandContext = { ...worker, room: 'private', openCases: [] };
  it.each(['@网格哨兵 你好', '@网格哨兵 你是谁', '@网格哨兵 hello'])('answers %j with what the bot does (帮助)', (text) => acts(understand(text, toBot), { kind: 'help' }));
  it('answers 你好 in private chat with 帮助, and tells someone not bound yet how to bind', () => {
    acts(understand('你好', alone), { kind: 'help' });
    expect(understand('你好', { ...alone, role: 'stranger' })).toMatchObject({ kind: 'refuse', reason: 'not_bound' });
  });
  it.each([['@网格哨兵 早上好', toBot], ['@网格哨兵 你真棒', toBot], ['晚安', alone], ['早安 辛苦啦', alone]] as [string, UnderstandContext][])('lets %j pass without a reply', (text, ctx) =>
    expect(understand(text, ctx).kind).toBe('ignore'));
});

describe('a member pushed, not handed the case (found by hand, named regressions)', () => {
  const withRoster = { ...lead, members: roster };
  it.each(['X6CU 让李网格盯紧点', 'X6CU 叫李网格抓紧反馈', 'X6CU 让李网格回个电话'])('never reassigns on %j', (text) => {
    const d = understand(text, withRoster);
    expect(d.kind === 'act' || d.kind === 'confirm' ? d.command.kind : d.kind).not.toBe('reassign');
  });
  it('reads 让李网格盯紧点 on a named case as 督办', () => acts(understand('X6CU 让李网格盯紧点', withRoster), { kind: 'supervise', caseId: 'X6CU' }));
  it('still hands over with 让李网格去 and 转给李网格', () => {
    acts(understand('X6CU 让李网格去', withRoster), { kind: 'reassign', caseId: 'X6CU', to: '李网格' });
    acts(understand('X6CU 转给李网格', withRoster), { kind: 'reassign', caseId: 'X6CU', to: '李网格' });
  });
});

describe('others who cannot use something (found by hand, named regressions)', () => {
  it.each(['老人们都说APP不会用', '大爷说这个反诈APP根本不会用'])('ignores %j: someone else lost with the app', (text) => expect(understand(text, volunteer).kind).toBe('ignore'));
  it.each(['说实话我不会用', '我说我不会用这个'])('still answers %j with 帮助', (text) => acts(understand(text, worker), { kind: 'help' }));
});

describe('help asked of colleagues on the bot\'s dispatch (found by hand, named regressions)', () => {
  const onDispatch: UnderstandContext = { ...worker, quote: { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' } };
  it.each(['我在外面 谁近帮忙去下', '谁顺路帮我跑一趟'])('ignores %j', (text) => expect(understand(text, onDispatch).kind).toBe('ignore'));
  it('still answers 帮我查一下 on the dispatch with the case', () => acts(understand('帮我查一下', onDispatch), { kind: 'query', caseId: 'Q7RT' }));
});

describe('a count of one\'s own work told, not asked (found by hand, named regressions)', () => {
  it.each(['我手上三单了 忙死', '我今天跑了五单了'])('ignores %j', (text) => expect(understand(text, worker).kind).toBe('ignore'));
  it('still answers 我手上还有几单 and 我还有两单没办？ with 我的', () => {
    acts(understand('我手上还有几单', worker), { kind: 'mine' });
    acts(understand('我还有两单没办？', worker), { kind: 'mine' });
  });
  it('still reads 今日统计来一个 from a lead as the figures', () => acts(understand('今日统计来一个', lead), { kind: 'stats' }));
});

describe('found in train-quiet7.jsonl and train-quiet8.jsonl (named regressions)', () => {
  const withRoster: UnderstandContext = { ...lead, members: roster, visibleCases: ['K7Q2', 'X6CU', 'R8TJ', 'S5QE'] };
  it('never records 督办 told of someone else (赵督导已经在督办K7Q2了)', () => {
    expect(changesState(understand('赵督导已经在督办K7Q2了 大家别重复打电话', lead))).toBe(false);
    expect(understand('K7Q2 赵督导在督办', lead).kind).toBe('ignore');
    acts(understand('K7Q2 所里督办 限十分钟内到场', { ...lead, role: 'supervisor' }), { kind: 'supervise', caseId: 'K7Q2' });
  });
  it('reads 这单我亲自跟 from a lead as 督办 and 怎么还没动静 / 后来呢 as 查', () => {
    acts(understand('R8TJ 这单我亲自跟', withRoster), { kind: 'supervise', caseId: 'R8TJ' });
    acts(understand('那个 S5QE 怎么还没动静', withRoster), { kind: 'query', caseId: 'S5QE' });
    acts(understand('这单后来呢', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'K7Q2', kind: 'dispatch' } }), { kind: 'query', caseId: 'K7Q2' });
  });
  it.each([
    ['B4TX 到门口了 敲了半天没动静 我再等会儿', 'B4TX'],
    ['w2ef 敲门没人 门上贴了联系卡 等回电', 'W2EF'],
    ['C9DL里面有人说话 就是不开门 我再叫叫', 'C9DL'],
    ['Z2NW 电话一直占线 估计又在跟骗子聊 我直接过去', 'Z2NW'],
    ['P9CK 邻居说前两天有人来送过东西 可能是骗子上门取现 在查', 'P9CK'],
    ['F9TA还在做工作啊 有点进展了🙏', 'F9TA'],
    ['G2WQ 老头说他没接过什么电话 可能推错人了？我再问问他老伴', 'G2WQ'],
    ['E5RM 老人哭得厉害，说被骗子骂了一通，我先给她倒杯水', 'E5RM'],
  ])('ignores progress news %j', (text, id) => expect(understand(text, taken(id)).kind).toBe('ignore'));
  it('still answers 我那个 N5JU 还在我名下吗 (asked last) and reads 被骗子骗走了3万 as a loss', () => {
    acts(understand('我那个 N5JU 还在我名下吗', taken('N5JU')), { kind: 'query', caseId: 'N5JU' });
    acts(understand('反馈 E5RM 被骗子骗走了3万', taken('E5RM')), { kind: 'report', result: 'defrauded', lossAmount: 30000 });
  });
  it('takes the door as the method of 上门两次都没人 电话一直关机', () =>
    acts(understand('反馈 H6PZ 上门两次都没人 电话一直关机 联系不上', taken('H6PZ')), { kind: 'report', caseId: 'H6PZ', result: 'unreachable', method: 'visit' }));
});

describe('found in train-quiet7.jsonl and train-quiet8.jsonl, second part (named regressions)', () => {
  const withRoster: UnderstandContext = { ...lead, members: roster, visibleCases: ['K7Q2', 'X6CU', 'R5NB'] };
  it('reads 明白过来了 and 说通了 as dissuaded, with the method said (说通 is no one else\'s words)', () => {
    acts(understand('反馈 F3KM 冒充公检法的 老人已经明白过来了 没转', taken('F3KM')), { kind: 'report', result: 'dissuaded' });
    acts(understand('反馈 视频里跟老人说通了 没转账', { ...taken('P4HU'), quote: { from: 'bot', caseId: 'P4HU', kind: 'reminder' } }), { kind: 'report', caseId: 'P4HU', result: 'dissuaded', method: 'video' });
  });
  it('never acknowledges again on 好的 我再去跟K2PW家属沟通一下 quoting a colleague', () =>
    expect(understand('好的 我再去跟K2PW家属沟通一下', { ...taken('K2PW'), quote: { from: 'person' } }).kind).toBe('ignore'));
  it('ignores 都反馈完了 就剩Z2NW还在跑 (反馈 told as done)', () => expect(understand('都反馈完了 就剩Z2NW还在跑', { ...taken('Z2NW'), quote: { from: 'person' } }).kind).toBe('ignore'));
  it('never hands over under a condition (实在劝不动就叫钱警官)', () => {
    expect(changesState(understand('@周网格 R5NB 实在劝不动就叫钱警官 别硬来', { ...withRoster, room: 'tasks' }))).toBe(false);
    expect(changesState(understand('R5NB 实在劝不动就转给钱警官', withRoster))).toBe(false);
  });
  it.each([
    ['今天的反馈有几条没写方式 下次注意哈', { ...lead, role: 'supervisor', room: 'tasks' }],
    ['这个月第几单了我都数不过来了', { ...worker, openCases: [] }],
    ['我的单子太多了 王社区能不能匀两个给别人', taken('G2NA')],
    ['我的待办一大堆 哪有空去开会', taken('G2NA')],
    ['周网格问我机器人怎么接单，我让她先看群公告', { ...lead, members: roster }],
    ['王社区 下周培训能不能顺便讲讲机器人怎么用', { ...lead, members: roster }],
    ['使用说明我打印出来贴值班室墙上了', { ...lead, role: 'operator' }],
    ['今天白班几个人？', lead],
  ] as [string, UnderstandContext][])('ignores %j', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
  it.each([
    ['转派的格式再发一遍', lead, 'help'],
    ['哨兵能查别人的单吗', { ...worker, openCases: [] }, 'help'],
    ['怎么设置你不在半夜提醒我', { ...worker, openCases: [], room: 'private' }, 'help'],
    ['@网格哨兵 本周情况', { ...lead, role: 'supervisor', mention: true }, 'stats'],
    ['这一周劝住了多少', lead, 'stats'],
    ['看下我的单子还有好多', taken('P8DG'), 'mine'],
  ] as [string, UnderstandContext, string][])('answers %j', (text, ctx, kind) => acts(understand(text, ctx), { kind }));
  it('marks 去派出所报的案 as also reported', () =>
    confirms(understand('N2HF 钱已经转走了 5万整 儿子回来一起去派出所报的案', taken('N2HF')), { kind: 'report', result: 'defrauded', lossAmount: 50000, alsoReported: true }));
});

describe('a lead\'s guess and a particle (found by hand, named regressions)', () => {
  it('asks before correcting on a guess (X6CU 应该是误报吧)', () => confirms(understand('X6CU 应该是误报吧', lead), { kind: 'correct', caseId: 'X6CU', result: 'false_positive' }));
  it('still corrects at once with 更正', () => acts(understand('更正 X6CU 误报吧', lead), { kind: 'correct', caseId: 'X6CU', result: 'false_positive' }));
  it('keeps the particle out of a cancel reason (X6CU 撤销吧 重复了)', () => acts(understand('X6CU 撤销吧 重复了', lead), { kind: 'cancel', caseId: 'X6CU', reason: '重复了' }));
});

describe('a bind code pasted alone (found by hand, named regressions)', () => {
  const stranger: UnderstandContext = { ...worker, role: 'stranger', room: 'private', openCases: [] };
  it('asks whether to bind with K3P9QX sent alone in private', () => confirms(understand('k3p9qx', stranger), { kind: 'bind', code: 'K3P9QX' }));
  it('leaves a code in a group, and digits alone, to the binding rules as before', () => {
    expect(understand('K3P9QX', { ...stranger, room: 'tasks' }).kind).toBe('ignore');
    expect(understand('123456', stranger)).toMatchObject({ kind: 'refuse', reason: 'not_bound' });
  });
});

describe('a time after the loss figure (found in train-quiet9.jsonl, named regressions)', () => {
  const taken: UnderstandContext = { ...worker, openCases: [{ id: 'P6MV', level: 'urgent', acknowledged: true, pushedMinutesAgo: 20 }] };
  it.each([
    ['反馈 P6MV 被骗 5 万 2点多转的', 50000],
    ['反馈 P6MV 被骗了将近3万 14:30那会儿转的', 30000],
    ['P6MV 被骗十五万 3点报的警', 150000],
    ['反馈 P6MV 被骗3万 2次转的', 30000],
  ])('reads %j as %d, never with the time in it', (text, amount) => expect(understand(text, taken)).toMatchObject({ command: { kind: 'report', result: 'defrauded', lossAmount: amount } }));
  it.each([
    ['反馈 P6MV 被骗1万2', 12000],
    ['反馈 P6MV 损失 3 万 5 千', 35000],
    ['反馈 P6MV 损失两万八 人已经报警了', 28000],
  ])('still reads %j as %d', (text, amount) => acts(understand(text, taken), { kind: 'report', lossAmount: amount }));
});

describe('found in train-quiet9.jsonl, train-mirror23.jsonl and train-mirror24.jsonl (named regressions)', () => {
  it.each([
    ['Q7RT 骗子让转3万到“安全账户” 老人还没转 在做工作', 'Q7RT'],
    ['H3WN 老人卡里有8万多 还没动 正在劝', 'H3WN'],
    ['D5FJ 老人在银行排队 说要汇2万给“儿子” 我正赶过去', 'D5FJ'],
    ['T9KE 骗子要1.5w“保证金” 老人犹豫中 民警在路上', 'T9KE'],
    ['N7YC 老人说上个月就被骗过一次 6000块 这回又接到电话了 正在聊', 'N7YC'],
    ['G7JW 老人正看那个3块钱一盒的“神药”单子 我先陪他聊聊', 'G7JW'],
    ['V3PX 现在14:20 还在做工作 稍后反馈', 'V3PX'],
    ['E9PH 老人答应明天9点跟我去银行 再看看', 'E9PH'],
  ])('never reads money asked for, kept, priced or lost before as this loss: %j', (text, id) => expect(understand(text, taken(id)).kind).toBe('ignore'));
  it('never records 要投10万 劝不动 as a loss of 100,000', () => {
    const d = understand('反馈 N7YC 上门2次了 老人坚持要投10万 劝不动', taken('N7YC'));
    acts(d, { kind: 'report', caseId: 'N7YC', result: 'refused', lossAmount: null });
  });
  it('asks about 误报 with a loss (反馈 D5FJ 误报 损失5000)', () => expect(understand('反馈 D5FJ 误报 损失5000', taken('D5FJ')).kind).toBe('confirm'));
  it('reads 卡里6万多都在 as the money kept (dissuaded), asked', () =>
    confirms(understand('上门了 老人没转 卡里6万多都在', { ...taken('A9HC'), room: 'private' }), { kind: 'report', caseId: 'A9HC', result: 'dissuaded', method: 'visit' }));
  it('records 反馈 M4PA 被骗 4万出头 老人在5号楼哭呢 (the 呢 trails off in its own clause)', () =>
    confirms(understand('反馈 M4PA 被骗 4万出头 老人在5号楼哭呢', taken('M4PA')), { kind: 'report', caseId: 'M4PA', result: 'defrauded', lossAmount: 40000, approximate: true }));
  it('refuses a mobile number as a bind code', () => expect(understand('绑定 13912345678', { ...worker, role: 'stranger', room: 'private', openCases: [] })).toMatchObject({ kind: 'refuse', reason: 'missing_code' }));
  it('takes 好的 我在502开会 散了马上去 right after the push', () =>
    acts(understand('好的 我在502开会 散了马上去', { ...worker, pushIsLatest: true, openCases: [{ id: 'N7YC', level: 'high', acknowledged: false, pushedMinutesAgo: 2 }] }), { kind: 'ack', caseId: 'N7YC' }));
  it.each([
    ['今日统计 截至17:00', { ...lead, role: 'supervisor' }, 'stats'],
    ['今天到现在几单了 我5点要交日报', lead, 'stats'],
    ['装APP的数字写哪儿', volunteer, 'help'],
    ['我本月的宣传', volunteer, 'mine'],
    ['我今天登记上了吗', volunteer, 'mine'],
    ['我报的都有啥', volunteer, 'mine'],
  ] as [string, UnderstandContext, string][])('answers %j', (text, ctx, kind) => acts(understand(text, ctx), { kind }));
  it.each([
    ['收据上写 壹万元整 这格式对吗 财务让改', { ...lead, role: 'operator' }],
    ['上个月的志愿时长怎么还没录上去', volunteer],
    ['这周宣传排班：周二3人 周四4人 周六全员', { ...lead, room: 'volunteers' }],
  ] as [string, UnderstandContext][])('ignores %j', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
  it.each([
    ['宣传 城关镇农商银行大厅 40人次 下载12', 40, 12],
    ['宣传 镇中学 300人 注册 80', 300, 80],
    ['宣传 村小 家长 66人 下载国家反诈中心 24', 66, 24],
    ['下午去了镇上的信用社 排队的多是老人 讲了五十来个 装了11个APP', 50, 11],
  ])('logs %j with its head count and installs', (text, people, installs) => expect(understand(text, volunteer)).toMatchObject({ command: { kind: 'outreach', people, installs } }));
  it('asks about 宣传 东关大集 摆摊 150 as 150 people', () => confirms(understand('宣传 东关大集 摆摊 150', volunteer), { kind: 'outreach', people: 150 }));
});

describe('answers to the one-tap question (found by hand, named regressions)', () => {
  const asked: UnderstandContext = { ...worker, pendingConfirmation: true };
  it.each(['ok', 'OK', '对的没错', '行', '可以', '好嘞'])('confirms with %j', (text) => acts(understand(text, asked), { kind: 'confirm_yes' }));
  it.each(['不行', '不用', '搞错了', '不可以'])('cancels with %j', (text) => acts(understand(text, asked), { kind: 'confirm_no' }));
});

describe('a cancel told as done (found by hand, named regressions)', () => {
  const operator: UnderstandContext = { ...lead, role: 'operator' };
  it('asks about K7Q2 是重复推送 我撤了, with the reason alone', () => confirms(understand('K7Q2 是重复推送 我撤了', operator), { kind: 'cancel', caseId: 'K7Q2', reason: '重复推送' }));
  it('still cancels K7Q2 撤了吧 重复推送 at once', () => acts(understand('K7Q2 撤了吧 重复推送', operator), { kind: 'cancel', caseId: 'K7Q2', reason: '重复推送' }));
});

describe('found in train-quiet10.jsonl and train-mirror25.jsonl (named regressions)', () => {
  const justPushed: UnderstandContext = { ...worker, pushIsLatest: true, openCases: [{ id: 'F6TQ', level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }] };
  it('takes 好的呢 and 嗯呢 right after the push (呢 softens, it does not ask)', () => {
    acts(understand('好的呢', justPushed), { kind: 'ack', caseId: 'F6TQ' });
    acts(understand('嗯呢', justPushed), { kind: 'ack', caseId: 'F6TQ' });
    acts(understand('好的呢', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'K7Q2', kind: 'escalation' } }), { kind: 'supervise', caseId: 'K7Q2' });
  });
  it('reads 没人 on the case in front of the sender as nobody reached, asked', () => {
    confirms(understand('没人', { ...taken('J3DK'), pushIsLatest: true }), { kind: 'report', caseId: 'J3DK', result: 'unreachable' });
    confirms(understand('A9HC 没人', taken('A9HC')), { kind: 'report', caseId: 'A9HC', result: 'unreachable' });
    acts(understand('反馈一下 A9HC 没人', taken('A9HC')), { kind: 'report', caseId: 'A9HC', result: 'unreachable' });
    expect(understand('群里没人回', worker).kind).toBe('ignore');
  });
  it('asks about 反馈 A9HC 没人 劝住了 (nobody reached, yet persuaded)', () => expect(understand('反馈 A9HC 没人 劝住了', taken('A9HC')).kind).toBe('confirm'));
  it('lets 收到了 and 马上去 pass privately when nothing waits', () => {
    expect(understand('收到了。', { ...taken('E9PH'), room: 'private' }).kind).toBe('ignore');
    expect(understand('马上去！', { ...worker, room: 'private', openCases: [] }).kind).toBe('ignore');
  });
  it('withdraws with 撤了吧 on the bot\'s receipt in the volunteer room', () =>
    acts(understand('撤了吧', { ...worker, role: 'volunteer', room: 'volunteers', openCases: [], quote: { from: 'bot', caseId: null, kind: 'other' } }), { kind: 'withdraw' }));
  it.each([
    ['反馈 F5BK 视屏 劝阻成功', { result: 'dissuaded', method: 'video' }],
    ['反馈 J9ZT 发段信 已劝阻', { result: 'dissuaded', method: 'sms' }],
    ['反馈 P2HE 入护 劝阻成功', { result: 'dissuaded', method: 'visit' }],
    ['反馈 T6XW 报井了 民警在路上', { result: 'reported' }],
    ['反馈 E4RS 老人很固执 劝补动', { result: 'refused' }],
    ['反馈 D8WM 一直站线', { result: 'unreachable' }],
    ['反馈 Y3PL 不是炸骗 是给孙子交的学费', { result: 'false_positive' }],
  ] as [string, Record<string, unknown>][])('reads the keyboard slips in %j', (text, fields) => acts(understand(text, taken(/[A-Z]\d[A-Z]{2}|[A-Z]\d[A-Z]\d|[A-Z]{2}\d[A-Z]/u.exec(text)![0])), { kind: 'report', ...fields }));
  it('asks about 反馈 C9VP 无报 alone (误报, or nothing to report) and takes 无报 with a reason', () => {
    confirms(understand('反馈 C9VP 无报', taken('C9VP')), { kind: 'report', caseId: 'C9VP', result: 'false_positive' });
    acts(understand('反馈 G5UC 无报 是她自己给孙子交学费', taken('G5UC')), { kind: 'report', result: 'false_positive' });
  });
  it('corrects 更正 X6CU 不是以被骗 是劝阻成功 to dissuaded', () =>
    acts(understand('更正 X6CU 不是以被骗 是劝阻成功', { ...worker, room: 'private' }), { kind: 'correct', caseId: 'X6CU', result: 'dissuaded' }));
  it.each([
    ['shoudao L2QW', { ...worker, openCases: [{ id: 'L2QW', level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }] }, 'ack'],
    ['毒办K7Q2', { ...lead, role: 'supervisor', room: 'private' }, 'supervise'],
    ['撤削 K7Q2 测试单', { ...lead, role: 'operator' }, 'cancel'],
    ['bangding H4N7PC', { ...worker, role: 'stranger', room: 'private', openCases: [] }, 'bind'],
    ['X6CU 近展', { ...lead, role: 'operator' }, 'query'],
    ['@网格哨兵 帮住', { ...worker, mention: true }, 'help'],
  ] as [string, UnderstandContext, string][])('reads %j', (text, ctx, kind) => expect(understand(text, ctx)).toMatchObject({ command: { kind } }));
  it('leaves 帮住户装APP, 跟正在开会的人说 and 借单车 alone', () => {
    expect(understand('今天帮住户装APP 好几个', worker).kind).toBe('ignore');
    expect(understand('跟正在开会的人说一声', worker).kind).toBe('ignore');
    expect(understand('谁借单车给我', worker).kind).toBe('ignore');
  });
});

describe('found in train-mirror26.jsonl (named regressions)', () => {
  it('reads 直接打110了 as reported', () => acts(understand('反馈 S3NU 情况不对劲 直接打110了', taken('S3NU')), { kind: 'report', caseId: 'S3NU', result: 'reported' }));
  it('asks about a case with 处置结果出来没', () => acts(understand('中心这边问一下 X6CU 处置结果出来没', { ...lead, role: 'operator' }), { kind: 'query', caseId: 'X6CU' }));
  it('answers @网格哨兵 今天处理得怎么样 with the day\'s figures', () => acts(understand('@网格哨兵 今天处理得怎么样', { ...lead, mention: true }), { kind: 'stats' }));
  it('answers 查下 J7PZ with "not found" (a filler between the keyword and the id)', () => expect(understand('查下 J7PZ', lead)).toMatchObject({ kind: 'refuse', reason: 'unknown_case' }));
  it.each([
    ['新来的同事不会用系统的 找周网格教一下', { ...lead, room: 'tasks' }],
    ['反馈个事 三号楼那个独居老人住院了 这几天家里没人', { ...lead, room: 'tasks' }],
  ] as [string, UnderstandContext][])('ignores %j', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
  it('still answers 新来的，不会用，咋整 (the sender is the new one) with 帮助', () => acts(understand('新来的，不会用，咋整', taken('Q7RT')), { kind: 'help' }));
  it.each([
    ['今儿个在公园门口宣传 人数70 APP 8个', 70, 8],
    ['今天在社区卫生服务中心排队的地方讲了讲 三十来个人 发了50份折页', 30, 0],
    ['团结湖社区今天反诈宣传：地点 社区广场 人数 130 装APP 41', 130, 41],
  ])('logs %j (讲了讲 is no one else\'s words; 人数70 is a head count)', (text, people, installs) => acts(understand(text, volunteer), { kind: 'outreach', people, installs }));
});

describe('found in train-quiet11.jsonl, long messages (named regressions)', () => {
  const justPushed = (id: string): UnderstandContext => ({ ...worker, pushIsLatest: true, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 1 }] });
  it('corrects to the result said after 其实是 / 改为, not the one recorded by mistake', () => {
    acts(understand('更正 X6CU 刚才手快点错了 我发的是已被骗 其实是劝阻成功 老人一分钱都没转 麻烦改一下', taken('Q7RT')), { kind: 'correct', caseId: 'X6CU', result: 'dissuaded' });
    acts(understand('不好意思 K7Q2 选错了 改为已报警 当时老人情绪激动怎么劝都不听 我们最后是报了警让民警处理的', taken('Q7RT')), { kind: 'correct', caseId: 'K7Q2', result: 'reported' });
  });
  it('marks 去派出所做了笔录 as also reported', () =>
    acts(understand('反馈 U4GA 网贷诈骗 交了三笔所谓的解冻费 合计一万一千五 已经带本人去派出所做了笔录', taken('U4GA')), { kind: 'report', result: 'defrauded', lossAmount: 11500, alsoReported: true }));
  it.each([
    ['在三里屯地铁站口发传单\n发出去300份\n停下来听讲解的大概有120人\n当场装APP的年轻人一共9个', 120, 9],
    ['今天入户宣传 一共去了三个楼门 见了四十五位居民 有十八个人手机上原来没装反诈APP 都帮着装了', 45, 18],
    ['早上在早市宣传 人特别多 估计有两百五十人 发了三百份传单 装APP的不多 只有十二个 老人都说不会用智能手机', 250, 12],
  ])('counts the installs in %j', (text, people, installs) => expect(understand(text, volunteer)).toMatchObject({ command: { kind: 'outreach', people, installs } }));
  it.each([
    ['收到收到 我刚好在隔壁楼做入户走访 走过去两分钟的事 先过去敲门 有情况随时在群里说', 'W5RA'],
  ])('takes the case on a long acknowledgement right after the push: %j', (text, id) => acts(understand(text, justPushed(id)), { kind: 'ack', caseId: id }));
  it('takes 收到T9KE…有啥情况我到了再说 as the acknowledgement, not a query', () =>
    acts(understand('收到T9KE我在开车不方便打字这是语音转的文字大概十分钟到有啥情况我到了再说', { ...worker, openCases: [{ id: 'T9KE', level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }] }), { kind: 'ack', caseId: 'T9KE' }));
  it('reads a long line that opens with 统计 asked (看下今天到现在一共几单了 …) as the figures', () =>
    acts(understand('看下今天到现在一共几单了 感觉今天预警特别多 中心这边电话都快被打爆了', { ...lead, role: 'operator' }), { kind: 'stats' }));
  it('still ignores a long line that tells figures (这个月宣传数据街道要排名 咱们目前1200人 排第三)', () =>
    expect(understand('这个月宣传数据街道要排名 咱们目前1200人 排第三', { ...lead, room: 'volunteers' }).kind).toBe('ignore'));
});

describe('found in train-mirror27.jsonl and train-quiet12.jsonl (named regressions)', () => {
  it('never withdraws on 撤回的那条我看到了 没事 (the recalled message talked about)', () =>
    expect(understand('撤回的那条我看到了 没事', { ...lead, room: 'volunteers' }).kind).toBe('ignore'));
  it('still withdraws on 撤回, 撤回刚才的 and 把刚才那条宣传撤回', () => {
      for (const text of ['撤回', '撤回刚才的', '把刚才那条宣传撤回']) acts(understand(text, volunteer), { kind: 'withdraw' });
  });
  it.each([
    ['菜单拍照发群里了 大家看看中午订哪家', worker],
    ['机器人回的那个格式能不能简单点', worker],
    ['换班的事跟王社区说一声就行', { ...lead, members: roster }],
  ] as [string, UnderstandContext][])('ignores %j', (text, ctx) => expect(understand(text, ctx).kind).toBe('ignore'));
  it('logs a worker\'s account of the volunteers\' outreach (今天志愿者在幸福里广场宣传 到场85人 装了30个APP)', () =>
    expect(understand('今天志愿者在幸福里广场宣传 到场85人 装了30个APP', { ...worker, room: 'volunteers' })).toMatchObject({ command: { kind: 'outreach', people: 85, installs: 30 } }));
});

describe('found in train-quiet13.jsonl (named regressions)', () => {
  const onAlert = (caseId: string, role: UnderstandContext['role'] = 'lead'): UnderstandContext => ({ ...lead, role, members: roster, quote: { from: 'bot', caseId, kind: 'escalation' } });
  it.each(['家属电话我有 待会发你', '哈哈 这提醒比我妈还准时'])('never takes %j on an alert as 督办 (我 alone takes nothing on)', (text) => expect(changesState(understand(text, onAlert('K7Q2')))).toBe(false));
  it('reads 周网格今天请假 转给陈网格 on an alert as the hand-over, not a leave', () =>
    acts(understand('周网格今天请假 转给陈网格', { ...onAlert('X6CU'), members: [...roster!, { name: '陈网格', role: 'worker' }] }), { kind: 'reassign', caseId: 'X6CU', to: '陈网格' }));
  it.each(['怎么回事', '怎么回事？？还没人接？', '为啥一直没人接啊', '咋回事 半小时了'])('asks about the case on %j from a supervisor on an alert', (text) =>
    acts(understand(text, onAlert('K7Q2', 'supervisor')), { kind: 'query', caseId: 'K7Q2' }));
  it.each(['@周网格 看一下这个', '王书记 你们社区的 看下', '钱警官你看这个要不要出警', '唉 还是被骗了 可惜'])('leaves %j on an alert to the people it is said to', (text) =>
    expect(understand(text, onAlert('X6CU')).kind).toBe('ignore'));
  it('reads 劝住了么 on a reminder as a question (查)', () => acts(understand('劝住了么', { ...lead, quote: { from: 'bot', caseId: 'K7Q2', kind: 'reminder' } }), { kind: 'query', caseId: 'K7Q2' }));
  it.each(['X6CU 我去催', 'K7Q2 我协调派出所', 'X6CU 我负责跟进'])('reads %j from a lead as 督办', (text) => expect(understand(text, { ...lead, role: 'supervisor' })).toMatchObject({ kind: 'act', command: { kind: 'supervise' } }));
  it('hands K7Q2 李网格离得近 转他 to the one member named', () => acts(understand('K7Q2 李网格离得近 转他', { ...lead, members: roster }), { kind: 'reassign', caseId: 'K7Q2', to: '李网格' }));
});

describe('something about a case called off, not the case (found by hand, named regressions)', () => {
  it('never cancels K7Q2 on 撤销K7Q2的督办', () => expect(changesState(understand('撤销K7Q2的督办', lead))).toBe(false));
  it('never hands over on X6CU 转派给周网格的事先缓一缓 (put off)', () => expect(changesState(understand('X6CU 转派给周网格的事先缓一缓', { ...lead, members: roster }))).toBe(false));
  it('still cancels with 撤销 K7Q2 重复推送, and keeps 一下吧 out of a reopen reason', () => {
    acts(understand('撤销 K7Q2 重复推送', lead), { kind: 'cancel', caseId: 'K7Q2', reason: '重复推送' });
    acts(understand('X6CU 重办一下吧 家属又来电话了', lead), { kind: 'reopen', caseId: 'X6CU', reason: '家属又来电话了' });
  });
});

describe('progress news on a case not yet taken (found in the sandbox, named regressions)', () => {
  const waiting: UnderstandContext = { ...worker, openCases: [{ id: 'M5JY', level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }] };
  it('takes the case on M5JY 敲门没人 我在楼下等 (the sender is at work on it)', () => acts(understand('M5JY 敲门没人 我在楼下等', waiting), { kind: 'ack', caseId: 'M5JY' }));
  it('never takes it on M5JY 先不接，我问下王社区是不是我这片的', () => expect(changesState(understand('M5JY 先不接，我问下王社区是不是我这片的', waiting))).toBe(false));
});

describe('chatter the training split answered (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('ignores 值班辛苦啦 (thanks to whoever is on duty) but answers 值班', () => {
    quiet('值班辛苦啦', volunteer);
    acts(understand('值班', volunteer), { kind: 'duty' });
  });
  it('ignores 请假、换班统一找王社区 (a rule told) but records 请假 明天', () => {
    quiet('请假、换班统一找王社区', { ...lead, room: 'tasks', members: roster });
    acts(understand('请假 明天', { ...worker, members: roster }), { kind: 'leave', days: '明天' });
  });
  it('ignores 我的待办都清完了😄 (told done) but answers 我的待办都清完了吧 and 我的待办', () => {
    const none = { ...worker, openCases: [] };
    quiet('我的待办都清完了😄', none);
    acts(understand('我的待办都清完了吧', none), { kind: 'mine' });
    acts(understand('我的待办', none), { kind: 'mine' });
  });
  it('ignores Z2HW 这个编号我怎么没见过 (one id talked about, not the sender\'s list)', () => quiet('Z2HW 这个编号我怎么没见过 是不是发错群了', { ...worker, openCases: [] }));
  it('ignores 作废那几单别再跑了 白跑 (several cases spoken of) but still asks 撤销那个重复的单 for its id', () => {
    quiet('作废那几单别再跑了 白跑', { ...lead, role: 'operator' });
    expect(understand('撤销那个重复的单', { ...lead, role: 'operator' })).toMatchObject({ kind: 'refuse', reason: 'missing_case_id' });
  });
  it('ignores 反馈模板放群文件了 新来的同志看一下 but answers 反馈模板在群文件吗', () => {
    quiet('反馈模板放群文件了 新来的同志看一下', { ...lead, room: 'tasks' });
    acts(understand('反馈模板在群文件吗', { ...lead, room: 'tasks' }), { kind: 'help' });
  });
  it('ignores 我看了下记录 X6CU 是十点零五推的 (looked up already) but answers X6CU 记录', () => {
    quiet('我看了下记录 X6CU 是十点零五推的', lead);
    acts(understand('X6CU 记录', lead), { kind: 'query', caseId: 'X6CU' });
  });
  it('ignores N7YC…我打个电话看看 (trying, not asking) but answers N7YC 看看', () => {
    quiet('N7YC那个老人没在家啊邻居讲去闺女家了我打个电话看看', taken('N7YC'));
    acts(understand('N7YC 看看', taken('N7YC')), { kind: 'query', caseId: 'N7YC' });
  });
});

describe('found in train-mirror28, train-mirror29 and train-quiet14 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const sup: UnderstandContext = { ...lead, role: 'supervisor' };
  const staff: UnderstandContext['members'] = [...roster!, { name: '吴网格', role: 'worker' }, { name: '陈网格', role: 'worker' }, { name: '刘网格', role: 'worker' }];
  it('hands N2XE to the member the hand-over word points at (把N2XE转给@吴网格 小陈手上单子太多了), not the nickname after it', () =>
    acts(understand('把N2XE转给@吴网格 小陈手上单子太多了', { ...lead, visibleCases: ['N2XE'], members: staff }), { kind: 'reassign', caseId: 'N2XE', to: '吴网格' }));
  it('never supervises on X6CU 的事我跟街道汇报过了, 督办了两次了还没动静, 我跟进了一下 家属说没事了', () => {
    for (const text of ['X6CU 的事我跟街道汇报过了', 'X6CU 督办了两次了还没动静 我都不好意思催了', 'X6CU 我跟进了一下 家属说没事了']) expect(changesState(understand(text, sup)), text).toBe(false);
    acts(understand('督办 X6CU', sup), { kind: 'supervise', caseId: 'X6CU' });
  });
  it('never supervises on @王社区 X6CU 你那边督促一下网格员 (asked of the person named)', () =>
    expect(changesState(understand('@王社区 X6CU 你那边督促一下网格员 别拖', sup))).toBe(false));
  it('never hands over on K7Q2 原来是老周的 后来改派给小刘了 or X6CU 刚才改派了 周网格你别去了', () => {
    expect(changesState(understand('K7Q2 原来是老周的 后来改派给小刘了', { ...sup, members: staff }))).toBe(false);
    expect(changesState(understand('X6CU 刚才改派了 周网格你别去了', { ...lead, members: staff }))).toBe(false);
    acts(understand('K7Q2 改派给小刘', { ...sup, members: staff }), { kind: 'reassign', caseId: 'K7Q2', to: '刘网格' });
  });
  it('reads an earlier loss (去年就被骗过一回 损失一万多) as no outcome, but 这次又被骗了2万 as one', () => {
    quiet('M4PA 那个老人我认识 去年就被骗过一回 损失一万多', taken('M4PA'));
    expect(understand('反馈 M4PA 去年被骗过 这次又被骗了2万', taken('M4PA'))).toMatchObject({ command: { kind: 'report', result: 'defrauded', lossAmount: 20000 } });
    // 劝阻成功 with an earlier loss beside it is still asked about (not dropped as all past).
    expect(understand('反馈 P9GK 劝阻成功了 但老人之前已经被骗过一笔', taken('P9GK')).kind).toBe('confirm');
  });
  it('holds back an outcome the sender says not to record yet (先别报), but not 先别报警', () => {
    quiet('U4GA 家属说钱已经转了 我再核实一下 先别报', taken('U4GA'));
    expect(understand('反馈 U4GA 劝住了 先别报警 观察一下', taken('U4GA'))).toMatchObject({ command: { kind: 'report', result: 'dissuaded' } });
  });
  it('reads a colleague\'s result (李姐那边劝住了) as theirs', () => quiet('李姐那边劝住了 我这J6TB还在找人', taken('J6TB')));
  it('takes 收到 D4UX 我先打电话 打不通再上门 as the acknowledgement (打不通再 is the next step, not the outcome)', () =>
    acts(understand('收到 D4UX 我先打电话 打不通再上门', { ...worker, openCases: [{ id: 'D4UX', level: 'high', acknowledged: false, pushedMinutesAgo: 4 }] }), { kind: 'ack', caseId: 'D4UX' }));
  it('reads 不让我们管 as refused and 说啥也不听 as no question', () => {
    acts(understand('反馈 W3YS 老人坚持说对方不是骗子 不让我们管', taken('W3YS')), { kind: 'report', result: 'refused' });
    confirms(understand('M8EF 不配合 说啥也不听', taken('M8EF')), { kind: 'report', result: 'refused' });
  });
  it('reads 估计有二十几万 as about 200000, the round figure', () =>
    confirms(understand('反馈 M9EB 投资被骗 估计有二十几万', taken('M9EB')), { kind: 'report', lossAmount: 200000, approximate: true }));
  it('answers a short command led by an id nobody has (H8MA 我接了, J7PZ 查下) with the sender\'s cases', () => {
    const other = { ...worker, openCases: [{ id: 'F8NH', level: 'urgent' as const, acknowledged: false, pushedMinutesAgo: 4 }] };
    expect(understand('H8MA 俺接了', other)).toMatchObject({ kind: 'refuse', reason: 'unknown_case' });
    expect(understand('J7PZ 查下', lead)).toMatchObject({ kind: 'refuse', reason: 'unknown_case' });
    quiet('G1234 到了', other);
  });
  it('binds privately with the keyword anywhere (换新手机了 重新绑定 D8KQ5V)', () => {
    const stranger: UnderstandContext = { ...worker, role: 'stranger', room: 'private', openCases: [] };
    acts(understand('换新手机了 重新绑定 D8KQ5V', stranger), { kind: 'bind', code: 'D8KQ5V' });
    acts(understand('孙志愿让我来绑定的 码是P2WE8H', stranger), { kind: 'bind', code: 'P2WE8H' });
  });
  it('logs a village outreach in sentences (去了三个村 … 一共见了95个人 帮着装了二十八个APP; 发单子 发了300张)', () => {
    acts(understand('今天跟着派出所的钱警官一起去了三个村 挨家挨户讲那个冒充医保局的骗局 一共见了95个人 帮着装了二十八个APP', volunteer), { kind: 'outreach', place: '三个村', people: 95, installs: 28 });
    acts(understand('上午在镇卫生院门口发单子 发了300张 跟120来个人讲了', volunteer), { kind: 'outreach', place: '镇卫生院门口', people: 120, leaflets: 300 });
  });
  it('stays quiet on help, 我的 and 统计 words said to people', () => {
    quiet('不会用就问周姐 她最熟 别自己瞎琢磨', lead);
    quiet('帮助文档谁手上有 发我一份 谢谢啦', { ...lead, role: 'operator' });
    quiet('我的天 我一直以为接单要打“接单”俩字😂', { ...worker, openCases: [] });
    quiet('我现在手里几个案子都不难 放心吧领导', worker);
    quiet('现在有几单没处理的 各网格长自己盯一下', { ...sup, room: 'tasks' });
    quiet('这周的周报数据我来汇总吧', lead);
    quiet('派给我吧 我正好在那边', { ...worker, openCases: [] });
    quiet('今天俺这几个组都消停 一个电话也没有', { ...worker, openCases: [] });
    quiet('今天劝阻成功的几单都挺典型 晚上整理一下报分局', sup);
    quiet('X6CU 老人刚又给我打电话 问钱能不能追回来', lead);
    quiet('X6CU 进展我下午汇总一下发群里', lead);
    acts(understand('X6CU 进展', lead), { kind: 'query', caseId: 'X6CU' });
    acts(understand('眼下还压着几单没处理完', { ...lead, role: 'operator' }), { kind: 'stats' });
  });
});

describe('declining and earlier events (training-split chatter, named regressions)', () => {
  it('never reads 先不接 as a call nobody answered (Q7RT 先不接，我问下王社区是不是我这片的)', () =>
    expect(understand('Q7RT 先不接，我问下王社区是不是我这片的', worker).kind).toBe('ignore'));
  it('still reads 电话不接 as unreachable', () => acts(understand('反馈 Q7RT 电话不接', worker), { kind: 'report', result: 'unreachable', method: 'phone' }));
  it('ignores 说这人之前报过案 (an earlier report, not this case\'s outcome)', () =>
    expect(understand('X9TW 派出所来电话了 说这人之前报过案 我先配合他们', taken('X9TW')).kind).toBe('ignore'));
});

describe('found in train-mirror30, train-mirror31 and train-quiet15 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const sup: UnderstandContext = { ...lead, role: 'supervisor' };
  const staff: UnderstandContext['members'] = [...roster!, { name: '吴网格', role: 'worker' }];
  it('never hands over on 周例会上让吴网格讲讲 (asked to speak), but does on 让吴网格去', () => {
    const ctx = { ...lead, visibleCases: ['F3XS'], members: staff };
    expect(changesState(understand('F3XS 劝住的那个案例挺典型 周例会上让吴网格讲讲', ctx))).toBe(false);
    acts(understand('F3XS 让吴网格去', ctx), { kind: 'reassign', caseId: 'F3XS', to: '吴网格' });
  });
  it('hands K7Q2 转派 @吴网格 老周今天请假 to 吴网格, not to the one away', () =>
    acts(understand('K7Q2 转派 @吴网格 老周今天请假', { ...lead, members: staff }), { kind: 'reassign', caseId: 'K7Q2', to: '吴网格' }));
  it('never supervises on @王社区 K7Q2 你去督办一下 (asked of the person named)', () =>
    expect(changesState(understand('@王社区 K7Q2 你去督办一下 老人在你们社区', sup))).toBe(false));
  it('ignores X6CU 上午已经督办过了 钱警官在跟, but still asks about X6CU 督办过了', () => {
    quiet('X6CU 上午已经督办过了 钱警官在跟', sup);
    confirms(understand('X6CU 督办过了', sup), { kind: 'supervise', caseId: 'X6CU' });
  });
  it('reads traditional characters (反饋 E2KH 已被騙 損失5000)', () =>
    acts(understand('反饋 E2KH 已被騙 損失5000', taken('E2KH')), { kind: 'report', result: 'defrauded', lossAmount: 5000 }));
  it('counts 装了14个 as installs in an outreach sentence', () =>
    acts(understand('晚上在云湖广场跟跳舞的阿姨们聊反诈 大概五十来人 装了14个', volunteer), { kind: 'outreach', people: 50, installs: 14 }));
  it('logs outreach at a shop whose name looks like an id (在T9KE奶茶店门口摆摊)', () =>
    acts(understand('今天在T9KE奶茶店门口摆摊 来了90多人 装APP 21个', volunteer), { kind: 'outreach', people: 90, installs: 21 }));
  it('ignores 反馈 talked about: a rule (反馈要及时), a plan (我一会儿再反馈), a lead\'s summary (反馈一下今晚的情况)', () => {
    quiet('反馈要及时 超过半小时督导组会打电话过来', { ...sup, room: 'tasks' });
    quiet('R3QE 我一会儿再反馈 还在楼上跟老人聊', taken('R3QE'));
    quiet('反馈一下今晚的情况 整体还行 就两单没劝住', lead);
    expect(understand('反馈 R3QE', taken('R3QE'))).toMatchObject({ kind: 'refuse', reason: 'missing_result' });
  });
  it('ignores help talk that is no request (培训讲过怎么反馈了, 我当时也不会用, 再研究研究怎么用)', () => {
    quiet('上午培训讲过怎么反馈了 没来的同事看群文件', lead);
    quiet('我当时也不会用 多用两次就熟了', { ...worker, openCases: [] });
    quiet('等我吃完饭再研究研究怎么用', { ...worker, openCases: [] });
    acts(understand('接单回复啥来着 忘了', worker), { kind: 'help' });
    acts(understand('督办是怎么操作的', sup), { kind: 'help' });
  });
  it('reads 爱咋咋地 as no question, 没回复 and 忙音 as unreachable, and 他那边已经劝住了 as someone else\'s', () => {
    acts(understand('反馈 E4FU 不听劝 说是他自己的钱 爱咋咋地', taken('E4FU')), { kind: 'report', result: 'refused' });
    acts(understand('反馈 H8DA 短信提醒了 没回复', taken('H8DA')), { kind: 'report', result: 'unreachable', method: 'sms' });
    expect(understand('李网格说他那边已经劝住了', { ...taken('G2YC'), pushIsLatest: true }).kind).toBe('ignore');
  });
});

describe('how-to asked politely, and 没换 (named regressions)', () => {
  it('answers 请问误报怎么反馈 and 新人报到 请问这个怎么操作 with 帮助, not as a question to colleagues', () => {
    acts(understand('请问误报怎么反馈', taken('A3KN')), { kind: 'help' });
    acts(understand('新人报到 请问这个怎么操作', { ...worker, openCases: [] }), { kind: 'help' });
    acts(understand('夜班第一天 大佬们说有问题问哨兵 所以 哨兵怎么用😂', { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('still ignores 请问谁知道怎么反馈 and 老人问怎么反馈', () => {
    expect(understand('请问谁知道怎么反馈', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('老人问怎么反馈', { ...worker, openCases: [] }).kind).toBe('ignore');
  });
  it('takes the case on 收到～ 鞋都没换就下楼了 right after the push (没换 calls nothing off)', () =>
    acts(understand('收到～ 鞋都没换就下楼了', { ...worker, pushIsLatest: true }), { kind: 'ack', caseId: 'Q7RT' }));
  it('still reads X6CU 没换人 as nothing to do', () => expect(understand('X6CU 没换人', { ...lead, members: roster }).kind).toBe('ignore'));
});

describe('found in train-mirror32, train-quiet16 and train-mirror33: the supervision room (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const room = (...ids: string[]): UnderstandContext => ({ ...lead, visibleCases: ids, members: [...roster!, { name: '吴网格', role: 'worker' }, { name: '陈网格', role: 'worker' }] });
  it('never hands over on who did it, told (S8VD是周网格接的, 昨天下午吴网格去的, 现在是吴网格负责)', () => {
    for (const [text, id] of [['S8VD是周网格接的 十分钟就到现场了 挺快的👍', 'S8VD'], ['L7UE 昨天下午吴网格去的，老人在家，聊完说不转了', 'L7UE'], ['Z2WH 现在是吴网格负责 郑社区帮着协调', 'Z2WH']] as const) expect(changesState(understand(text, room(id))), text).toBe(false);
  });
  it('asks before a hand-over only suggested (要不还是让他去)', () =>
    confirms(understand('H9MC 之前是陈网格跟的 老人认他 要不还是让他去', room('H9MC')), { kind: 'reassign', caseId: 'H9MC', to: '陈网格' }));
  it('ignores a hand-over told as done to the room (T4CY 上午已经转给吴网格了 你们别重复打电话了哈)', () => quiet('T4CY 上午已经转给吴网格了 你们别重复打电话了哈', room('T4CY')));
  it('never supervises on 我跟家属约了, 我跟他儿子视频了, 我来写 (材料), or 交给我 晚上发你 said to a person', () => {
    expect(changesState(understand('C9HT 我跟家属约了周六上午再去一趟 把老人的手机设置一下', room('C9HT')))).toBe(false);
    expect(changesState(understand('N3KP 昨天晚上我跟他儿子视频了二十分钟 他儿子在深圳 说周末回来', room('N3KP')))).toBe(false);
    expect(changesState(understand('K7Q2的材料我来写 X6CU的让郑社区写吧', room('X6CU', 'K7Q2')))).toBe(false);
    expect(changesState(understand('好 那X6CU交给我 晚上发你', { ...room('X6CU'), quote: { from: 'person' } }))).toBe(false);
    acts(understand('X6CU 我来处理', room('X6CU')), { kind: 'supervise', caseId: 'X6CU' });
  });
  it('reads M6PS 反馈填错了 应该是已报警 as a correction, not a report', () =>
    acts(understand('M6PS 反馈填错了 应该是已报警 老人自己报的', room('M6PS')), { kind: 'correct', caseId: 'M6PS', result: 'reported' }));
  it('ignores questions put to people about a visible case (谁下去接一下, 是真的吗赵督导, 听说是…的？, quoting a colleague)', () => {
    quiet('E8SX 的家属刚才来所里了 在大厅等着 谁下去接一下', room('E8SX'));
    quiet('k7q2 我听说钱其实已经转出去一部分了？是真的吗赵督导', room('K7Q2'));
    quiet('T7GA 周一那会儿我在外面 听说是冯中心直接打给老人的？', room('T7GA'));
    quiet('啊？E8SX 不是受害人吗 怎么成嫌疑人了', { ...room('E8SX'), quote: { from: 'person' } });
    quiet('看下我的消息 刚发了X6CU老人家门口的照片', room('X6CU'));
    acts(understand('X6CU咋样了 查一哈', { ...room('X6CU'), quote: { from: 'person' } }), { kind: 'query', caseId: 'X6CU' });
  });
  it('answers c5jd 地址 and Z2WH 推了几次了 as 查', () => {
    acts(understand('c5jd 地址', room('C5JD')), { kind: 'query', caseId: 'C5JD' });
    acts(understand('Z2WH 推了几次了', room('Z2WH')), { kind: 'query', caseId: 'Z2WH' });
  });
  it('ignores L7UE 上个月重办过一次了吧 (done long before)', () => quiet('L7UE 上个月重办过一次了吧 这次还是同一个骗子号码', room('L7UE')));
  it('reads 门都不开 as refused and 晚了一步 钱已经出去了 as defrauded', () => {
    acts(understand('反馈 K5NR 本人说我们才是骗子 门都不开', taken('K5NR')), { kind: 'report', result: 'refused' });
    expect(understand('反馈 X3PG 晚了一步 钱已经出去了 金额还在问', taken('X3PG'))).toMatchObject({ command: { kind: 'report', result: 'defrauded' } });
  });
  it('holds back 核实清楚再反馈, and ignores 督办的几单今天都结了 辛苦', () => {
    quiet('P9CE 老人说好像转了一万 我还在核实 核实清楚再反馈', taken('P9CE'));
    quiet('督办的几单今天都结了 辛苦', { ...lead, role: 'supervisor' });
    acts(understand('周六的数出一下', { ...lead, role: 'supervisor' }), { kind: 'stats' });
  });
});

describe('a lead telling the room what happened (named regressions)', () => {
  it('ignores 查了一下 X6CU 是他儿子报的警 from a lead, but records 反馈 X6CU 已报警 from the assignee', () => {
    expect(understand('查了一下 X6CU 是他儿子报的警', lead).kind).toBe('ignore');
    acts(understand('反馈 X6CU 已报警', taken('X6CU')), { kind: 'report', result: 'reported' });
  });
});

describe('found in train-quiet17: outreach logs (named regressions)', () => {
  const logs = (text: string, fields: Record<string, unknown>) => acts(understand(text, volunteer), { kind: 'outreach', ...fields });
  it('reads 传单 一共发了300份 as 300 leaflets (not 301) and 发完传单 as no part of the place', () =>
    logs('刚在八里庄地铁口发完传单 一共发了300份 讲解了大概120人', { place: '八里庄地铁口', people: 120, leaflets: 300 }));
  it('counts installs said as 帮18位老人手机下载了反诈app and 装了反诈 20个', () => {
    logs('在呼家楼社区给老人讲防骗 来了38人 帮18位老人手机下载了反诈app', { people: 38, installs: 18 });
    logs('宣传 红庙菜场 摆摊 85人 装了反诈 20个', { people: 85, installs: 20 });
  });
  it('reads 参加人数：60 as the head count', () => logs('团结湖社区今天下午反诈宣传活动 参加人数：60 安装APP：18 发放资料：60份', { people: 60, installs: 18, leaflets: 60 }));
  it('keeps a log whose remark relays someone (有个大爷还说…)', () => logs('今天在呼家楼公园宣传反诈 大概70人听了 装APP 18个 有个大爷还说他前两天刚接到诈骗电话', { people: 70, installs: 18 }));
  it('asks about a head count given as a wide range (两三百人) or a bare Chinese numeral (一百二)', () => {
    confirms(understand('宣传 幸福里菜场 摆摊 两三百人 装APP 50', volunteer), { kind: 'outreach', people: 250, installs: 50 });
    confirms(understand('宣传 八里庄广场 一百二 装APP 三十', volunteer), { kind: 'outreach', people: 120, installs: 30 });
  });
  it('never logs a month\'s total, a misprint (少一位) or someone else\'s outreach heard of', () => {
    const room: UnderstandContext = { ...lead, room: 'volunteers' };
    const tried: [string, UnderstandContext][] = [['十月份总计：宣传22场 受众4100人 装APP 1300个', room], ['有几份传单印错了 电话号码少一位', { ...worker, openCases: [], room: 'volunteers' }], ['听说团结湖那边昨天摆摊来了两百多人 装了五十多个APP 值得学习', room]];
    for (const [text, ctx] of tried) expect(changesState(understand(text, ctx)), text).toBe(false);
  });
  it('stays quiet on a volunteer\'s thanks in private (收到啦 你也早点歇着, 👍👍👍 谢啦)', () => {
    const priv = { ...volunteer, room: 'private' as const };
    expect(understand('收到啦 你也早点歇着', priv).kind).toBe('ignore');
    expect(understand('👍👍👍 谢啦', priv).kind).toBe('ignore');
    acts(understand('查下我的宣传', priv), { kind: 'mine' });
  });
});

describe('found in train-mirror34 and train-mirror35: outcomes as workers tell them (named regressions)', () => {
  const told = (text: string, id: string) => understand(text, taken(id));
  it('never reads 意识到被骗 as a loss', () => expect(told('反馈 X9QD 当面交流 对方已经意识到被骗 没有转账', 'X9QD')).not.toMatchObject({ command: { result: 'defrauded' } }));
  it('reads 劝阻失败 钱已转 as a loss, and asks about 没劝住 alone', () => {
    acts(told('反馈 E4YK 劝阻失败 钱已转', 'E4YK'), { kind: 'report', result: 'defrauded' });
    confirms(told('反馈 G6TH 没劝住', 'G6TH'), { kind: 'report', caseId: 'G6TH' });
  });
  it('takes the method from where the worker was (刚从老人家里出来, 门都没让进, 打通了)', () => {
    acts(told('反馈 H8RD 刚从老人家里出来 劝阻成功 手机上那个投资APP也卸了', 'H8RD'), { kind: 'report', result: 'dissuaded', method: 'visit' });
    acts(told('反馈 W9JE 不配合 说自己的钱自己做主 门都没让进', 'W9JE'), { kind: 'report', result: 'refused', method: 'visit' });
    acts(told('反馈 M3KA 打通了 本人坚称是正常投资 怎么劝都不听', 'M3KA'), { kind: 'report', result: 'refused', method: 'phone' });
  });
  it('never takes money frozen or kept as the loss (还有1万被银行冻结了, 保住了3万)', () => {
    acts(told('反馈 A4XJ 被骗5000 还有1万被银行冻结了 没损失', 'A4XJ'), { kind: 'report', result: 'defrauded', lossAmount: 5000 });
    expect(told('反馈 Y2DG 已被骗 保住了3万 之前转的8000追不回来了', 'Y2DG')).toMatchObject({ command: { lossAmount: 8000 } });
  });
  it('adds up 3000+5000+2000 and 第一笔两千 第二笔六千, and asks', () => {
    confirms(told('反馈 H6ER 被骗了 转了三次 3000+5000+2000', 'H6ER'), { kind: 'report', lossAmount: 10000 });
    confirms(told('反馈 C6WT 被骗了 第一笔两千 第二笔六千 都转走了', 'C6WT'), { kind: 'report', lossAmount: 8000 });
  });
  it('corrects with the result named after 实际 (手滑选了已被骗 实际劝住了) and reads 反馈的时候说错了 as 更正', () => {
    acts(understand('更正一下 X6CU 刚刚手滑选了已被骗 实际劝住了', { ...worker, openCases: [], room: 'private' }), { kind: 'correct', caseId: 'X6CU', result: 'dissuaded' });
    acts(understand('K7Q2 反馈的时候说错了 不是上门 是视频 劝阻成功', { ...worker, openCases: [] }), { kind: 'correct', caseId: 'K7Q2', result: 'dissuaded', method: 'video' });
  });
  it('never reads money asked for as a loss (对方让先交500元手续费 老人没交 已识破)', () =>
    acts(told('反馈 V2CJ 对方让先交500元手续费 老人没交 已识破', 'V2CJ'), { kind: 'report', result: 'dissuaded' }));
  it('reads 叫停了, 及时制止, 已经劝下 as dissuaded and 拦不住, 劝不了 as refused', () => {
    acts(told('反馈 E7GU 视频里看到老人正要转账 当场叫停了', 'E7GU'), { kind: 'report', result: 'dissuaded', method: 'video' });
    acts(told('反馈 R5QA 冒充客服退款的 入户后及时制止 没有损失', 'R5QA'), { kind: 'report', result: 'dissuaded', method: 'visit' });
    acts(told('反馈 T2HF 上门劝说 老人坚持要去银行 拦不住', 'T2HF'), { kind: 'report', result: 'refused', method: 'visit' });
  });
  it('reads 被骗一万五 不对 一万八 as 18000, asked', () => confirms(told('反馈 U2VM 被骗一万五 不对 一万八', 'U2VM'), { kind: 'report', lossAmount: 18000 }));
  it('reads 教他怎么转 and 往什么安全账户转的 as told, not asked', () => {
    acts(told('反馈 P7JQ 电话里听到旁边有人在教他怎么转 当即报警了', 'P7JQ'), { kind: 'report', result: 'reported' });
    confirms(told('反馈 T9KE 损失一万左右 老人说是往什么安全账户转的', 'T9KE'), { kind: 'report', result: 'defrauded', lossAmount: 10000 });
  });
  it('still answers X6CU 报警了没有 家属一直打电话问 (the question is the sender\'s)', () =>
    acts(understand('X6CU 报警了没有 家属一直打电话问', { ...lead, role: 'supervisor' }), { kind: 'query', caseId: 'X6CU' }));
  it('takes the case on 不好意思手机冻关机了刚开机 收到 马上去 (the sender\'s own phone was off)', () =>
    acts(understand('不好意思手机冻关机了刚开机 收到 马上去', { ...worker, openCases: [{ id: 'R9MY', level: 'urgent', acknowledged: false, pushedMinutesAgo: 20 }], quote: { from: 'bot', caseId: 'R9MY', kind: 'reminder' } }), { kind: 'ack', caseId: 'R9MY' }));
  it('ignores a plan that hopes for an outcome (明天上午再去一趟 争取劝住)', () => expect(told('H8RD 明天上午再去一趟 争取劝住', 'H8RD').kind).toBe('ignore'));
  it('logs 今天去社区卫生服务站 … 宣传了大约七十人 发了一百份宣传单 at the place gone to', () =>
    acts(understand('今天去社区卫生服务站 打疫苗的老人挺多 宣传了大约七十人 发了一百份宣传单', volunteer), { kind: 'outreach', place: '社区卫生服务站', people: 70, leaflets: 100 }));
});

describe('outreach head counts said loosely (named regressions)', () => {
  it('asks about 上百人, 近百人, 百把人, 大几十 and a bare 来了90, storing the figure guessed', () => {
    confirms(understand('宣传 八里庄菜场 上百人 装APP 30', volunteer), { kind: 'outreach', people: 100, installs: 30 });
    confirms(understand('@网格哨兵 宣传 红庙 摆摊 近百人 装APP 20多个', { ...volunteer, mention: true }), { kind: 'outreach', people: 100 });
    confirms(understand('宣传 六里屯广场 人很多 大几十 装APP 15', volunteer), { kind: 'outreach', people: 80, installs: 15 });
    confirms(understand('今天在六里屯菜场宣传 来了90 装了25个APP', volunteer), { kind: 'outreach', people: 90, installs: 25 });
  });
  it('still logs 一百来人 and 来了百来号人 at once (about a hundred, as said)', () => {
    acts(understand('下午在团结湖公园北门宣传防诈骗 一百来人 帮着装了28个APP', volunteer), { kind: 'outreach', people: 100, installs: 28 });
    acts(understand('中午在写字楼大堂 跟白领讲刷单诈骗 来了百来号人 装APP六十个', volunteer), { kind: 'outreach', people: 100, installs: 60 });
  });
  it('logs a volunteer\'s log that quotes a colleague (宣传 金台里 摆摊 80人 装APP 26)', () =>
    acts(understand('宣传 金台里 摆摊 80人 装APP 26', { ...volunteer, quote: { from: 'person' } }), { kind: 'outreach', people: 80, installs: 26 }));
});

describe('on the way, said loosely (named regressions)', () => {
  const fresh = (id: string, latest = false): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }], pushIsLatest: latest });
  it('takes the case on Ｈ３ＷＮ俺就在跟前 一会儿就到, U4GA嗯我这边马上就到了, 那个这单我来接吧 and 我前去查看一下情况', () => {
    acts(understand('Ｈ３ＷＮ俺就在跟前 一会儿就到', fresh('H3WN')), { kind: 'ack', caseId: 'H3WN' });
    acts(understand('U4GA嗯我这边马上就到了啊快了', fresh('U4GA')), { kind: 'ack', caseId: 'U4GA' });
    acts(understand('那个这单我来接吧', fresh('C2MU', true)), { kind: 'ack', caseId: 'C2MU' });
    acts(understand('我前去查看一下情况。', fresh('F6TQ', true)), { kind: 'ack', caseId: 'F6TQ' });
  });
  it('reads 电话已经打过去了 as a call made, not money sent', () => acts(understand('在跟了 电话已经打过去了', fresh('N9TC', true)), { kind: 'ack', caseId: 'N9TC' }));
});

describe('found in train-quiet18, train-mirror36 and train-mirror37 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const alert = (id: string): UnderstandContext => ({ ...lead, quote: { from: 'bot', caseId: id, kind: 'escalation' }, members: [...roster!, { name: '陈网格', role: 'worker' }] });
  it('never hands over on 收到 我打给老周问问 (a call to the member) or @钱警官 X6CU 那家麻烦派个民警过去', () => {
    expect(understand('收到 我打给老周问问', alert('K7Q2'))).not.toMatchObject({ command: { kind: 'reassign' } });
    expect(changesState(understand('@钱警官 X6CU 那家麻烦派个民警过去', { ...lead, role: 'supervisor' }))).toBe(false);
  });
  it('never takes an alert on for the sender when someone else is at it or everyone is told (他在处理, 说在处理, 以后大家早点处理)', () => {
    for (const text of ['老周那边信号不好 我刚打通了 他在处理', '陈网格手机坏了 刚用座机打过来说在处理', '这种升级了的 以后大家早点处理 别等到我这来']) expect(changesState(understand(text, alert('K7Q2'))), text).toBe(false);
    acts(understand('我来处理', alert('K7Q2')), { kind: 'supervise', caseId: 'K7Q2' });
  });
  it('never supervises for the sender on 钱警官跟一下 (a colleague asked)', () =>
    expect(changesState(understand('已报警的这个 钱警官跟一下', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'K7Q2', kind: 'other' } }))).toBe(false));
  it('ignores work going on, quoting the reminder of a case taken (还在跟她核对转账记录, 哨兵你是不是不用睡觉的, 催啥)', () => {
    const onReminder = (id: string): UnderstandContext => ({ ...taken(id), quote: { from: 'bot', caseId: id, kind: 'reminder' } });
    quiet('卡已经让银行先冻上了 还在跟她核对转账记录', onReminder('E9PH'));
    quiet('哨兵你是不是不用睡觉的', onReminder('C2MU'));
    quiet('催啥 人都在我对面坐着呢😂', onReminder('Q7RT'));
  });
  it('ignores figures told as handled (这周宣传数据都进系统了, 数据已归档) and withdraws on 这条撤回', () => {
    quiet('这周宣传数据都进系统了 辛苦大家', { ...lead, room: 'volunteers' });
    acts(understand('这条撤回 报重了', { ...volunteer, quote: { from: 'bot', caseId: null, kind: 'other' } }), { kind: 'withdraw' });
  });
  it('reads 屋里冇得人 as unreachable, 我这就克 as on the way, 宣传数据么样报 as 帮助', () => {
    acts(understand('反馈 H3WN 屋里冇得人 邻居说回乡下了', taken('H3WN')), { kind: 'report', result: 'unreachable' });
    expect(understand('收到 我这就克 等我换双鞋', { ...worker, openCases: [{ id: 'U4GA', level: 'urgent', acknowledged: false, pushedMinutesAgo: 6 }] })).toMatchObject({ command: { kind: 'ack', caseId: 'U4GA' } });
    acts(understand('宣传数据么样报', volunteer), { kind: 'help' });
  });
  it('reads the total sent said outright (分三笔转的 共7600) as the loss, and 反馈 … 没转 as dissuaded', () => {
    acts(understand('反馈 T9KE 假客服 分三笔转的 共7600', taken('T9KE')), { kind: 'report', result: 'defrauded', lossAmount: 7600 });
    acts(understand('反馈 P6MV 冒充快递理赔的 上门说清楚了 没转', taken('P6MV')), { kind: 'report', result: 'dissuaded', method: 'visit' });
    expect(changesState(understand('P6MV 老人还没转 我在劝', taken('P6MV')))).toBe(false);
  });
});

describe('found in train-mirror38 and train-mirror39 (named regressions)', () => {
  it('asks about 劝住了 不过好像本来就是误报 (another result, only supposed)', () =>
    expect(understand('反馈 K9WP 劝住了 不过好像本来就是误报', taken('K9WP')).kind).toBe('confirm'));
  it('never corrects on P6MV 家里没人 应该是上班去了 晚上再来 (应该是 a guess), but does on 更正 P6MV 应该是误报', () => {
    expect(changesState(understand('P6MV 家里没人 应该是上班去了 晚上再来', taken('P6MV')))).toBe(false);
    acts(understand('更正 P6MV 应该是误报', taken('P6MV')), { kind: 'correct', caseId: 'P6MV', result: 'false_positive' });
  });
  it('takes 您好 N6MJ 收到，我先打电话，打不通我就上门 as the acknowledgement', () =>
    acts(understand('您好 N6MJ 收到，我先打电话，打不通我就上门', { ...worker, openCases: [{ id: 'N6MJ', level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }] }), { kind: 'ack', caseId: 'N6MJ' }));
  it('reads 老人回复说知道了 不会转 after 反馈 as dissuaded', () =>
    acts(understand('反馈 U7HK 发了短信 老人回复说知道了 不会转', taken('U7HK')), { kind: 'report', result: 'dissuaded', method: 'sms' }));
});

describe('found in train-mirror40 and train-mirror41 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('reads 损失俩万 as 20000', () => acts(understand('反馈 W5RA 上门 老人已被骗 损失俩万', taken('W5RA')), { kind: 'report', result: 'defrauded', lossAmount: 20000 }));
  it('ignores an earlier loss years ago (三年前就被骗过一万多 这次得多上心) but not 这次又被骗了', () => {
    quiet('Q7RT 这家老人三年前就被骗过一万多 这次得多上心', taken('Q7RT'));
    expect(understand('反馈 Q7RT 去年被骗过 这次又被骗了2万', taken('Q7RT'))).toMatchObject({ command: { result: 'defrauded', lossAmount: 20000 } });
  });
  it('ignores talk about learning the bot (培训讲了哨兵怎么用, 给新来的志愿者讲讲这个怎么用) and 互相帮助', () => {
    quiet('上午培训讲了哨兵怎么用 我都记笔记了', { ...worker, openCases: [] });
    quiet('明天我给新来的志愿者讲讲这个怎么用', lead);
    quiet('互相帮助嘛 不客气', taken('W5RA'));
  });
  it('ignores K7Q2 昨天已经督办过了 今天不用再催', () => quiet('K7Q2 昨天已经督办过了 今天不用再催', { ...lead, role: 'supervisor' }));
});

describe('losses only suspected, balances and 检查 (named regressions, found in train-mirror27, 34, 36, 37, 38 and 40)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('ignores a balance while the worker is still at it (老人说卡里有两万多 正要去银行 我在拦着, 卡里还有三万多 我先陪他去…把卡冻上)', () => {
    quiet('G7JW 老人说卡里有两万多 正要去银行 我在拦着', taken('G7JW'));
    quiet('J2QX 老人说卡里还有三万多 我先陪他去农商银行把卡冻上', taken('J2QX'));
    quiet('E9PH 老人卡里有十二万 我们在银行门口拦着呢', taken('E9PH'));
  });
  it('never takes the balance for the loss (反馈 Q7RT 被骗 卡里有三万多: the loss unsaid)', () =>
    acts(understand('反馈 Q7RT 被骗 卡里有三万多', taken('Q7RT')), { kind: 'report', result: 'defrauded', lossAmount: null }));
  it('still reads a loss beside a balance (卡里本来有八万 被转走了两万五: two sums, asked)', () =>
    expect(understand('反馈 D5FJ 卡里本来有八万 被转走了两万五', taken('D5FJ'))).toMatchObject({ command: { kind: 'report', result: 'defrauded', lossAmount: 25000 } }));
  it('ignores a loss only suspected and still being checked (可能被骗了一万多 我正在核实, 好像转了钱 我在陪她查账)', () => {
    quiet('P4HD 老人儿子说可能被骗了一万多 我正在核实', taken('P4HD'));
    quiet('Y4NE 老人说可能被骗了几千 还在问', taken('Y4NE'));
    quiet('Y4NE 老人说好像转了钱 又说不清楚 我在陪她查账', taken('Y4NE'));
  });
  it('still records 反馈 Q7RT 可能被骗了 金额还在核实 (the sender reports it) and asks about Q7RT 被骗了两万 (stated, no 反馈)', () => {
    expect(understand('反馈 Q7RT 已被骗 金额还在核实', taken('Q7RT'))).toMatchObject({ kind: 'act', command: { result: 'defrauded' } });
    expect(understand('Q7RT 被骗了两万', taken('Q7RT'))).toMatchObject({ kind: 'confirm', command: { result: 'defrauded', lossAmount: 20000 } });
  });
  it('does not read 查 inside 检查组 as a question about the case (W5RA 检查组的车也在)', () => quiet('W5RA 到楼下了 检查组的车也在', taken('W5RA')));
});

describe('work still going on, and a lead urging a colleague (named regressions, found in train-mirror35, train-quiet18 and train-mirror37)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('ignores 老人说钱没转 但还在跟对方聊 right after the push (nothing settled while the victim still talks to the scammer)', () => {
    const ctx = { ...taken('G2RM'), pushIsLatest: true };
    quiet('老人说钱没转 但还在跟对方聊', ctx);
    expect(understand('反馈 G2RM 劝住了 钱没转', ctx)).toMatchObject({ kind: 'act', command: { result: 'dissuaded' } });
  });
  it('ignores 这地址是老房子 早拆了 在问邻居她搬哪了 on the dispatch (what the sender is finding out, told)', () =>
    quiet('这地址是老房子 早拆了 在问邻居她搬哪了', { ...taken('A9HC'), quote: { from: 'bot', caseId: 'A9HC', kind: 'dispatch' } }));
  it('ignores a wondering with the sender\'s next step on a case taken (Y7HC 会不会是误报啊 我再核实一下, 老人说不是诈骗 但我觉得不对劲 再观察观察)', () => {
    quiet('Y7HC 会不会是误报啊 我再核实一下', taken('Y7HC'));
    quiet('Y7HC 老人说不是诈骗 但我觉得不对劲 再观察观察', taken('Y7HC'));
    expect(understand('Y7HC 是误报', taken('Y7HC'))).toMatchObject({ kind: 'confirm', command: { result: 'false_positive' } });
  });
  it('ignores 等会儿去 M6VC 家 据说已经转了一笔 (a loss heard of, about to be checked)', () => quiet('等会儿去 M6VC 家 据说已经转了一笔', taken('M6VC')));
  it('ignores others who cannot use an app (上次那场装APP的人里有一半不会用, 好多人都不会用), but helps 我不会用', () => {
    quiet('上次那场装APP的人里有一半不会用', { ...worker, openCases: [] });
    quiet('好多人都不会用', { ...worker, openCases: [] });
    acts(understand('我不会用', { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('ignores @周网格 K7Q2 抓紧反馈 区里要看 from a lead (the person named first is told), but answers 反馈 K7Q2 from the worker', () => {
    quiet('@周网格 K7Q2 抓紧反馈 区里要看', lead);
    expect(understand('反馈 K7Q2', taken('K7Q2')).kind).toBe('refuse');
  });
});

describe('found in train-quiet19 and train-mirror42 to 44 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const supervisor: UnderstandContext = { ...lead, role: 'supervisor' };
  it('never supervises on 督办 told as done by someone else, as not repeated, or as an earlier time', () => {
    quiet('K7Q2 赵所昨天就督办了 网格员下午已经上门', lead);
    quiet('K7Q2 这单钱警官在盯 我就不重复督办了', lead);
    quiet('上次督办X6CU跑了两个小时 老太太太倔了', lead);
    acts(understand('K7Q2 督办', lead), { kind: 'supervise', caseId: 'K7Q2' });
  });
  it('ignores help talk: learnt by use, taught by the sender, a paper\'s maker, the form given out, a post on 朋友圈', () => {
    quiet('指令就那几个 收到 反馈 查 多用几次就熟了', { ...worker, openCases: [] });
    quiet('不会用的同志会后留一下 我一个一个教', { ...supervisor, room: 'tasks' });
    quiet('这个操作指南是区里统一印的吗', supervisor);
    quiet('反馈格式：反馈+编号+结果 我再发一遍', { ...lead, room: 'tasks' });
    quiet('我该发什么呀 朋友圈发反诈图片还是视频好', volunteer);
    acts(understand('操作指南发我一下', supervisor), { kind: 'help' });
  });
  it('ignores figures someone else wants, a load described, and those few cases referred to', () => {
    quiet('街道要统计城中村出租屋住咗几多人 各网格报一下', supervisor);
    quiet('今晚零点以后单子特别多', lead);
    quiet('待办的那几件白班处理', supervisor);
    acts(understand('今天多少件了', supervisor), { kind: 'stats' });
  });
  it('ignores a volunteer\'s remark on a pushed case (这个小区我们上周刚去宣传过)', () =>
    quiet('这个小区我们上周刚去宣传过', { ...volunteer, quote: { from: 'bot', caseId: 'K7Q2', kind: 'dispatch' } }));
  it('reads Cantonese outcomes and outreach: 屋企冇人, 佢话唔使我哋理 收线了, 同啲老人家, 单张, 啱啱嗰条撤回', () => {
    acts(understand('反馈 H5QA 上门 屋企冇人 隔篱话佢返乡下避台风了', taken('H5QA')), { kind: 'report', result: 'unreachable', method: 'visit' });
    acts(understand('反馈 G2CZ 电话打通咗 佢话唔使我哋理 收线了', taken('G2CZ')), { kind: 'report', result: 'refused', method: 'phone' });
    expect(understand('上午喺祠堂门口同啲老人家讲冒充公检法 三十几个人 派咗50份单张', volunteer)).toMatchObject({ command: { kind: 'outreach', people: 30, leaflets: 50 } });
    acts(understand('啱啱嗰条撤回 装APP系12唔系21', { ...volunteer, role: 'worker', openCases: [] }), { kind: 'withdraw' });
    acts(understand('反馈 N7YC 已陪同老人报警', taken('N7YC')), { kind: 'report', result: 'reported' });
  });
  it('takes the case on 1分钟到 right after the push, on J6NB收到,电话先打过去了, and on 收到 先打电话 没接我就上门 (K2WD 接单 穿衣服呢: getting dressed to go, as 穿鞋呢 and the label in train-mirror44)', () => {
    const fresh = (id: string, latest = false): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }], pushIsLatest: latest });
    acts(understand('1分钟到 我就在楼下 hhh', fresh('L9VD', true)), { kind: 'ack', caseId: 'L9VD' });
    acts(understand('K2WD 接单 穿衣服呢 十分钟到', fresh('K2WD')), { kind: 'ack', caseId: 'K2WD' });
    acts(understand('J6NB收到,电话先打过去了', fresh('J6NB')), { kind: 'ack', caseId: 'J6NB' });
    acts(understand('收到 先打电话 没接我就上门', fresh('N4XC', true)), { kind: 'ack', caseId: 'N4XC' });
  });
  it('reads 本人坚持要投 说我们不懂 as refused', () =>
    acts(understand('反馈 C9DE 当面 虚拟币投资的 本人坚持要投 说我们不懂', taken('C9DE')), { kind: 'report', result: 'refused', method: 'visit' }));
});

describe('found in train-quiet20 and train-mirror45 to 47 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  // Core always passes the roster (converse-context.ts); these are the demo profile's members.
  const members: UnderstandContext['members'] = [...['李网格', '周网格', '陈网格', '刘网格', '吴网格'].map((name) => ({ name, role: 'worker' as const })), { name: '王社区', role: 'lead' }];
  const room = (...cases: string[]): UnderstandContext => ({ ...lead, members, visibleCases: ['X6CU', 'K7Q2', ...cases] });
  it('never hands a case over on a task asked of a colleague, an area given from now on, praise, a push told, or a hand-over days ago', () => {
    quiet('K7Q2 老人儿子在外地 我让刘网格直接打给他儿子了', room());
    quiet('N3WD 让李网格明天上午再回访一次 顺便帮老人装个反诈APP', room('N3WD'));
    quiet('V7GE 原来那个网格员下周调走了 以后那片都归李网格', room('V7GE'));
    quiet('夜里就G8HX一单 刘网格处理得挺快', { ...room('G8HX'), quote: { from: 'bot', caseId: null, kind: 'other' } });
    quiet('Y2MC 推给李网格了 他今天调休 没看手机', room('Y2MC'));
    quiet('K7Q2 昨天我转派给刘网格了 他说推送没收到', room());
    acts(understand('G2VA 让吴网格跑一趟', room('G2VA')), { kind: 'reassign', caseId: 'G2VA', to: '吴网格' });
    acts(understand('K2MF 让李网格跟', room('K2MF')), { kind: 'reassign', caseId: 'K2MF', to: '李网格' });
  });
  it('never supervises or cancels on 想督办E9PH来着, 我亲自跟周网格去一趟, 已经撤了', () => {
    quiet('对 手滑 想督办E9PH来着', room('E9PH'));
    quiet('K7Q2 周一我亲自跟周网格去一趟 再不开门就请派出所出面', room());
    quiet('刚才那条Z4QE是我们中心在测新规则 大家不用管 已经撤了', { ...room('Z4QE'), role: 'operator' });
    quiet('上周超时的：X6CU K7Q2 还有一单已经撤了 一共三单', { ...room(), role: 'operator' });
  });
  it('ignores talk in the supervision room: 的反馈写得太简单了, 查不到啊, 能收吗, 上个月是不是也推过, 哪个网格的', () => {
    quiet('M9FA 的反馈写得太简单了 @陈网格 补一下金额和报警情况', room('M9FA'));
    quiet('P6MV 查不到啊 是不是我单号记错了', room());
    quiet('P5HK 家属想给陈网格送锦旗 这个能收吗', room('P5HK'));
    quiet('这个老太太上个月是不是也推过一次？', { ...room('C7JN'), role: 'supervisor', quote: { from: 'bot', caseId: 'C7JN', kind: 'escalation' } });
    quiet('超时这两单是哪个网格的？', { ...room(), role: 'supervisor', quote: { from: 'bot', caseId: null, kind: 'other' } });
    expect(understand('查 P6MV', room()).kind).toBe('refuse');
  });
  it('asks about 劝住了 但是前天已经买了两盒保健品, reads 买保健品花了3800, and takes the method from 到宿舍见到本人', () => {
    expect(understand('反馈 H8GU 劝住了 但是前天已经买了两盒保健品', taken('H8GU')).kind).toBe('confirm');
    acts(understand('反馈 S3HX 已被骗 买保健品花了3800', taken('S3HX')), { kind: 'report', result: 'defrauded', lossAmount: 3800 });
    acts(understand('反馈 V8QD 到宿舍见到本人 劝阻成功 没转账', taken('V8QD')), { kind: 'report', result: 'dissuaded', method: 'visit' });
  });
  it('reads outcomes: 出租屋没人 房东说上周搬走了, 学生已经明白是骗局了, 总算明白了 没再转, 大爷说不投了', () => {
    acts(understand('反馈 Y9FB 入户 出租屋没人 房东说上周搬走了', taken('Y9FB')), { kind: 'report', result: 'unreachable', method: 'visit' });
    acts(understand('反馈 G5SZ 当面 注销校园贷那个 学生已经明白是骗局了', taken('G5SZ')), { kind: 'report', result: 'dissuaded', method: 'visit' });
    acts(understand('反馈 E6WL 小伙子说在做兼职刷单 讲了半天总算明白了 没再转', taken('E6WL')), { kind: 'report', result: 'dissuaded' });
    acts(understand('反馈 B8HR 俺们上门给大爷讲了 大爷说不投了', taken('B8HR')), { kind: 'report', result: 'dissuaded', method: 'visit' });
  });
  it('never counts installs from 学生基本都装过了 beside 装APP 0', () =>
    acts(understand('宣传 南门篮球场 45人 装APP 0 学生基本都装过了', volunteer), { kind: 'outreach', people: 45, installs: 0 }));
  it('takes the case on 收到，喊上村主任一起去 and P2GR 收到 老人住几楼我知道; ignores C7VN 人不在家 我去超市那边找找', () => {
    const fresh = (id: string, extra: Partial<UnderstandContext> = {}): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged: false, pushedMinutesAgo: 2 }], ...extra });
    acts(understand('收到，喊上村主任一起去', fresh('S3HX', { room: 'private', pushIsLatest: true })), { kind: 'ack', caseId: 'S3HX' });
    acts(understand('P2GR 收到 老人住几楼我知道', fresh('P2GR')), { kind: 'ack', caseId: 'P2GR' });
    quiet('C7VN 人不在家 我去超市那边找找', taken('C7VN'));
  });
  it('ignores 统计数据以系统里的为准, 我的任务就是这两天把南村那几栋跑完, 我上回反馈写错了 改天去所里问问咋改', () => {
    quiet('统计数据以系统里的为准', { ...lead, role: 'supervisor' });
    quiet('我的任务就是这两天把南村那几栋跑完', taken('B7ER'));
    quiet('我上回反馈写错了 改天去所里问问咋改', { ...worker, openCases: [] });
  });
});

describe('found in train-mirror48 to 50 and train-quiet21 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('reads 没劝住 钱已经转给那个"船东"了 as defrauded, but not 不是诈骗 他说钱转给女儿了', () => {
    acts(understand('反馈 M7HS 没劝住 钱已经转给那个“船东”了', taken('M7HS')), { kind: 'report', result: 'defrauded' });
    acts(understand('反馈 N4SC 没劝住 钱已经交给养老公寓那帮人了', taken('N4SC')), { kind: 'report', result: 'defrauded' });
    expect(understand('不是诈骗 他说钱转给女儿了', { ...worker, openCases: [{ id: 'J3DK', level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }], pushIsLatest: true })).toMatchObject({ command: { result: 'false_positive' } });
  });
  it('reads 核实为正常 as a false alarm and asks about W2KA 老人劝不动 坚持要交什么清关费 (什么: some kind of)', () => {
    acts(understand('反馈 Y8BF 核实为正常 是老人自己在手机上交医保', taken('Y8BF')), { kind: 'report', result: 'false_positive' });
    expect(understand('W2KA 老人劝不动 坚持要交什么清关费', taken('W2KA'))).toMatchObject({ kind: 'confirm', command: { result: 'refused' } });
  });
  it('logs outreach said as 来了三十来个 and after 各位老师好, and still reads 帮18位老人…下载了反诈app as installs', () => {
    expect(understand('今天去冷库给搬运工讲刷单和假理赔 来了三十来个 装了二十个APP', volunteer)).toMatchObject({ command: { kind: 'outreach', people: 30, installs: 20 } });
    expect(understand('各位老师好，我是新来的志愿者小田，今天上午在幸福里菜市场门口发传单，发了200份，跟80多个人讲了防骗知识，谢谢大家指导🙏', volunteer)).toMatchObject({ command: { kind: 'outreach', people: 80, leaflets: 200 } });
    acts(understand('在呼家楼社区给老人讲防骗 来了38人 帮18位老人手机下载了反诈app', volunteer), { kind: 'outreach', people: 38, installs: 18 });
  });
  it('asks before correcting only the way a dissuasion was done (更正 G5SR 是视频劝的 不是当面)', () => {
    const ctx: UnderstandContext = { ...worker, room: 'private', openCases: [], visibleCases: ['G5SR'] };
    expect(understand('更正 G5SR 是视频劝的 不是当面 我当时在宿舍楼下跟他视频', ctx)).toMatchObject({ kind: 'confirm', command: { kind: 'correct', caseId: 'G5SR', result: 'dissuaded', method: 'video' } });
    expect(understand('更正 G5SR', ctx).kind).toBe('refuse');
  });
  it('ignores talk: 统计一下安置点有多少老人 晚上报我, 这周超时的单子有点多, 有啥要帮忙的吱声, 说明骗子多了, 格式再发一遍：…', () => {
    quiet('统计一下安置点有多少老人 晚上报我', { ...lead, room: 'tasks' });
    quiet('这周超时的单子有点多 周一例会说一下', { ...lead, role: 'supervisor' });
    quiet('K7Q2 的老人是我老邻居 有啥要帮忙的吱声', { ...worker, openCases: [] });
    quiet('破纪录有啥好高兴的 说明骗子多了😮‍💨', taken('R3JF'));
    quiet('格式再发一遍：反馈+编号+方式+结果 被骗的写金额', { ...lead, room: 'tasks' });
    quiet('S7LF 老爷子非说是正规平台 给我看他的收益截图', taken('S7LF'));
    quiet('W3PA 电话一直占线 我往她家走', taken('W3PA'));
  });
});

describe('found in train-quiet22 and train-mirror51 to 53 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const members: UnderstandContext['members'] = [...['李网格', '周网格', '陈网格', '刘网格', '吴网格'].map((name) => ({ name, role: 'worker' as const })), { name: '王社区', role: 'lead' }];
  it('ignores talk about the bot: how to use it told, the manual talked about, a rule about figures, a wish, others lost', () => {
    quiet('培训的时候不是讲了嘛 不会用就发帮助', { ...lead, room: 'tasks' });
    quiet('发 我的 就能看到自己手上还有几单 挺方便', { ...worker, openCases: [] });
    quiet('帮助里也没写撤回咋弄 我翻了半天', volunteer);
    quiet('统计数据别往外发 内部看看就行', { ...lead, role: 'supervisor' });
    quiet('排名这东西看看就行 别为了数据瞎报', { ...lead, role: 'supervisor', room: 'tasks' });
    quiet('帮助那个菜单能不能做成图片啊 老同志看不懂', { ...worker, openCases: [] });
    quiet('新来的小郑还不太会用 郑社区你带带她', { ...lead, role: 'supervisor', room: 'tasks' });
    quiet('这东西刚开始我也不会用 用两天就顺手了', taken('D5FJ'));
    quiet('这个哨兵怎么用 我下午给新来的小孙讲一下', { ...lead, room: 'volunteers' });
    quiet('培训课件第5页 专门讲怎么接单的', { ...lead, role: 'supervisor' });
    acts(understand('新来的 不太会用 怎么开始', { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('never withdraws on 多了个撤回, nor logs 昨天我们三个人一上午讲了一百多人 (no place, the team counted)', () => {
    quiet('这个帮助菜单跟之前的不一样了吧 多了个撤回', volunteer);
    quiet('昨天我们三个人一上午讲了一百多人 嗓子都哑了', volunteer);
    acts(understand('刚才那条人数写多了 撤回', volunteer), { kind: 'withdraw' });
  });
  it('ignores 王社区刚才查的那单是K7Q2吧, 反馈这块 上门和电话要分清楚, X6CU 我已经督办过了 社区在处理', () => {
    quiet('王社区刚才查的那单是K7Q2吧', { ...lead, role: 'supervisor' });
    quiet('反馈这块 上门和电话要分清楚 分局要看比例', { ...lead, role: 'supervisor', room: 'tasks' });
    quiet('X6CU 我已经督办过了 社区在处理', { ...lead, role: 'supervisor' });
    quiet('谢谢 挺好用的', { ...worker, openCases: [], room: 'private' });
  });
  it('answers 今天处理得咋样 数据发一下 with the figures, 帮助 我是来顶班的 with help, 下班前看看我还剩几单 with the sender\'s cases', () => {
    acts(understand('今天处理得咋样 数据发一下', { ...lead, role: 'supervisor' }), { kind: 'stats' });
    acts(understand('帮助 我是来顶班的', lead), { kind: 'help' });
    acts(understand('下班前看看我还剩几单', taken('E3WD')), { kind: 'mine' });
    acts(understand('出一下今天的统计 下班前要报街道', lead), { kind: 'stats' });
  });
  it('reads 结果还是劝阻成功 as still (更正 H4TW 方式是电话), and the method from 到家里了, not the scammer\'s video or call', () => {
    acts(understand('更正 H4TW 方式是电话 结果还是劝阻成功', { ...worker, openCases: [], visibleCases: ['H4TW'] }), { kind: 'correct', caseId: 'H4TW', method: 'phone', result: 'dissuaded' });
    expect(understand('反馈 A5TJ 到家里了 骗子还在跟他视频 俺把电话给挂了 劝住了', taken('A5TJ'))).toMatchObject({ command: { result: 'dissuaded', method: 'visit' } });
  });
  it('ignores W2MX 还在聊 快劝住了, Ａ５ＴＪ 在小区门口了 找不着几号楼, 这咋整啊 街道又要材料, 统计的事周一再弄, 上次讲座来过', () => {
    quiet('W2MX 还在聊 快劝住了', taken('W2MX'));
    quiet('Ａ５ＴＪ 在小区门口了 找不着几号楼', taken('A5TJ'));
    quiet('这咋整啊 街道又要材料', lead);
    quiet('今天周日 统计的事周一再弄', lead);
    quiet('K7Q2 那个老太太是不是上次讲座来过', { ...worker, openCases: [] });
  });
  it('takes the case on 收到 K4RW 我在文化广场摆摊呢 这就过去 (在…呢 describes, asks nothing)', () =>
    acts(understand('收到 K4RW 我在文化广场摆摊呢 这就过去', { ...worker, openCases: [{ id: 'K4RW', level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }] }), { kind: 'ack', caseId: 'K4RW' }));
  it('never hands a case to the one away (转派 X6CU 周网格今天不在)', () => {
    expect(understand('转派 X6CU 周网格今天不在', { ...lead, members })).toMatchObject({ kind: 'refuse', reason: 'missing_target' });
    acts(understand('转派 X6CU 给周网格 李网格今天不在', { ...lead, members }), { kind: 'reassign', caseId: 'X6CU', to: '周网格' });
  });
});

describe('found in train-quiet23 and train-mirror54 to 56 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const fresh = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }], pushIsLatest: true });
  it('reads a message typed word by word (Mandarin as a second language, voice input)', () => {
    acts(understand('反馈 W7DN 上门 了，老人 钱 没有 转，劝 住 了', taken('W7DN')), { kind: 'report', result: 'dissuaded', method: 'visit' });
    acts(understand('反馈 Y2RM 老人 不 配合，门 也 不 开，劝 不 动', taken('Y2RM')), { kind: 'report', result: 'refused' });
    expect(understand('劝 住 了', { ...taken('E5WQ'), pushIsLatest: true })).toMatchObject({ kind: 'confirm', command: { result: 'dissuaded' } });
    acts(understand('反馈 R7UC 被骗 了 钱 九百', taken('R7UC')), { kind: 'report', result: 'defrauded', lossAmount: 900 });
    acts(understand('反馈 Q7RT 被骗 8k 报警 了', taken('Q7RT')), { kind: 'report', result: 'defrauded', lossAmount: 8000, alsoReported: true });
    acts(understand('反馈 Q2FM 以经 劝阻', taken('Q2FM')), { kind: 'report', result: 'dissuaded' });
    acts(understand('今天 红星村 入户 宣传，老人 60 个，APP 装 了 18', volunteer), { kind: 'outreach', people: 60, installs: 18 });
    acts(understand('W7DN 收到了的', fresh('W7DN')), { kind: 'ack', caseId: 'W7DN' });
    acts(understand('宣传 金台里 摆摊 80人 传单 150份 装APP 18', volunteer), { kind: 'outreach', people: 80, leaflets: 150, installs: 18 });
  });
  it('asks about a range said with 到 (三到五万), transfers by two channels, and money got back out of the loss', () => {
    expect(understand('反馈 Y5BR 被骗三到五万 具体等银行流水', taken('Y5BR'))).toMatchObject({ kind: 'confirm', command: { lossAmount: 40_000, approximate: true } });
    expect(understand('反馈 G2XT 损失1到2万 老人说不准', taken('G2XT'))).toMatchObject({ kind: 'confirm', command: { lossAmount: 15_000, approximate: true } });
    expect(understand('反馈 H8PC 微信转了4500 支付宝转了3500 都转给骗子了', taken('H8PC'))).toMatchObject({ kind: 'confirm', command: { lossAmount: 8000, method: null } });
    expect(understand('反馈 P9FE 被骗1万 其中5000银行追回来了', taken('P9FE')).kind).toBe('confirm');
  });
  it('never records a loss from money only wanted, a balance, an earlier loss, a transfer not sent, or a sum still being checked', () => {
    acts(understand('反馈 R7MB 已报警 老人要取现金10万 派出所民警已经到银行了', taken('R7MB')), { kind: 'report', result: 'reported' });
    acts(understand('反馈 Z3KD 老人存款有40多万 被骗走了6万 已报警', taken('Z3KD')), { kind: 'report', result: 'defrauded', lossAmount: 60_000, alsoReported: true });
    quiet('M3TZ 家属说上周已经被骗过一次了 这次得看紧点', taken('M3TZ'));
    quiet('Q2CF 老人手机上转账页面还开着 2万 幸好还没点确认', taken('Q2CF'));
    quiet('A4NV 还在核对转了多少 银行在查流水', taken('A4NV'));
  });
  it('reads 打过去了 关机 as a call, 想怎么花就怎么花 as no question, and 在做笔录 on a reminder as work going on', () => {
    expect(understand('打过去了 关机', { ...taken('J6ZA'), pushIsLatest: true })).toMatchObject({ command: { result: 'unreachable' } });
    acts(understand('反馈 K2WF 拒不配合 说自己的钱想怎么花就怎么花', taken('K2WF')), { kind: 'report', result: 'refused' });
    quiet('快了快了 在做笔录', { ...taken('G8RB'), quote: { from: 'bot', caseId: 'G8RB', kind: 'reminder' } });
    acts(understand('反馈 P2GY 已被骗 损失1.6万 派出所在做笔录', taken('P2GY')), { kind: 'report', result: 'defrauded', alsoReported: true });
  });
  it('ignores 这个网格员今天是不是请假了 on an alert and 汉语的老人看不懂, but helps 看不懂', () => {
    quiet('这个网格员今天是不是请假了', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'K7Q2', kind: 'escalation' } });
    quiet('传单 维语 的 还 有 没 有？汉语 的 老人 看 不 懂', volunteer);
    acts(understand('看不懂', { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('ignores 好 几点, 怎么我这显示两单？, 我那个单子…咋办, 老人装了APP但是不会用, but helps 我不会弄 咋办', () => {
    quiet('好 几点', { ...lead, role: 'supervisor' });
    quiet('怎么我这显示两单？', { ...taken('M7WG'), quote: { from: 'bot', caseId: 'M7WG', kind: 'other' } });
    quiet('我那个单子老人儿子说要投诉我们 咋办', taken('A8KV'));
    quiet('老人装了APP但是不会用 我教了半天', volunteer);
    acts(understand('我不会弄　咋办', lead), { kind: 'help' });
  });
});

describe('found in train-mirror57 to 59 and train-quiet24 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const fresh = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }] });
  it('never takes a case from a command shown in quotes inside an explanation (先回“收到 M4PA” 然后再去)', () => {
    quiet('小王 你记住啊 像我这个 M4PA 推过来 先回“收到 M4PA” 然后再去', fresh('M4PA'));
    acts(understand('收到 M4PA', fresh('M4PA')), { kind: 'ack', caseId: 'M4PA' });
  });
  it('never takes a colleague\'s case on an answer to a person about it (收到 谢谢王书记 X6CU 的材料…, 好的 周哥 K7Q2 …记下了)', () => {
    quiet('收到 谢谢王书记 X6CU 的材料我明天一早送过去', fresh('Q7RT'));
    quiet('好的 周哥 K7Q2 那个老人的情况我记下了', fresh('Q7RT'));
    acts(understand('收到 X6CU 我顺路过去', fresh('Q7RT')), { kind: 'ack', caseId: 'X6CU' });
  });
  it('ignores what was meant once (X6CU 本来想转给老周的 后来…就让她去了) and the case\'s history told', () =>
    quiet('X6CU 本来想转给老周的 后来小刘说她顺路 就让她去了', lead));
  it('ignores questions to colleagues and complaints on one\'s own case (咱们谁会说温州话的, 这让我上哪找去, 下载个什么会议软件)', () => {
    quiet('E9PH 老人一口温州话 我听不太懂 咱们谁会说温州话的', taken('E9PH'));
    quiet('T9KE 推过来的地址只有小区名 没楼号没门牌 这让我上哪找去', taken('T9KE'));
    quiet('z5hk 老大爷说骗子让他下载个什么会议软件 我让他先别动手机', taken('Z5HK'));
    quiet('D5FJ 估计又是误报 这老人每个月都给儿子打钱 不过我还是过去看一眼', taken('D5FJ'));
  });
  it('reads dialect: 莫得 (没有), 看哈 (看下), 咋个说都不听, 么子情况我去看看, 晓得是哪家', () => {
    acts(understand('我还有莫得没处理的', taken('B7ER')), { kind: 'mine' });
    acts(understand('给我看哈待办', taken('B7ER')), { kind: 'mine' });
    acts(understand('反馈 Z5MR 老汉儿犟得很 咋个说都不听 劝不动', taken('Z5MR')), { kind: 'report', result: 'refused' });
    acts(understand('收到收到 U8MB 么子情况我去看看', fresh('U8MB')), { kind: 'ack', caseId: 'U8MB' });
  });
  it('ignores daily life (电动车牌照 豫A3K7 哪个给我挪走了) and experience asked of colleagues (有莫得经验)', () => {
    quiet('我那辆电动车牌照 豫A3K7 哪个给我挪走了', taken('B7ER'));
    quiet('拒绝配合的咋个整 有莫得经验', taken('B7ER'));
  });
});

describe('found in train-quiet25 and train-mirror60 to 61 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('ignores 督办 told as done with what comes next (K7Q2 督办过了 等反馈就行, @刘网格 K7Q2 我已经督办了 你抓紧反馈)', () => {
    quiet('K7Q2 督办过了 等反馈就行', lead);
    quiet('X6CU 昨天已经督办过了 今天周网格说上门', lead);
    quiet('@刘网格 K7Q2 我已经督办了 你抓紧反馈', lead);
    expect(understand('K7Q2 督办过了', lead).kind).toBe('confirm');
  });
  it('ignores how-to told to colleagues (不会用的可以私聊我 我一个个教, 接单就回收到…都记住了哈) and 李网格反馈的 Q7RT', () => {
    quiet('不会用的可以私聊我 我一个个教', { ...lead, room: 'tasks' });
    quiet('接单就回收到 处理完反馈要写结果 都记住了哈', { ...lead, room: 'tasks' });
    quiet('李网格反馈的 Q7RT 我看了 没问题', lead);
  });
  it('never logs outreach from 人数一律按人次报, nor counts 一律 as one', () => quiet('统计口径改了 宣传人数一律按人次报', { ...lead, room: 'volunteers' }));
  it('ignores K4MX 正在帮老人查这个期刊是不是正规的 and 请各网格收到后统计一下…, but still answers 各网格今天处置情况', () => {
    quiet('K4MX 正在帮老人查这个期刊是不是正规的', taken('K4MX'));
    quiet('请各网格收到后统计一下辖区独居老人', lead);
    acts(understand('各网格今天处置情况', lead), { kind: 'stats' });
  });
  it('reads 请将X6CU转派至周网格同志处理 as a hand-over and X6CU 最新 as a question about the case', () => {
    acts(understand('请将X6CU转派至周网格同志处理，谢谢。', { ...lead, members: [{ name: '周网格', role: 'worker' }] }), { kind: 'reassign', caseId: 'X6CU', to: '周网格' });
    acts(understand('X6CU 最新', lead), { kind: 'query', caseId: 'X6CU' });
    acts(understand('H6WD 现在啥情况', taken('H6WD')), { kind: 'query', caseId: 'H6WD' });
  });
  it('asks before taking the case on 收到收到 刚才在楼上没信号 (the delay excused)', () =>
    expect(understand('收到收到 刚才在楼上没信号', { ...worker, openCases: [{ id: 'T5KM', level: 'urgent', acknowledged: false, pushedMinutesAgo: 12 }] })).toMatchObject({ kind: 'confirm', command: { kind: 'ack', caseId: 'T5KM' } }));
});

describe('found in train-mirror62 and train-mirror63 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('asks about a loss shown as a run of digits too long to be one (转账记录显示90000000000)', () =>
    expect(understand('反馈 J9TB 被骗了 转账记录显示90000000000', taken('J9TB')).kind).toBe('confirm'));
  it('takes the case on Z3HT 收到，运动会这边交给小吴了 我马上走 (another matter handed over)', () =>
    acts(understand('Z3HT 收到，运动会这边交给小吴了 我马上走', { ...worker, openCases: [{ id: 'Z3HT', level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }] }), { kind: 'ack', caseId: 'Z3HT' }));
  it('records at once 被骗1万2 还有一笔5千被银行冻住了 (money frozen is no part of the loss)', () =>
    acts(understand('反馈 F2NR 被骗1万2 还有一笔5千被银行冻住了', taken('F2NR')), { kind: 'report', lossAmount: 12_000 }));
  it('reads 1没错 as yes to a pending question, and ignores 这周的超时单子周一例会说', () => {
    acts(understand('1没错', { ...taken('Q7RT'), pendingConfirmation: true }), { kind: 'confirm_yes' });
    quiet('这周的超时单子周一例会说', lead);
  });
});

describe('how to bind, asked by someone not bound yet, and 查看帮助 (named regressions)', () => {
  const stranger: UnderstandContext = { ...worker, role: 'stranger', room: 'private', openCases: [] };
  it('answers 绑定码去哪整, 绑定怎么绑, 绑定码找谁要 with help, which tells how to bind', () => {
    acts(understand('绑定码去哪整', stranger), { kind: 'help' });
    acts(understand('绑定怎么绑', stranger), { kind: 'help' });
    acts(understand('绑定码找谁要啊', stranger), { kind: 'help' });
    acts(understand('绑定 K3P9QX', stranger), { kind: 'bind', code: 'K3P9QX' });
  });
  it('answers 查看帮助 with help', () => acts(understand('查看帮助', { ...worker, openCases: [] }), { kind: 'help' }));
});

describe('found in train-quiet26 (named regressions)', () => {
  const bot = { ...worker, openCases: [], mention: true };
  it('answers questions about the bot\'s own words, put to it, with help (@网格哨兵 怎么玩, 损失金额要写吗, 误报跟拒绝配合有啥区别, 我不会)', () => {
    acts(understand('@网格哨兵 怎么玩', bot), { kind: 'help' });
    acts(understand('@网格哨兵 损失金额要写吗', bot), { kind: 'help' });
    acts(understand('@网格哨兵 误报跟拒绝配合有啥区别', bot), { kind: 'help' });
    acts(understand('@网格哨兵 我不会', bot), { kind: 'help' });
  });
  it('answers 我还有几单 with the sender\'s cases, and ignores 老陈手上还有几单没结？ and 不会用的发 帮助 两个字 它会告诉你', () => {
    acts(understand('我还有几单', taken('B7ER')), { kind: 'mine' });
    expect(understand('老陈手上还有几单没结？', lead).kind).toBe('ignore');
    expect(understand('不会用的发 帮助 两个字 它会告诉你', { ...lead, room: 'tasks' }).kind).toBe('ignore');
  });
});

describe('found in train-quiet27 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const members: UnderstandContext['members'] = [...['李网格', '周网格', '刘网格'].map((name) => ({ name, role: 'worker' as const })), { name: '王社区', role: 'lead' }];
  it('never supervises on 催 aimed at the family (@周网格 K7Q2 催一下家属 让他们先别转) or on 抓紧 said to a colleague by name', () => {
    quiet('@周网格 K7Q2 催一下家属 让他们先别转', { ...lead, members });
    quiet('周网格 X6CU 抓紧啊', { ...lead, members });
    acts(understand('M2FH 催一下，老人儿子打电话到社区了', { ...lead, members, visibleCases: ['M2FH'] }), { kind: 'supervise', caseId: 'M2FH' });
  });
  it('never hands a case over on 我让他去女儿家找了 (told as done)', () =>
    quiet('K7Q2 刘网格说老人不在家 我让他去女儿家找了', { ...lead, members }));
});

describe('found in train-quiet24: a case id with a laugh or a long story is told to the room (named regressions)', () => {
  it('ignores D5FJ 不是车次吧？我看成动车了 哈哈, X6CU 谐音“小六厕” 哈哈哈 and stories whose first clause asks nothing', () => {
    expect(understand('D5FJ 不是车次吧？我看成动车了 哈哈 老花眼', taken('D5FJ')).kind).toBe('ignore');
    expect(understand('X6CU 谐音“小六厕” 哈哈哈 谁起的编号', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('N4TB 老人家属说 以后家里有啥陌生电话都让我们来判断 这是把咱们当自家人了', taken('N4TB')).kind).toBe('ignore');
    expect(understand('我拿 Q7RT 这个单子给新来的小王当例子讲了一遍 怎么回收到 怎么反馈', taken('Q7RT')).kind).toBe('ignore');
  });
  it('ignores a question about a case laughed about with the room, even with 哈哈 at the end (K7Q2 怎么念 … 哈哈)', () => {
    expect(understand('K7Q2 怎么念 K七Q二 还是 K七Q贰 我们组吵起来了 哈哈', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('我家孩子看我手机 问我 Q7RT 是什么暗号 哈哈', taken('Q7RT')).kind).toBe('ignore');
    acts(understand('@网格哨兵 K7Q2 怎么样了 哈哈', { ...lead, mention: true }), { kind: 'query', caseId: 'K7Q2' });
  });
  it('still answers a long question that asks first, and a short one', () => {
    acts(understand('X6CU 劝住了吗？小黄第一次跑这种单 我有点不放心', lead), { kind: 'query', caseId: 'X6CU' });
    acts(understand('请问B4KZ这个单子的地址能再发我一下吗 谢谢', taken('B4KZ')), { kind: 'query', caseId: 'B4KZ' });
    acts(understand('K7Q2 谁在跟', lead), { kind: 'query', caseId: 'K7Q2' });
  });
});

describe('a count word before 我 asks nothing of the sender\'s cases (found in train-quiet21, train-mirror36/38/6; named regressions)', () => {
  it('ignores 哪个医院 我离人民医院近, 今晚哪个值夜班 我想跟他换一下, 我们村今天来了几个推销保健品的 and 上回摆摊装了多少个APP来着 我忘了', () => {
    const none = { ...worker, openCases: [] };
    expect(understand('哪个医院 我离人民医院近', none).kind).toBe('ignore');
    expect(understand('今晚哪个值夜班 我想跟他换一下', none).kind).toBe('ignore');
    expect(understand('我们村今天来了几个推销保健品的，我已经让村干部盯着了', none).kind).toBe('ignore');
    expect(understand('上回摆摊装了多少个APP来着 我忘了', volunteer).kind).toBe('ignore');
  });
  it('still answers 我现在还挂着几个 and 俺还有几个没整完 with the sender\'s cases', () => {
    acts(understand('我现在还挂着几个', taken('G2HT')), { kind: 'mine' });
    acts(understand('俺还有几个没整完', taken('D3XR')), { kind: 'mine' });
  });
});

describe('found in train-mirror64/65 and train-quiet28 (named regressions)', () => {
  const fresh = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 4 }] });
  it('records a report whose sender asks whether the form is right (不知道格式对不对：…), and takes 收到 U2PN … 是这样回吗', () => {
    acts(understand('反馈 N3HQ 我是新来的 不知道格式对不对：上门见到本人了，劝阻成功', taken('N3HQ')), { kind: 'report', caseId: 'N3HQ', result: 'dissuaded', method: 'visit' });
    acts(understand('收到 U2PN 我是新来的刘网格 是这样回吗', fresh('U2PN')), { kind: 'ack', caseId: 'U2PN' });
    acts(understand('U2PN 收到了（是不是要带上编号？）', fresh('U2PN')), { kind: 'ack', caseId: 'U2PN' });
    acts(understand('反馈要不要带编号', taken('H5MA')), { kind: 'help' });
  });
  it('reads what was averted after 差点 up to 被我们 (老人差点转 被我们拦下来了) and 被我按住了 as stopped', () => {
    acts(understand('反馈 G4RE 冒充医保局的 老人差点转 被我们拦下来了', taken('G4RE')), { kind: 'report', caseId: 'G4RE', result: 'dissuaded' });
    acts(understand('反馈 W4CJ 差一步就转了 银行卡都掏出来了 被我按住了', taken('W4CJ')), { kind: 'report', caseId: 'W4CJ', result: 'dissuaded' });
  });
  it('supervises K7Q2这单我盯着 @刘网格 你抓紧 (the case taken on first, then the colleague told), not @周网格 K7Q2 我来跟', () => {
    const sup = { ...lead, role: 'supervisor' as const };
    acts(understand('K7Q2这单我盯着 @刘网格 你抓紧', sup), { kind: 'supervise', caseId: 'K7Q2' });
    acts(understand('X6CU 这单我来督办 @陈网格 有情况随时说', lead), { kind: 'supervise', caseId: 'X6CU' });
    expect(understand('@周网格 K7Q2 我来跟', lead).kind).toBe('ignore');
  });
  it('asks for the case on 督办 快点, lists the cases on 给我列列待办, and ignores 求帮助 谁能来搬下展板', () => {
    expect(understand('督办 快点', { ...lead, role: 'supervisor' })).toMatchObject({ kind: 'refuse', reason: 'missing_case_id' });
    acts(understand('给我列列待办 @网格哨兵', { ...taken('W3NB'), mention: true }), { kind: 'mine' });
    expect(understand('求帮助 谁能来搬下展板 太沉了', volunteer).kind).toBe('ignore');
  });
});

describe('found in train-context (named regressions)', () => {
  it('ignores a bare 收到 in the volunteers\' room, where no case is ever pushed, and 我来跟 without a case', () => {
    const fresh: UnderstandContext = { ...worker, room: 'volunteers', openCases: [{ id: 'J7PE', level: 'urgent', acknowledged: false, pushedMinutesAgo: 6 }] };
    expect(understand('收到', fresh).kind).toBe('ignore');
    confirms(understand('收到', { ...fresh, room: 'tasks' }), { kind: 'ack', caseId: 'J7PE' });
    expect(understand('我来跟', { ...lead, role: 'supervisor', room: 'tasks' }).kind).toBe('ignore');
    acts(understand('我来跟', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }), { kind: 'supervise', caseId: 'X6CU' });
  });
});

describe('loose figures and 督办 said as following up (found in train-mirror38/60, train-quiet27, train-quiet19, train-mirror41; named regressions)', () => {
  const loss = (text: string, id: string) => { const d = understand(text, taken(id)); return d.kind === 'confirm' || d.kind === 'act' ? d.command : d; };
  it('reads 十几万 after 一共 as about 150000, 损失上万 as about 10000, and never 十几次 as money', () => {
    expect(loss('反馈 T5KM 被骗 一共十几万 已报警', 'T5KM')).toMatchObject({ lossAmount: 150000, approximate: true });
    expect(loss('反馈 W5RA 损失上万 已报警', 'W5RA')).toMatchObject({ lossAmount: 10000, approximate: true });
    expect(loss('反馈 Q5AN 前后转了十几次，估计有八万左右', 'Q5AN')).toMatchObject({ lossAmount: 80000, approximate: true });
    expect(loss('反馈 V7EJ 没劝住 一共被骗4万2 已经报警 卡里剩的十几万让儿子拿走了', 'V7EJ')).toMatchObject({ lossAmount: 42000 });
  });
  it('supervises K7Q2 跟进一下, R2XC 我这边跟进, X6CU 我负责盯到底 and K7Q2 怎么还没接 我来催', () => {
    const sup = { ...lead, role: 'supervisor' as const, visibleCases: ['X6CU', 'K7Q2', 'R2XC'] };
    acts(understand('K7Q2 跟进一下 老人是独居', sup), { kind: 'supervise', caseId: 'K7Q2' });
    acts(understand('R2XC 我这边跟进', { ...lead, visibleCases: ['R2XC'] }), { kind: 'supervise', caseId: 'R2XC' });
    acts(understand('X6CU 我负责盯到底', sup), { kind: 'supervise', caseId: 'X6CU' });
    acts(understand('K7Q2 怎么还没接 我来催', lead), { kind: 'supervise', caseId: 'K7Q2' });
    acts(understand('C6JP 我来跟进', { ...worker, openCases: [{ id: 'C6JP', level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }] }), { kind: 'ack', caseId: 'C6JP' });
  });
});

describe('found in train-quiet29 and train-quiet30 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const members: UnderstandContext['members'] = [...['李网格', '周网格', '刘网格'].map((name) => ({ name, role: 'worker' as const })), { name: '王社区', role: 'lead' }];
  const tasksLead: UnderstandContext = { ...lead, room: 'tasks', members };
  it('never supervises a complaint said to the colleague named first (刘网格 K7Q2怎么还没去 抓紧)', () => {
    quiet('刘网格 K7Q2怎么还没去 抓紧', tasksLead);
    acts(understand('这个X6CU怎么还没人接 督办', tasksLead), { kind: 'supervise', caseId: 'X6CU' });
  });
  it('asks about no loss for money demanded, alleged, earned or held while the work goes on', () => {
    quiet('T9KE 骗子让他把十五万转到安全账户 还在劝', taken('T9KE'));
    quiet('D5FJ 那边要她先充1w5才能提现 我还在做工作', taken('D5FJ'));
    quiet('E9PH 骗子要的是1.5w 老人卡里只有八千', taken('E9PH'));
    quiet('W5RA 对方冒充公安 说他涉嫌洗钱两百万 老人吓懵了', taken('W5RA'));
    quiet('G7JW 家属说老人退休金一个月六千多', taken('G7JW'));
    quiet('M4PA 老太太手里有两万八现金 说要存到"安全账户" 我正在劝', taken('M4PA'));
    confirms(understand('M4PA 老人转了两万八', taken('M4PA')), { kind: 'report', caseId: 'M4PA', result: 'defrauded', lossAmount: 28000 });
  });
  it('ignores a quoted dispatch shown to the room (大家看看这个话术)', () =>
    quiet('大家看看这个话术 典型的刷单', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'K7Q2', kind: 'dispatch' } }));
  it('ignores talk about the bot and the chores: offers to teach, a made cheat sheet, a colleague called last, figures reported, work done', () => {
    const none: UnderstandContext = { ...worker, openCases: [] };
    quiet('不会用的找我 我下午挨个教', tasksLead);
    quiet('不会用就问 别不好意思 都是从不会过来的', tasksLead);
    quiet('菜单我发群里了 周五聚餐的 看看想吃啥', tasksLead);
    quiet('指令有哪些我整理成一张图了 大家存一下', tasksLead);
    quiet('哨兵咋又不回我了 是不是坏了', taken('Q7RT'));
    quiet('这个咋用啊 刘哥', none);
    quiet('我不会弄 周网格帮我弄好了 谢谢啊周姐🌹', none);
    quiet('今天的数我已经报给街道了', lead);
    quiet('统计这活能不能轮着来 每回都是我', { ...lead, role: 'operator' });
    quiet('我的待办清零啦🎉🎉', none);
    acts(understand('这个咋用啊', none), { kind: 'help' });
    acts(understand('我的待办', taken('Q7RT')), { kind: 'mine' });
  });
});

describe('a report word or a case id talked about, not given (found in train-quiet24/29/30; named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('ignores 再不反馈就要通报了, 反馈得挺及时, 这个结果我看了 and 当汇报素材', () => {
    quiet('赵督导说K7Q2再不反馈就要通报了', { ...lead, room: 'tasks' });
    quiet('反馈得挺及时 点赞👍', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'other' } });
    quiet('这个结果我看了 没问题', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'K7Q2', kind: 'other' } });
    quiet('X6CU 这条的推送内容我截图发区里了 当汇报素材', { ...lead, role: 'operator' });
    expect(understand('反馈 Q7RT', taken('Q7RT'))).toMatchObject({ kind: 'refuse', reason: 'missing_result' });
  });
  it('ignores an id spoken of as a kind of thing (X6CU 这种编号, K7Q2 是啥意思) and 谁跟周网格说一声', () => {
    quiet('我们志愿者能看到 X6CU 这种编号的详情吗 还是只有网格员能看', { ...volunteer, visibleCases: ['X6CU'] });
    quiet('那个 K7Q2 是啥意思啊 我看网格员群里老说这种编号', { ...volunteer, visibleCases: ['K7Q2'] });
    quiet('X6CU 家属在所里大厅等着呢 非要见网格员 谁跟周网格说一声', { ...lead, role: 'supervisor' });
    acts(understand('K7Q2 是什么情况', lead), { kind: 'query', caseId: 'K7Q2' });
  });
});

describe('help and 我的 look-alikes (found in train-quiet29, train-quiet31, train-mirror59; named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const none: UnderstandContext = { ...worker, openCases: [] };
  it('ignores the bot spoken of (它是不是只认编号啊), work handed to a colleague named, and faults wondered about', () => {
    quiet('它是不是只认编号啊 我不带编号它就装听不见', none);
    quiet('它啥都记着 连我几点接的单都有 哈哈', none);
    quiet('我那几个单子麻烦李网格帮忙看一眼 我在医院陪孩子', taken('B4ZK'));
    quiet('我的待办是不是同步有问题 昨天结的还挂着', taken('M4PA'));
    quiet('我的预警推送怎么没声音 是不是手机设置的事', taken('U4GA'));
    quiet('刚才哨兵给我发的那个列表 我还有俩没弄', taken('V3PX'));
  });
  it('ignores other 帮助 and other counts: 困难群众帮助申请表, 食堂菜单, 电子签章, 还有几个人没交考核表, 家里的事还有几个没办完', () => {
    quiet('困难群众帮助申请表在哪领', none);
    quiet('今天食堂菜单是啥 有红烧肉没', none);
    quiet('菜单在桌上 要点外卖的看一下', lead);
    quiet('电子签章怎么弄 街道那边说要盖', lead);
    quiet('哨兵那个帮助菜单挺全的 新来的可以看看', { ...lead, role: 'supervisor', room: 'tasks' });
    quiet('还有几个人没交考核表 抓紧', { ...lead, role: 'supervisor' });
    quiet('今天下午还有几个会 头大', lead);
    quiet('家里的事还有几个没办完 今天早退一会儿', none);
    acts(understand('我还有几个没办完', taken('Q7RT')), { kind: 'mine' });
    acts(understand('传单数量怎么报', volunteer), { kind: 'help' });
  });
});

describe('found in train-quiet32 and train-mirror69 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const sup: UnderstandContext = { ...lead, role: 'supervisor' };
  it('never supervises what is said to a person called first, or thanked (王书记 … 麻烦您督促, @冯中心 … 你们那边也盯一下, 督办K7Q2的事辛苦您了)', () => {
    quiet('王书记 K7Q2 麻烦您督促一下网格员', sup);
    quiet('@冯中心 K7Q2 你们中心那边也盯一下', sup);
    quiet('@钱警官 督办K7Q2的事辛苦您了', lead);
    acts(understand('督办 K7Q2', lead), { kind: 'supervise', caseId: 'K7Q2' });
  });
  it('asks about no loss for cash drawn and held or money held, but does for cash drawn and sent', () => {
    quiet('D5FJ 老人刚取了5万现金放家里 我过去了', taken('D5FJ'));
    quiet('E9PH 家属说老人手里大概有三四万 具体不清楚', taken('E9PH'));
    confirms(understand('D5FJ 老人取了5万现金转给骗子了', taken('D5FJ')), { kind: 'report', result: 'defrauded', lossAmount: 50000 });
  });
  it('takes 收到收到我现在就过去大概十分钟能到 (voice input) right after the push, records 已劝下, and ignores 周五汇总给我', () => {
    acts(understand('收到收到我现在就过去大概十分钟能到', { ...worker, pushIsLatest: true }), { kind: 'ack', caseId: 'Q7RT' });
    acts(understand('反馈 J6WP 冒充医保局的 老太太吓得不轻 已劝下', taken('J6WP')), { kind: 'report', caseId: 'J6WP', result: 'dissuaded' });
    quiet('各网格本周反馈情况周五汇总给我', lead);
  });
});

describe('talk about a case or the system (found in train-quiet24, train-mirror67; named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('ignores K7Q2 推了三遍 系统是不是抽风了, 人家夸咱们记录写得全 and 有啥情况及时反馈给所里', () => {
    quiet('K7Q2 推了三遍 系统是不是抽风了', lead);
    quiet('说个事 今天区里抽查 就抽到了 K7Q2 人家夸咱们记录写得全', { ...lead, room: 'tasks' });
    quiet('有啥情况及时反馈给所里', { ...lead, role: 'supervisor' });
    acts(understand('K7Q2 的处置记录', lead), { kind: 'query', caseId: 'K7Q2' });
  });
});

describe('codes that look like cases, and a sign-up that looks like a log (found in train-quiet33/34; named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const fresh = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 4 }] });
  it('never asks 您是指 about a code one character off the sender\'s case (取件码Q7R1, 验证码 U4GB, 对讲机T9KF那款)', () => {
    quiet('谁下楼帮我拿个快递 取件码Q7R1', fresh('Q7RT'));
    quiet('我那个快递取件码M4P8 放前台了没', fresh('M4PA'));
    quiet('验证码 U4GB 大小写不分吧？', taken('U4GA'));
    quiet('对讲机T9KF那款的电池没电了 谁有备用', fresh('T9KE'));
    quiet('京A·Q7R1T那辆白车谁的 堵消防通道了', taken('Q7RT'));
    confirms(understand('收到 Q7RI', fresh('Q7RT')), { kind: 'ack', caseId: 'Q7RT' });
    acts(understand('反馈 单号K5DX 短信劝阻 成功', taken('K5DX')), { kind: 'report', caseId: 'K5DX', result: 'dissuaded' });
  });
  it('logs no outreach from a call for helpers (宣传 周六…摆摊 还差六个人 能来的接龙)', () =>
    quiet('宣传 周六上午团结湖公园摆摊 还差六个人 能来的接龙', volunteer));
});

describe('remarks on a quoted bot message (found in train-quiet36, train-quiet35; named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const sup: UnderstandContext = { ...lead, role: 'supervisor' };
  it('never hands over, cancels or supervises on praise or news (给周网格点个赞, 撤销得好, 家属刚给我打电话了, 这条跟刚才那条是同一个老人吧)', () => {
    quiet('给周网格点个赞👍', { ...sup, quote: { from: 'bot', caseId: 'K7Q2', kind: 'other' } });
    quiet('哈哈哈 撤销得好 这单一看就是测试的', { ...sup, role: 'operator', quote: { from: 'bot', caseId: 'X6CU', kind: 'other' } });
    quiet('老人家属刚给我打电话了 说人没事', { ...sup, quote: { from: 'bot', caseId: 'K7Q2', kind: 'escalation' } });
    quiet('周网格手机摔坏了 刚借别人电话跟我说的', { ...lead, quote: { from: 'bot', caseId: 'K7Q2', kind: 'escalation' } });
    quiet('这条跟刚才那条是同一个老人吧', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } });
    acts(understand('这个我知道 在跟', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }), { kind: 'supervise', caseId: 'X6CU' });
  });
  it('asks nothing on complaints about or comparisons with the bot\'s messages', () => {
    quiet('哨兵今天是不是抽风了 一直推', { ...taken('Q7RT'), quote: { from: 'bot', caseId: 'Q7RT', kind: 'reminder' } });
    quiet('医保电子凭证绑定老人都不会弄 我教了一下午', { ...worker, openCases: [] });
    acts(understand('现在什么情况', { ...sup, quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }), { kind: 'query', caseId: 'X6CU' });
  });
});

describe('free forms on a quoted dispatch and shared titles (found in train-quiet36, train-mirror73; named regressions)', () => {
  it('ignores 这个推送格式不错 一看就明白 on a quoted dispatch and 分享：《周末防骗指南》, and still answers 怎么还没接单 on a reminder', () => {
    expect(understand('这个推送格式不错 一看就明白', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }).kind).toBe('ignore');
    expect(understand('分享：《周末防骗指南》', volunteer).kind).toBe('ignore');
    acts(understand('怎么还没接单', { ...lead, quote: { from: 'bot', caseId: 'K7Q2', kind: 'reminder' } }), { kind: 'query', caseId: 'K7Q2' });
    acts(understand('怎么用', { ...worker, openCases: [] }), { kind: 'help' });
  });
});

describe('acknowledgements said loosely (named regressions)', () => {
  const fresh = (id: string, latest = false): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: 2 }], pushIsLatest: latest });
  it('takes the case on 没问题 / 冇问题 right after the push, on T7AG 我负责, and on 收到了E4XB 正往3号院赶呢', () => {
    acts(understand('没问题', fresh('P9QE', true)), { kind: 'ack', caseId: 'P9QE' });
    acts(understand('冇问题', fresh('K4DA', true)), { kind: 'ack', caseId: 'K4DA' });
    acts(understand('T7AG 我负责', fresh('T7AG')), { kind: 'ack', caseId: 'T7AG' });
    acts(understand('收到了E4XB 正往3号院赶呢', fresh('E4XB')), { kind: 'ack', caseId: 'E4XB' });
  });
  it('still ignores 没问题 said later in a busy group', () => expect(understand('没问题', fresh('P9QE')).kind).toBe('ignore'));
});

describe('a guessed outreach figure is shown as a guess (regression: 上百人 was asked about as "100人")', () => {
  it('asks with 约 before the loose figures only', () => {
    const d = understand('今天在幸福里广场宣传 上百人参加 装了十几个APP', volunteer);
    expect(d).toMatchObject({ kind: 'confirm', command: { people: 100, installs: 15 } });
    expect(d.kind === 'confirm' && d.prompt).toContain('约100人 · 装APP 约15');
    const exact = understand('宣传 幸福里社区 来了90 装APP 20', volunteer);
    expect(exact.kind === 'confirm' && exact.prompt).toContain('· 90人 · 装APP 20？');
  });
});

describe('outreach head counts said after the people (named regressions)', () => {
  it('logs 大爷大妈来了五十多, 阿姨们来了六十多个 and 今天宣传没怎么发传单 … 聊了35个老人', () => {
    acts(understand('重工街社区老年活动室讲反诈 大爷大妈来了五十多 装APP十六个', volunteer), { kind: 'outreach', people: 50, installs: 16 });
    acts(understand('晚上在光明社区广场舞那边宣传 阿姨们来了六十多个 装了十八个APP', volunteer), { kind: 'outreach', people: 60, installs: 18 });
    acts(understand('今天宣传没怎么发传单 主要一对一聊 聊了35个老人 装了12个APP', volunteer), { kind: 'outreach', people: 35, installs: 12 });
  });
});

describe('found in train-quiet37/38 and train-mirror75/76 (named regressions)', () => {
  const acked = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged: true, pushedMinutesAgo: 25 }] });
  const fresh = (id: string, minutes = 19): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'urgent', acknowledged: false, pushedMinutesAgo: minutes }] });
  it('asks first when 劝住了 stands beside money already paid (交过一回钱): two results, never a plain 劝阻成功', () => {
    const d = understand('反馈 P2VJ 劝住了 但是头两天已经交过一回钱了', acked('P2VJ'));
    expect(d.kind).toBe('confirm');
  });
  it('does not take a relayed 督办 (赵督导说了 X6CU 她来督办) as the lead\'s own', () => {
    expect(understand('赵督导说了 X6CU 她来督办 咱们配合就行', lead).kind).toBe('ignore');
  });
  it('does not take 收到，会后我把Q7RT的走访照片补到台账里 as an acknowledgement of a case already taken', () => {
    expect(understand('收到，会后我把Q7RT的走访照片补到台账里', acked('Q7RT')).kind).toBe('ignore');
    acts(understand('收到 Q7RT', fresh('Q7RT')), { kind: 'ack', caseId: 'Q7RT' });
  });
  it('reads 买了双啥子量子鞋垫 as "some kind of", so 反馈 S6GA 婆婆被骗九百九十八 … is recorded with 998', () => {
    acts(understand('反馈 S6GA 婆婆被骗九百九十八 买了双啥子量子鞋垫', acked('S6GA')), { kind: 'report', result: 'defrauded', lossAmount: 998 });
  });
  it('reads 哭得不得了 as "terribly", not as an either-or question', () => {
    confirms(understand('反馈 J4CY 老人被骗 十来万 哭得不得了', acked('J4CY')), { kind: 'report', result: 'defrauded', lossAmount: 100000, approximate: true });
  });
  it('reads 电话联系不上 as the phone and unreachable (the method no longer eats 联系)', () => {
    acts(understand('更正 K7Q2 电话联系不上 不是劝阻成功', { ...worker, room: 'private', openCases: [] }), { kind: 'correct', caseId: 'K7Q2', result: 'unreachable', method: 'phone' });
  });
  it('reads Sichuan and slang words: 屋头没人 门锁起的, 被我拦到了, 冲了冲了 right after the push', () => {
    acts(understand('反馈 T3HB 上门了 屋头没人 门锁起的 邻居说去镇上赶场了', acked('T3HB')), { kind: 'report', result: 'unreachable', method: 'visit' });
    acts(understand('反馈 r6ct 差点就去交钱了 被我拦到了', acked('R6CT')), { kind: 'report', result: 'dissuaded' });
    acts(understand('冲了冲了', { ...fresh('Q3HL', 1), pushIsLatest: true }), { kind: 'ack', caseId: 'Q3HL' });
  });
  it('reads 嘛 closing an offer, a plea or a request as no question', () => {
    acts(understand('收到 Q9JE 交给我嘛', fresh('Q9JE', 7)), { kind: 'ack', caseId: 'Q9JE' });
    acts(understand('在路上了 莫催了嘛', { ...fresh('H5TR', 16), quote: { from: 'bot', caseId: 'H5TR', kind: 'reminder' } }), { kind: 'ack', caseId: 'H5TR' });
    acts(understand('给我看下待办嘛', { ...worker, room: 'private', openCases: [] }), { kind: 'mine' });
  });
  it('asks about a 收到 excused by 刚在田头没听到手机响', () => {
    confirms(understand('收到收到 刚在田头没听到手机响', fresh('M2WF')), { kind: 'ack', caseId: 'M2WF' });
  });
  it('answers @网格哨兵 我那单的地址再发一遍 with the one open case, and 地址是哪来着 on a quoted dispatch', () => {
    acts(understand('@网格哨兵 我那单的地址再发一遍', { ...acked('Q7RT'), mention: true }), { kind: 'query', caseId: 'Q7RT' });
    acts(understand('地址是哪来着', { ...acked('Q7RT'), quote: { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' } }), { kind: 'query', caseId: 'Q7RT' });
  });
  it('does not take 当面说一下 (the sender talking to someone) as a request for the case', () => {
    expect(understand('A9HC 老人说卡在她女儿那 她自己转不了 我还是等她女儿回来当面说一下', acked('A9HC')).kind).toBe('ignore');
    acts(understand('A9HC 说一下情况', acked('A9HC')), { kind: 'query', caseId: 'A9HC' });
  });
  it.each([
    ['天气预报说明天大暴雨，宣传还搞不搞啊？', volunteer],
    ['给老人讲的时候用啥例子最好懂？', volunteer],
    ['我今天还剩啥没干来着…哦对 台账还没弄😂', { ...worker, openCases: [] }],
    ['机器人每天几点出那个日报啊？', { ...lead, role: 'supervisor' }],
    ['不会用就先别装了 老人眼睛也不好使', acked('D5FJ')],
    ['我的任务今天就是把台账补齐 别的啥也不干了', { ...worker, openCases: [] }],
    ['我还有多少单没报销 财务催死了', { ...worker, openCases: [] }],
    ['我现在手里几个活一起来 头都大了', acked('N7YC')],
    ['看下今天数据 比昨天好多了 继续保持💪', { ...lead, role: 'supervisor' }],
    ['各村把这个月的反馈记录汇总一下 周五交', { ...lead, room: 'tasks' }],
    ['待办：周五前交台账', { ...lead, room: 'tasks' }],
  ] as const)('leaves %j alone', (text, ctx) => {
    expect(understand(text, ctx as UnderstandContext)).toEqual({ kind: 'ignore' });
  });
  it('still answers 查 X6CU 哈哈 (the command first; found by the 哈 variant), and still ignores a case laughed about', () => {
    acts(understand('查 X6CU 哈哈', lead), { kind: 'query', caseId: 'X6CU' });
    expect(understand('X6CU 怎么念 哈哈哈', lead).kind).toBe('ignore');
  });
  it('still answers the same requests said to the bot', () => {
    acts(understand('@网格哨兵 看下今天数据', { ...lead, mention: true }), { kind: 'stats' });
    acts(understand('我还有几单没办', { ...worker, room: 'private' }), { kind: 'mine' });
  });
});

describe('found in train-quiet39/40 and train-mirror77/78 (named regressions)', () => {
  const acked = (id: string): UnderstandContext => ({ ...worker, openCases: [{ id, level: 'high', acknowledged: true, pushedMinutesAgo: 20 }] });
  const supervisor: UnderstandContext = { ...lead, role: 'supervisor' };
  it('never takes a passive 被督办 (超时就会被督办) on a quoted alert as a 督办', () => {
    expect(understand('大家注意啊 超时就会被督办', { ...lead, room: 'tasks', quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }).kind).toBe('ignore');
  });
  it('takes @吴网格 K7Q2 催一下啊 as pressing the colleague called first, and still takes K7Q2 催一下 as 督办', () => {
    expect(understand('@吴网格 K7Q2 催一下啊 都十五分钟了', supervisor).kind).toBe('ignore');
    acts(understand('K7Q2 催一下', supervisor), { kind: 'supervise', caseId: 'K7Q2' });
  });
  it('records the figure after a fee paid (交了所谓救灾物资登记费680 被骗了), and asks when a figure beside a loss was not read', () => {
    acts(understand('反馈 C8PJ 交了所谓救灾物资登记费680 被骗了', acked('C8PJ')), { kind: 'report', result: 'defrauded', lossAmount: 680 });
    confirms(understand('反馈 C8PJ 被骗了 手续费500', acked('C8PJ')), { kind: 'report', result: 'defrauded' });
    acts(understand('反馈 C8PJ 被骗了 已报警 110到了', acked('C8PJ')), { kind: 'report', result: 'defrauded', alsoReported: true });
  });
  it('reads 视频打过去 as a video call and 骗子让买购物卡 … 卡密都发过去了 as the loss', () => {
    confirms(understand('反馈 Z4TN 视频打过去 人已经转了 1w5左右', acked('Z4TN')), { kind: 'report', method: 'video', lossAmount: 15000, approximate: true });
    acts(understand('反馈 T9KE 骗子让买购物卡 已经买了三千块的 卡密都发过去了', acked('T9KE')), { kind: 'report', result: 'defrauded', lossAmount: 3000 });
  });
  it('reads 那个什么 as a filler: 反馈M9DZ 劝阻成功 差点就去做那个什么征信修复了 is recorded', () => {
    acts(understand('反馈M9DZ 劝阻成功 差点就去做那个什么征信修复了', acked('M9DZ')), { kind: 'report', result: 'dissuaded' });
  });
  it('answers 帮我查下X6CU 那边停电了网格员电话打不进 with the case, never as an outcome', () => {
    acts(understand('帮我查下X6CU 那边停电了网格员电话打不进', supervisor), { kind: 'query', caseId: 'X6CU' });
    expect(understand('查了下银行监控 X6CU那个学生确实是自己去转的 没人陪', supervisor).kind).toBe('ignore');
  });
  it('reads a head count after 人数估计 (一百五六十 is about 155)', () => {
    acts(understand('宣传 避风港 摆摊 人数估计一百五六十 装APP 四十', volunteer), { kind: 'outreach', people: 155, installs: 40 });
  });
  it.each([
    ['B9TC 在派出所做笔录 晚点反馈', acked('B9TC')],
    ['Z4KM 老人死活不开门，我在门口守着', acked('Z4KM')],
    ['N7YC 楼上楼下都问了 说好几天没见着人了 我再想想办法 找找他闺女', acked('N7YC')],
    ['D7YP 到宿舍楼下了 宿管不让进 在登记', acked('D7YP')],
    ['骗子套路就是先让你赚两百 然后让你充五万 A9HC这个就是这样 我正跟她一点点讲', acked('A9HC')],
    ['好的 我盯着呢', acked('J2VA')],
    ['别光盯着数据，多下去走走', supervisor],
    ['这个月咱们被督办了几次来着 三次还是四次', supervisor],
    ['落实情况表第3栏填啥？', { ...lead, room: 'tasks' }],
    ['哎说真的 有时候我也分不清哪些算误报', acked('C2MU')],
    ['今天的警情日报看了没？昨天夜里又发了两起', { ...supervisor, room: 'tasks' }],
    ['把上个月各网格的劝阻数据整理一下 周一给我', { ...lead, room: 'tasks' }],
    ['台风过后统计一下各村受损情况 报到镇里', lead],
    ['统计一下各网格寒假留校学生人数 周四前报给我', lead],
    ['吴网格今天不是请假了吗', { ...supervisor, quote: { from: 'bot', caseId: 'K7Q2', kind: 'escalation' } }],
    ['提醒间隔是不是设得有点短', { ...lead, role: 'operator', quote: { from: 'bot', caseId: 'X6CU', kind: 'reminder' } }],
    ['推送延迟了两分钟 我查下服务器', { ...lead, role: 'operator', quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }],
  ] as const)('leaves %j alone', (text, ctx) => {
    expect(understand(text, ctx as UnderstandContext)).toEqual({ kind: 'ignore' });
  });
  it('still answers the plain forms', () => {
    acts(understand('现在什么情况', { ...supervisor, quote: { from: 'bot', caseId: 'K7Q2', kind: 'escalation' } }), { kind: 'query', caseId: 'K7Q2' });
    acts(understand('统计', lead), { kind: 'stats' });
    confirms(understand('B9TC 老人死活不开门', acked('B9TC')), { kind: 'report', result: 'refused' });
  });
});

describe('found in train-quiet41/42 and train-mirror79/80 (named regressions)', () => {
  const own = ownCase;
  it('reads 收到 with its object (老人手机刚收到个验证码) as received, not as an acknowledgement, and keeps 收到 一个一个来', () => {
    expect(understand('T9KE 老人手机刚收到个验证码4417 我让他千万别告诉对方 还在跟他讲', own('T9KE', true, 14)).kind).toBe('ignore');
    acts(understand('收到 T9KE', own('T9KE', false, 4)), { kind: 'ack', caseId: 'T9KE' });
    acts(understand('T9KE 也收到 一个一个来', own('T9KE', false, 4)), { kind: 'ack', caseId: 'T9KE' });
  });
  it('reads codes of things as no case: G1571几点到, G1571的座位, B2C4那栋, P6MX那台复印机, C2MV那个柜子', () => {
    expect(understand('帮我查查G1571几点到北京西 我手机没流量了', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('反馈一下 G1571的座位没连在一起 要换的私聊我', { ...lead, role: 'operator' }).kind).toBe('ignore');
    expect(understand('收到 B2C4那栋二楼 两点前到', lead).kind).toBe('ignore');
    expect(understand('P6MX那台复印机又卡纸了 谁会弄', own('P6MV', true, 30)).kind).toBe('ignore');
    expect(understand('好的 C2MV那个柜子对吧 我一会儿去拿', { ...own('C2MU', false, 6), quote: { from: 'person' } }).kind).toBe('ignore');
    expect(understand('查 G234', { ...worker, openCases: [] })).toMatchObject({ kind: 'refuse', reason: 'unknown_case' });
    confirms(understand('收到 P6MX', own('P6MV', false, 5)), { kind: 'ack', caseId: 'P6MV' });
  });
  it('reads 对方报的警号 as a badge number, not 报警', () => {
    expect(understand('Q7RT 老人说对方报的警号018637 让他去宾馆8203房间 我正在跟他解释', own('Q7RT', true, 18)).kind).toBe('ignore');
  });
  it('does not hand X6CU to the colleague reminded of something past (@周网格 你上回给装APP那个)', () => {
    expect(understand('X6CU的老人用的华为Mate60吧 @周网格 你上回给装APP那个', { ...lead, role: 'supervisor' }).kind).toBe('ignore');
  });
  it('reads 撤回了撤回了 刚才发错群 as a WeChat recall, and 撤回 alone as withdrawing the log', () => {
    expect(understand('撤回了撤回了 刚才发错群 取件码不是发这的😅', volunteer).kind).toBe('ignore');
    acts(understand('撤回', volunteer), { kind: 'withdraw' });
  });
  it('takes 收到 U4GA 在3号楼这边走访呢 马上转过去 (呢 after a place with digits asks nothing) and 好的 N4JX 我来处理，到了第一时间反馈', () => {
    acts(understand('收到 Ｕ４ＧＡ 在3号楼这边走访呢 马上转过去', own('U4GA', false, 2)), { kind: 'ack', caseId: 'U4GA' });
    acts(understand('好的 N4JX 我来处理，到了第一时间反馈', own('N4JX', false, 5)), { kind: 'ack', caseId: 'N4JX' });
  });
  it('reads 来了来了, 妥 and 知道啦 as acknowledgements where they can be', () => {
    acts(understand('来了来了', { ...own('Z4HW', false, 1), pushIsLatest: true }), { kind: 'ack', caseId: 'Z4HW' });
    acts(understand('妥', { ...own('F5UK', false, 1), pushIsLatest: true }), { kind: 'ack', caseId: 'F5UK' });
    acts(understand('来了', { ...own('A2FZ', false, 20), quote: { from: 'bot', caseId: 'A2FZ', kind: 'reminder' } }), { kind: 'ack', caseId: 'A2FZ' });
    expect(understand('知道啦 谢谢', { ...own('G3KX', true, 11), room: 'private', quote: { from: 'bot', caseId: 'G3KX', kind: 'other' } }).kind).toBe('ignore');
  });
  it('reads 没得 as a negation: 钱没得转出去 is no loss', () => {
    acts(understand('反馈 Z8MY 电话联系上了 劝住了 钱没得转出去', own('Z8MY', true, 22)), { kind: 'report', result: 'dissuaded', method: 'phone' });
  });
  it('reads 我还有没得处理完的 as 我的, check一下 K7Q2 as 查, and 等哈开会要用 今天的数发一下 as 统计', () => {
    acts(understand('我还有没得处理完的', { ...worker, openCases: [] }), { kind: 'mine' });
    acts(understand('check一下 K7Q2', lead), { kind: 'query', caseId: 'K7Q2' });
    acts(understand('等哈开会要用 今天的数发一下', { ...lead, role: 'supervisor' }), { kind: 'stats' });
    expect(understand('准备下午把本周的统计做出来', lead).kind).toBe('ignore');
  });
  it('leaves 我的摩托车哪个挪了 alone', () => expect(understand('我的摩托车哪个挪了', { ...worker, openCases: [] }).kind).toBe('ignore'));
});

describe('found in train-quiet43/44 and train-mirror81/82 (named regressions)', () => {
  const own = ownCase;
  const members = ROSTER;
  const supervisor: UnderstandContext = { ...lead, role: 'supervisor', visibleCases: ['X6CU', 'K7Q2', 'E9PH', 'T9KE', 'J3DK', 'R2XC', 'H3WN'], members };
  it.each([
    ['E9PH上次重办了两回才结 这次大家上点心'],
    ['X6CU上次撤销是因为重复推送，这次是真的新预警 别搞混了'],
    ['T9KE前两天刚更正过一次 反馈从误报改成已被骗 唉'],
    ['记得J3DK上回冯中心督办之后半小时就有结果了'],
    ['X6CU昨天转派给李网格那会儿地址没带过去，这个系统得改改'],
    ['K7Q2从周网格转到吴网格 中间耽误了快半小时 复盘的时候要说'],
    ['转派的事明天上班再定，K7Q2今晚先让刘网格顶着'],
    ['K7Q2交接我跟陈网格当面说过了，你们放心'],
    ['R2XC督办通知我看到了 已经在催刘网格了'],
    ['X6CU督办提醒又弹出来了 这机器人真够勤快的😂'],
    ['撤销要写原因的，上回K7Q2没写被分局打回来了'],
    ['X6CU那老太太非要给周网格塞苹果 哈哈 推都推不掉'],
    ['我看X6CU八成是误报 老头天天炒股 那笔钱是转给券商的'],
    ['X6CU要我说干脆交给社区民警 网格员劝不动的'],
    ['K7Q2下午赵督导已经转给刘网格了，刘网格你看一下群消息'],
    ['K7Q2刚才冯中心那边已经改派了 现在是李网格在跟'],
    ['@周网格 X6CU下午已经转到你名下了 你注意查收一下'],
    ['X6CU刚才转给周网格那条是我发的 没问题 不用再转了'],
    ['H3WN我已经让李网格接手了 电话里说好的 系统里明天再转'],
    ['J3DK老太太说骗子声音跟她孙子一模一样 现在AI换声真吓人'],
    ['R2XC上回我们去 人直接把门摔了 这次得换个法子'],
    ['K7Q2咱们反馈是及时的，别让分局觉得是我们拖了'],
    ['H3WN是郑社区的亲戚吧？好象是表舅'],
    ['X6CU跟去年那个冒充医保的是同一家吧？上次就差点被骗'],
    ['H3WN我本来想督办的，后来一看已经反馈了，就没弄'],
    ['X6CU这单如果要转派 记得跟原来的网格员交接清楚'],
    ['作废那俩单子别再跑了 是演练'],
  ])('never acts on talk among leads: %j', (text) => {
    expect(understand(text, supervisor)).toEqual({ kind: 'ignore' });
  });
  it('still takes the commands they talk about, said as commands', () => {
    acts(understand('督办 X6CU', supervisor), { kind: 'supervise', caseId: 'X6CU' });
    acts(understand('E9PH我来盯 有啥事找我', supervisor), { kind: 'supervise', caseId: 'E9PH' });
    acts(understand('撤销 X6CU 重复推送', supervisor), { kind: 'cancel', caseId: 'X6CU' });
    acts(understand('X6CU 转给周网格', supervisor), { kind: 'reassign', caseId: 'X6CU', to: '周网格' });
    acts(understand('Q4UF 作废 推送重复 谢谢', { ...supervisor, visibleCases: ['Q4UF'] }), { kind: 'cancel', caseId: 'Q4UF' });
    acts(understand('F4HY 督办 通知辖区民警一起上门', { ...supervisor, visibleCases: ['F4HY'] }), { kind: 'supervise', caseId: 'F4HY' });
    confirms(understand('X6CU 督办过了', supervisor), { kind: 'supervise', caseId: 'X6CU' });
    confirms(understand('M2FH 刚才已经让刘网格接手了', { ...supervisor, visibleCases: ['M2FH'] }), { kind: 'reassign', caseId: 'M2FH', to: '刘网格' });
  });
  it('reads money already given (畀咗钱 / 给了钱) beside 冇劝住 as the loss, never as a refusal', () => {
    acts(understand('反馈 E2QF 到场时佢已经畀咗钱 冇劝住 已陪佢报警', own('E2QF', true, 31)), { kind: 'report', result: 'defrauded', alsoReported: true });
  });
  it('reads outcomes said in the north and the south', () => {
    acts(understand('反馈：R6NP 入户 老太太犟 说啥不听 拒绝配合', own('R6NP', true, 42)), { kind: 'report', result: 'refused', method: 'visit' });
    acts(understand('反馈 V8JM 误报 是老头给闺女转的钱 不是啥养老金升级', own('V8JM', true, 50)), { kind: 'report', result: 'false_positive' });
    acts(understand('反馈 P8WT 老太太说我们才是骗子 咣当把门关了', own('P8WT', true, 38)), { kind: 'report', result: 'refused' });
    acts(understand('反馈 X3TA 差点就转了 在ATM跟前给拽回来了', own('X3TA', true, 16)), { kind: 'report', result: 'dissuaded' });
    acts(understand('反馈 R4DN 冒充警察嘅 老人家听我讲完已经挂咗电话 劝阻成功', own('R4DN', true, 18)), { kind: 'report', result: 'dissuaded' });
    acts(understand('反馈 J9WC 租客被假房东骗咗 押一付三 共6400', own('J9WC', true, 58)), { kind: 'report', result: 'defrauded', lossAmount: 6400 });
    confirms(understand('拦低咗 冇转账', { ...own('F4ZM', false, 4), pushIsLatest: true }), { kind: 'report', caseId: 'F4ZM', result: 'dissuaded' });
  });
  it('takes 在路上了 U7LN 打车呢, 收到 这就去 穿鞋呢 and 在道上了 as on the way (呢 after a deed asks nothing)', () => {
    acts(understand('在路上了 U7LN 打车呢 道上全是冰', own('U7LN', false, 9)), { kind: 'ack', caseId: 'U7LN' });
    acts(understand('收到 这就去 穿鞋呢', { ...own('H2LW', false, 1), pushIsLatest: true }), { kind: 'ack', caseId: 'H2LW' });
    acts(understand('在道上了', { ...own('S9BG', false, 2), pushIsLatest: true }), { kind: 'ack', caseId: 'S9BG' });
  });
  it('reads 今天总体咋样 数据整一个 as 统计 and 网格哨兵能干嘎 / 接单要点回 as 帮助, and still 这个么样用啊', () => {
    acts(understand('今天总体咋样 数据整一个', lead), { kind: 'stats' });
    acts(understand('网格哨兵能干嘎', { ...worker, role: 'stranger', room: 'private', openCases: [] }), { kind: 'help' });
    acts(understand('接单要点回', { ...own('E2QF', false, 2), room: 'private' }), { kind: 'help' });
    acts(understand('这个么样用啊', worker), { kind: 'help' });
    acts(understand('传单数量怎么报', volunteer), { kind: 'help' });
  });
  it('reads outreach head counts: 人大概200, 来咨询的有六十几个, 62个租客, 差不多七十人 after 一早上, and leaflets 传单发了500', () => {
    acts(understand('报一下今天的：和平街早市 人大概200 装APP 40 传单250份', volunteer), { kind: 'outreach', people: 200, installs: 40, leaflets: 250 });
    confirms(understand('今儿在菜市场摆摊 冻得够呛 来咨询的有六十几个 装APP 14个', volunteer), { kind: 'outreach', people: 60, installs: 14 });
    acts(understand('今日同社区民警去吉山村出租屋查消防 顺便宣传反诈 见咗62个租客 装APP 20个', { ...worker, room: 'volunteers', openCases: [] }), { kind: 'outreach', people: 62, installs: 20 });
    acts(understand('今儿个在团结湖公园跟晨练的大爷大妈唠了一早上 差不多七十人 装了十五个app', volunteer), { kind: 'outreach', people: 70, installs: 15 });
    acts(understand('今天集市上传单发了500，人大概250', volunteer), { kind: 'outreach', people: 250, leaflets: 500 });
    acts(understand('宣传 避风港 人数估计150', volunteer), { kind: 'outreach', people: 150 });
  });
  it('reads 今天 集市 上 传单 发 了 500，人 大概 250 (voice input) as 250 people and 500 leaflets, never 500 people', () => {
    acts(understand('今天 集市 上 传单 发 了 500，人 大概 250', volunteer), { kind: 'outreach', people: 250, leaflets: 500 });
  });
  it.each([
    ['传单别一下发太多 一人一份就够了', volunteer],
    ['马甲尺码统计一下 要换新的了', { ...lead, room: 'volunteers' }],
    ['我的照片咋发不出去', volunteer],
    ['拒绝配合的咋整啊 老头犟得跟啥似的', { ...worker, openCases: [] }],
    ['宣传单张仲有冇多 我嗰边派晒喇', volunteer],
  ] as const)('leaves %j alone', (text, ctx) => {
    expect(understand(text, ctx as UnderstandContext)).toEqual({ kind: 'ignore' });
  });
});

describe('found in train-quiet45/46 and train-mirror83/84 (named regressions)', () => {
  const own = ownCase;
  const members = ROSTER;
  const leads: UnderstandContext = { ...lead, visibleCases: ['X6CU', 'K7Q2', 'E9PH', 'R2XC', 'B8LM'], members };
  it.each([
    ['K7Q2那个老太太 她闺女非让我们撤销预警 说她妈好着呢 我没答应'],
    ['@李网格 X6CU你那个反馈写成误报了 自己去更正一下'],
    ['X6CU重办那次是我批的 当时家属说骗子又打电话来了'],
    ['X6CU上午已经转派给周网格了 别再重复派了'],
    ['@周网格 R2XC你要实在跑不过来就交给吴网格 你俩商量着来'],
    ['E9PH刚才是赵督导改派给刘网格的 我看了记录'],
    ['@吴网格 B8LM那片你熟 以后有类似的我都交给你哈'],
    ['我让小陈去查E9PH那个地址了 等他消息'],
    ['上周那两个演练单是我作废的 有啥问题找我就行'],
    ['每周一把督办情况汇总一下发群里'],
    ['查这个得有手续 群里一句两句说不清'],
  ])('never acts on a lead\'s talk: %j', (text) => {
    expect(understand(text, leads)).toEqual({ kind: 'ignore' });
  });
  it('cancels on X6CU撤一下吧 with the relayed reason after it', () => {
    acts(understand('X6CU撤一下吧 冯中心说跟早上那条是同一个号码', leads), { kind: 'cancel', caseId: 'X6CU' });
  });
  it.each([
    ['收到@赵督导 B8LD 我这边正盯着呢', 'B8LD'],
    ['好的@郑社区 Z3KM 下午两点社区门口碰头', 'Z3KM'],
    ['K3WE 女婿接的电话 说他马上回家看看 我也往那边走', 'K3WE'],
    ['r5tw 老两口吵起来了😅 老伴不让转 他非要转 我在中间劝着', 'R5TW'],
    ['L3MC 家属说“上礼拜就劝过一回了 他不听”', 'L3MC'],
    ['K3WE 家属说他前两天已经转过一笔 多少不知道 我在问', 'K3WE'],
    ['R5TW 对方刚又打来了 老人让我接 我一接对方就挂了', 'R5TW'],
    ['T6YB 有没有懂投资的 他给我看的那个平台叫“汇金国际” 谁查过', 'T6YB'],
    ['W2XK 谁还有反诈宣传折页 我想带一份过去给他', 'W2XK'],
    ['X6CU 他女儿跟我说“我妈这两天天天跟一个什么专家打电话”', 'X6CU'],
  ])('leaves a progress note on the sender\'s own case alone: %j', (text, id) => {
    expect(understand(text, own(id, true, 20))).toEqual({ kind: 'ignore' });
  });
  it('reads 木人接, 谁也管不着, 一共刷了6400 and 已经把5万现金给了 (Henan and Qingdao reports)', () => {
    acts(understand('反馈 H5TW 打了三遍都木人接 集上太吵估计听不见', own('H5TW', true, 18)), { kind: 'report', result: 'unreachable' });
    acts(understand('反馈 S6JM 拒绝劝阻 说钱是他自个儿哩 谁也管不着', own('S6JM', true, 32)), { kind: 'report', result: 'refused' });
    acts(understand('反馈 H5TW 被骗了 直播间刷礼物一共刷了6400', own('H5TW', true, 28)), { kind: 'report', result: 'defrauded', lossAmount: 6400 });
    acts(understand('反馈 R6WP 上门晚了 老人已经把5万现金给了上门来取钱的孙子同学', own('R6WP', true, 31)), { kind: 'report', result: 'defrauded', lossAmount: 50000 });
  });
  it('takes 收到收到 我马上上楼 right after the push, and counts 二十八个学员', () => {
    acts(understand('收到收到 我马上上楼 电梯刚修好正好能用😂', { ...own('Y7HQ', false, 1), pushIsLatest: true }), { kind: 'ack', caseId: 'Y7HQ' });
    acts(understand('今儿个在老年大学书法班讲反诈 二十八个学员都在 帮二十个装上了APP👍', volunteer), { kind: 'outreach', people: 28, installs: 20 });
  });
});

describe('found in train-quiet48 (named regressions)', () => {
  const none = { ...worker, openCases: [] };
  it.each([
    ['请假条格式有没有', none],
    ['这个诈骗电话怎么举报', none],
    ['怎么查一个号码是不是诈骗', none],
    ['怎么把定位发群里', none],
    ['话费还剩多少怎么查', lead],
    ['志愿时长怎么查', volunteer],
    ['扫码签到怎么弄 我扫不出来', volunteer],
    ['这次培训怎么报名', none],
    ['统计的表格是哪个版本', none],
  ] as const)('leaves a how-to about something else alone: %j', (text, ctx) => {
    expect(understand(text, ctx as UnderstandContext)).toEqual({ kind: 'ignore' });
  });
  it('still answers how-tos about the bot and the sender\'s own cases', () => {
    acts(understand('反馈怎么写', none), { kind: 'help' });
    acts(understand('俺不会使这个 咋弄', ownCase('T9KE', true, 44)), { kind: 'help' });
    acts(understand('我有没有漏接的', ownCase('K3PF', false, 22)), { kind: 'mine' });
  });
});

describe('found in train-quiet47 and train-mirror85/86 (named regressions)', () => {
  const on = (id: string, kind: 'dispatch' | 'reminder' | 'escalation' | 'confirmation', acknowledged = true): UnderstandContext => ({ ...ownCase(id, acknowledged, 10), quote: { from: 'bot', caseId: id, kind } });
  it('reads 到店里的时候钱已经转出去了 as a visit, and 已经带他去所里报警 as reported', () => {
    acts(understand('反馈 N4JP 到店里的时候钱已经转出去了', ownCase('N4JP', true, 28)), { kind: 'report', result: 'defrauded', method: 'visit' });
    acts(understand('反馈 B8TK 被骗了 已经带他去所里报警', ownCase('B8TK', true, 39)), { kind: 'report', result: 'defrauded', alsoReported: true });
  });
  it('takes 马上过趣了 and 走了走了 on the sender\'s own dispatch, and 是的没错 as yes', () => {
    acts(understand('马上过趣了', on('N4HU', 'dispatch', false)), { kind: 'ack', caseId: 'N4HU' });
    acts(understand('走了走了', on('T7LB', 'dispatch', false)), { kind: 'ack', caseId: 'T7LB' });
    acts(understand('是的没错', { ...on('T6BF', 'confirmation'), pendingConfirmation: true }), { kind: 'confirm_yes' });
  });
  it.each([
    ['我早就接了 还提醒个啥🙄', on('J9KC', 'reminder')],
    ['这地址写的啥呀 幸福里就没有12号楼', on('M8PW', 'dispatch')],
    ['我十分钟前就接了 怎么还升级了 系统是不是卡了', on('T3WF', 'escalation')],
    ['这推送音效能换吗 跟闹钟一样', on('G2NL', 'dispatch')],
    ['提醒我干嘛 我不是反馈过了吗', on('K9BE', 'reminder')],
    ['手机号少了一位 谁帮我问问中心', on('K6HX', 'dispatch')],
    ['这提醒文案谁写的 “请立即处置”几个字加粗一下多好', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'reminder' } }],
    ['这个不用去了吧？我看好像是重复的', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }],
    ['这个表能不能按社区分开统计', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: null, kind: 'other' } }],
    ['今天统计怎么把我漏了 我明明处理了两单', { ...worker, openCases: [], quote: { from: 'bot', caseId: null, kind: 'other' } }],
    ['我跟她家楼长熟 需要的话我帮忙喊', { ...worker, openCases: [], quote: { from: 'bot', caseId: 'X9DH', kind: 'dispatch' } }],
  ] as const)('leaves a remark on a quoted bot message alone: %j', (text, ctx) => {
    expect(understand(text, ctx as UnderstandContext)).toEqual({ kind: 'ignore' });
  });
  it('still asks about the quoted case when asked', () => {
    acts(understand('现在什么情况', on('K6HX', 'dispatch')), { kind: 'query', caseId: 'K6HX' });
    acts(understand('这个谁负责的', { ...lead, quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }), { kind: 'query', caseId: 'X6CU' });
  });
});

describe('found in train-quiet49/50 and train-mirror87/88 (named regressions)', () => {
  it('reads losses said loosely: 被骗了2个w, 抱警 for 报警, and a part recovered is asked about', () => {
    acts(understand('反馈 H3WN 被骗了2个w 已经报了110', ownCase('H3WN', true, 24)), { kind: 'report', result: 'defrauded', lossAmount: 20000, alsoReported: true });
    acts(understand('反馈 Y4NE 已被骗 损失1.05万 已经抱警了', ownCase('Y4NE', true, 32)), { kind: 'report', result: 'defrauded', lossAmount: 10500, alsoReported: true });
    confirms(understand('反馈 V3PX 被骗3万 追回来1万', ownCase('V3PX', true, 58)), { kind: 'report', result: 'defrauded' });
    confirms(understand('T5GY已被骗 大概三千呢', ownCase('T5GY', true, 26)), { kind: 'report', result: 'defrauded', lossAmount: 3000, approximate: true });
  });
  it('never takes 收到 Q7RT我早接了 on a case long taken as a new acknowledgement', () => {
    expect(understand('收到 Q7RT我早接了 现在人在老人家里', ownCase('Q7RT', true, 16)).kind).toBe('ignore');
  });
  it('reads the southwest: 得呢, 马上过克, 给是被骗了, 咋个样, 能做哪样', () => {
    acts(understand('R3WD 得呢 我马上过克', ownCase('R3WD', false, 3)), { kind: 'ack', caseId: 'R3WD' });
    acts(understand('得呢', { ...ownCase('P5AD', false, 12), quote: { from: 'bot', caseId: 'P5AD', kind: 'dispatch' } }), { kind: 'ack', caseId: 'P5AD' });
    acts(understand('K7Q2 给是被骗了', lead), { kind: 'query', caseId: 'K7Q2' });
    acts(understand('@网格哨兵 今天总体咋个样', { ...lead, mention: true }), { kind: 'stats' });
    acts(understand('反馈 E5NR 没劝住，钱已经转出克了', ownCase('E5NR', true, 20)), { kind: 'report', result: 'defrauded' });
  });
  it('reads English courtesies and to-do lists: 看下我的 pls, 我的todo list', () => {
    acts(understand('看下我的 pls', ownCase('Z3MX', true, 20)), { kind: 'mine' });
    acts(understand('我的todo list', ownCase('L4JC', true, 35)), { kind: 'mine' });
  });
  it('counts outreach said loosely: 38个小哥 全都装了app, 人超多 估计三百多', () => {
    acts(understand('宣传 美团骑手站点 讲刷单和招聘押金诈骗 38个小哥 全都装了app', volunteer), { kind: 'outreach', people: 38, installs: 38 });
    expect(understand('周六科技园市集宣传 人超多 估计三百多 装了app 96个 传单500份全发完了', volunteer)).toMatchObject({ command: { kind: 'outreach', people: 300, installs: 96, leaflets: 500 } });
  });
  it.each([
    ['R2XC 还没见到人 邻居说她前阵子往外转过一笔钱 多少不清楚 我再等等', ownCase('R2XC', true, 40)],
    ['我的列表跟你的不一样啊 我这显示两个 你那显示三个？', ownCase('P6MV', true, 22)],
    ['我今天还剩啥？还剩一堆表没填🙃', { ...worker, openCases: [] }],
    ['我那几单早就反馈完了啊 咋还催我', { ...worker, openCases: [] }],
    ['哪个晓得误报咋个填', lead],
  ] as const)('leaves %j alone', (text, ctx) => {
    expect(understand(text, ctx as UnderstandContext)).toEqual({ kind: 'ignore' });
  });
});

describe('found in train-mirror89/90 (named regressions)', () => {
  it('hands K4MZ to 刘网格 on 重新派给刘网格嘛 (嘛 closing a suggestion asks nothing) and reads 看哈 as 看下', () => {
    acts(understand('K4MZ 重新派给刘网格嘛 他离得近', { ...lead, visibleCases: ['K4MZ'], members: ROSTER }), { kind: 'reassign', caseId: 'K4MZ', to: '刘网格' });
    acts(understand('看哈今天的统计', lead), { kind: 'stats' });
  });
  it('leaves 拒绝配合的咋个办嘛 我那个老汉死活不开门 (asked of colleagues) alone', () => {
    expect(understand('拒绝配合的咋个办嘛 我那个老汉死活不开门', { ...worker, openCases: [] })).toEqual({ kind: 'ignore' });
  });
});

describe('found in train-quiet51/52/53 (named regressions)', () => {
  const leads = (...ids: string[]): UnderstandContext => ({ ...lead, visibleCases: ids, members: ROSTER });
  it.each([
    ['H4VZ撤销这事等钱警官回来再说', 'H4VZ'],
    ['@刘网格 V7HD那单撤了你知道吧 别跑了', 'V7HD'],
    ['E7MX撤销理由就写个重复 太敷衍了吧 下次写具体点', 'E7MX'],
    ['我想把V7HD转给刘网格 但是他今天请假了啊', 'V7HD'],
    ['N7EQ不转嘞 就让周网格跟到底', 'N7EQ'],
    ['S4KM给吴网格还是给周网格嘞 纠结死了', 'S4KM'],
    ['L8FE转不转？给个准话呗', 'L8FE'],
    ['F8LU刚刚谁转的？我怎么没收到通知', 'F8LU'],
  ])('never changes a case on a lead\'s %j', (text, id) => {
    expect(understand(text, leads(id))).toEqual({ kind: 'ignore' });
  });
  it('still takes the commands: J5XC 做废掉 系统测试的, A5RW 转派周网格 别再拖了, and asks about 老人还转不转了', () => {
    acts(understand('J5XC 做废掉 系统测试的', { ...leads('J5XC'), role: 'operator' }), { kind: 'cancel', caseId: 'J5XC' });
    acts(understand('A5RW 转派周网格 别再拖了', { ...leads('A5RW'), role: 'supervisor' }), { kind: 'reassign', caseId: 'A5RW', to: '周网格' });
    acts(understand('L7UE 老人还转不转了', { ...leads('L7UE'), role: 'supervisor' }), { kind: 'query', caseId: 'L7UE' });
  });
  it('never acknowledges on a person called after 收到 or a colleague\'s case asked of a colleague', () => {
    expect(understand('收到哈老周，车钥匙在我抽屉里', { ...ownCase('R3WY', false, 1), pushIsLatest: true }).kind).toBe('ignore');
    expect(understand('@周网格 收到没啊 赵督导问你K7Q2呢', ownCase('C4PY', false, 7)).kind).toBe('ignore');
    acts(understand('收到 老人电话我有 先打过去', { ...ownCase('R3WY', false, 1), pushIsLatest: true }), { kind: 'ack', caseId: 'R3WY' });
  });
  it('keeps a supposition\'s consequence told in the next sentence supposed: 如果B5NH到五点还没反馈。我就督办了 (found by the full-stop variant)', () => {
    expect(understand('如果B5NH到五点还没反馈。我就督办了', leads('B5NH'))).toEqual({ kind: 'ignore' });
  });
  it('asks before recording an outcome the sender takes back, and records nothing for another case\'s result', () => {
    expect(understand('反馈 D9VM 已报警 不对 还没报 家属不同意', ownCase('D9VM', true, 29)).kind).not.toBe('act');
    expect(understand('反馈 G4ZU 打不通 哦打通了 老太太说马上下楼', ownCase('G4ZU', true, 16)).kind).not.toBe('act');
    confirms(understand('反馈 L2DA 被骗3000 又说没转 老太太自己都糊涂了', ownCase('L2DA', true, 53)), { kind: 'report', caseId: 'L2DA' });
    confirms(understand('反馈 T9KE 不是诈骗 又好像是 老人自己也说不清', ownCase('T9KE', true, 40)), { kind: 'report', caseId: 'T9KE' });
    confirms(understand('反馈 N4TS 联系不上——等下 刚接了 在聊', ownCase('N4TS', true, 18)), { kind: 'report', caseId: 'N4TS' });
    expect(understand('统计里显示我上午那单是劝阻成功 S9HR这个还没结果', ownCase('S9HR', true, 25)).kind).toBe('ignore');
    expect(understand('T4XA 刚发的“被骗了”是打错了 想打“被盯上了” 骗子还在联系她', ownCase('T4XA', true, 15)).kind).not.toBe('act');
    acts(understand('反馈 P2VJ 情况不对劲 我直接报了110', ownCase('P2VJ', true, 20)), { kind: 'report', result: 'reported' });
  });
  it('never takes a case on 收到0呢 (呢 after a bare figure is asked, not an amount told; found by the question-marker property)', () => {
    const alert: UnderstandContext = { ...leads('X6CU'), role: 'operator', room: 'tasks', quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } };
    expect(changesState(understand('收到0呢', alert))).toBe(false);
    expect(changesState(understand('收到0呢', { ...ownCase('Q7RT', false, 2), pushIsLatest: true }))).toBe(false);
    acts(understand('反馈 Q7RT 被骗了 转了3000呢', ownCase('Q7RT', true, 20)), { kind: 'report', lossAmount: 3000 });
  });
});

// ---- properties ----

const contexts: fc.Arbitrary<UnderstandContext> = fc.record({
  role: fc.constantFrom('worker', 'lead', 'supervisor', 'operator', 'volunteer', 'admin', 'stranger') as fc.Arbitrary<UnderstandContext['role']>,
  room: fc.constantFrom('tasks', 'supervision', 'volunteers', 'private') as fc.Arbitrary<UnderstandContext['room']>,
  mention: fc.boolean(),
  openCases: fc.constantFrom([], worker.openCases, [...worker.openCases, { id: 'M4PQ', level: 'high' as const, acknowledged: true, pushedMinutesAgo: 40 }]),
  visibleCases: fc.constant(['X6CU', 'K7Q2']),
  quote: fc.constantFrom<UnderstandContext['quote'][]>(null, { from: 'person' }, { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' }, { from: 'bot', caseId: null, kind: 'other' }, { from: 'bot', caseId: 'X6CU', kind: 'escalation' }),
  pushIsLatest: fc.boolean(),
  pendingConfirmation: fc.boolean(),
  botName: fc.constant(BOT),
});

/** Pieces of real messages, commands included, to build adversarial ones from. */
const fragment = fc.oneof(
  fc.constantFrom('收到', '反馈', '好的', 'Q7RT', 'X6CU', 'Q7RI', '上门', '劝阻成功', '已被骗', '损失3万', '已报警', '未接通', '更正', '重办', '转派', '督办', '撤销', '我的', '统计', '帮助', '绑定', 'K3P9QX', '宣传', '幸福里社区', '80人', '装APP 25', '1', '2', '撤回', '@网格哨兵', '@王社区', '，', '。', '！', ' ', '\n', '差点', '没', '不是'),
  fc.string({ maxLength: 6 }),
);
const message = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));
const quoted = fc.tuple(fc.constantFrom(BOT, '王社区', ''), fc.string({ maxLength: 20 }), message).map(([s, q, r]) => formatQuote(s, q, r));

describe('properties', () => {
  it('never throws, on any string, quote shapes included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 }), message, quoted), contexts, (text, ctx) => {
        const d = understand(text, ctx);
        expect(['act', 'confirm', 'refuse', 'ignore']).toContain(d.kind);
      }),
      { numRuns: 1500 },
    );
  });

  // Found by the property below (seed 287871959): 吗 in brackets was stripped as a WeChat emoji code.
  it('keeps a question word in brackets: 收到[吗] on a quoted push is a question, not an acknowledgement', () => {
    const ctx = { role: 'worker', room: 'tasks', mention: false, openCases: [], visibleCases: [], quote: { from: 'bot', caseId: 'Q7RT', kind: 'dispatch' }, pushIsLatest: false, pendingConfirmation: false, botName: '网格哨兵' } as const;
    expect(changesState(understand('收到[吗]', { ...ctx, openCases: [], visibleCases: [] }))).toBe(false);
    expect(understand('收到[抱拳]', { ...ctx, openCases: [{ id: 'Q7RT', level: 'urgent', acknowledged: false, pushedMinutesAgo: 3 }], visibleCases: [] })).toMatchObject({ kind: 'act', command: { kind: 'ack' } });
  });

  const MARKERS = ['吗', '呢', '是不是', '是否', '有没有', '怎么', '？', '?'];
  it('never changes state on a message with a question marker', () => {
    fc.assert(
      fc.property(message, fc.constantFrom(...MARKERS), fc.nat(), contexts, (text, marker, at, ctx) => {
        const cut = text.length === 0 ? 0 : at % (text.length + 1);
        const asked = `${text.slice(0, cut)}${marker}${text.slice(cut)}`.replace(/@\S*$/u, '');
        // A marker swallowed into an @mention is no longer in the message's text.
        fc.pre(!/@[^\s@\u2005]*$/.test(`${text.slice(0, cut)}`));
        // 好的呢, 嗯呢: 呢 right after an agreeing word softens it and asks nothing (read.ts, softQuestion).
        fc.pre(!(marker === '呢' && /(?:^|[\s\p{P}])(?:好的?|嗯+|是的?|对的?|行|可以)\s*$/u.test(text.slice(0, cut)) && /^(?:$|[\s\p{P}\p{S}])/u.test(text.slice(cut))));
        // 损失3万呢, 转了3000呢: 呢 after an amount tells it (read.ts, softQuestion); found at 1 in 12 runs.
        fc.pre(!(marker === '呢' && /(?:[\d一二两三四五六七八九十百千万]+(?:块|元|万|千)|[转骗失了有差共计是]\s*[\d一二两三四五六七八九十百千万]+)$/u.test(text.slice(0, cut))));
        // 不怎么, 没怎么: "not very", "hardly" (read.ts, unasked), not how; found at 10× runs.
        fc.pre(!(marker === '怎么' && /[不没]$/u.test(text.slice(0, cut))));
        expect(changesState(understand(asked, ctx))).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  const results = Object.entries(RESULTS).flatMap(([result, words]) => words.map((w) => [result as Result, w] as const));
  it('never yields a result that the message denies', () => {
    fc.assert(
      fc.property(fc.constantFrom(...results), fc.constantFrom(...NEGATIONS), fc.constantFrom('', '，', '了'), contexts, ([result, word], neg, tail, ctx) => {
        // 没 + 接不通 spells 没接, itself a word for the same result: not a denial.
        const said = `${neg}${word}`;
        fc.pre(!RESULTS[result].some((w) => [...neg].some((_, i) => said.startsWith(w, i))));
        const d = understand(`反馈 Q7RT ${neg}${word}${tail}`, ctx);
        if (d.kind === 'act' || d.kind === 'confirm') {
          if (d.command.kind === 'report' || d.command.kind === 'correct') expect(d.command.result).not.toBe(result);
        }
      }),
      { numRuns: 1500 },
    );
  });

  /** Told about or asked of colleagues: never an act. */
  const chatterStart = fc.constantFrom('大家', '我觉得', '请问', '他说', '通知：');
  /** 今天统计, 这个我的: maybe a request for figures or one's cases, never a state change. */
  const plainStart = fc.constantFrom('今天', '昨天', '这个');
  const noId = fc.array(fc.constantFrom('收到', '反馈', '好的', '上门', '劝阻成功', '已被骗', '损失3万', '已报警', '更正', '督办', '撤销', '我的', '统计', '宣传', '80人', '，', '了', '通知', '开会', '明天'), { maxLength: 6 });
  it('never acts on chatter without a case id (group, not addressed, no quote, push not latest)', () => {
    fc.assert(
      fc.property(chatterStart, noId, fc.constantFrom('worker', 'lead', 'supervisor') as fc.Arbitrary<UnderstandContext['role']>, (start, words, role) => {
        const ctx = { ...worker, role, room: role === 'worker' ? ('tasks' as const) : ('supervision' as const) };
        expect(understand(`${start}${words.join('')}`, ctx).kind).not.toBe('act');
      }),
      { numRuns: 1500 },
    );
  });
  it('never changes state on a plain line without a case id (group, not addressed, no quote, push not latest)', () => {
    fc.assert(
      fc.property(plainStart, noId, fc.constantFrom('worker', 'lead', 'supervisor') as fc.Arbitrary<UnderstandContext['role']>, (start, words, role) => {
        const ctx = { ...worker, role, room: role === 'worker' ? ('tasks' as const) : ('supervision' as const) };
        expect(changesState(understand(`${start}${words.join('')}`, ctx))).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('found in train-mirror91–96 (named regressions)', () => {
  const seen = (...ids: string[]): UnderstandContext => ({ ...lead, role: 'supervisor', visibleCases: ids, members: ROSTER });
  it('reads Shaanxi 咧 (了), 么人 (没人), 撒 (啥), 额 (我) and 嘹咋咧', () => {
    acts(understand('接咧接咧 Z3HN', ownCase('Z3HN', false, 3)), { kind: 'ack', caseId: 'Z3HN' });
    acts(understand('反馈L3QD 电话 一直么人接', ownCase('L3QD', true, 30)), { kind: 'report', result: 'unreachable', method: 'phone' });
    acts(understand('反馈 Y7MS 视频通话 劝阻成功 嘹咋咧👍', ownCase('Y7MS', true, 19)), { kind: 'report', result: 'dissuaded', method: 'video' });
    acts(understand('额还有撒没办完的', ownCase('Z5RA', true, 45)), { kind: 'mine' });
    acts(understand('H8MK 撤咧 同一个号码推咧两回', seen('H8MK')), { kind: 'cancel', caseId: 'H8MK' });
  });
  it('reads Hunan 哒 (了), 冒 (没) and 何解 (为什么), but not 冒充', () => {
    acts(understand('反馈 K5RW 上门时已经转哒 六十万', ownCase('K5RW', true, 18)), { kind: 'report', result: 'defrauded', lossAmount: 600000 });
    acts(understand('P5TK 何解还冒得人接', seen('P5TK')), { kind: 'query', caseId: 'P5TK' });
    acts(understand('K7Q2 搞么子去哒 还冒反馈', seen('K7Q2')), { kind: 'query', caseId: 'K7Q2' });
    expect(changesState(understand('@刘网格 K7Q2 你去了冒', { ...seen('K7Q2'), role: 'lead' }))).toBe(false);
    expect(understand('今天在银行网点 跟排队的老人讲冒充公检法 大约50人 发资料60份', { ...volunteer, room: 'private' })).toMatchObject({ command: { kind: 'outreach', people: 50, leaflets: 60 } });
  });
  it('reads Chongqing 莫人接, 莫拦到 and 遭了 (被骗)', () => {
    acts(understand('反馈 W2HF 打了四道都莫人接', ownCase('W2HF', true, 19)), { kind: 'report', result: 'unreachable' });
    acts(understand('反馈 E4GY 投资理财 遭了十八万', ownCase('E4GY', true, 46)), { kind: 'report', result: 'defrauded', lossAmount: 180000 });
    expect(understand('F4RE 莫拦到 转了', ownCase('F4RE', true, 20))).toMatchObject({ kind: 'confirm', command: { result: 'defrauded' } });
  });
  it('reads Beijing 您呐, 您受累 and 得嘞 as politeness and assent', () => {
    acts(understand('您受累 查一下 X8RQ', seen('M3JE', 'X8RQ')), { kind: 'query', caseId: 'X8RQ' });
    acts(understand('U3MB 我盯一下 得嘞', { ...seen('U3MB'), role: 'lead' }), { kind: 'supervise', caseId: 'U3MB' });
    acts(understand('晓得嘞～', { ...ownCase('C2MU', false, 1), pushIsLatest: true }), { kind: 'ack', caseId: 'C2MU' });
  });
  it('records a report whose last clause tells what someone is doing with 呢, and still asks on a short 呢', () => {
    acts(understand('反馈 W7HS 误报 老人给儿子交暖气费呢', ownCase('W7HS', true, 41)), { kind: 'report', result: 'false_positive' });
    acts(understand('反馈 h7qs 被骗三万五 已报案 派出所做笔录呢', ownCase('H7QS', true, 52)), { kind: 'report', result: 'defrauded', lossAmount: 35000, alsoReported: true });
    expect(changesState(understand('反馈 W7HS 劝住了 老人那个钱呢', ownCase('W7HS', true, 41)))).toBe(false);
  });
  it('reads 说啥子都不听 and 买啥‘内部理财’ as told, 穿棉裤呢 as being on the way, 搞什么去了 as asked', () => {
    acts(understand('反馈 C5PE 婆婆犟得很 说啥子都不听 劝不动', ownCase('C5PE', true, 35)), { kind: 'report', result: 'refused' });
    acts(understand('反馈 W4RC 本来要转3000买啥‘内部理财’ 劝下来了', ownCase('W4RC', true, 51)), { kind: 'report', result: 'dissuaded' });
    confirms(understand('收到收到 穿棉裤呢', ownCase('J7DU', false, 12)), { kind: 'ack', caseId: 'J7DU' });
    acts(understand('K7Q2 搞什么去了', seen('K7Q2')), { kind: 'query', caseId: 'K7Q2' });
  });
  it('leaves 这个月劝阻率要搞上去 (a goal set for people) alone and still answers 劝阻率多少', () => {
    const room: UnderstandContext = { ...lead, room: 'tasks' };
    expect(understand('这个月劝阻率要搞上去', room).kind).toBe('ignore');
    acts(understand('劝阻率多少', room), { kind: 'stats' });
  });
});

describe('found in train-quiet54 and train-mirror97–101 (named regressions)', () => {
  const seen = (...ids: string[]): UnderstandContext => ({ ...lead, role: 'supervisor', visibleCases: ids, members: ROSTER });
  it('never hands a case over on praise: 陈网格好样的👍 晚上食堂给你加个鸡腿, quoting a confirmation', () => {
    const praise: UnderstandContext = { ...lead, members: ROSTER, quote: { from: 'bot', caseId: 'X6CU', kind: 'confirmation' } };
    expect(understand('陈网格好样的👍 晚上食堂给你加个鸡腿', praise).kind).toBe('ignore');
    acts(understand('陈网格 这单你去', { ...praise, quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }), { kind: 'reassign', caseId: 'X6CU', to: '陈网格' });
  });
  it('reads 派出所已经受理了 as reported, and 坚持要去报那个99元的一日游 or 让交手续费1500 没交 as no loss', () => {
    acts(understand('反馈 G8FZ 已被骗 损失30000元 派出所已经受理了', ownCase('G8FZ', true, 43)), { kind: 'report', result: 'defrauded', lossAmount: 30000, alsoReported: true });
    acts(understand('反馈 H8RC 游客不听劝 坚持要去报那个99元的一日游 拒绝配合', ownCase('H8RC', true, 22)), { kind: 'report', result: 'refused', lossAmount: null });
    acts(understand('反馈 K3WD 骗子让交手续费1500 没交 劝住了', ownCase('K3WD', true, 31)), { kind: 'report', result: 'dissuaded', lossAmount: null });
  });
  it('leaves remarks about the bot and its guide to colleagues, and still answers how-to questions', () => {
    const quiet = (text: string, ctx: UnderstandContext = { ...worker, openCases: [] }) => expect(understand(text, ctx).kind).toBe('ignore');
    quiet('机器人刚才那条怎么发了两遍 是重复了吗');
    quiet('那个阿奶后来阿么了 钱追回来没', { ...lead });
    quiet('群公告里那个使用说明能不能弄个大字版 我妈看了都说字小');
    quiet('绑定的事找林管理 我搞不懂');
    quiet('不影响 原来咋回还咋回', { ...lead, role: 'admin' });
    quiet('这个月劝阻率要搞上去', { ...lead, room: 'tasks' });
    for (const text of ['怎么发反馈', '使用说明', '咋弄嘞 俺不会', '忘了接单咋回了']) acts(understand(text, { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('reads the Northwest 阿么, 没麻达 and Minnan 伊厝, 阮, 歹势', () => {
    acts(understand('没麻达', { ...ownCase('W4SU', false, 14), quote: { from: 'bot', caseId: 'W4SU', kind: 'reminder' } }), { kind: 'ack', caseId: 'W4SU' });
    acts(understand('M9WE 阿么了', seen('M9WE')), { kind: 'query', caseId: 'M9WE' });
    acts(understand('嗯 我去伊厝看看', { ...ownCase('J6TB', false, 1), pushIsLatest: true }), { kind: 'ack', caseId: 'J6TB' });
    acts(understand('阮手头还有几单', { ...worker, openCases: [{ id: 'M7XQ', level: 'urgent', acknowledged: false, pushedMinutesAgo: 5 }, { id: 'B4TN', level: 'high', acknowledged: true, pushedMinutesAgo: 70 }] }), { kind: 'mine' });
    acts(understand('帮助 歹势', ownCase('K3WD', false, 2)), { kind: 'help' });
  });
});

describe('found in train-quiet55/56 and train-mirror102–105 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  it('never withdraws a log on a WeChat recall told (那条发错了 撤回了 是发给我老公的), and still withdraws on 撤回', () => {
    quiet('我刚才那条发错了 撤回了 是发给我老公的 大家别看😂', volunteer);
    acts(understand('刚才那条发错了 撤回', volunteer), { kind: 'withdraw' });
  });
  it('logs nothing for an event being planned (估计三百多个家长 装APP是重点 充电宝多带几个)', () =>
    quiet('估计三百多个家长 装APP是重点 充电宝多带几个', { ...lead, room: 'volunteers' }));
  it('leaves remarks among leads alone: 夜班的几个交接完早点回去补觉, 撤销的那三单还算不算在总数里, 日报大家看下, 联系不上本人的时候咋办', () => {
    quiet('夜班的几个交接完早点回去补觉 检查组问起来我来说', { ...lead, room: 'tasks', members: ROSTER });
    quiet('今天撤销的那三单月底还算不算在总数里？', lead);
    quiet('今天的日报大家看下 超时两单 零损失 整体还行', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'K7Q2', kind: 'other' } });
    quiet('这条推送里的电话是打了星号的 网格员联系不上本人的时候咋办', { ...lead, role: 'operator', quote: { from: 'bot', caseId: 'K7Q2', kind: 'dispatch' } });
    quiet('今天东北阿姨教我包酸菜饺子 我教她做海南粉 哈哈', { ...worker, openCases: [] });
    acts(understand('今天几单了', lead), { kind: 'stats' });
    acts(understand('教我一下', { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('reads more Wu: 弗 (不), 嘸人接, 哉, 打了四只电话, 撤脱, and never records the result 弗是 denies', () => {
    acts(understand('反馈 H2RK 打了四只电话 嘸人接', ownCase('H2RK', true, 18)), { kind: 'report', result: 'unreachable' });
    acts(understand('反馈 L2KF 确认弗是诈骗 是付装修尾款', ownCase('L2KF', true, 47)), { kind: 'report', result: 'false_positive' });
    acts(understand('反馈  P5WL 伊讲我伲多管闲事 弗配合', ownCase('P5WL', true, 36)), { kind: 'report', result: 'refused' });
    expect(understand('更正 X6CU：弗是已被骗，是劝阻成功', { ...worker, openCases: [], room: 'private' })).toMatchObject({ command: { kind: 'correct', result: 'dissuaded' } });
    acts(understand('X6CU 撤脱 当事人已经在派出所了', { ...lead, role: 'operator' }), { kind: 'cancel', caseId: 'X6CU' });
    acts(understand('反馈 S2HD 家属说不用俺们管 门都没让进', ownCase('S2HD', true, 36)), { kind: 'report', result: 'refused' });
  });
});

describe('found in train-quiet57/58 and train-mirror106–109 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(understand(text, ctx).kind).toBe('ignore');
  const free: UnderstandContext = { ...worker, openCases: [] };
  it('never takes a case on rounds told to a colleague right after the push (@李网格 六户 跑完得五点了), and still on 马上跑过去', () => {
    const pushed: UnderstandContext = { ...ownCase('V8QA', false, 1), pushIsLatest: true };
    quiet('@李网格 六户 跑完得五点了', pushed);
    acts(understand('马上跑过去', pushed), { kind: 'ack', caseId: 'V8QA' });
  });
  it('leaves questions among people alone: another tool, a rule, a target, how a colleague did something', () => {
    quiet('双面打印咋弄啊我这老是打成单面的试了好几次了', free);
    quiet('新规定说的双人双岗到底啥意思', free);
    quiet('这个月考核是看劝阻率还是看响应时间', lead);
    quiet('咱们这个月宣传目标是多少来着', { ...lead, room: 'volunteers' });
    quiet('八箱 你咋搬回来的', free);
    acts(understand('督办是啥意思', free), { kind: 'help' });
    acts(understand('怎么反馈', free), { kind: 'help' });
  });
  it('reads 交了“解冻费”4500 as the loss, 么回事 as asked, 下午克村部 as going, and 发单子 200 in a log as leaflets', () => {
    acts(understand('反馈 C7XP 网贷被骗 交了“解冻费”4500', ownCase('C7XP', true, 46)), { kind: 'report', result: 'defrauded', lossAmount: 4500 });
    acts(understand('D7VA 到底么回事', { ...lead, visibleCases: ['D7VA'] }), { kind: 'query', caseId: 'D7VA' });
    expect(understand('下午克村部给老年人讲防骗 来了四十几个人 装了十二个APP', volunteer)).toMatchObject({ command: { kind: 'outreach', place: '村部', installs: 12 } });
    acts(understand('宣传 贵阳北站候车室 160人 装APP 20 发单子 200', { ...volunteer, room: 'private' }), { kind: 'outreach', people: 160, installs: 20, leaflets: 200 });
  });
});

describe('found in train-quiet59/60 and train-mirror110–113 (named regressions)', () => {
  const quiet = (text: string, ctx: UnderstandContext) => expect(changesState(understand(text, ctx))).toBe(false);
  const office = (...ids: string[]): UnderstandContext => ({ ...lead, role: 'supervisor', visibleCases: ids, members: ROSTER });
  it('never commands on talk among leads: a 督办 sent last night, 我跟街道再申请, errands for the colleague going, who else comes, what a case counts as, its state read out', () => {
    quiet('K7Q2昨晚那个督办是我发的，今天上午要还见不到人，中午前我给钱警官打电话', office('K7Q2'));
    quiet('第三项电动车，我跟街道再申请一次，这回把U4GA写进去当理由', office('U4GA'));
    quiet('@陈网格 R2XC去的时候带几份折页 顺手给老两口装个反诈APP', office('R2XC'));
    quiet('明早八点半 X6CU回访出发前在所里碰一下 让周网格也来', office('X6CU'));
    quiet('那J2HM这种重复的算撤销对吧 冯主任', office('J2HM'));
    quiet('看到了 状态已经是已撤销 没问题', { ...office('J2HM'), role: 'operator', quote: { from: 'bot', caseId: 'J2HM', kind: 'confirmation' } });
    expect(understand('J2HM先别动它 等刘网格B8LD那边反馈了我再统一处理', { ...office('J2HM', 'B8LD'), role: 'lead' }).kind).toBe('ignore');
    acts(understand('X6CU 让周网格去', office('X6CU')), { kind: 'reassign', caseId: 'X6CU', to: '周网格' });
    acts(understand('U4GA 我跟一下', office('U4GA')), { kind: 'supervise', caseId: 'U4GA' });
  });
  it('reads a worker\'s progress notes as notes, and money 转掉了 after 没劝住 as the loss', () => {
    expect(understand('E9PH 骗子又来电话了 老人这回没接 在跟我聊', ownCase('E9PH', true, 19)).kind).toBe('ignore');
    expect(understand('N7YC 等家属中 暂时没进展', ownCase('N7YC', true, 58)).kind).toBe('ignore');
    acts(understand('反馈 V6LS 没劝住 钱已经转掉了', ownCase('V6LS', true, 28)), { kind: 'report', result: 'defrauded' });
    confirms(understand('反馈 M2ZG 已被骗 阿伯话转咗成万蚊', ownCase('M2ZG', true, 28)), { kind: 'report', result: 'defrauded', lossAmount: 10000, approximate: true });
    expect(understand('我去仓库看看还有没有', { ...worker, openCases: [], room: 'volunteers' }).kind).toBe('ignore');
  });
});

describe('found in train-quiet61/62 and train-mirror114–117 (named regressions)', () => {
  const onDispatch = (who: UnderstandContext, caseId = 'K7Q2'): UnderstandContext => ({ ...who, quote: { from: 'bot', caseId, kind: 'dispatch' } });
  const free: UnderstandContext = { ...worker, openCases: [] };
  it('answers a question on a quoted bot message with 查 only when it asks about the case, not about the message itself', () => {
    expect(understand('这是银行推过来的还是平台推的？看着不像银行的格式', onDispatch({ ...lead, role: 'supervisor' })).kind).toBe('ignore');
    expect(understand('派单里老人名字就写了个“王某” 上门咋问啊', onDispatch(free)).kind).toBe('ignore');
    expect(understand('它回的“损失金额：约5000元” 这个约字是它自己加的？', { ...free, quote: { from: 'bot', caseId: 'K7Q2', kind: 'confirmation' } }).kind).toBe('ignore');
    expect(understand('这个地址是四号楼那个独居的老太太吧 老周要不要我陪你去', onDispatch(free, 'X6CU')).kind).toBe('ignore');
    for (const text of ['派给谁了？', '有人去了没？', '钱转了没', '现在什么情况', '反馈了没有啊这个']) acts(understand(text, onDispatch({ ...lead, role: 'supervisor' })), { kind: 'query', caseId: 'K7Q2' });
  });
  it('reads 还得来几条 as a guess told, 估摸着得有五万 as approximate, and still counts 今天劝下来几个', () => {
    expect(understand('下午银行放款多 估计还得来几条', { ...lead, role: 'operator' }).kind).toBe('ignore');
    acts(understand('今天劝下来几个', { ...lead, role: 'operator' }), { kind: 'stats' });
    confirms(understand('反馈 H9SP 已被骗 估摸着得有五万', ownCase('H9SP', true, 45)), { kind: 'report', result: 'defrauded', lossAmount: 50000, approximate: true });
  });
  it('reads 啷个 as 怎么 with the bot @-mentioned too (@网格哨兵 啷个转派 is a how-to; found by the @ variant)', () =>
    acts(understand('@网格哨兵\u2005啷个转派', { ...lead, mention: true }), { kind: 'help' }));
});

describe('found in train-quiet64/66–68 and train-mirror118, 119, 121 (named regressions)', () => {
  const free: UnderstandContext = { ...worker, openCases: [] };
  const office: UnderstandContext = { ...lead, role: 'supervisor' };
  it('stays quiet on talk about the bot among people: a bare title called first, newcomers shown a dispatch, the centre\'s plans relayed, pushes complained of, how the room finds out', () => {
    expect(understand('组长 编号里那个是零还是字母O啊 我老看混', ownCase('T4WZ', false, 240)).kind).toBe('ignore');
    expect(understand('新来的看一下这条 这就是派单 红色的是紧急 黄色的是一般', { ...lead, room: 'tasks', quote: { from: 'bot', caseId: 'X6CU', kind: 'dispatch' } }).kind).toBe('ignore');
    expect(understand('中心说下个月机器人要加一个功能 被骗的能直接生成报警登记 省得再填一遍', { ...office, room: 'tasks' }).kind).toBe('ignore');
    expect(understand('这玩意儿半夜两点给俺推单 俺是真服了', free).kind).toBe('ignore');
    expect(understand('那我们想知道自己还有几单没结呢', free).kind).toBe('ignore');
    expect(understand('我的电瓶车哪个挪了', lead).kind).toBe('ignore');
    expect(understand('入户宣传几号楼分给我们？', volunteer).kind).toBe('ignore');
    acts(understand('我还有几单没结', free), { kind: 'mine' });
  });
  it('reads Yunnan and Wuhan words: 挨骗, 家头, 整错, 咋个说都, 么样说都, 一滴滴, 瞧哈, 发一哈, 搞么事, 整哪样', () => {
    acts(understand('@网格哨兵 反馈 D9RH 到家头了 劝阻成功', { ...ownCase('D9RH', true, 58), mention: true }), { kind: 'report', result: 'dissuaded', method: 'visit' });
    acts(understand('X6CU 反馈整错了 改成拒绝配合', { ...free, room: 'private' }), { kind: 'correct', caseId: 'X6CU', result: 'refused' });
    acts(understand('K7Q2 前面报成误报了 更正 老倌其实挨骗了', ownCase('K5RJ', false, 3)), { kind: 'correct', caseId: 'K7Q2', result: 'defrauded' });
    acts(understand('反馈 L3VR 当面 老者犟得很 咋个说都不听', ownCase('L3VR', true, 50)), { kind: 'report', result: 'refused', method: 'visit' });
    acts(understand('反馈：L9XE 爹爹蛮犟 么样说都不听 劝不动', ownCase('L9XE', true, 47)), { kind: 'report', result: 'refused' });
    expect(understand('反馈 J8PV 差一滴滴就转了 被我和楼长拦下来了', ownCase('J8PV', true, 17))).toMatchObject({ command: { result: 'dissuaded' } });
    acts(understand('帮我瞧哈 X6CU', office), { kind: 'query', caseId: 'X6CU' });
    acts(understand('这单咋个了', { ...office, quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }), { kind: 'query', caseId: 'X6CU' });
    acts(understand('K7Q2 还冇反馈 搞么事去了', lead), { kind: 'query', caseId: 'K7Q2' });
    acts(understand('今天数据么样 发一哈', { ...lead, role: 'operator' }), { kind: 'stats' });
    acts(understand('这个网格哨兵是整哪样的', { ...free, role: 'stranger', room: 'private' }), { kind: 'help' });
    acts(understand('接单要回哪样', { ...ownCase('H3RG', false, 2), room: 'private' }), { kind: 'help' });
  });
  it('never asks for the result of a case when 反馈 is none given yet or a stage named (K7Q2 还没反馈, 从推送到反馈)', () => {
    expect(understand('K7Q2 还没反馈 人呢', lead).kind).not.toBe('refuse');
    expect(understand('督导组要看K7Q2那单的完整过程，从推送到反馈每一步的时间，我正在导', { ...lead, role: 'operator' }).kind).toBe('ignore');
  });
  it('leaves the help keyword to the colleague called by title first (林老师 使用说明能不能做成图片)', () => {
    expect(understand('林老师 使用说明能不能做成图片 老同志看字费劲', lead).kind).toBe('ignore');
    acts(understand('使用说明', lead), { kind: 'help' });
  });
  it('reads Shenzhen Cantonese: 一皮 (ten thousand), 差少少 (差点), 接单点回 (how), 呢边 (这边)', () => {
    acts(understand('反馈 G9MD 被骗咗一皮', ownCase('G9MD', true, 35)), { kind: 'report', result: 'defrauded', lossAmount: 10000 });
    expect(understand('反馈 F3LK 上门 差少少就转咗 拦住咗', ownCase('F3LK', true, 14))).toMatchObject({ command: { result: 'dissuaded', method: 'visit' } });
    acts(understand('接单点回', { ...ownCase('X3JR', false, 2), room: 'private' }), { kind: 'help' });
    acts(understand('X6CU 我呢边督办下', lead), { kind: 'supervise', caseId: 'X6CU' });
  });
  it('reads 70几人 as some seventy people, and 宣传 的横幅 as no log', () => {
    acts(understand('石厦菜市场宣传 70几人 装APP 12个', { ...volunteer, role: 'worker' }), { kind: 'outreach', people: 70, installs: 12 });
    expect(understand('宣传 的横幅被风刮跑了😂 明天得再做一条', volunteer).kind).toBe('ignore');
  });
  it('reads 四十来个老乡 as the people reached, and leaves the time out of the place', () => {
    acts(understand('今天克寨子头宣传 跟四十来个老乡讲了 装了12个APP', volunteer), { kind: 'outreach', people: 40, installs: 12 });
    expect(understand('积玉桥社区活动中心今天下午上反诈课 婆婆爹爹来了六十几个 当场装了二十二个APP', volunteer)).toMatchObject({ command: { kind: 'outreach', place: '积玉桥社区活动中心', people: 60, installs: 22 } });
  });
});

describe('found in train-mirror120 (named regressions)', () => {
  it('reads Jin 甚 as 什么 (甚情况, 有甚没办完的, 要回甚, 不交甚\'违约金\'了), never 甚至', () => {
    acts(understand('K7Q2 现在甚情况', lead), { kind: 'query', caseId: 'K7Q2' });
    acts(understand('我手上还有甚没办完的', { ...worker, openCases: [] }), { kind: 'mine' });
    acts(understand('接单要回甚', { ...ownCase('H7QZ', false, 3), room: 'private' }), { kind: 'help' });
    acts(understand("反馈 Q3ZT 到家里了 人已经醒悟 说再不交甚'违约金'了", ownCase('Q3ZT', true, 32)), { kind: 'report', result: 'dissuaded', method: 'visit' });
    expect(understand('甚至有人被骗了十万', lead).kind).toBe('ignore');
  });
  it('reads 损失3毛 and 五毛钱 as tenths of a yuan, asked about as less than a yuan (not as 3 yuan, nor as a large sum)', () => {
    for (const [text, amount] of [['反馈 A6KZ 被骗 损失3毛', 0.3], ['反馈 A6KZ 被骗 损失五毛钱', 0.5], ['反馈 A6KZ 被骗 损失0.5元', 0.5]] as const) {
      const d = understand(text, ownCase('A6KZ', true, 33));
      confirms(d, { kind: 'report', result: 'defrauded', lossAmount: amount });
      expect(d.kind === 'confirm' && d.prompt).toMatch(/^损失金额不到1元/u);
    }
  });
  it('counts 病人家属 as the people reached, not as someone else\'s outreach (人家)', () =>
    acts(understand('今天在包钢职工医院门诊大厅宣传 病人家属差不多七十人 装APP十八个', { ...volunteer, room: 'private' }), { kind: 'outreach', people: 70, installs: 18 }));
});

describe('found in train-quiet69/70 and train-mirror122/123 (named regressions)', () => {
  it('never acts on a bulletin under its title, an outreach template handed out, or a message passed on to a colleague', () => {
    expect(understand('本周督办情况通报：\n周一 X6CU 超时32分钟 已督办\n周三 K7Q2 超时18分钟 已督办\n请各网格引以为戒。', { ...lead, role: 'supervisor', room: 'tasks' }).kind).toBe('ignore');
    expect(understand('以后宣传统一这样报，照抄改数字就行👇\n宣传 幸福里 摆摊 60人 装APP 18\n地点、形式、人数、装APP数，中间用空格隔开', { ...lead, room: 'volunteers' }).kind).toBe('ignore');
    expect(understand('转给钱警官：明天分局检查组要看上周三那起被骗案件的回访记录，麻烦准备一下。@钱警官', { ...lead, role: 'supervisor' }).kind).toBe('ignore');
    expect(understand('查户口的民警下午来村里', ownCase('S7HB', true, 80)).kind).toBe('ignore');
    acts(understand('今日宣传汇总：东沟村文化礼堂 反诈戏曲表演 观众约二百人 现场装APP五十一个', volunteer), { kind: 'outreach', people: 200, installs: 51 });
    expect(understand('转派 @李网格', lead)).toMatchObject({ kind: 'refuse', reason: 'missing_case_id' });
  });
  it('reads Shandong and Min words: 嗯哪, 好势, 接单回么, 到底劝住没啊 急死了, 无人接, 厝里无人, 有被骗无, 我有去了', () => {
    const pushed = (id: string): UnderstandContext => ({ ...ownCase(id, false, 2), pushIsLatest: true });
    acts(understand('嗯哪 在路上了', pushed('R3CY')), { kind: 'ack', caseId: 'R3CY' });
    acts(understand('好势 我过去', pushed('A5NC')), { kind: 'ack', caseId: 'A5NC' });
    acts(understand('嗯 我有去了', pushed('H7LM')), { kind: 'ack', caseId: 'H7LM' });
    acts(understand('接单回么', { ...ownCase('Q2NF', false, 3), room: 'private' }), { kind: 'help' });
    acts(understand('X6CU 到底劝住没啊 急死了', { ...lead, role: 'supervisor' }), { kind: 'query', caseId: 'X6CU' });
    acts(understand('反馈：L3NP 电话一直无人接', ownCase('L3NP', true, 20)), { kind: 'report', result: 'unreachable' });
    acts(understand('反馈 R5VB 上门 厝里无人 邻居讲去福清亲戚家了', ownCase('R5VB', true, 38)), { kind: 'report', result: 'unreachable', method: 'visit' });
    acts(understand('M3YR 阿姆有被骗无', { ...lead, visibleCases: ['M3YR'] }), { kind: 'query', caseId: 'M3YR' });
  });
  it('takes the visit, not the scammer\'s WeChat deleted, as the method; and 没拦住 with money sent as the loss', () => {
    acts(understand('反馈 V9DL 入户 老人把“国外侄子”的微信删了 劝阻成功', ownCase('V9DL', true, 26)), { kind: 'report', result: 'dissuaded', method: 'visit' });
    confirms(understand('S7DE 没拦住 汇出去8800', ownCase('S7DE', true, 31)), { kind: 'report', result: 'defrauded' });
    acts(understand('反馈 T2WL 到家了 老人已经把钱转给那个“养老服务中心”了 没拦住', ownCase('T2WL', true, 26)), { kind: 'report', result: 'defrauded', method: 'visit' });
    acts(understand('上午在老人活动中心宣传了一上午 有五十来个阿公阿嬷 帮装了APP十来个', volunteer), { kind: 'outreach', people: 50 });
  });
});

describe('found in train-quiet71/72 and train-mirror124/125 (named regressions)', () => {
  it('stays quiet on other tools and on figures gathered from people: 12345 工单, 网格通, a manual asked of whoever has it, 各网格报个数, 统计一下 谁…私聊我', () => {
    const busy = ownCase('H3WN', true, 33);
    expect(understand('W12网格的12345工单怎么派到我这来了', busy).kind).toBe('ignore');
    expect(understand('12345派的那个噪音扰民我去了 人家说根本没噪音 这种工单咋回复', busy).kind).toBe('ignore');
    expect(understand('哪位有12345工单系统的操作手册 我新来的 那个系统真不会用', busy).kind).toBe('ignore');
    expect(understand('网格通咋又登不上了 整啥呢这是', { ...lead, room: 'tasks' }).kind).toBe('ignore');
    expect(understand('今天一共转移了多少人 各网格报个数 我好跟街道交差', { ...lead, room: 'tasks' }).kind).toBe('ignore');
    expect(understand('统计一下 谁手机上还没装反诈APP 街道要求工作人员100%安装 没装的私聊我', { ...lead, room: 'tasks' }).kind).toBe('ignore');
    expect(understand('安置点用桶装水', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('雨衣还有没有 我这件破了', volunteer).kind).toBe('ignore');
    acts(understand('我的工单', taken('Y6FQ')), { kind: 'mine' });
    acts(understand('呢个机器人点用啊', { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('logs no outreach from relief handed out, a system\'s figures, or one person\'s story', () => {
    expect(understand('今天安置点共服务群众180余人 发放矿泉水300瓶 面包200个', volunteer).kind).toBe('ignore');
    expect(understand('反诈APP后台显示我们社区一共注册1260人 才占常住人口三成', volunteer).kind).toBe('ignore');
    expect(understand('银行门口一个阿姨说她儿子在手机银行被人骗着开了屏幕共享 幸好发现得早', volunteer).kind).toBe('ignore');
    expect(understand('在镇中心校给老师们讲电诈 来了68位老师 注册了50个', volunteer)).toMatchObject({ command: { kind: 'outreach', people: 68, installs: 50 } });
    acts(understand('今天给金坑瑶寨的老人讲反诈 喊了个会讲瑶话的帮忙翻译 来了四十多人 装了十个APP', volunteer), { kind: 'outreach', people: 40, installs: 10 });
  });
  it('reads Guiliu 屋头 and 哪样用, Jianghuai 阿 asking yes or no, and 晓得在哪里 as known', () => {
    acts(understand('反馈：G4LX 到屋头了 老者不肯听 说我们搞哪样多管闲事', ownCase('G4LX', true, 40)), { kind: 'report', result: 'refused', method: 'visit' });
    acts(understand('这个哪样用', lead), { kind: 'help' });
    acts(understand('接单是哪样搞的', { ...worker, room: 'private', openCases: [] }), { kind: 'help' });
    for (const text of ['K7Q2 阿劝住了', 'K7Q2 阿有人接单', 'k7q2 钱阿转出去了', 'K7Q2 阿报警了']) acts(understand(text, lead), { kind: 'query', caseId: 'K7Q2' });
    acts(understand('ｋ２ｗｆ 收到 晓得在哪里', ownCase('K2WF', false, 7)), { kind: 'ack', caseId: 'K2WF' });
  });
});

describe('found in train-quiet73 and train-mirror126/127 (named regressions)', () => {
  it('reads progress notes on the sender\'s own taken case as news, not as 查 nor as an outcome (train.jsonl\'s t-context convention)', () => {
    for (const [id, text] of [
      ['F2ZT', 'F2ZT 还在做工作 老人有点犹豫 再给我十分钟'],
      ['Z2HW', 'Z2HW 正在做工作 老人态度松动了一点 还得再说说'],
      ['A4QS', 'A4QS 到了 老人说先听我讲讲 正在讲'],
      ['Y6VJ', 'Y6VJ 正在做工作 让老人把对方的聊天记录翻给我看'],
      ['N4XM', 'N4XM 跟老人聊着呢 他说卡先不动 我再跟他多讲讲'],
      ['H8SP', 'h8sp 一直在劝 老人开始有点听进去了 再聊会'],
      ['K6VF', 'K6VF 老人又拿起手机了 我按住了让她先别点 继续聊'],
      ['K9TR', 'K9TR 老爷子整不明白啥是安全账户 俺正跟他掰扯呢'],
    ] as const) expect(understand(text, ownCase(id, true, 25)).kind, text).toBe('ignore');
    acts(understand('K7Q2 的情况给我说说', lead), { kind: 'query', caseId: 'K7Q2' });
    // Found reviewing the change: a hedge elsewhere in the message (老人有点后怕) leaves a stated 劝住了 standing.
    expect(understand('Q7RT 劝住了 老人有点后怕 我再陪他聊会', ownCase('Q7RT', true, 20))).toMatchObject({ command: { kind: 'report', result: 'dissuaded' } });
  });
  it('asks about 没转钱 被骗了 instead of recording the loss, and reads 嘛事没有 as nothing wrong', () => {
    confirms(understand('反馈 N5GA 没转钱 被骗了', ownCase('N5GA', true, 32)), { kind: 'report', caseId: 'N5GA' });
    acts(understand('反馈 K2MR 劝阻成功 嘛事没有 钱都在卡里', ownCase('K2MR', true, 16)), { kind: 'report', result: 'dissuaded' });
  });
  it('reads Xinjiang and Xuzhou words: 阿达西 (a friend, not 哪里), 该回嘛, 有人接没, 阿姨们七十多个; and answers how to find a bind code', () => {
    expect(understand('T2YV 我去 阿达西们放心', ownCase('T2YV', false, 2))).not.toMatchObject({ command: { kind: 'query' } });
    acts(understand('来单了俺该回嘛', { ...worker, room: 'private', openCases: [] }), { kind: 'help' });
    expect(understand('那我等活动搞完再发嘛 现在人还在来', volunteer).kind).toBe('ignore');
    acts(understand('H4CZ 有人接没 都十分钟了', { ...lead, visibleCases: ['H4CZ'] }), { kind: 'query', caseId: 'H4CZ' });
    acts(understand('晚上在广场舞那块宣传了一下 跳舞的阿姨们七十多个 装了二十个APP 亚克西', volunteer), { kind: 'outreach', people: 70, installs: 20 });
    acts(understand('俺的绑定码上哪找', { ...worker, role: 'stranger', room: 'private', openCases: [] }), { kind: 'help' });
  });
});

describe('found in train-quiet75/76 (named regressions)', () => {
  it('never hands a case over to a person @-mentioned and asked for something else (@钱警官 K7Q2 那边你到了给我回个电话)', () => {
    const station: UnderstandContext = { ...lead, members: [...ROSTER!, { name: '钱警官', role: 'supervisor' }] };
    expect(understand('@钱警官 K7Q2 那边你到了给我回个电话', { ...station, role: 'supervisor' }).kind).toBe('ignore');
    acts(understand('K7Q2 @陈网格 这单给你了', station), { kind: 'reassign', caseId: 'K7Q2', to: '陈网格' });
    acts(understand('吴网格 你把 K7Q2 接过去', station), { kind: 'reassign', caseId: 'K7Q2', to: '吴网格' });
  });
  it('takes a worker\'s 收到 with the bot @-mentioned, and 你们先帮我盯一下 as asked of colleagues, not as 督办 refused (found by the @ variant)', () =>
    acts(understand('@网格哨兵 收到C3RK我现在就从工业园那边过去大概十来分钟能到你们先帮我盯一下', { ...ownCase('C3RK', false, 2), mention: true }), { kind: 'ack', caseId: 'C3RK' }));
  it('logs no outreach from a head count expected at an event to come (讲座那天估计来一百来个老人)', () =>
    expect(understand('讲座那天估计来一百来个老人 椅子得多借点', volunteer).kind).toBe('ignore'));
  it('stays quiet on figures to be gathered later, the weather, and office supplies', () => {
    expect(understand('反馈的时候写清楚是电话还是上门 后面要统计', { ...lead, room: 'tasks' }).kind).toBe('ignore');
    expect(understand('咋整 明天又要下雨', ownCase('B6TN', true, 30)).kind).toBe('ignore');
    expect(understand('走访记录本用完了 去哪领新的', { ...worker, openCases: [] }).kind).toBe('ignore');
    acts(understand('台风天今天多少单了', lead), { kind: 'stats' });
  });
});

describe('found in train-quiet77/78 (named regressions)', () => {
  it('stays quiet on a forwarded link, a place recognised on a quoted dispatch, food pressed on the worker (硬塞给我俩), a parcel code, praise on a confirmation', () => {
    expect(understand('[链接]健身房跑路了怎么办？一文看懂消费维权', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('哈哈 这地址不就是上礼拜咱们聚餐那家饭馆楼上嘛', { ...lead, room: 'tasks', quote: { from: 'bot', caseId: 'K7Q2', kind: 'dispatch' } }).kind).toBe('ignore');
    expect(understand('X6CU那家阿姨包的包子真好吃 上回走访硬塞给我俩', ownCase('C7LA', true, 90)).kind).toBe('ignore');
    acts(understand('X6CU 的地址发给我', lead), { kind: 'query', caseId: 'X6CU' });
    expect(understand('取件码A13-2-0417帮我看下是不是我的 名字写的李**', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('看到没 这单30分钟内就反馈了 大家向陈网格学习[强]', { ...lead, room: 'tasks', visibleCases: ['M8RS'], quote: { from: 'bot', caseId: 'M8RS', kind: 'confirmation' } }).kind).toBe('ignore');
  });
});

describe('found in train-mirror131 (named regressions)', () => {
  it('counts 传单发出去300张 as leaflets, never reads the count as the place', () =>
    acts(understand('芳草街地铁口 下班高峰 传单发出去300张 讲解80多人', { ...volunteer, role: 'worker' }), { kind: 'outreach', people: 80, leaflets: 300 }));
  it('reads 劝阻，成功 split by a comma, 归我 as taking the case, and the case\'s phone number asked for privately', () => {
    acts(understand('反馈，P3NE，当面劝阻，成功', ownCase('P3NE', true, 23)), { kind: 'report', result: 'dissuaded', method: 'visit' });
    acts(understand('J8PB 归我 吃完这口饭就去', ownCase('J8PB', false, 11)), { kind: 'ack', caseId: 'J8PB' });
    acts(understand('Z3HP 的联系电话是多少 我这边没存', { ...ownCase('Z3HP', true, 10), room: 'private' }), { kind: 'query', caseId: 'Z3HP' });
  });
});

describe('found in train-quiet79/80 (named regressions)', () => {
  it('logs nothing from a sign-up for next week\'s outreach, and withdraws nothing when a colleague\'s voice message was recalled', () => {
    expect(understand('下礼拜三社区在广场搞宣传，我报个名，我老伴儿也去，算两个人', volunteer).kind).toBe('ignore');
    expect(understand('刘大姐你刚才那条语音撤回了，我没听着，你再说一遍呗', volunteer).kind).toBe('ignore');
    acts(understand('撤回刚才的宣传', volunteer), { kind: 'withdraw' });
  });
  it('stays quiet on 我的妈呀, a reproachful 第几次了, a lead recognised, and a volunteer\'s remark on a quoted reminder', () => {
    const quoted: UnderstandContext = { ...volunteer, room: 'tasks', visibleCases: ['W7MP', 'B8TN'] };
    expect(understand('我的妈呀，又是冒充公检法的，这个月都第几个了，大家跟家里老人多说说吧', { ...quoted, quote: { from: 'bot', caseId: 'W7MP', kind: 'dispatch' } }).kind).toBe('ignore');
    expect(understand('小刘网格员是不是在忙啊，我就住隔壁楼，要不要我先去她家门口看看，有啥情况在群里说', { ...quoted, quote: { from: 'bot', caseId: 'B8TN', kind: 'reminder' } }).kind).toBe('ignore');
    expect(understand('又超时，这个网格这个月第几次了？', { ...lead, role: 'supervisor' }).kind).toBe('ignore');
    expect(understand('这个号码前几天是不是推过一次 我咋看着眼熟', ownCase('P9LW', true, 120)).kind).toBe('ignore');
    acts(understand('我的', { ...worker, openCases: [] }), { kind: 'mine' });
  });
});

describe('found in train-quiet53, reread this session (named regressions)', () => {
  it('asks nothing when the sender is going on a daily errand (马上去仓库, 接娃, 快递员, 打印机), yet 马上去 to the case is still asked about', () => {
    const later = { ...ownCase('R3WY', false, 3), pushIsLatest: false };
    expect(understand('好的马上去仓库拿马甲', later).kind).toBe('ignore');
    expect(understand('马上到幼儿园接娃 十分钟后回来看群', later).kind).toBe('ignore');
    expect(understand('马上到小区门口了 快递员在等我', later).kind).toBe('ignore');
    expect(understand('我去看看 打印机又卡纸了', later).kind).toBe('ignore');
    expect(understand('收到 马上去现场', later).kind).toBe('confirm');
    acts(understand('好的马上去老人家', { ...later, pushIsLatest: true }), { kind: 'ack', caseId: 'R3WY' });
  });
  it('hears no call for help in 机器人教我们做事 (a joke on a quoted bot message), but 教我 still is one', () => {
    expect(understand('哈哈 机器人教我们做事', { ...worker, openCases: [], quote: { from: 'bot', caseId: null, kind: 'other' } }).kind).toBe('ignore');
    acts(understand('教我 怎么用', { ...worker, openCases: [] }), { kind: 'help' });
  });
});

describe('found in train-quiet81–86 and train-mirror134/135 (named regressions)', () => {
  it('stays quiet on 我一直没搞清楚, a work manual asked after, 怎么就不长记性, and 后来咋整的 of a story', () => {
    expect(understand('止付是不是只有派出所能办啊 我一直没搞清楚', worker).kind).toBe('ignore');
    expect(understand('网格员工作手册第二版发下来没', worker).kind).toBe('ignore');
    expect(understand('哎 又一个刷单的 现在的年轻人怎么就不长记性呢', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('昨天那个冒充客服的后来咋整的', lead).kind).toBe('ignore');
    acts(understand('我还有几单没弄', worker), { kind: 'mine' });
    acts(understand('使用手册发我', worker), { kind: 'help' });
    acts(understand('这个咋整', worker), { kind: 'help' });
  });
  it('reads Northeastern 瞅瞅 and 能嘎哈', () => {
    acts(understand('帮我瞅瞅 X6CU', { ...lead, role: 'supervisor' }), { kind: 'query', caseId: 'X6CU' });
    acts(understand('网格哨兵能嘎哈', { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('reads Hunan 冒 (没) before a verb, 哒 (了) before a number, 屋里 as the home, 都冒回, 好咯 — never 冒充', () => {
    acts(understand('反馈：T2WD 到他屋里去哒，娭毑听劝，冒转账', ownCase('T2WD', true, 48)), { kind: 'report', caseId: 'T2WD', result: 'dissuaded', method: 'visit' });
    acts(understand('@网格哨兵 反馈 Y6RD 冒被骗 劝阻成功', { ...ownCase('Y6RD', true, 33), mention: true }), { kind: 'report', result: 'dissuaded' });
    acts(understand('反馈 P9HW 冒拦住 转了一万六 已报案', ownCase('P9HW', true, 19)), { kind: 'report', result: 'defrauded', lossAmount: 16000, alsoReported: true });
    acts(understand('反馈 H8ZN 短信发哒 电话也打哒 都冒回', ownCase('H8ZN', true, 41)), { kind: 'report', result: 'unreachable' });
    acts(understand('今天上午在侯家塘菜市场门口摆摊，来了一百多人，装哒三十个APP', volunteer), { kind: 'outreach', people: 100, installs: 30 });
    expect(understand('好咯 收到', ownCase('L3TC', false, 6)).kind).toBe('confirm');
    expect(understand('反馈 Q7RT 家里人都没回来', worker).kind).toBe('refuse');
    expect(understand('又是冒充公检法的 大家跟老人多说说', worker).kind).toBe('ignore');
  });
  it('stays quiet on a news story right after the push, a colleague\'s words passed on, heads counted for an event, a grandson who will teach, a paper form\'s format, a lead\'s 数据要实', () => {
    const pushed = { ...ownCase('C2MU', false, 1), pushIsLatest: true };
    expect(understand('新闻里那个大爷被骗了四十万还帮骗子数钱 我真服了', pushed).kind).toBe('ignore');
    expect(understand('老人被骗了四十万', pushed).kind).toBe('confirm');
    expect(understand('视频里劝住了', { ...ownCase('X3QA', true, 3), pushIsLatest: true }).kind).toBe('confirm');
    expect(understand('老李说好的 他下午去K7Q2那家看看', worker).kind).toBe('ignore');
    acts(understand('K7Q2 看看', worker), { kind: 'query', caseId: 'K7Q2' });
    expect(understand('这次活动一共要多少志愿者 报个数给我', lead).kind).toBe('ignore');
    expect(understand('周六那场算上我一共几个人了', volunteer).kind).toBe('ignore');
    acts(understand('今日情况咋样 报个数', { ...lead, role: 'supervisor' }), { kind: 'stats' });
    expect(understand('我不会打字 回家让我孙子教教我', volunteer).kind).toBe('ignore');
    expect(understand('报到格式能不能再简化点 手机打字太慢了', worker).kind).toBe('ignore');
    expect(understand('说明原因是写书面的还是口头说一下', lead).kind).toBe('ignore');
    expect(understand('别贫 数据要实', { ...lead, room: 'tasks' }).kind).toBe('ignore');
    acts(understand('帮助 整不明白了', worker), { kind: 'help' });
  });
  it('takes the case on 接了 J5WE 一会儿反馈 (the report promised) and on 这就整 quoting a reminder', () => {
    acts(understand('接了 Ｊ５ＷＥ 一会儿反馈', ownCase('J5WE', false, 3)), { kind: 'ack', caseId: 'J5WE' });
    acts(understand('这就整 别催了😅', { ...ownCase('W3ZK', false, 12), quote: { from: 'bot', caseId: 'W3ZK', kind: 'reminder' } }), { kind: 'ack', caseId: 'W3ZK' });
  });
});

describe('found in train-quiet87–91 and train-mirror136–138 (named regressions)', () => {
  it('takes nothing when the sender hurries home (煤气没关, 接孙子放学) right after the push, and asks nothing of a parcel of papers', () => {
    expect(understand('刚刚我老伴打电话说家里煤气好像没关我得赶紧回去看看', { ...ownCase('J3DK', false, 1), pushIsLatest: true }).kind).toBe('ignore');
    expect(understand('好了不说了我去接孙子放学了明天见', worker).kind).toBe('ignore');
    expect(understand('转给我的那份材料我看了 有几个错别字 改完再报', lead).kind).toBe('ignore');
    acts(understand('M6QE 这个阿公我认识 我直接上门', ownCase('M6QE', false, 10)), { kind: 'ack', caseId: 'M6QE' });
  });
  it('stays quiet on a case id compared with a plate (这单号…), minutes\' format, a how-to asked of 大伙, a tutorial for the anti-fraud app', () => {
    expect(understand('U4GA 这单号怎么跟我车牌后四位一模一样 吓我一跳', { ...worker, openCases: [], visibleCases: ['U4GA'] }).kind).toBe('ignore');
    expect(understand('那个会议纪要的格式有要求吗？标题用几号字', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('上门扑空的 大伙一般咋反馈的？', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('有没有反诈APP安装的教程图', volunteer).kind).toBe('ignore');
    acts(understand('有没有教程', { ...worker, openCases: [] }), { kind: 'help' });
  });
  it('reads 给我看下待办列表 as mine, 不会再转钱了 as dissuaded, Gan 咯 and 么里, Hainan 钱无转 and 超时了无', () => {
    acts(understand('给我看下待办列表', { ...ownCase('L2WS', true, 44), room: 'private' }), { kind: 'mine' });
    expect(understand('反馈S4VN我刚刚上门跟老人家讲了好久他说晓得了不会再转钱了', ownCase('S4VN', true, 42))).toMatchObject({ command: { kind: 'report', result: 'dissuaded', method: 'visit' } });
    acts(understand('Z8KD 我接咯，离得近', ownCase('Z8KD', false, 1)), { kind: 'ack', caseId: 'Z8KD' });
    acts(understand('现在么里情况', { ...lead, role: 'supervisor', quote: { from: 'bot', caseId: 'X6CU', kind: 'escalation' } }), { kind: 'query', caseId: 'X6CU' });
    acts(understand('反馈 L2WS 上门 钱无转', ownCase('L2WS', true, 52)), { kind: 'report', result: 'dissuaded' });
    acts(understand('S6TY 超时了无', { ...ownCase('S6TY', false, 12), room: 'private' }), { kind: 'query', caseId: 'S6TY' });
  });
  it('reads 劝阻。成功 split by a full stop as 劝阻，成功 is (found by the variants suite once the split grew)', () =>
    acts(understand('反馈。P3NE。当面劝阻。成功', ownCase('P3NE', true, 23)), { kind: 'report', result: 'dissuaded', method: 'visit' }));
});

describe('an id nobody here has, asked about with a question word (train.jsonl t-chatter-193/194, named regression)', () => {
  it('stays quiet on T9KE 怎么样了 and T9KE 后来咋样了, but answers 查 T9KE, P3NE 什么情况 查下, an id one off a case the sender sees, and the bot addressed', () => {
    const none = { ...worker, openCases: [] };
    expect(understand('T9KE 怎么样了', none).kind).toBe('ignore');
    expect(understand('T9KE 后来咋样了', none).kind).toBe('ignore');
    expect(understand('T9KE 什么情况？', none).kind).toBe('ignore');
    expect(understand('查 T9KE', none)).toMatchObject({ kind: 'refuse', reason: 'unknown_case' });
    expect(understand('P3NE 什么情况 查下', lead)).toMatchObject({ kind: 'refuse', reason: 'unknown_case' });
    expect(understand('K7Q3 怎么样了', { ...lead, role: 'supervisor' })).toMatchObject({ kind: 'refuse', reason: 'unknown_case' });
    expect(understand('@网格哨兵 T9KE 怎么样了', { ...none, mention: true })).toMatchObject({ kind: 'refuse', reason: 'unknown_case' });
  });
});

describe('found in train-quiet92–95 and train-mirror141 (named regressions)', () => {
  const alert = (caseId: string, kind: 'escalation' | 'reminder' | 'dispatch' | 'confirmation' = 'escalation') => ({ ...lead, quote: { from: 'bot' as const, caseId, kind } });
  it('takes no 督办 from a remark on a quoted alert: 整栋楼, 把督办两个字放标题上, 它写请督办, 它催一催; 1确认2取消 cancels nothing', () => {
    expect(understand('这小区我当年住过两年 隔壁两口子天天吵架 整栋楼都听得见', alert('X6CU')).kind).toBe('ignore');
    expect(understand('把督办两个字放标题上 下面人看了都紧张 其实没那么严重', alert('K7Q2')).kind).toBe('ignore');
    expect(understand('它写请督办 我差点条件反射回个收到😂 习惯了', alert('K7Q2')).kind).toBe('ignore');
    expect(understand('大家别嫌它烦 它催一催 咱们数据就好看一点', { ...alert('X6CU', 'reminder'), room: 'tasks' }).kind).toBe('ignore');
    expect(understand('1确认2取消 老同志们老记不住 下回培训重点讲讲', alert('K7Q2', 'confirmation')).kind).not.toBe('act');
  });
  it('still takes a clause begun with the command on a quote: 已电话催网格员, 这单我盯着, 这条作废, 该条为重复推送，请予撤销, 李网格在附近 改派给他, 这个我知道 在跟', () => {
    acts(understand('已电话催网格员', alert('X6CU')), { kind: 'supervise', caseId: 'X6CU' });
    acts(understand('这单我盯着', alert('K7Q2', 'dispatch')), { kind: 'supervise', caseId: 'K7Q2' });
    acts(understand('这条作废 跟上一条重复了', alert('K7Q2', 'dispatch')), { kind: 'cancel', caseId: 'K7Q2' });
    acts(understand('该条为重复推送，请予撤销。', alert('K7Q2', 'dispatch')), { kind: 'cancel', caseId: 'K7Q2' });
    acts(understand('李网格在附近 改派给他', alert('X6CU')), { kind: 'reassign', caseId: 'X6CU', to: '李网格' });
    acts(understand('这个我知道 在跟', alert('K7Q2')), { kind: 'supervise', caseId: 'K7Q2' });
  });
  it('asks nothing about a quoted case when the bot is the subject, the room is spoken to, or whoever goes is asked an errand', () => {
    const onDispatch = { ...worker, quote: { from: 'bot' as const, caseId: 'X6CU', kind: 'dispatch' as const } };
    expect(understand('它没写几号门 不过晚上只有北门开 去的同事注意下', onDispatch).kind).toBe('ignore');
    expect(understand('这楼下的包子铺挺好吃 谁去的话帮我带俩', onDispatch).kind).toBe('ignore');
    expect(understand('那个我跟你们说啊这个地址就是以前百货大楼后面那条巷子进去第三家你们去过没有', onDispatch).kind).toBe('ignore');
    acts(understand('这个地址在哪', onDispatch), { kind: 'query', caseId: 'X6CU' });
  });
  it('stays quiet on a word one cannot use (绝绝子这个词), a running order (节目单…第几个), letters of young people (yyds是啥意思)', () => {
    expect(understand('绝绝子这个词我到现在都不会用 老了老了', worker).kind).toBe('ignore');
    expect(understand('节目单出来没 我看看排第几个', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('yyds是啥意思啊 我儿子天天挂嘴边', worker).kind).toBe('ignore');
    acts(understand('督办是啥意思', worker), { kind: 'help' });
  });
  it('reads 说么事都不听 (whatever is said) as a refusal, not a question', () =>
    expect(understand('那个老头倔 劝不动 说么事都不听', { ...ownCase('A4QR', true, 40), room: 'private' })).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'refused' } }));
});

describe('found in train-mirror139/140 (named regressions)', () => {
  it('records 反馈 … 已报警 民警做笔录呢 (someone at something, told, is no question), yet 老人呢 still asks', () => {
    acts(understand('反馈 D3KW 已被骗 损失九万 已报警 民警做笔录呢', ownCase('D3KW', true, 39)), { kind: 'report', result: 'defrauded', lossAmount: 90000, alsoReported: true });
    expect(understand('误报 老爷子给他大孙子买电脑呢', { ...ownCase('J8TE', false, 3), pushIsLatest: true })).toMatchObject({ kind: 'confirm', command: { result: 'false_positive' } });
    expect(understand('D3KW 老人呢', ownCase('D3KW', true, 39)).kind).not.toBe('act');
  });
  it('reads Tianjin 说嘛也不听 (whatever is said) and 介一班 (这一班), never 介绍 or 中介', () => {
    acts(understand('反馈 L2WQ 老爷子倍儿轴 说嘛也不听 劝不动', ownCase('L2WQ', true, 41)), { kind: 'report', result: 'refused' });
    acts(understand('@网格哨兵 介一班处置了多少', { ...lead, role: 'operator', mention: true }), { kind: 'stats' });
    expect(understand('中介一个电话打过来 问房子租不租', worker).kind).toBe('ignore');
  });
  it('counts people reached with 个 (80个患者和家属, 阿公阿婆有38个) in an outreach sentence', () => {
    acts(understand('在社区卫生服务中心候诊区宣传 大约80个患者和家属 装了APP的有21个', volunteer), { kind: 'outreach', people: 80, installs: 21 });
    acts(understand('今天在社区卫生站讲反诈 来的阿公阿婆有38个 装了APP的14个', volunteer), { kind: 'outreach', people: 38, installs: 14 });
  });
});

describe('found reading the remaining replies to chatter in the training split (named regressions)', () => {
  const onDispatch = (caseId: string) => ({ ...worker, openCases: [], quote: { from: 'bot' as const, caseId, kind: 'dispatch' as const } });
  it('asks nothing of a quoted case when the bot is talked about mid-sentence, the message is shown to volunteers, or anything/anyone/whoever is meant', () => {
    expect(understand('哎 这都几点了 机器人也不下班 比我们还拼', onDispatch('X6CU')).kind).toBe('ignore');
    expect(understand('志愿者们看看这条 就是我们平时宣传讲的冒充客服 它写得多清楚', onDispatch('K7Q2')).kind).toBe('ignore');
    expect(understand('这个小区我熟，物业经理姓黄，有啥事可以找他', onDispatch('X6CU')).kind).toBe('ignore');
    expect(understand('这个人我知道 以前在厂里当会计 算账比谁都精', onDispatch('K7Q2')).kind).toBe('ignore');
    expect(understand('K7Q2那家的狗可凶了 谁去的话拿根棍子', ownCase('Q7RT', true, 45)).kind).toBe('ignore');
    acts(understand('这个地址在哪', onDispatch('X6CU')), { kind: 'query', caseId: 'X6CU' });
  });
  it('takes no figures from 各网格的数据…统计好发我 (asked of the grids) or 数据对不上, yet 各网格今天战绩怎么样 is stats', () => {
    const sup = { ...lead, role: 'supervisor' as const };
    expect(understand('各网格的数据周一上午统计好发我 别拖到下午', { ...sup, room: 'tasks' }).kind).toBe('ignore');
    expect(understand('有几个村反馈上来的数据对不上 明天我挨个打电话问', sup).kind).toBe('ignore');
    acts(understand('各网格今天战绩怎么样', sup), { kind: 'stats' });
  });
  it('answers no help to a person called first (林管理 这帮助菜单…), nor 以为出啥事了; 你都听得懂哪些话 is still help', () => {
    expect(understand('林管理 这帮助菜单第三条是不是少了个例子 反馈那里', { ...worker, openCases: [], members: [...ROSTER!, { name: '林管理', role: 'admin' }], quote: { from: 'bot', caseId: 'K7Q2', kind: 'other' } }).kind).toBe('ignore');
    expect(understand('升级单那个红色感叹号太吓人 我妈看我手机以为出啥事了', { ...worker, openCases: [] }).kind).toBe('ignore');
    acts(understand('你都听得懂哪些话', worker), { kind: 'help' });
  });
});

describe('found in train-quiet96–99 and train-mirror143–146 (named regressions)', () => {
  it('takes no colleague\'s case on a visit planned for the New Year (过年我去看看她), and no outcome from city-wide figures right after the push', () => {
    expect(understand('Z3LP 那家老人是我远房亲戚 过年我去看看她', { ...worker, visibleCases: ['Z3LP', 'X6CU'] }).kind).toBe('ignore');
    expect(understand('这个月全市被骗最多的居然是30到40岁的 我还以为是老人', { ...ownCase('Y4NE', false, 1), pushIsLatest: true }).kind).toBe('ignore');
  });
  it('takes the case on 收到 D8QM 这么晚了还被骗子缠着 我去 (the scammer is the one who clings), and 在穿鞋了 马上下去 right after the push', () => {
    acts(understand('收到 D8QM 这么晚了还被骗子缠着 我去', ownCase('D8QM', false, 6)), { kind: 'ack', caseId: 'D8QM' });
    acts(understand('在穿鞋了 马上下去', { ...ownCase('D8QM', false, 1), pushIsLatest: true }), { kind: 'ack', caseId: 'D8QM' });
  });
  it('reads Minnan 阮来去看看, 家属不给见 (refused), 都无回应 (unreachable), and 处置结果发一下 as 查', () => {
    acts(understand('L8TD 阮来去看看', ownCase('L8TD', false, 4)), { kind: 'ack', caseId: 'L8TD' });
    acts(understand('反馈 Y5HB 家属不给见 说厝里的事不用阮管', ownCase('Y5HB', true, 38)), { kind: 'report', result: 'refused' });
    acts(understand('反馈 J7XE 短信发了 电话也打了 都无回应', ownCase('J7XE', true, 50)), { kind: 'report', result: 'unreachable' });
    acts(understand('X6CU处置结果发一下', { ...lead, role: 'operator' }), { kind: 'query', caseId: 'X6CU' });
  });
  it('stays quiet on 老人自己弄不来, 统计完就定, and who is doing the monthly report (哪个在弄)', () => {
    expect(understand('是 APP要用身份证注册 老人自己弄不来', volunteer).kind).toBe('ignore');
    expect(understand('嗯 少数服从多数 统计完就定', lead).kind).toBe('ignore');
    expect(understand('月底的统计报表哪个在弄', lead).kind).toBe('ignore');
  });
});

describe('found in train-quiet102: leads\' announcements naming cases (named regressions)', () => {
  it('takes no 督办, 转派 or outcome from a notice asking for replies, praise given to a colleague, or a result quoted from a report', () => {
    expect(understand('各社区注意 H3WN 昨天超时了 分局点名了 请郑社区督促网格员尽快反馈 收到回复一下', { ...lead, visibleCases: ['H3WN'] }).kind).toBe('ignore');
    expect(understand('通报一下：上周C2MU、F6TQ两起都劝住了，给周网格、陈网格点个赞👍 大家继续保持，收到请回复', { ...lead, role: 'supervisor', room: 'tasks', visibleCases: ['C2MU', 'F6TQ'], members: ROSTER }).kind).toBe('ignore');
    expect(understand('X6CU 家属送了面锦旗到社区 是给周网格的 大家下午有空来合个影😄', { ...lead, role: 'supervisor', visibleCases: ['X6CU'], members: ROSTER }).kind).toBe('ignore');
    expect(understand('V3PX反馈里写的“未接通” 是打了几次啊 下次写清楚 @陈网格', { ...lead, room: 'tasks', visibleCases: ['V3PX'] }).kind).toBe('ignore');
  });
  it('still takes a lead\'s command that asks for a reply (K7Q2 转给陈网格 收到请回复, D6PQ 督办 @周网格 看到回个收到)', () => {
    acts(understand('K7Q2 转给陈网格 收到请回复', { ...lead, members: ROSTER }), { kind: 'reassign', caseId: 'K7Q2', to: '陈网格' });
    acts(understand('D6PQ 督办 @周网格 看到回个收到', { ...lead, room: 'tasks', visibleCases: ['D6PQ', 'X6CU'] }), { kind: 'supervise', caseId: 'D6PQ' });
  });
});

describe('found in train-quiet101–103 and train-mirror147–150 (named regressions)', () => {
  it('counts 工友 and 摊主 reached, and reads the place after 去了 without the 了', () => {
    acts(understand('下班时间在厂门口拉横幅宣传 四十多个工友停下来听 十五个装了APP', volunteer), { kind: 'outreach', people: 40, installs: 15 });
    acts(understand('今天跟社区民警去了工业园宿舍区入户宣传 见了六十八个工友 装APP二十个', volunteer), { kind: 'outreach', place: '工业园宿舍区', people: 68, installs: 20 });
  });
  it('stays quiet on choosing the month\'s best volunteers (评几个优秀)', () =>
    expect(understand('志愿者队这个月表现不错 月底评几个优秀', lead).kind).toBe('ignore'));
});

describe('found in train-quiet104–107 (named regressions)', () => {
  it('hands nothing over when a screenshot is forwarded (原始截图我转给钱警官了), yet X6CU 转给钱警官 still does', () => {
    const operator = { ...lead, role: 'operator' as const, members: [...ROSTER!, { name: '钱警官', role: 'supervisor' as const }] };
    expect(understand('@陈网格 X6CU 那个预警的原始截图我转给钱警官了 你不用管', operator).kind).toBe('ignore');
    acts(understand('X6CU 转给钱警官', operator), { kind: 'reassign', caseId: 'X6CU', to: '钱警官' });
  });
  it('stays quiet on masks running out (口罩还有没有 我这就剩两盒了) and a quota forgotten (任务指标是几场来着)', () => {
    expect(understand('口罩还有没有 我这就剩两盒了', { ...worker, openCases: [] }).kind).toBe('ignore');
    expect(understand('这个月宣传任务指标是几场来着 我给忘了', worker).kind).toBe('ignore');
  });
});

describe('found in train-quiet106 and train-mirror151–154 (named regressions)', () => {
  it('takes no 督办 from 我跟周网格在现场 (with a colleague), and no second acknowledgement from news on a case already taken', () => {
    expect(understand('K7Q2 我跟周网格在现场 老人还在犹豫', { ...lead, visibleCases: ['K7Q2', 'X6CU'] }).kind).toBe('ignore');
    acts(understand('K7Q2 我跟进', { ...lead, visibleCases: ['K7Q2', 'X6CU'] }), { kind: 'supervise', caseId: 'K7Q2' });
    expect(understand('N7YC 我还在地铁上 信号不好 消息收到得慢 有事打电话哈', ownCase('N7YC', true, 5)).kind).toBe('ignore');
    expect(understand('L2WK 嗯 在聊 老人慢慢松口了 再坚持一下', ownCase('L2WK', true, 41)).kind).toBe('ignore');
  });
  it('hears progress news, not 查, when a look word sits inside it (W5RA 我和老人在银行门口 他说要先看看余额), but answers 我那个L5WP 详情再看下', () => {
    expect(understand('W5RA 我和老人在银行门口 他说要先看看余额 我跟着', ownCase('W5RA', true, 20)).kind).toBe('ignore');
    acts(understand('我那个L5WP 详情再看下', ownCase('L5WP', true, 20)), { kind: 'query', caseId: 'L5WP' });
    acts(understand('请发送T9KE的详细信息。', ownCase('T9KE', true, 20)), { kind: 'query', caseId: 'T9KE' });
  });
  it('counts a head count with 个 and nobody named (来办业务的有四十来个), and reads 下村, 差一丁点儿, 被我拦在, 叫骗子弄走, 教下我', () => {
    acts(understand('今天在农商银行门口宣传 来办业务的有四十来个 装APP十二个', volunteer), { kind: 'outreach', people: 40, installs: 12 });
    acts(understand('V2FD 我这就下村', ownCase('V2FD', false, 6)), { kind: 'ack', caseId: 'V2FD' });
    acts(understand('反馈 U6SM 差一丁点儿就转了 给拦住了', ownCase('U6SM', true, 18)), { kind: 'report', result: 'dissuaded' });
    acts(understand('反馈 U6SM 老太太本来要取八万现金 被我拦在银行门口了 一分没取', ownCase('U6SM', true, 20)), { kind: 'report', result: 'dissuaded' });
    expect(understand('反馈 R7GB 没劝住 钱已经叫骗子弄走了', ownCase('R7GB', true, 22))).toMatchObject({ command: { result: 'defrauded' } });
    acts(understand('不懂用 教下我', { ...worker, room: 'private' }), { kind: 'help' });
  });
});

describe('found in train-quiet109 (named regressions)', () => {
  it('stays quiet on figures read out (统计出来…占了六成多) and examples added to a lecture (加了几个校园贷的案例)', () => {
    expect(understand('这个月统计出来 咱们片学生租户占了六成多', { ...lead, role: 'supervisor' }).kind).toBe('ignore');
    expect(understand('讲座PPT我改了一版 加了几个校园贷的案例进去', volunteer).kind).toBe('ignore');
    acts(understand('我还有几个没处理', worker), { kind: 'mine' });
  });
});

describe('found in train-quiet108 (named regression)', () => {
  it('takes no 督办 from 我跟技术反馈了 (told to the technicians)', () =>
    expect(understand('Z2HF 推送的时候地址被截断了 我跟技术反馈了', { ...lead, role: 'operator', visibleCases: ['Z2HF'] }).kind).not.toBe('act'));
});

describe('found in train-quiet110 and train-mirror155–158 (named regressions)', () => {
  it('asks about a sum past belief even in someone else\'s words (老人说转了99亿), never records it', () =>
    expect(understand('反馈 J6PN 被骗 老人说转了99亿', ownCase('J6PN', true, 27)).kind).toBe('confirm'));
  it('takes the case on 收到了 我带上工作证就去 right after the push, but not 收到 工作证明天带来', () => {
    const pushed = { ...ownCase('K9WF', false, 1), pushIsLatest: true };
    acts(understand('收到了 我带上工作证就去', pushed), { kind: 'ack', caseId: 'K9WF' });
    expect(understand('收到 工作证明天带来', pushed).kind).toBe('ignore');
  });
  it('stays quiet on grain receipts (卖粮的单子) and on figures asked of each village (今天各村统计的…发我)', () => {
    expect(understand('问一下 卖粮的单子要不要留着 俺家的找不着了', worker).kind).toBe('ignore');
    expect(understand('今天各村统计的留守老人数发我 我汇总报所里', { ...lead, room: 'tasks' }).kind).toBe('ignore');
    acts(understand('今天处置了几单 俺要报街道', lead), { kind: 'stats' });
  });
});

describe('found in train-quiet112 (named regression)', () => {
  it('hears no call for help in a complaint about the outreach brochure (宣传手册上的字太小了); 宣传格式是什么 still is one', () => {
    expect(understand('宣传手册上的字太小了 下回能不能印大点', volunteer).kind).toBe('ignore');
    acts(understand('宣传格式是什么', volunteer), { kind: 'help' });
  });
});

describe('found in train-quiet114 (named regression)', () => {
  it('stays quiet on eggs given away running out and on data exported for a colleague', () => {
    expect(understand('扫码送鸡蛋的鸡蛋还剩多少啊 我这边排着队呢', volunteer).kind).toBe('ignore');
    expect(understand('后台数据我晚上导出来发给冯中心', { ...lead, role: 'operator' }).kind).toBe('ignore');
  });
});

describe('found using the sandbox before stopping (named regression)', () => {
  it('keeps no dangling 有 in the remark of an outreach sentence (备注：来的阿公阿婆有)', () =>
    acts(understand('今天在社区卫生站讲反诈 来的阿公阿婆有38个 装了APP的14个', volunteer), { kind: 'outreach', people: 38, installs: 14, note: '来的阿公阿婆' }));
});

describe('found by reading progress notes on a taken case, 2026-11-30 (named regressions)', () => {
  const quiet = (text: string) => expect(understand(text, ownCase('K4TB', true, 20)).kind, text).toBe('ignore');
  it('records no loss from a balance or cash held (卡里就几百块, 包里揣着一万块), nor from a purchase asked for (骗子要他买两万的购物卡)', () => {
    quiet('K4TB 老人说卡里就几百块');
    quiet('K4TB 老人包里揣着一万块 说要去银行');
    quiet('K4TB 骗子要他买两万的购物卡 还没买');
  });
  it('records no success from money not moved "for now" or while still checking (银行那边暂时没转, 没转钱 我再核实一下, 应该没转 但是还得看流水)', () => {
    quiet('K4TB 银行那边暂时没转');
    quiet('K4TB 老人说没转钱 我再核实一下');
    quiet('K4TB 应该没转 但是还得看流水');
    quiet('K4TB 看样子能劝住');
    quiet('K4TB 老人说明天再转 今天不转了');
  });
  it('records no failed contact while the victim is on the line or the worker goes over (占线 估计在跟骗子通话, 打不通 直接过去了)', () => {
    quiet('K4TB 老人手机一直占线 估计在跟骗子通话');
    quiet('K4TB 打不通 直接过去了');
    quiet('K4TB 老人的电话被骗子占着 我用座机打');
    quiet('K4TB 号码是空号？我核对一下');
  });
  it('records no loss from 被骗怕了 (afraid after being cheated before), or a loss whose sum is still being asked', () => {
    quiet('K4TB 老人说他被骗怕了');
    quiet('K4TB 老人说只转了个手续费 具体多少还在问');
  });
  it('still records what was said: 卡里就剩几百块 被骗走八万, 打不通 上门也没人, 反馈 K4TB 劝住了 暂时没转', () => {
    expect(understand('K4TB 卡里就剩几百块了 被骗走八万', ownCase('K4TB', true, 20)).kind).toBe('confirm');
    expect(understand('K4TB 打不通 上门也没人', ownCase('K4TB', true, 20)).kind).not.toBe('ignore');
    acts(understand('反馈 K4TB 劝住了 钱没转', ownCase('K4TB', true, 20)), { kind: 'report', caseId: 'K4TB', result: 'dissuaded' });
  });
});

describe('found in train-notes1 (named regressions)', () => {
  it('reads no loss from a sum named in a progress note (骗子要两万 还在犹豫呢, 两万现金放菜篮子里), but still asks about 骗了三千块 and 让人忽悠走三千块', () => {
    expect(understand('B3KM 骗子要两万 还在犹豫呢', ownCase('B3KM', true, 20)).kind).toBe('ignore');
    expect(understand('A2PD 两万现金放菜篮子里 😂 我跟着她', ownCase('A2PD', true, 20)).kind).toBe('ignore');
    expect(understand('G5AT 骗了三千块', ownCase('G5AT', true, 30))).toMatchObject({ kind: 'confirm', command: { result: 'defrauded', lossAmount: 3000 } });
    expect(understand('P8HY 大姨让人忽悠走三千块', ownCase('P8HY', true, 30))).toMatchObject({ kind: 'confirm', command: { result: 'defrauded', lossAmount: 3000 } });
    expect(understand('反馈 G5AT 三千', ownCase('G5AT', true, 30))).toMatchObject({ command: { result: 'defrauded', lossAmount: 3000 } });
  });
  it('takes no case on 赶紧下来挪 said to a colleague named with @ right after the push', () =>
    expect(understand('@刘网格 你车挡我车库门了 赶紧下来挪', { ...ownCase('L8CE', false, 1), pushIsLatest: true }).kind).toBe('ignore'));
});

describe('found in train-notes3–8 (named regressions)', () => {
  const taken = (id: string) => ownCase(id, true, 25);
  it('asks nothing with a question word inside a long note on a taken case (记不清转没转 等儿子来查账, 说没转没转 手在抖, 在查那回都干了啥)', () => {
    expect(understand('F9MT 老人有点糊涂 好像记不清转没转 等儿子来查账', taken('F9MT')).kind).toBe('ignore');
    expect(understand('U6BP 老人一直说没转没转 手在抖', taken('U6BP')).kind).toBe('ignore');
    expect(understand('L6MD 安心付是个屏幕共享 她用过一回 在查那回都干了啥', taken('L6MD')).kind).toBe('ignore');
    expect(understand('M3VQ 查到一个远控在后台开着 关了 还剩两个可疑的', taken('M3VQ')).kind).toBe('ignore');
  });
  it('still answers a question asked first and then explained, or asked last (这单具体啥情况 第一次接不太懂, 地址是哪来着 雪太大…)', () => {
    acts(understand('E4KW 这单具体啥情况 第一次接不太懂', taken('E4KW')), { kind: 'query', caseId: 'E4KW' });
    acts(understand('Z3PE 地址是哪来着 雪太大楼号都看不清', taken('Z3PE')), { kind: 'query', caseId: 'Z3PE' });
    acts(understand('R3JF 我下午一直在忙别的 超时了吗', taken('R3JF')), { kind: 'query', caseId: 'R3JF' });
  });
});

describe('found in train-notes2 (named regressions)', () => {
  const taken = (id: string) => ownCase(id, true, 25);
  it('records no failed contact when the worker tries another way (关机 骑车过去, 欠费停机了 在找他家里人, 空号 在跟他女儿要新号, 先让他关机)', () => {
    expect(understand('N5WK 关机 关机 还是关机 算了我骑车过去', taken('N5WK')).kind).toBe('ignore');
    expect(understand('J8LP 他号码欠费停机了 在找他家里人', taken('J8LP')).kind).toBe('ignore');
    expect(understand('N2GD 号码打不通 是空号 在跟他女儿要新号', taken('N2GD')).kind).toBe('ignore');
    expect(understand('M7RF 没人接 给他发微信了 还没回', taken('M7RF')).kind).toBe('ignore');
    expect(understand('关于Z3JS 老人手机被远程控制了 先让他关机', taken('Z3JS')).kind).toBe('ignore');
  });
  it('still asks about a contact that failed and stays failed (电话一直打不通, 我打了三次都没人接, 打不通 上门也没人 我晚点再去)', () => {
    expect(understand('Z3KD 电话一直打不通', taken('Z3KD'))).toMatchObject({ kind: 'confirm', command: { result: 'unreachable' } });
    expect(understand('Z3KD 我打了三次都没人接', taken('Z3KD'))).toMatchObject({ kind: 'confirm', command: { result: 'unreachable' } });
  });
});

describe('found in train-notes1, 4 and 8 (named regressions)', () => {
  const taken = (id: string) => ownCase(id, true, 25);
  it('records no success from money not yet gone while the work goes on (两万还在菜篮子里 我跟着, 他说没转 只下了个会议软件 我盯着)', () => {
    expect(understand('A2PD 两万还在菜篮子里 我跟着 😅', taken('A2PD')).kind).toBe('ignore');
    expect(understand('R5XG 他说没转 只下了个会议软件 我盯着别让他共享屏幕', taken('R5XG')).kind).toBe('ignore');
    expect(understand('F3MK 八成能劝下来 老人挺听她闺女的 等她闺女过来', taken('F3MK')).kind).toBe('ignore');
  });
  it('records no refusal met by more work, nor a call the scammer or the worker ended (把门关了 我在外面喊着, 骗子挂了又打, 我直接挂了)', () => {
    expect(understand('G9WM 老人说不用我们管 把门关了 我在外面喊着', taken('G9WM')).kind).toBe('ignore');
    expect(understand('D7HX 他爸说孩子自己的钱自己管 不让进门 在楼道聊', taken('D7HX')).kind).toBe('ignore');
    expect(understand('Y9HK 京东那个又换了个号打来 我直接挂了', taken('Y9HK')).kind).toBe('ignore');
  });
  it('still asks about what was settled: 刚视频聊完 老人答应不转了, 隔着门说不用我们管 劝不动, 误报 他在给女儿交学费', () => {
    expect(understand('刚视频聊完 C2MU 老人答应不转了', taken('C2MU'))).toMatchObject({ kind: 'confirm', command: { result: 'dissuaded' } });
    expect(understand('L6TB 上门了 老人隔着门说不用我们管 劝不动', taken('L6TB'))).toMatchObject({ kind: 'confirm', command: { result: 'refused' } });
    expect(understand('T8GV 误报 他在给女儿交学费', taken('T8GV'))).toMatchObject({ kind: 'confirm', command: { result: 'false_positive' } });
  });
});

describe('found in train-notes1–7, losses (named regressions)', () => {
  const taken = (id: string) => ownCase(id, true, 25);
  it('reads a call, a walk and the scammer\'s demands as no loss (楼长打过去了 等回话, 小区里转了一圈, 被骗子要求关机, 三万八那笔 老人还坚持要转, 一万还没充)', () => {
    expect(understand('L2VM 儿子那边我让楼长打过去了 等回话', taken('L2VM')).kind).toBe('ignore');
    expect(understand('小区里转了一圈 P8HC说的那个单元找不到 再问问物业', taken('P8HC')).kind).toBe('ignore');
    expect(understand('H5KT 打给他儿子 儿子说他爸手机被骗子要求关机了 我们一起去他家', taken('H5KT')).kind).toBe('ignore');
    // (坚持要转 and 还不肯 may still be asked as a refusal; never as a loss.)
    expect(understand('J7AS 三万八那笔 老人还坚持要转', taken('J7AS'))).not.toMatchObject({ command: { result: 'defrauded' } });
    expect(understand('一万还没充 让他退群还不肯 S2BN', taken('S2BN'))).not.toMatchObject({ command: { result: 'defrauded' } });
  });
  it('records no loss only guessed while it is checked (看样子钱是转出去了 还在核实, 说不定已经转了一笔 等银行回话)', () => {
    expect(understand('A6FK 看样子钱是转出去了 但金额对不上 还在核实', taken('A6FK')).kind).toBe('ignore');
    expect(understand('这单R9GF说不定已经转了一笔 等银行回话', taken('R9GF')).kind).toBe('ignore');
  });
  it('still asks about money sent: 两万已经打过去了, 钱转出去了', () => {
    expect(understand('L2VM 两万已经打过去了', taken('L2VM'))).toMatchObject({ kind: 'confirm', command: { result: 'defrauded', lossAmount: 20000 } });
    expect(understand('L2VM 钱转出去了', taken('L2VM'))).toMatchObject({ kind: 'confirm', command: { result: 'defrauded' } });
  });
});

describe('found in train-notes4 (named regression)', () => {
  it('records no outcome from the victim\'s own word while it is checked (老太太说不是被骗 是买保险 在看合同), but 报警了 民警说马上到 still is one', () => {
    expect(understand('R9KW 他说是正规贷款 不是诈骗 要先交手续费 在讲', ownCase('R9KW', true, 25)).kind).toBe('ignore');
    expect(understand('G2WL 老太太说不是被骗 是买保险 在看合同', ownCase('G2WL', true, 25)).kind).toBe('ignore');
    expect(understand('报警了 民警说马上到', { ...ownCase('E4XB', true, 28), quote: { from: 'bot', caseId: 'E4XB', kind: 'reminder' } })).toMatchObject({ kind: 'confirm', command: { result: 'reported' } });
  });
});

describe('found by the variants suite once train-notes joined the split (named regression)', () => {
  it('reads 人不算多。六十来个。 as a head count when the sentence is cut by full stops', () =>
    acts(understand('下午在风雨桥头摆摊宣传。人不算多。六十来个。装了APP十四个', volunteer), { kind: 'outreach', people: 60, installs: 14, note: '人不算多' }));
  it('keeps no 来人 in the remark of 人不算多，六十来个 (found using the sandbox as a volunteer)', () =>
    acts(understand('今天在菜市场门口宣传 人不算多，六十来个，装了APP十四个', volunteer), { kind: 'outreach', people: 60, installs: 14, note: '人不算多' }));
});

describe('found in train-notes9–16 (named regressions)', () => {
  const taken = (id: string) => ownCase(id, true, 25);
  it('records no refusal or success not settled yet (老爷子还不开门, 有点听进去了 还得再说说, 想通了 但还在犹豫, 同佢讲紧, 不肯走 我陪她坐着聊)', () => {
    expect(understand('K4TB 累死了 爬了七楼 老爷子还不开门', taken('K4TB')).kind).toBe('ignore');
    expect(understand('G5YD 老头儿有点听进去了 还得再说说', taken('G5YD')).kind).toBe('ignore');
    expect(understand('L7CA 阿姨说她想通了 但我看她还在犹豫 明天再来看看', taken('L7CA')).kind).toBe('ignore');
    expect(understand('H6JD 阿叔唔肯开门 隔住道门同佢讲紧', taken('H6JD')).kind).toBe('ignore');
    expect(understand('W2PL 银行那边说排队要一个小时 老人不肯走 我陪她坐着聊', taken('W2PL')).kind).toBe('ignore');
  });
  it('still asks when the refusal is the end of it (老人还是不开门 我先回了)', () =>
    expect(understand('K4TB 敲了半天 老人还是不开门 我先回了', taken('K4TB'))).toMatchObject({ kind: 'confirm' }));
});

describe('found in train-notes17–18 (named regressions)', () => {
  const taken = (id: string) => ownCase(id, true, 25);
  it('records no success only hoped for or half done (差不多能劝住, 说通了大半 剩个尾巴, 钱暂时保住了 但还要盯, 有点听进去了)', () => {
    expect(understand('L3RW 差不多能劝住 等他老伴回来一起说', taken('L3RW')).kind).toBe('ignore');
    expect(understand('C2HV 说通了大半，，剩个尾巴', taken('C2HV')).kind).toBe('ignore');
    expect(understand('S8LB 钱暂时保住了 但还要盯 这老人之前就上过一回当', taken('S8LB')).kind).toBe('ignore');
    expect(understand('U4LK 我跟他讲了半个钟 有点听进去了', taken('U4LK')).kind).toBe('ignore');
  });
  it('still asks about a success averted by a hair (差一点就转了 被我拦在银行门口了) and reads 没能劝住 as failed', () => {
    expect(understand('FD2N 差一点就转了 被我拦在银行门口了', taken('FD2N'))).toMatchObject({ kind: 'confirm', command: { result: 'dissuaded' } });
    expect(understand('反馈 FD2N 没能劝住 转了两万', taken('FD2N'))).toMatchObject({ command: { result: 'defrauded', lossAmount: 20000 } });
  });
});

describe('found in train-notes19 (named regression)', () => {
  const leadSees = (id: string): UnderstandContext => ({ ...lead, visibleCases: [id] });
  it('takes no 督办 from someone else watching or pressing (网格员在旁边盯着, 网格员得抓紧, 老人就盯着手机, 对方催他转钱)', () => {
    expect(understand('H8NF银行说他要换张卡再转 网格员在旁边盯着', leadSees('H8NF')).kind).toBe('ignore');
    expect(understand('G7PS 银行那边说最多能拖到下午三点 网格员得抓紧', { ...leadSees('G7PS'), role: 'supervisor' }).kind).toBe('ignore');
    expect(understand('A4TW 网格员到了半小时了 老人一句话不说 就盯着手机', leadSees('A4TW')).kind).toBe('ignore');
    expect(understand('X9AR 老人把手机给网格员看了 聊天记录里全是对方催他转钱的', leadSees('X9AR')).kind).toBe('ignore');
  });
  it('still takes 督办 from the sender (K7Q2 我盯着, K7Q2 抓紧)', () => {
    acts(understand('K7Q2 我盯着', lead), { kind: 'supervise', caseId: 'K7Q2' });
    acts(understand('K7Q2 抓紧', lead), { kind: 'supervise', caseId: 'K7Q2' });
  });
});

describe('found in train-notes20 (named regressions)', () => {
  const sees = (id: string): UnderstandContext => ({ ...worker, openCases: [], visibleCases: [id] });
  it('takes no colleague\'s case from news or a hand offered (他儿子电话我打了 在路上了, 我下楼帮你看着, 王主任在路上了)', () => {
    expect(understand('V9DK 他儿子电话我打了 在路上了 说半小时能到', sees('V9DK')).kind).toBe('ignore');
    expect(understand('Z5CM 我就在这小区住 不行我下楼帮你看着', sees('Z5CM')).kind).toBe('ignore');
    expect(understand('V7AM 王主任在路上了 十来分钟到', sees('V7AM')).kind).toBe('ignore');
  });
  it('tells a worker nothing about 督办 when they only keep an eye (我在工行门口盯着呢, 这次得盯紧点); 收到 X6CU 我来督办 is still refused', () => {
    expect(understand('E6NS 我在工行门口盯着呢 人还没来', sees('E6NS')).kind).toBe('ignore');
    expect(understand('U9BN 这个老太太前年就让人骗过一回 这次得盯紧点', sees('U9BN')).kind).toBe('ignore');
    expect(understand('那个X6CU我来督办一下', { ...worker, openCases: [{ id: 'Q7RT', level: 'urgent', acknowledged: true, pushedMinutesAgo: 20 }] })).toMatchObject({ kind: 'refuse', reason: 'not_allowed' });
  });
});

describe('found in train-notes21–22 (named regression)', () => {
  it('records no success from a hold or half a persuasion (说通了一半, 先按住了, 我按住了 正劝), with or without the id', () => {
    expect(understand('还在劝 刚才说通了一半', { ...ownCase('C2KV', true, 25), quote: { from: 'bot', caseId: 'C2KV', kind: 'reminder' } }).kind).toBe('ignore');
    expect(understand('L2WC对方要五百工本费 我先按住了', ownCase('L2WC', true, 25)).kind).toBe('ignore');
    expect(understand('W2DA 手机上点到最后一步了 我按住了 正劝', ownCase('W2DA', true, 25)).kind).toBe('ignore');
  });
});

describe('found probing quoted alerts (named regression)', () => {
  const onAlert = (kind: 'escalation' | 'reminder'): UnderstandContext => ({ ...lead, quote: { from: 'bot', caseId: 'X6CU', kind } });
  it('takes no 督办 from a lead who has only been there before (这个我去过, 我来过这家, 我看过了)', () => {
    for (const kind of ['escalation', 'reminder'] as const) {
      expect(understand('这个我去过', onAlert(kind)).kind).toBe('ignore');
      expect(understand('我来过这家', onAlert(kind)).kind).toBe('ignore');
      expect(understand('我看过了', onAlert(kind)).kind).toBe('ignore');
    }
  });
  it('still takes 督办 from 我来, 我来过问 and 我去看看 on an alert', () => {
    acts(understand('我来', onAlert('escalation')), { kind: 'supervise', caseId: 'X6CU' });
    acts(understand('我来过问一下', onAlert('escalation')), { kind: 'supervise', caseId: 'X6CU' });
    acts(understand('我去看看', onAlert('escalation')), { kind: 'supervise', caseId: 'X6CU' });
  });
});

describe('found probing chatter right after the push (named regressions)', () => {
  const pushed: UnderstandContext = { ...ownCase('Q7RT', false, 1), pushIsLatest: true };
  it('reads no outcome from news, rules or tallies said right after the push', () => {
    for (const text of [
      '【反诈快讯】某地老人被冒充公检法骗走120万，警方提醒：公检法不会电话办案',
      '转：刷单返利就是诈骗！已有多人被骗，最高损失50万',
      '今日说法讲了个冒充客服的案子 一个阿姨被骗五万多',
      '误报的也要认真核实 不能想当然',
      '拒绝配合的要多去几次 带上民警',
      '已报警的案子派出所会跟进 网格员做好回访',
      '劝阻成功率这个月要提上去',
      '上个月我们社区劝阻成功23起 表扬一下大家',
    ]) expect(understand(text, pushed).kind, text).toBe('ignore');
  });
  it('takes no case from a lone 在 split off by a model number (在N95口罩那个箱子里) or from 上门劝阻的时候注意安全', () => {
    expect(understand('在N95口罩那个箱子里', pushed).kind).toBe('ignore');
    expect(understand('上门劝阻的时候注意安全 两人同行', pushed).kind).toBe('ignore');
  });
  it('still takes the case from 马上, 来啦 and 收到 这就去, and reads 劝住了 as an outcome to confirm', () => {
    acts(understand('马上', pushed), { kind: 'ack', caseId: 'Q7RT' });
    acts(understand('来啦', pushed), { kind: 'ack', caseId: 'Q7RT' });
    acts(understand('收到 这就去', pushed), { kind: 'ack', caseId: 'Q7RT' });
    expect(understand('劝住了', { ...pushed, openCases: [{ id: 'Q7RT', level: 'urgent', acknowledged: true, pushedMinutesAgo: 2 }] })).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'dissuaded' } });
  });
  it('still answers 反馈一下 with a tally as chatter, not a report missing its result', () => {
    expect(understand('反馈一下 本周共上门走访42户 劝阻成功5起', { ...worker, role: 'lead', room: 'supervision', openCases: [] }).kind).toBe('ignore');
  });
});

describe('found probing progress notes on the sender\'s own case (named regressions)', () => {
  const own = ownCase('K3TB', true, 20);
  it('corrects nothing on a case still open: K3TB 应该是误报 等家属回来 is a guess, K3TB 应该是误报 a report to confirm', () => {
    expect(understand('K3TB 应该是误报 等家属回来', own).kind).toBe('ignore');
    expect(understand('K3TB 应该是误报', own)).toMatchObject({ kind: 'confirm', command: { kind: 'report', caseId: 'K3TB', result: 'false_positive' } });
    acts(understand('X6CU 应该是误报', worker), { kind: 'correct', caseId: 'X6CU', result: 'false_positive' });
  });
  it('records nothing from the victim\'s word being checked (老人说没转钱 我再看看他手机, 老人说转了两千 我在核实) or a persuasion still watched (基本劝住了 再观察一下)', () => {
    expect(understand('K3TB 老人说没转钱 我再看看他手机', own).kind).toBe('ignore');
    expect(understand('K3TB 老人说转了两千 我在核实', own).kind).toBe('ignore');
    expect(understand('K3TB 基本劝住了 再观察一下', own).kind).toBe('ignore');
  });
});

describe('found probing remarks on a colleague\'s case (named regressions)', () => {
  it('takes a hand offered to the room (X6CU 那个小区我熟 要不要我带路) for no question to the bot; X6CU 陈网格去了吗 still asks', () => {
    expect(understand('X6CU 那个小区我熟 要不要我带路', worker).kind).toBe('ignore');
    expect(understand('K7Q2 用不用我搭把手', worker).kind).toBe('ignore');
    acts(understand('X6CU 陈网格去了吗', worker), { kind: 'query', caseId: 'X6CU' });
  });
  it('reads praise of a report (X6CU 反馈写得挺清楚) as no report missing its result', () => {
    expect(understand('X6CU 反馈写得挺清楚', { ...worker, role: 'lead', room: 'supervision', openCases: [] }).kind).toBe('ignore');
  });
});

describe('found in train-alerts1 (named regressions)', () => {
  const onAlert = (role: 'lead' | 'supervisor' | 'operator', kind: 'escalation' | 'reminder' = 'escalation'): UnderstandContext => ({ ...worker, role, room: kind === 'reminder' ? 'tasks' : 'supervision', openCases: [], visibleCases: ['P2VX', 'X6CU'], quote: { from: 'bot', caseId: 'P2VX', kind } });
  it('takes no 督办 from what the lead knows or remarks (这家我去年去过, 这个名字我看着像…, 督办单太多了, 收到大家的意见, 收到预警的同志请…, 那就不用我了)', () => {
    for (const text of ['这家我去年去过 老太太一个人住 儿子在深圳', '这个名字我看着像我们楼长他妈', '督办单太多了 一天十几条 真顶不住', '收到 看到李网格已经接了 那就不用我了']) expect(understand(text, onAlert('lead')).kind, text).toBe('ignore');
    expect(understand('收到大家的意见 升级频率下周调整', onAlert('operator')).kind).toBe('ignore');
    expect(understand('收到预警的同志请第一时间联系当事人', onAlert('supervisor')).kind).toBe('ignore');
  });
  it('takes 督办, not a hand-over, from a lead who calls the worker (我这就打电话给小李, 让小李先打电话稳住老人)', () => {
    acts(understand('收到收到，我这就打电话给小李', onAlert('lead')), { kind: 'supervise', caseId: 'P2VX' });
    acts(understand('收到 我马上去现场 让小李先打电话稳住老人', onAlert('supervisor')), { kind: 'supervise', caseId: 'P2VX' });
  });
  it('takes 督办 when the lead will go or find out (我现在就去他家看看, 我来问问小李啥情况); on a reminder only when taking it over (收到 小李那边我来催, not 好的 我问问网格员)', () => {
    acts(understand('好的好的 我现在就去他家看看', onAlert('lead')), { kind: 'supervise', caseId: 'P2VX' });
    acts(understand('好 我来问问小李啥情况', onAlert('lead')), { kind: 'supervise', caseId: 'P2VX' });
    acts(understand('收到 我马上给李网格打电话', onAlert('lead')), { kind: 'supervise', caseId: 'P2VX' });
    acts(understand('收到 我再打一遍小李电话', onAlert('lead')), { kind: 'supervise', caseId: 'P2VX' });
    acts(understand('收到 小李那边我来催', onAlert('lead', 'reminder')), { kind: 'supervise', caseId: 'P2VX' });
    expect(understand('好的 我问问网格员', onAlert('lead', 'reminder')).kind).toBe('ignore');
    expect(understand('收到', onAlert('lead', 'reminder')).kind).toBe('ignore');
  });
  it('asks before recording 督办 from 抓紧抓紧 alone on an alert (the worker pressed, nothing taken on)', () => {
    expect(understand('抓紧抓紧', onAlert('supervisor'))).toMatchObject({ kind: 'confirm', command: { kind: 'supervise', caseId: 'P2VX' } });
    acts(understand('抓紧 我盯着', onAlert('supervisor')), { kind: 'supervise', caseId: 'P2VX' });
  });
  it('records no report a lead relays while the worker is to give it (李网格电话里说劝住了 等他自己反馈), and reads 转派后没更新 as no hand-over', () => {
    expect(understand('李网格电话里说劝住了 等他自己反馈', onAlert('lead')).kind).toBe('ignore');
    expect(understand('这条升级显示的还是原网格员，转派后没更新，已报给技术了', onAlert('operator')).kind).toBe('ignore');
  });
});

describe('found in train-push1 and train-push2 (named regressions)', () => {
  const pushed: UnderstandContext = { ...ownCase('B9KC', false, 1), pushIsLatest: true };
  it('reads no outcome from forwarded news, bulletins, tallies or family stories right after the push', () => {
    for (const text of [
      '本月劝阻成功12起 误报5起 被骗1起 损失3000',
      '【区反诈中心】本周全区接报电诈警情47起，劝阻成功31起，群众损失共计86万元',
      '看到个新闻 外地一个大学生游戏账号交易被骗了4700 家长都气坏了',
      '转发 派出所通报：我所民警联合社区网格员成功劝阻一名被“杀猪盘”诈骗的女子，挽回损失8万元',
      '我们组这月被骗的有两起 一起8000一起2万 都已报警',
      '我侄子在城里被网贷骗了 欠了好几万 愁死了',
      '今天到现在已经第五单了 上午三单都是误报',
    ]) expect(understand(text, pushed).kind, text).toBe('ignore');
  });
  it('takes no case from a tally, a range, advice or words to family (这周我接了9单…, 30到40岁的, 出门多穿点, 妈我晚上回来吃饭, 好的二嫂, 你们先吃不用等我)', () => {
    for (const text of ['这周我接了9单 7单劝住了 2单误报', '这个月全市被骗最多的居然是30到40岁的 我还以为是老人', '明天降温 出门多穿点', '晓得了晓得了 妈我晚上回来吃饭', '好的二嫂 鸡蛋我给你留着了 明天来拿', '知道了知道了 你们先吃不用等我']) expect(understand(text, pushed).kind, text).toBe('ignore');
  });
  it('still takes the case from 收到 等我两分钟, 收到 在吃饭 吃完就去 and 我接了, and still confirms 打了三个都没人接 and 他说不是诈骗 是给女子转的钱', () => {
    for (const text of ['收到 等我两分钟', '收到 在吃饭 吃完就去', '我接了']) acts(understand(text, pushed), { kind: 'ack', caseId: 'B9KC' });
    const taken: UnderstandContext = { ...pushed, openCases: [{ id: 'B9KC', level: 'high', acknowledged: true, pushedMinutesAgo: 2 }] };
    expect(understand('打了三个都没人接', taken)).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'unreachable' } });
    expect(understand('他说不是诈骗 是给女子转的钱', taken)).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'false_positive' } });
  });
});

describe('found in train-relay1 (named regressions)', () => {
  const own = ownCase('K9MS', true, 20);
  it('records nothing from someone else\'s word on the outcome while the sender is still at it', () => {
    for (const text of [
      'K9MS 他儿子说转了3000 我在核实',
      'K9MS 银行那边说老人已经报警了 人现在在派出所 我过去看看情况',
      'K9MS 楼长说老太太钱没转 就是吓着了 我还在爬楼 见了面再说',
      'K9MS 银行柜员说老人的三千已经转出去了 我在网点跟老人了解情况',
      'K9MS 阿伯讲钱冇转 我再睇下佢部手机先',
    ]) expect(understand(text, own).kind, text).toBe('ignore');
  });
  it('still confirms the outcome told in the sender\'s own voice, or someone\'s word with nothing more to do', () => {
    expect(understand('K9MS 劝住了 钱没转', own)).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'dissuaded' } });
    expect(understand('K9MS 他说不是诈骗 是给女儿转的', own)).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'false_positive' } });
  });
});

describe('found in train-notes23 (named regressions)', () => {
  const own = (id: string) => ownCase(id, true, 30);
  it('records nothing from work still going on with an outcome word in it', () => {
    for (const [id, text] of [
      ['P3XU', 'P3XU 视频打过去没接，改打电话'],
      ['L7JC', 'L7JC 对方刚又打过来 我接的 给挂了 老人有点慌 在安慰'],
      ['J5LW', 'J5LW家里电脑被骗子远程了 刚让老人拔了网线 接着处理'],
      ['L2HS', 'L2HS 找不着人 手机关机 家里也没人 让物业调监控了'],
      ['Y7NQ', 'Y7NQ 银行那边止付了 老人还不乐意 还在做工作'],
      ['Y5DB', 'Y5DB 老人同意不转了 可还想把之前的“押金”要回来 骗子说再交一笔就退 正跟她讲这是连环套'],
      ['X3CZ', '这个X3CZ我估计是误报 不过老人腿脚不便说话也慢 再坐会确认清楚'],
    ] as const) expect(understand(text, own(id)).kind, text).toBe('ignore');
  });
  it('still confirms 问清楚了…误报 and 已经止付了 老人情绪不稳', () => {
    expect(understand('U8PW 问清楚了 老两口吵架闹的 不是诈骗 误报', own('U8PW'))).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'false_positive' } });
    expect(understand('K3TB 已经止付了 老人情绪不稳', own('K3TB'))).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'dissuaded' } });
  });
});

describe('found in train-mirror171, train-notices2, train-colleagues1 and train-relay2 (named regressions)', () => {
  it('takes the sum the bank stopped for no loss (先转了3000 后面那笔2万让银行给拦了)', () => {
    acts(understand('反馈 X9DT 被骗 先转了3000 后面那笔2万让银行给拦了', ownCase('X9DT', true, 40)), { kind: 'report', caseId: 'X9DT', result: 'defrauded', lossAmount: 3000 });
  });
  it('reads 回复一下钱警官：K7Q2已报警… from a supervisor as an answer to a person, not a report', () => {
    expect(understand('回复一下钱警官：K7Q2已报警 分局在跟 社区这边配合回访', { ...worker, role: 'supervisor', room: 'supervision', openCases: [] }).kind).toBe('ignore');
  });
  it('reads a command shown as an example (比如 查 X6CU) as a how-to for the room', () => {
    expect(understand('有人问怎么查单子进度 发‘查 编号’就行 比如 查 X6CU', { ...worker, role: 'lead', room: 'tasks', openCases: [] }).kind).toBe('ignore');
    acts(understand('查 X6CU', { ...worker, role: 'lead', room: 'tasks', openCases: [] }), { kind: 'query', caseId: 'X6CU' });
  });
  it('takes no colleague\'s case from an excuse or an answer to them (刚在帮老陈弄X6CU…我这就去, 要得陈姐 X6CU 那边我就不过去了)', () => {
    expect(understand('收到了收到了 刚在帮老陈弄X6CU没看手机 我这就去', ownCase('Q7RT', false, 8))).toMatchObject({ kind: 'confirm', command: { kind: 'ack', caseId: 'Q7RT' } });
    expect(understand('要得陈姐 X6CU 那边我就不过去了', { ...worker, openCases: [] }).kind).toBe('ignore');
  });
  it('takes no hand-over or correction from help asked or hearsay (我让钱警官也找找, X6CU 应该是误报…我听她邻居说的)', () => {
    expect(understand('B3KV 周网格说联系不上 家里也没人 我让钱警官也找找', { ...worker, role: 'lead', room: 'supervision', openCases: [], visibleCases: ['B3KV'] }).kind).toBe('ignore');
    expect(understand('X6CU 应该是误报 老太太那笔是给孙子交学费 我听她邻居说的', ownCase('D5FJ', true, 40)).kind).toBe('ignore');
  });
  it('records nothing from 他女儿说已经在派出所报案了 我过去了解一下情况 on the sender\'s own case', () => {
    expect(understand('Y6HR 他女儿说已经在派出所报案了 我过去了解一下情况', ownCase('Y6HR', true, 20)).kind).toBe('ignore');
  });
});

describe('found in train-notes23 and train-relay1, second pass (named regressions)', () => {
  const own = (id: string) => ownCase(id, true, 30);
  it('records or asks nothing from work still going on', () => {
    for (const [id, text] of [
      ['Z2MB', 'Z2MB 是不是诈骗还不好说 家属在查'],
      ['G4ZC', '刚到G4ZC楼下就看见老太太拿着存折往外走 截住她了 在楼道里说着呢'],
      ['V2YF', 'V2YF 老太太基本稳住了 我再看看她手机里还有啥'],
      ['Q9CL', 'Q9CL 没人接 电话那头一直嘟嘟 到她家了 敲门'],
      ['D6KR', 'D6KR 老人说前几天已经报过警了 民警也来过 我再跟社区民警对一下'],
      ['L2QB', 'L2QB 老人说就给了三千块押金 我在帮她要回来 对方已经不回消息了'],
      ['N2LR', 'N2LR 他儿子说转了5000 也报警了 我正往派出所去'],
    ] as const) expect(understand(text, own(id)).kind, text).toBe('ignore');
    expect(understand('嗯嗯 Z9CT在老人家 进展还行', { ...own('Z9CT'), quote: { from: 'person' } }).kind).toBe('ignore');
  });
  it('still asks 是不是诈骗？ and confirms 拦住了 钱没转', () => {
    expect(understand('Z2MB 是不是诈骗？', own('Z2MB')).kind).not.toBe('ignore');
    expect(understand('G4ZC 拦住了 钱没转', own('G4ZC'))).toMatchObject({ kind: 'confirm', command: { kind: 'report', result: 'dissuaded' } });
  });
});

describe('found in train-mirror170 and train-mirror171 (named regressions)', () => {
  const own = ownCase('M5GY', true, 24);
  it('reads dialect outcomes (被我们拦到了, 醒过腔来了) and 大爷大妈有六十几个 as people reached', () => {
    acts(understand('反馈 M5GY 老人差点冒雨去银行 被我们拦到了', own), { kind: 'report', caseId: 'M5GY', result: 'dissuaded' });
    acts(understand('反馈 M5GY 入户 对方已经醒过腔来了 那个会议APP也卸了', own), { kind: 'report', caseId: 'M5GY', result: 'dissuaded', method: 'visit' });
    expect(understand('今天在圣泉老街茶馆门口宣传 摆龙门阵的大爷大妈有六十几个 装了十五个APP', { ...worker, role: 'volunteer', room: 'volunteers', openCases: [] })).toMatchObject({ kind: 'confirm', command: { kind: 'outreach', people: 60, installs: 15 } });
  });
  it('still records nothing while the one stopped is being talked to (把老汉儿拦到了 正在摆)', () => {
    expect(understand('H5ME 我们在小区门口把老汉儿拦到了 正在摆', ownCase('H5ME', true, 10)).kind).toBe('ignore');
  });
});

describe('found in train-mirror172 and train-mirror174 (named regressions)', () => {
  it('asks about 收到 with the delay excused by a meeting (收到 刚才在开例会没看手机)', () => {
    expect(understand('收到 刚才在开例会没看手机', ownCase('Z3RE', false, 17))).toMatchObject({ kind: 'confirm', command: { kind: 'ack', caseId: 'Z3RE' } });
  });
  it('reads 先看看啥情况 on arrival as the sender going to look; 先看看 A3RK is still a query', () => {
    const own = ownCase('A3RK', true, 10);
    expect(understand('A3RK 门口了 先看看啥情况', own).kind).toBe('ignore');
    acts(understand('先看看 A3RK', own), { kind: 'query', caseId: 'A3RK' });
  });
});
