/**
 * Escalation with second-scale durations through real Redis and the mock puppet: the chain in
 * order and on time, stopped by an acknowledgement, never for a resolved case, and rebuilt
 * after Redis loses every key of the service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config.js';
import { Queue } from 'bullmq';
import { fireDeadline } from '../../src/core/escalate.js';
import { DEADLINES_QUEUE, deadlineJobId } from '../../src/queues/deadlines.js';
import { deleteKeys, TEST_REDIS_URL } from '../support/env.js';
import { aLead, getCase, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const ROOM = '幸福里第一网格工作群';
const SUPERVISION = '三里屯派出所督导群';
const fast = (p: Profile): Profile => ({
  ...p,
  policy: {
    ...p.policy,
    urgent: { ackWithin: 2000, resolveWithin: 60_000, stepEvery: 2000, chain: ['assignee', 'lead', 'supervisor'] },
    medium: { ackWithin: 60_000, resolveWithin: 2000, stepEvery: 2000, chain: ['assignee', 'lead'] },
    high: { ackWithin: 3000, resolveWithin: 60_000, stepEvery: 2000, chain: ['assignee', 'lead', 'supervisor'] },
  },
});

let sb: SandboxFixture;
beforeAll(async () => {
  sb = await bootSandbox('escalation', { tweak: fast });
});
afterAll(async () => {
  await queueHandle?.close();
  await sb?.cleanup();
});

const prefix = () => sb.config.queuePrefix;
let queueHandle: Queue | null = null;
const deadlines = () => (queueHandle ??= new Queue(DEADLINES_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: prefix() }));
const version = (caseId: string) => (sb.app.store().sqlite.prepare('select version from cases where id = ?').get(caseId) as { version: number }).version;
const escalateDeps = () => ({ ...sb.app.core().ctx, afterCommit: () => {}, onCaseChanged: () => {} });

async function newCase(level: string): Promise<{ caseId: string; version: number }> {
  const { json } = await postLeads(sb.app.url(), aLead({ level, assignee: '李网格' }));
  const caseId = json.results[0].caseId as string;
  const version = (sb.app.store().sqlite.prepare('select version from cases where id = ?').get(caseId) as { version: number }).version;
  return { caseId, version };
}

type Escalated = { at: string; type: string; step: number; role: string; target: string; dueAt: string };
const escalations = async (caseId: string): Promise<Escalated[]> =>
  ((await getCase(sb.app.url(), caseId)).json.events as Escalated[]).filter((e) => e.type === 'escalated');

describe('an unacknowledged urgent case', () => {
  it('reaches assignee → lead → supervisor in order, each step once and within 1 s of its due time', async () => {
    const { caseId } = await newCase('urgent');
    const reminder = await sb.botMessage((m) => m.room === ROOM && m.text.startsWith('@李网格 ⏰【紧急催办】' + caseId), 0, 5000);
    expect(reminder.text).toMatch(/已\d+秒未接单/);
    await sb.botMessage((m) => m.to === '李网格' && m.text.includes(`【紧急催办】${caseId}`), 0, 5000);
    const lead = await sb.botMessage((m) => m.room === SUPERVISION && m.text.startsWith('@王社区') && m.text.includes(caseId), 0, 6000);
    expect(lead.text).toContain('派给李网格');
    expect(lead.text).toContain(`督办 ${caseId}`);
    expect(lead.text).toContain('张**');
    const sup = await sb.botMessage((m) => m.room === SUPERVISION && m.text.startsWith('@赵督导') && m.text.includes(caseId), 0, 8000);
    expect(sup.text).toContain('幸福里第一网格');

    const steps = await escalations(caseId);
    expect(steps.map((e) => `${e.step}:${e.role}:${e.target}`)).toEqual(['1:assignee:李网格', '2:lead:王社区', '3:supervisor:赵督导']);
    for (const e of steps) expect(Math.abs(Date.parse(e.at) - Date.parse(e.dueAt))).toBeLessThan(1000);
    const view = (await getCase(sb.app.url(), caseId)).json;
    expect(view.escalationStep).toBe(3);
  });

  it('stops climbing once acknowledged: the pending step is removed, and would do nothing if it fired', async () => {
    const { caseId } = await newCase('urgent');
    await sb.botMessage((m) => m.room === ROOM && m.text.includes(`【紧急催办】${caseId}`), 0, 5000);
    const afterFirst = version(caseId);
    const queue = deadlines();
    expect(await queue.getJob(deadlineJobId(caseId, afterFirst))).toBeDefined();
    const seq = await sb.say('李网格', ROOM, `收到 ${caseId}`);
    await sb.botMessage((m) => m.text.includes(`已接单 ${caseId}`), seq);
    await expect.poll(async () => (await queue.getJob(deadlineJobId(caseId, afterFirst))) ?? null).toBeNull();
    // A timer that escaped removal (e.g. already taken by a worker) finds the case changed.
    expect(fireDeadline(escalateDeps(), caseId, afterFirst)).toBe('stale');
    expect((await escalations(caseId)).map((e) => e.role)).toEqual(['assignee']);
  });

  it('never escalates once resolved', async () => {
    const { caseId, version: v1 } = await newCase('urgent');
    const seq = await sb.say('李网格', ROOM, `反馈 ${caseId} 上门 劝阻成功`);
    await sb.botMessage((m) => m.text.includes(`${caseId} 已办结`), seq);
    await expect.poll(async () => (await deadlines().getJob(deadlineJobId(caseId, v1))) ?? null).toBeNull();
    expect(fireDeadline(escalateDeps(), caseId, v1)).toBe('stale');
    expect(await escalations(caseId)).toEqual([]);
    expect((await getCase(sb.app.url(), caseId)).json.escalationStep).toBe(0);
    expect(sb.app.store().sqlite.prepare('select next_deadline_at as n from cases where id = ?').get(caseId)).toEqual({ n: null });
  });

  it('lets a supervisor’s 督办 stop the chain', async () => {
    const { caseId } = await newCase('urgent');
    await sb.botMessage((m) => m.room === ROOM && m.text.includes(`【紧急催办】${caseId}`), 0, 5000);
    const seq = await sb.say('赵督导', SUPERVISION, `督办 ${caseId}`);
    await sb.botMessage((m) => m.text.includes(`赵督导已督办 ${caseId}`), seq);
    const view = (await getCase(sb.app.url(), caseId)).json;
    expect(view.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`)).toContain('supervised:赵督导');
    expect(sb.app.store().sqlite.prepare('select next_deadline_at as n from cases where id = ?').get(caseId)).toEqual({ n: null });
  });
});

describe('several late cases of one worker', () => {
  it('are reminded in one message listing them, not one message each', async () => {
    const { json } = await postLeads(sb.app.url(), { leads: [aLead({ level: 'urgent', assignee: '周网格' }), aLead({ level: 'urgent', assignee: '周网格' })] });
    const [a, b] = json.results.map((r: { caseId: string }) => r.caseId as string);
    const reminder = await sb.botMessage((m) => m.room === ROOM && m.text.startsWith('@周网格 ⏰ 您有2件预警超时未处理'), 0, 6000);
    expect(reminder.text).toContain(`· ${a} 紧急 已`);
    expect(reminder.text).toContain(`· ${b} 紧急 已`);
    await sb.botMessage((m) => m.to === '周网格' && m.text.startsWith('⏰ 您有2件'), 0, 3000);
    for (const id of [a, b]) expect((await escalations(id)).map((e) => e.role)).toEqual(['assignee']);
    // Barrier: a later message in the room shows no second reminder was queued before it.
    const seq = await sb.say('周网格', ROOM, `收到 ${a}`);
    await sb.botMessage((m) => m.text.includes(`已接单 ${a}`), seq);
    const reminders = (await sb.messages()).filter((m) => m.room === ROOM && m.text.includes('催办') && (m.text.includes(a) || m.text.includes(b)));
    expect(reminders).toEqual([]);
  });
});

describe('an acknowledged case nobody resolves', () => {
  it('runs the chain again from its second role when resolveWithin passes', async () => {
    const { caseId } = await newCase('medium');
    const seq = await sb.say('李网格', ROOM, `收到 ${caseId}`);
    await sb.botMessage((m) => m.text.includes(`已接单 ${caseId}`), seq);
    const lead = await sb.botMessage((m) => m.room === SUPERVISION && m.text.startsWith('@王社区') && m.text.includes(caseId), seq, 5000);
    expect(lead.text).toMatch(/已\d+秒未反馈结果/);
    expect((await escalations(caseId)).map((e) => `${e.role}`)).toEqual(['lead']);
  });
});

describe('when Redis loses every key of the service', () => {
  it('rebuilds the timers from SQLite while running, and they fire on time, once', async () => {
    const { caseId } = await newCase('high');
    const due = (sb.app.store().sqlite.prepare('select next_deadline_at as n from cases where id = ?').get(caseId) as { n: number }).n;
    await sb.botMessage((m) => m.room === ROOM && m.text.includes(`【高危预警】${caseId}`));
    expect(await deleteKeys(prefix())).toBeGreaterThan(0);
    await sb.botMessage((m) => m.room === ROOM && m.text.includes(`【高危催办】${caseId}`), 0, 8000);
    const steps = await escalations(caseId);
    expect(steps).toHaveLength(1);
    expect(Math.abs(Date.parse(steps[0]!.at) - due)).toBeLessThan(1000);
  });

  it('rebuilds them at start-up after a restart', async () => {
    const { caseId } = await newCase('high');
    const due = (sb.app.store().sqlite.prepare('select next_deadline_at as n from cases where id = ?').get(caseId) as { n: number }).n;
    await sb.stop();
    await deleteKeys(prefix());
    sb = await sb.restart();
    await sb.botMessage((m) => m.room === ROOM && m.text.includes(`【高危催办】${caseId}`), 0, 8000);
    const steps = await escalations(caseId);
    expect(steps).toHaveLength(1);
    expect(Math.abs(Date.parse(steps[0]!.at) - due)).toBeLessThan(1000);
  });
});
