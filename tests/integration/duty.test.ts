/**
 * Duty rosters and reassignment (issue 16), through the whole service: Redis, SQLite,
 * puppet-mock and HTTP. The roster is built around the app's clock when the suite starts, so
 * "night" is wherever the clock stands: the grid's day shift starts three hours later and the
 * station's night duty covers the hour around now.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config.js';
import { localMinutes } from '../../src/domain/format.js';
import type { TranscriptEntry } from '../../src/store/transcript.js';
import { testClock } from '../support/env.js';
import { aLead, getCase, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const G1 = '幸福里第一网格工作群';
const G2 = '幸福里第二网格工作群';
const SUPERVISION = '三里屯派出所督导群';
const hhmm = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const startMinutes = localMinutes(testClock()(), 'Asia/Shanghai');

// G1 is on duty from three hours from now for six hours; the station's night duty (钱警官)
// covers the hour before and after now. High cases alert the lead one second after dispatch.
const tweak = (p: Profile): Profile => ({
  ...p,
  policy: { ...p.policy, high: { ackWithin: 1000, resolveWithin: 3_600_000, stepEvery: 3_600_000, chain: ['lead'] } },
  rosters: {
    holidays: [],
    workdays: [],
    units: [
      { unit: 'G1', shifts: [{ name: '白班', from: hhmm(startMinutes + 180), to: hhmm(startMinutes + 540), days: 'daily', members: ['李网格', '周网格'] }], overrides: [] },
      { unit: 'PS1', shifts: [{ name: '夜班', from: hhmm(startMinutes - 60), to: hhmm(startMinutes + 60), days: 'daily', members: ['钱警官'] }], overrides: [] },
    ],
  },
});

let sb: SandboxFixture;
beforeAll(async () => {
  sb = await bootSandbox('duty', { tweak });
});
afterAll(async () => {
  await sb?.cleanup();
});
beforeEach(() => {
  sb.app.store().sqlite.prepare("update cases set status = 'cancelled', cancelled_at = ?, next_deadline_at = null where status in ('new', 'dispatched', 'acknowledged')").run(sb.now());
});

async function says(from: string, where: string, text: string): Promise<TranscriptEntry> {
  const seq = await sb.say(from, where, text);
  return sb.botMessage((m) => (where === 'bot' ? m.to === from : m.room === where && m.text.startsWith(`@${from}`)), seq);
}

async function dispatch(over: Record<string, unknown>): Promise<string> {
  const { json } = await postLeads(sb.app.url(), aLead(over as never));
  const caseId = json.results[0].caseId as string;
  await sb.botMessage((m) => m.room !== null && m.text.includes(caseId));
  return caseId;
}
const view = async (caseId: string) => (await getCase(sb.app.url(), caseId)).json;

describe('routing by duty', () => {
  it('gives a lead at night to the station’s night duty, not to the grid that is off duty', async () => {
    const caseId = await dispatch({ level: 'urgent', unit: 'G1' });
    expect((await view(caseId)).assignee).toBe('钱警官');
    const record = await sb.botMessage((m) => m.to === '钱警官' && m.text.includes(caseId));
    expect(record.text).toContain(caseId);
  });

  it('answers 值班 with who is on duty now and next', async () => {
    const answer = await says('李网格', G1, '值班');
    expect(answer.text).toContain('现在：无人值班');
    expect(answer.text).toContain('李网格、周网格');
    expect(answer.text).toContain('钱警官');
    const station = await says('钱警官', SUPERVISION, '值班表');
    expect(station.text).toMatch(/现在：钱警官/);
  });

  it('leaves 今晚谁值班啊 in a group to colleagues, and answers it in private chat', async () => {
    const asked = await sb.say('周网格', G1, '今晚谁值班啊');
    // A barrier answered after it: nothing addressed to 周网格 may come between.
    const barrier = await says('周网格', G1, '值班');
    const between = (await sb.messages(asked)).filter((m) => m.from === sb.config.profile.bot.name && m.seq < barrier.seq && m.text.startsWith('@周网格'));
    expect(between).toEqual([]);
    const privately = await says('周网格', 'bot', '今晚谁值班啊');
    expect(privately.text).toContain('李网格、周网格');
  });
});

describe('reassignment', () => {
  it('lets a community lead hand a case to another grid of his community, and tells the previous assignee', async () => {
    const caseId = await dispatch({ level: 'urgent', unit: 'G1', assignee: '李网格' });
    // Another community is refused with the people the case can go to and an example that works.
    const refused = await says('王社区', G1, `转派 ${caseId} @吴网格`);
    expect(refused.text).toContain('可以转派给');
    expect(refused.text).toContain('陈网格');
    const example = /例如：(转派 \S+ @\S+)/.exec(refused.text)![1]!;
    expect(example).not.toContain('吴网格');

    const seq = await sb.say('王社区', G1, `转派 ${caseId} @陈网格`);
    const told = await sb.botMessage((m) => m.to === '李网格' && m.text.includes(caseId), seq);
    expect(told.text).toBe(`${caseId} 已改派给陈网格，您无需处理。`);
    const notice = await sb.botMessage((m) => m.room === G2 && m.text.includes(caseId) && m.text.includes('请接手'), seq);
    expect(notice.text).toMatch(/请\d{2}:\d{2}前回复“收到/);
    const v = await view(caseId);
    expect(v.assignee).toBe('陈网格');
    expect(v.unit).toBe('G2');
  });

  it('keeps a supervised case supervised when it is handed on (督办 then 转派 does not restart the chain)', async () => {
    const caseId = await dispatch({ level: 'urgent', unit: 'G1', assignee: '李网格' });
    const supervised = await says('赵督导', SUPERVISION, `督办 ${caseId}`);
    expect(supervised.text).toContain('督办');
    const answer = await says('赵督导', SUPERVISION, `转派 ${caseId} @周网格`);
    expect(answer.text).toContain('周网格');
    const row = sb.app.store().sqlite.prepare('select supervised_by as by, next_deadline_at as next, escalation_step as step from cases where id = ?').get(caseId) as { by: string; next: number | null; step: number };
    expect(row).toEqual({ by: '赵督导', next: null, step: 0 });
  });

  it('reminds a lead who holds the case himself, never asking him to 督促 himself', async () => {
    const caseId = await dispatch({ level: 'high', unit: 'G1', assignee: '王社区' });
    const late = await sb.botMessage((m) => m.text.includes(caseId) && m.text.includes('未接单'), 0, 10_000);
    expect(late.text).not.toContain('督促');
    expect(late.text).toContain(`收到 ${caseId}`);
  });
});

describe('leave', () => {
  it('takes 请假 from a worker, 批准 from the lead, and gives the worker no case while away', async () => {
    const asked = await says('陈网格', G2, '请假 今天 家里有事');
    expect(asked.text).toContain('王社区');
    expect(asked.text).toContain('批准');
    const seq = await sb.say('王社区', G2, '批准');
    const approved = await sb.botMessage((m) => m.room === G2 && m.text.includes('已批准'), seq);
    expect(approved.text).toContain('陈网格');
    await sb.botMessage((m) => m.to === '陈网格' && m.text.includes('已批准您'), seq);
    const row = sb.app.store().sqlite.prepare("select status, requested_by as asked, decided_by as decided from duty_changes where member = '陈网格' and request = 'leave'").get();
    expect(row).toEqual({ status: 'approved', asked: '陈网格', decided: '王社区' });

    // G2's only worker is away: the lead goes to whoever is on duty above (the station's night duty).
    const caseId = await dispatch({ level: 'urgent', unit: 'G2' });
    expect((await view(caseId)).assignee).toBe('钱警官');
    const duty = await says('王社区', G2, '值班');
    expect(duty.text).toContain('陈网格请假');
  });

  it('lets a worker ask a colleague to swap, and the colleague’s 同意 makes it so', async () => {
    const asked = await says('李网格', G1, '换班 @周网格 明天');
    // Both have the same shift: nothing to exchange, said plainly.
    expect(asked.text).toContain('同一个班');
    const seq = await sb.say('钱警官', SUPERVISION, '换班 @赵督导 明天');
    const ask = await sb.botMessage((m) => m.room === SUPERVISION && m.text.includes('想和您换'), seq);
    expect(ask.text).toContain('回复“同意”');
    const done = await says('赵督导', SUPERVISION, '同意');
    expect(done.text).toContain('换班已生效');
    const rows = sb.app.store().sqlite.prepare("select kind, member, status, decided_by as by from duty_changes where request = 'swap' order by id").all();
    expect(rows).toEqual([
      { kind: 'leave', member: '钱警官', status: 'approved', by: '赵督导' },
      { kind: 'duty', member: '赵督导', status: 'approved', by: '赵督导' },
    ]);
  });
});

describe('handover at a shift boundary', () => {
  it('names who takes over each open case whose assignee is off duty, and tells the incoming duty member', async () => {
    const caseId = await dispatch({ level: 'medium', unit: 'G1', assignee: '李网格' });
    const before = (await sb.messages()).at(-1)!.seq;
    sb.app.core().shifts.closeNow();
    const list = await sb.botMessage((m) => m.room === SUPERVISION && m.text.startsWith('🔁 交接班'), before);
    expect(list.text).toContain(`${caseId}`);
    expect(list.text).toMatch(/李网格→(钱警官|赵督导)/);
    const to = /李网格→(\S+)/.exec(list.text)![1]!;
    const told = await sb.botMessage((m) => m.to === to && m.text.includes('交接班') && m.text.includes(caseId), before);
    expect(told.text).toContain('原李网格');
  });
});

describe('wording', () => {
  it('says of a grid without a roster who gets its new leads', async () => {
    const answer = await says('刘网格', '团结湖第一网格工作群', '值班');
    expect(answer.text).toContain('未排班，新预警派给：刘网格');
  });

  it('answers a bare 转派 and a bare 反馈 with how to write them', async () => {
    expect((await says('王社区', G1, '转派')).text).toContain('正确格式：转派 K7Q2 @');
    expect((await says('李网格', G1, '反馈')).text).toContain('正确格式：反馈 K7Q2 ');
  });

  it('never tells a volunteer about 待办 (regression: 统计 and an unknown 查 sent them to “我的”)', async () => {
    const stats = await says('孙志愿', 'bot', '统计');
    const query = await says('孙志愿', 'bot', '查 ZZ99');
    for (const answer of [stats, query]) {
      expect(answer.text).not.toContain('待办');
      expect(answer.text).toContain('宣传');
    }
  });
});
