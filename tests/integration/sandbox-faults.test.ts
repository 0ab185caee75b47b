/**
 * The sandbox's fault controls (issue 11): an operator logs the bot out and back in and makes
 * its sends fail, over the sandbox API; messages wait and are then delivered once.
 */
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxFaults } from '../../src/chat/sandbox.js';
import type { TranscriptEntry } from '../../src/store/transcript.js';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';
import { dispatchesOf, outbound, pendingJobs, until } from '../support/service.js';

const TASK_ROOM = '幸福里第一网格工作群';
const BOT = '网格哨兵';
let sb: SandboxFixture;
let queue: Queue;

beforeAll(async () => {
  sb = await bootSandbox('sandbox-faults');
  queue = outbound(sb.config.queuePrefix, sb.app.botId);
});
afterAll(async () => {
  await queue?.close();
  await sb?.cleanup();
});

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sb.app.url()}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, json: await res.json() };
}
const faults = async (): Promise<SandboxFaults> => (await call('GET', '/sandbox/faults')).json;
const lastSeq = async () => (await sb.messages()).at(-1)?.seq ?? 0;
const botMessagesAfter = async (seq: number): Promise<TranscriptEntry[]> => (await sb.messages(seq)).filter((m) => m.from === BOT);
const logoutsLogged = () => sb.logs.lines.filter((l) => l.includes('bot logged out; outbound messages wait')).length;

