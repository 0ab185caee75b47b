/**
 * Issue 17: what a routine case costs the account in messages. WeChat, not the CPU, is the
 * bottleneck, so a medium or low case handled in time costs at most four messages: the
 * dispatch in the task room, the full record privately, and one line confirming each of the
 * worker's two answers (收到, 反馈). A late step adds its reminder in the room (@) and privately,
 * as the public contract says (DESIGN.md "Escalation"): 6 with one late step, 8 with two. Issue 17
 * briefly made routine reminders room-only (5 and 6); that broke the contract and was undone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config.js';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const ROOM = '幸福里第一网格工作群';

describe('messages per routine case', () => {
  let sb: SandboxFixture;
  beforeAll(async () => {
    sb = await bootSandbox('per-case', {
      tweak: (p: Profile) => ({ ...p, policy: { ...p.policy, medium: { ackWithin: 1500, resolveWithin: 3_600_000, stepEvery: 3_600_000, chain: ['assignee', 'lead'] } } }),
    });
  });
  afterAll(async () => {
    await sb?.cleanup();
  });

  const botMessagesOf = async (caseId: string, after: number) => (await sb.messages(after)).filter((m) => m.bot && m.text.includes(caseId));

  it('costs four messages when the worker answers in time', async () => {
    const start = (await sb.messages()).at(-1)?.seq ?? 0;
    const { json } = await postLeads(sb.app.url(), aLead({ level: 'medium', assignee: '李网格' }));
    const id = json.results[0].caseId as string;
    const dispatch = await sb.botMessage((m) => m.room === ROOM && m.text.includes(id), start);
    await sb.botMessage((m) => m.room === null && m.text.includes(id), start);
    const ack = await sb.say('李网格', ROOM, `收到 ${id}`);
    await sb.botMessage((m) => m.text.includes(id), ack);
    const done = await sb.say('李网格', ROOM, `反馈 ${id} 上门 劝阻成功`);
    await sb.botMessage((m) => m.text.includes(id), done);
    expect(await botMessagesOf(id, start)).toHaveLength(4);
    expect(dispatch.bot).toBe('demo');
  });

  it('adds the reminder in the task room and privately when the acknowledgement is late (DESIGN.md)', async () => {
    const start = (await sb.messages()).at(-1)?.seq ?? 0;
    const { json } = await postLeads(sb.app.url(), aLead({ level: 'medium', assignee: '李网格' }));
    const id = json.results[0].caseId as string;
    const reminder = await sb.botMessage((m) => m.room === ROOM && m.text.includes(id) && !m.text.includes('预警】'), start, 15_000);
    const ack = await sb.say('李网格', ROOM, `收到 ${id}`);
    await sb.botMessage((m) => m.room === ROOM && m.text.includes(id) && m.text.includes('已接单'), ack);
    await sb.botMessage((m) => m.room === null && m.to === '李网格' && m.text === reminder.text.replace(/^@李网格\s*/u, ''), start);
    const all = await botMessagesOf(id, start);
    // Dispatch, record, reminder in the room and privately, confirmation of 收到.
    expect(all).toHaveLength(5);
  });
});
