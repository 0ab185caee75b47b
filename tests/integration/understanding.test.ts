/**
 * Understanding workers as they really write (issue 13), through the whole service: Redis,
 * SQLite, puppet-mock and HTTP. Every example of the "Why" behaves as "Deliver" says:
 * questions and denials never act, colloquial amounts are read, context is used the way people
 * use it, a typo'd id is asked about, and anything inferred is confirmed with one tap — a
 * confirmation that is bound to its sender, expires, and survives a restart.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config.js';
import type { TranscriptEntry } from '../../src/store/transcript.js';
import { aLead, getCase, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const ROOM = '幸福里第一网格工作群';
const SUPERVISION = '三里屯派出所督导群';
const VOLUNTEERS = '团结湖反诈志愿者群';
let sb: SandboxFixture;

// High cases alert the community lead one second after dispatch: an alert to quote.
const tweak = (p: Profile): Profile => ({ ...p, policy: { ...p.policy, high: { ackWithin: 1000, resolveWithin: 3_600_000, stepEvery: 3_600_000, chain: ['lead'] } } });

beforeAll(async () => {
  sb = await bootSandbox('understanding', { tweak });
});
afterAll(async () => {
  await sb?.cleanup();
});
// Each test starts with no open case, so "the sender's open cases" is what the test pushes.
beforeEach(() => {
  sb.app.store().sqlite.prepare("update cases set status = 'cancelled', cancelled_at = ?, next_deadline_at = null where status in ('new', 'dispatched', 'acknowledged')").run(sb.now());
});

async function dispatch(level = 'urgent', assignee = '李网格', over: Record<string, unknown> = {}): Promise<{ caseId: string; group: TranscriptEntry }> {
  const { json } = await postLeads(sb.app.url(), { ...aLead({ level, assignee }), ...over });
  const caseId = json.results[0].caseId as string;
  const group = await sb.botMessage((m) => m.room !== null && m.text.includes(caseId) && m.text.includes('预警'));
  await sb.botMessage((m) => m.to === assignee && m.text.includes(caseId));
  return { caseId, group };
}

/** Says something and returns the bot's answer to that sender. */
async function says(from: string, where: string, text: string, quoteSeq?: number): Promise<TranscriptEntry> {
  const seq = await sb.say(from, where, text, quoteSeq);
  return sb.botMessage((m) => (where === 'bot' ? m.to === from : m.room === where && m.text.startsWith(`@${from}`)), seq);
}

/** Says something that must get no answer: a barrier message right after must be answered first. */
async function silent(from: string, where: string, text: string, quoteSeq?: number): Promise<void> {
  const seq = await sb.say(from, where, text, quoteSeq);
  const barrier = await says(from, where, '帮助');
  const answers = (await sb.messages(seq)).filter((m) => m.from === sb.config.profile.bot.name && m.seq < barrier.seq && (m.to === from || m.text.startsWith(`@${from}`)));
  expect(answers.map((m) => m.text)).toEqual([]);
}

/** Answers a one-tap question with 1 when the bot asked one; returns the final answer. */
async function confirmed(answer: TranscriptEntry, from: string, where: string): Promise<TranscriptEntry> {
  return /回复“1”确认/.test(answer.text) ? says(from, where, '1') : answer;
}

const view = async (caseId: string) => (await getCase(sb.app.url(), caseId)).json;

describe('questions and denials never act', () => {
  it('answers a lead’s question about a case with its status and changes nothing', async () => {
    const { caseId } = await dispatch('urgent');
    for (const q of [`${caseId} 是不是被骗了？`, `${caseId} 劝住了吗`]) {
      const answer = await says('王社区', ROOM, q);
      expect(answer.text).toContain(caseId);
      expect(answer.text).not.toMatch(/已办结|回复“1”确认/);
    }
    expect((await view(caseId)).status).toBe('dispatched');
  });

  it('reads 没劝住 as a loss, 不是诈骗 as a false alarm and 差点上当，已拦下 as dissuaded', async () => {
    const cases: [string, string][] = [
      ['反馈 {id} 没劝住，钱已经转出去了', 'defrauded'],
      ['反馈 {id} 不是诈骗，是他儿子借钱', 'false_positive'],
    ];
    for (const [text, result] of cases) {
      const { caseId } = await dispatch('medium');
      await confirmed(await says('李网格', ROOM, text.replace('{id}', caseId)), '李网格', ROOM);
      expect((await view(caseId)).outcome?.result).toBe(result);
    }
    const { caseId } = await dispatch('medium');
    const answer = await says('李网格', ROOM, '差点上当，已拦下');
    await confirmed(answer, '李网格', ROOM);
    expect((await view(caseId)).outcome?.result).toBe('dissuaded');
  });
});