describe('the sandbox fault controls', () => {
  it('show no fault at start', async () => {
    expect(await faults()).toEqual({ loggedIn: true, failSends: 0, sendDelayMs: 0, failedSends: 0 });
  });

  describe('when an operator logs the bot out', () => {
    it('keeps the messages until the bot logs in again, then delivers each once, urgent first', async () => {
      const logoutsBefore = logoutsLogged();
      const out = await call('POST', '/sandbox/bot/logout');
      expect(out).toEqual({ status: 200, json: expect.objectContaining({ loggedIn: false }) });
      // The gateway stops taking jobs when Wechaty reports the logout.
      await until(() => logoutsLogged() > logoutsBefore, 5000, 'the gateway saw the logout');
      expect((await call('POST', '/sandbox/bot/logout')).json.loggedIn).toBe(false);
      expect((await fetch(`${sb.app.url()}/healthz`)).status).toBe(503);

      const since = await lastSeq();
      const ids: Record<string, string> = {};
      for (const [level, unit] of [['low', 'G2'], ['medium', 'G3'], ['urgent', 'G1']] as const) {
        const { status, json } = await postLeads(sb.app.url(), aLead({ level, unit }));
        expect(status).toBe(200);
        ids[level] = json.results[0].caseId;
      }
      // All six messages are in the queue, and none went out.
      await until(async () => (await pendingJobs(queue)) === 6, 10_000, 'six messages wait in the outbound queue');
      expect(await botMessagesAfter(since)).toEqual([]);

      const back = await call('POST', '/sandbox/bot/login');
      expect(back).toEqual({ status: 200, json: expect.objectContaining({ loggedIn: true }) });
      expect((await call('POST', '/sandbox/bot/login')).json.loggedIn).toBe(true);
      await until(async () => (await pendingJobs(queue)) === 0, 15_000, 'the queue drained');
      const sent = await botMessagesAfter(since);
      for (const id of Object.values(ids)) {
        const d = dispatchesOf(sent, id);
        expect(d.group, `group dispatch of ${id}`).toHaveLength(1);
        expect(d.private, `private dispatch of ${id}`).toHaveLength(1);
      }
      const order = sent.map((m) => Object.entries(ids).find(([, id]) => m.text.includes(id))?.[0]);
      expect(order).toEqual(['urgent', 'urgent', 'medium', 'medium', 'low', 'low']);
      expect((await fetch(`${sb.app.url()}/healthz`)).status).toBe(200);
    });
  });

  describe('when sends fail', () => {
    it('retries a reply whose first three sends fail and delivers it once', async () => {
      const before = await faults();
      expect((await call('POST', '/sandbox/faults', { failSends: 3 })).json).toMatchObject({ failSends: 3 });
      const seq = await sb.say('李网格', TASK_ROOM, '帮助');
      const reply = await sb.botMessage((m) => m.room === TASK_ROOM, seq, 20_000);
      expect(reply.text).toContain('网格员常用指令');
      expect(await faults()).toMatchObject({ failSends: 0, failedSends: before.failedSends + 3 });
      await until(async () => (await pendingJobs(queue)) === 0, 5000, 'the queue drained');
      expect((await botMessagesAfter(seq)).map((m) => m.seq)).toEqual([reply.seq]);
    });

    it('fails every send until the fault is cleared, then delivers what waited, once', async () => {
      const before = await faults();
      expect((await call('POST', '/sandbox/faults', { failSends: 'all' })).json).toMatchObject({ failSends: 'all' });
      const seq = await sb.say('周网格', TASK_ROOM, '帮助');
      await until(async () => (await faults()).failedSends >= before.failedSends + 2, 10_000, 'two sends failed');
      expect(await botMessagesAfter(seq)).toEqual([]);
      expect((await call('POST', '/sandbox/faults', { failSends: 0 })).json).toMatchObject({ failSends: 0 });
      const reply = await sb.botMessage((m) => m.room === TASK_ROOM, seq, 15_000);
      expect(reply.text).toMatch(/^@周网格/);
      await until(async () => (await pendingJobs(queue)) === 0, 5000, 'the queue drained');
      expect((await botMessagesAfter(seq)).map((m) => m.seq)).toEqual([reply.seq]);
    });

    it('makes every send take sendDelayMs until cleared', async () => {
      expect((await call('POST', '/sandbox/faults', { sendDelayMs: 600 })).json).toMatchObject({ sendDelayMs: 600 });
      const t0 = Date.now();
      const seq = await sb.say('李网格', TASK_ROOM, '帮助');
      await sb.botMessage((m) => m.room === TASK_ROOM, seq, 10_000);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(600);
      expect((await call('POST', '/sandbox/faults', { sendDelayMs: 0 })).json).toMatchObject({ sendDelayMs: 0, failSends: 0 });
    });

    it('refuses a bad fault, naming the field', async () => {
      const cases: [unknown, string][] = [
        [{ failSends: -1 }, 'failSends'],
        [{ failSends: 1.5 }, 'failSends'],
        [{ failSends: 'some' }, 'failSends'],
        [{ sendDelayMs: '1s' }, 'sendDelayMs'],
        [{}, '(body)'],
        [{ failsends: 3 }, '(body)'],
      ];
      for (const [body, field] of cases) {
        const res = await call('POST', '/sandbox/faults', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.json.errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
      }
      expect(await faults()).toMatchObject({ failSends: 0, sendDelayMs: 0, loggedIn: true });
    });
  });
});

describe('with INTAKE_TOKEN set', () => {
  it('needs the bearer token for the fault controls, as for every sandbox route', async () => {
    const token = 'fault-controls-token';
    const guarded = await bootSandbox('sandbox-faults-token', { env: { INTAKE_TOKEN: token } });
    try {
      const routes: ['GET' | 'POST', string, unknown?][] = [
        ['GET', '/sandbox/faults'],
        ['POST', '/sandbox/faults', { failSends: 'all' }],
        ['POST', '/sandbox/bot/logout', {}],
        ['POST', '/sandbox/bot/login', {}],
        ['GET', '/sandbox/messages?after=0'],
      ];
      const send = (method: string, path: string, body: unknown, auth?: string) =>
        fetch(`${guarded.app.url()}${path}`, {
          method,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(auth ? { authorization: auth } : {}) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      for (const [method, path, body] of routes) {
        expect((await send(method, path, body)).status, `${method} ${path} without a token`).toBe(401);
        expect((await send(method, path, body, 'Bearer wrong-token')).status, `${method} ${path} with a wrong token`).toBe(401);
      }
      // Nothing the refused requests asked for happened.
      const state = await send('GET', '/sandbox/faults', undefined, `Bearer ${token}`);
      expect(state.status).toBe(200);
      expect(await state.json()).toEqual({ loggedIn: true, failSends: 0, sendDelayMs: 0, failedSends: 0 });
      expect((await send('POST', '/sandbox/bot/logout', {}, `Bearer ${token}`)).status).toBe(200);
      expect((await send('POST', '/sandbox/bot/login', {}, `Bearer ${token}`)).status).toBe(200);
    } finally {
      await guarded.cleanup();
    }
  });
});
