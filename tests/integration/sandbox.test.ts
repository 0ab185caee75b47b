/**
 * The foundation end to end: a member speaks in the mock WeChat world, the message travels
 * gateway → inbound queue (real Redis) → core → outbox → outbound queue → gateway → mock
 * puppet, and the bot's answer lands in the sandbox transcript.
 */
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sandboxContactId } from '../../src/chat/sandbox.js';
import { PRIORITY } from '../../src/domain/types.js';
import { outboundQueue } from '../../src/wire/names.js';
import { addOutboxMessage } from '../../src/store/outbox.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const TASK_ROOM = '幸福里第一网格工作群';
let sb: SandboxFixture;

beforeAll(async () => {
  sb = await bootSandbox('sandbox');
});
afterAll(async () => {
  await sb?.cleanup();
});

describe('the sandbox service', () => {
  it('is healthy when SQLite, Redis and the bot are up', async () => {
    const res = await fetch(`${sb.app.url()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', outbox: { waiting: expect.any(Number), oldestAgeSeconds: expect.any(Number), failed: 0 } });
  });

  it('answers 帮助 from a worker in their task room with worker help, @-mentioning them, within 2 s', async () => {
    const t0 = Date.now();
    const seq = await sb.say('李网格', TASK_ROOM, '帮助');
    const reply = await sb.botMessage((m) => m.room === TASK_ROOM, seq, 2000);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(reply.text).toMatch(/^@李网格\s/);
    expect(reply.text).toContain('网格员常用指令');
    expect(reply.text).toContain('收到 K7Q2');
  });

  it('sends a real mention to the puppet, not just the text', async () => {
    const puppet = sb.app.sandbox()!.puppet;
    const spy = vi.spyOn(puppet, 'messageSendText');
    try {
      const seq = await sb.say('周网格', TASK_ROOM, '@网格哨兵 帮助');
      await sb.botMessage((m) => m.text.startsWith('@周网格'), seq);
      expect(spy).toHaveBeenCalledWith(expect.stringContaining('@chatroom'), expect.stringContaining('网格员常用指令'), [sandboxContactId('周网格')]);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers privately with help for the sender’s own role', async () => {
    const seq = await sb.say('赵督导', 'bot', '帮助');
    const reply = await sb.botMessage((m) => m.to === '赵督导', seq);
    expect(reply.room).toBeNull();
    expect(reply.text).toContain('派出所督导常用指令');
    expect(reply.text).toContain('督办 K7Q2');
  });

  it('gives a volunteer volunteer help in the volunteer room', async () => {
    const seq = await sb.say('孙志愿', '幸福里反诈志愿者群', '帮助');
    const reply = await sb.botMessage((m) => m.room === '幸福里反诈志愿者群', seq);
    expect(reply.text).toContain('志愿者常用指令');
    expect(reply.text).not.toContain('反馈 K7Q2');
  });

  it('ignores ordinary chatter in a group', async () => {
    const chatter = await sb.say('李网格', TASK_ROOM, '大家辛苦了，今天帮助了好几位老人');
    await sb.say('周网格', TASK_ROOM, '帮助');
    // Messages are handled in order: the first bot message after the chatter answers 周网格.
    const next = await sb.botMessage(() => true, chatter);
    expect(next.text).toMatch(/^@周网格/);
  });

  it('answers a message addressed to it that it cannot understand, with an example', async () => {
    const seq = await sb.say('李网格', TASK_ROOM, '@网格哨兵 今天天气怎么样');
    const reply = await sb.botMessage((m) => m.room === TASK_ROOM, seq);
    expect(reply.text).toBe('@李网格 没看懂这条消息。试试发送：帮助');
  });

  it('delivers a quoted reply in WeChat’s own format', async () => {
    const seq = await sb.say('李网格', TASK_ROOM, '帮助');
    const help = await sb.botMessage((m) => m.room === TASK_ROOM, seq);
    const quoteSeq = await sb.say('李网格', TASK_ROOM, '好的', help.seq);
    const [quoted] = (await sb.messages(quoteSeq - 1)).filter((m) => m.seq === quoteSeq);
    expect(quoted!.text).toBe(`「网格哨兵：${help.text}」\n- - - - - - - - - - - - - - -\n好的`);
  });

  it('refuses a say from someone who is not in the room, naming the field', async () => {
    const res = await fetch(`${sb.app.url()}/sandbox/say`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '刘网格', room: TASK_ROOM, text: '帮助' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'from', message: expect.stringContaining('not a member') }] });
    const bad = await fetch(`${sb.app.url()}/sandbox/say`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['from', 'room', 'text']);
  });

  it('keeps an outbound message while the bot is logged out and delivers it after login', async () => {
    const sandbox = sb.app.sandbox()!;
    const loggedOut = new Promise((res) => sandbox.puppet.once('logout', res));
    await sandbox.puppet.logout();
    await loggedOut;
    expect((await fetch(`${sb.app.url()}/healthz`)).status).toBe(503);
    const last = (await sb.messages()).at(-1)!.seq;
    // A message the core decided to send while WeChat is away (the relay sweeps every second).
    addOutboxMessage(sb.app.store().db, 'test-logged-out', { room: '幸福里第二网格工作群', mentions: [], text: '登录后送达' }, PRIORITY.routine, Date.now());
    const delivered = sb.botMessage((m) => m.text === '登录后送达', last, 15_000);
    sandbox.login();
    expect((await delivered).room).toBe('幸福里第二网格工作群');
    expect((await fetch(`${sb.app.url()}/healthz`)).status).toBe(200);
  });

  it('sends urgent messages first when several wait for the bot', async () => {
    const sandbox = sb.app.sandbox()!;
    // The gateway pauses its sender on Wechaty's logout event (registered before this one).
    const loggedOut = new Promise((res) => sb.app.gateway()!.bot.once('logout', res));
    await sandbox.puppet.logout();
    await loggedOut;
    const queue = outboundQueue(sb.app.botId);
    const events = new QueueEvents(queue, { connection: { url: TEST_REDIS_URL }, prefix: sb.config.queuePrefix, lastEventId: '$' });
    await events.waitUntilReady();
    const added = new Set<string>();
    const bothAdded = new Promise<void>((res) =>
      events.on('added', ({ jobId }) => {
        added.add(jobId);
        if (added.has('out-test-routine') && added.has('out-test-urgent')) res();
      }),
    );
    const last = (await sb.messages()).at(-1)!.seq;
    const db = sb.app.store().db;
    // The routine message was written first; both wait while the bot is away.
    db.transaction((tx) => {
      addOutboxMessage(tx, 'test-routine', { room: '幸福里第二网格工作群', mentions: [], text: '例行通知' }, PRIORITY.routine, Date.now());
      addOutboxMessage(tx, 'test-urgent', { room: '幸福里第二网格工作群', mentions: [], text: '紧急通知' }, PRIORITY.urgent, Date.now());
    });
    await bothAdded;
    await events.close();
    const routine = sb.botMessage((m) => m.text === '例行通知', last, 10_000);
    sandbox.login();
    await routine;
    const order = (await sb.messages(last)).filter((m) => m.text === '例行通知' || m.text === '紧急通知').map((m) => m.text);
    expect(order).toEqual(['紧急通知', '例行通知']);
  });

  it('never writes message text or phone numbers to the log', async () => {
    const seq = await sb.say('李网格', 'bot', '帮我查一下 13812345678 张三丰 住在幸福里3号楼');
    await sb.botMessage((m) => m.to === '李网格', seq);
    expect(sb.logs.text()).toContain('inbound message handled');
    expect(sb.logs.text()).toContainNoneOf(['13812345678', '张三丰', '幸福里3号楼', '网格员常用指令']);
  });

  it('keeps the transcript across a restart', async () => {
    const before = await sb.messages();
    sb = await sb.restart();
    const after = await sb.messages();
    expect(after.slice(0, before.length)).toEqual(before);
    const seq = await sb.say('李网格', TASK_ROOM, '帮助');
    expect(seq).toBeGreaterThan(before.at(-1)!.seq);
    await sb.botMessage((m) => m.room === TASK_ROOM, seq);
  });
});