describe('colloquial amounts', () => {
  it.each([
    ['被骗1w5', 15000],
    ['损失1.5w', 15000],
    ['被骗两万八', 28000],
    ['被骗三万来块', 30000],
    ['损失五千多', 5000],
    ['合计3.2万', 32000],
    ['损失￥12,000元', 12000],
    ['被骗十五万', 150000],
    ['损失8k', 8000],
  ])('reads %s as %d yuan', async (said, amount) => {
    const { caseId } = await dispatch('high');
    await confirmed(await says('李网格', 'bot', `反馈 ${caseId} 已被骗 ${said} 已报警`), '李网格', 'bot');
    expect((await view(caseId)).outcome).toMatchObject({ result: 'defrauded', lossAmount: amount });
  });
});

describe('context the way people use it', () => {
  it('takes a lead quoting the escalation alert with 好的我来督办 as 督办, not as the worker’s acknowledgement', async () => {
    const { caseId } = await dispatch('high');
    const alert = await sb.botMessage((m) => m.room === SUPERVISION && m.text.includes(caseId), 0, 8000);
    const answer = await says('王社区', SUPERVISION, '好的我来督办', alert.seq);
    expect(answer.text).toContain(`已督办 ${caseId}`);
    expect((await view(caseId)).status).toBe('dispatched');
  });

  it('never acknowledges when a worker quotes a colleague’s notice with 收到', async () => {
    const { caseId } = await dispatch('urgent');
    const notice = await sb.say('王社区', ROOM, '今晚八点开会，大家准时到');
    await silent('李网格', ROOM, '收到', notice);
    expect((await view(caseId)).status).toBe('dispatched');
  });

  it('does not take a licence plate shaped like a case id', async () => {
    const { caseId } = await dispatch('urgent');
    await sb.say('王社区', ROOM, '谁去一趟？');
    await silent('周网格', ROOM, '我开京N7K29过去');
    expect((await view(caseId)).status).toBe('dispatched');
  });

  it('acknowledges 收到，这就出发 and 明白 right after the push', async () => {
    for (const text of ['收到，这就出发', '明白']) {
      const { caseId } = await dispatch('urgent');
      expect((await says('李网格', ROOM, text)).text).toContain(`已接单 ${caseId}`);
    }
  });

  it('understands the worker’s own case id wherever it stands', async () => {
    for (const text of ['{id} 马上过去', '在路上了 {id}']) {
      const { caseId } = await dispatch('urgent');
      await sb.say('王社区', ROOM, '注意安全');
      expect((await says('李网格', ROOM, text.replace('{id}', caseId))).text).toContain(`已接单 ${caseId}`);
    }
  });
});

describe('never silent when the worker meant the bot', () => {
  it('asks about a typo’d id instead of ignoring it, and 1 takes the case', async () => {
    const { caseId } = await dispatch('urgent');
    const typo = caseId.slice(0, 3) + (caseId[3] === 'X' ? 'Y' : 'X');
    const ask = await says('李网格', ROOM, `收到 ${typo}`);
    expect(ask.text).toContain(`您是指 ${caseId} 吗`);
    expect((await view(caseId)).status).toBe('dispatched');
    expect((await says('李网格', ROOM, '1')).text).toContain(`已接单 ${caseId}`);
  });

  it('applies an outcome without an id in private chat to the only open case, after a confirmation', async () => {
    const { caseId } = await dispatch('medium');
    const ask = await says('李网格', 'bot', '上门劝住了');
    expect(ask.text).toContain(caseId);
    expect(ask.text).toContain('回复“1”确认');
    expect((await view(caseId)).status).toBe('dispatched');
    await says('李网格', 'bot', '1');
    expect((await view(caseId)).outcome).toMatchObject({ result: 'dissuaded' });
  });

  it('answers 反馈 alone with an example', async () => {
    await dispatch('medium');
    expect((await says('李网格', 'bot', '反馈')).text).toMatch(/反馈 [A-Z0-9]{4} /);
  });

  it('answers free-form questions: status, my cases, how to use it', async () => {
    const { caseId } = await dispatch('urgent');
    expect((await says('李网格', 'bot', `${caseId} 现在什么情况`)).text).toContain(caseId);
    expect((await says('李网格', 'bot', '我还有几件没办完')).text).toContain(`${caseId}`);
    expect((await says('李网格', 'bot', '这个怎么用')).text).toContain('收到');
  });
});

describe('one-tap confirmations', () => {
  it('does nothing on 2', async () => {
    const { caseId } = await dispatch('medium');
    await says('李网格', 'bot', '上门劝住了');
    expect((await says('李网格', 'bot', '2')).text).toContain('已取消');
    expect((await view(caseId)).status).toBe('dispatched');
  });

  it('expires after ten minutes', async () => {
    const { caseId } = await dispatch('medium');
    await says('李网格', 'bot', '上门劝住了');
    sb.app.store().sqlite.prepare('update pending_confirmations set expires_at = ? where resolved_at is null').run(sb.now() - 1);
    expect((await says('李网格', 'bot', '1')).text).toContain('确认只在10分钟内有效');
    expect((await view(caseId)).status).toBe('dispatched');
  });

  it('is bound to its sender: someone else’s 1 confirms nothing', async () => {
    const { caseId } = await dispatch('medium');
    await says('李网格', ROOM, '上门劝住了');
    await silent('周网格', ROOM, '1');
    expect((await view(caseId)).status).toBe('dispatched');
  });

  it('survives a restart in between', async () => {
    const { caseId } = await dispatch('medium');
    await says('李网格', 'bot', '上门劝住了');
    sb = await sb.restart();
    await says('李网格', 'bot', '1');
    expect((await view(caseId)).outcome).toMatchObject({ result: 'dissuaded' });
  });
});

describe('更正 and 重办', () => {
  it('corrects an outcome within 30 minutes; the trail keeps both and the API shows the new one', async () => {
    const { caseId } = await dispatch('high');
    await confirmed(await says('李网格', 'bot', `反馈 ${caseId} 已被骗 损失5000 已报警`), '李网格', 'bot');
    const answer = await confirmed(await says('李网格', 'bot', `更正 ${caseId} 劝阻成功`), '李网格', 'bot');
    expect(answer.text).toContain('已更正');
    const v = await view(caseId);
    expect(v.outcome).toMatchObject({ result: 'dissuaded' });
    const corrected = v.events.find((e: { type: string }) => e.type === 'corrected');
    expect(corrected).toMatchObject({ actor: '李网格', from: { result: 'defrauded' }, to: { result: 'dissuaded' } });
  });

  it('lets a lead reopen a resolved case: back to dispatched with fresh deadlines, the worker told again', async () => {
    const { caseId } = await dispatch('urgent');
    await confirmed(await says('李网格', ROOM, `反馈 ${caseId} 上门 劝阻成功`), '李网格', ROOM);
    expect((await view(caseId)).status).toBe('resolved');
    const seq = await sb.say('王社区', ROOM, `重办 ${caseId} 家属说还在转账`);
    await sb.botMessage((m) => m.room === ROOM && m.text.includes(`重办】${caseId}`), seq);
    const v = await view(caseId);
    expect(v).toMatchObject({ status: 'dispatched', outcome: null, resolvedAt: null });
    expect(v.events.map((e: { type: string }) => e.type)).toContain('reopened');
  });
});

describe('flood safety', () => {
  it('refuses at most three times in ten minutes, then one note, then silence', async () => {
    const answers: string[] = [];
    // Ids that exist nowhere: each 查 is answered with a refusal, until the limit.
    for (const id of ['QQQ2', 'QQQ3', 'QQQ4', 'QQQ5']) answers.push((await says('陈网格', 'bot', `查 ${id}`)).text);
    expect(answers.slice(0, 3).every((t) => t.includes('没有找到案件'))).toBe(true);
    expect(answers[3]).toContain('暂时不再回复');
    const seq = await sb.say('陈网格', 'bot', '查 QQQ6');
    // A help request is a command, not a refusal: it is answered, and nothing came in between.
    const next = await says('陈网格', 'bot', '帮助');
    expect((await sb.messages(seq)).filter((m) => m.to === '陈网格' && m.seq < next.seq)).toEqual([]);
  });
});

describe('outreach in sentences', () => {
  it('logs a volunteer’s sentence without 宣传 after a confirmation: people and installs, never leaflets', async () => {
    const text = '今天下午在团结湖公园做了反诈宣传，大约120人参加，现场装了30个国家反诈中心APP';
    const answer = await confirmed(await says('何志愿', VOLUNTEERS, text), '何志愿', VOLUNTEERS);
    expect(answer.text).toContain('已登记');
    const row = sb.app.store().sqlite.prepare("select people, installs, leaflets from outreach_logs order by id desc limit 1").get() as { people: number; installs: number; leaflets: number | null };
    expect(row).toMatchObject({ people: 120, installs: 30 });
    expect(row.leaflets ?? 0).toBe(0);
  });
});
