/**
 * Fault: malformed jobs land on the inbound queue (a buggy or hostile gateway, a payload from
 * an older version), added with BullMQ directly and the gateway's retry options.
 * Protects: one error path per job (STYLE.md "Errors"): a poison job fails alone, after its
 * retries, while later messages are handled as usual and the service stays up.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_QUEUE } from '../../src/wire/names.js';
import { deleteKeys, tempDir, TEST_REDIS_URL, uniquePrefix } from '../support/env.js';
import { BOT_NAME, outbound, pendingJobs, postJson, serviceEnv, startService, transcript, until, writeFaultProfile, type ServiceProcess } from '../support/service.js';

const prefix = uniquePrefix('fault-poison');
const TASK_ROOM = '幸福里第一网格工作群';
let tmp: ReturnType<typeof tempDir>;
let service: ServiceProcess | null = null;
let inbound: Queue;
let out: Queue;

beforeAll(() => {
  tmp = tempDir();
  writeFaultProfile(tmp.dir);
  inbound = new Queue(INBOUND_QUEUE, { connection: { url: TEST_REDIS_URL, maxRetriesPerRequest: 1 }, prefix });
  out = outbound(prefix);
});
afterAll(async () => {
  await service?.stop();
  await inbound.close();
  await out.close();
  await deleteKeys(prefix);
  tmp.cleanup();
});

/** What a gateway should never send: not a ChatIn. */
const POISON: [string, unknown][] = [
  ['poison-null', null],
  ['poison-string', 'not a message'],
  ['poison-empty', {}],
  ['poison-types', { messageId: 'poison-types', botId: 'fault', from: null, room: 7, text: { a: 1 }, mentionSelf: 'yes', type: 'text', at: 'yesterday' }],
  ['poison-array', [1, 2, 3]],
];

describe('when poison jobs reach the inbound queue', () => {
  it('fails each alone and keeps handling the messages after them', { timeout: 40_000 }, async () => {
    service = await startService(serviceEnv(tmp.dir, prefix));
    const url = service.url;
    const since = (await transcript(url)).at(-1)?.seq ?? 0;

    // The gateway's own job options (src/chat/gateway.ts): five attempts, exponential backoff.
    for (const [jobId, data] of POISON) {
      await inbound.add('message', data, { jobId, attempts: 5, backoff: { type: 'exponential', delay: 500 }, removeOnFail: { age: 3600 } });
    }
    // A worker speaks right after them: answered promptly, while the poison is still retried.
    const t0 = Date.now();
    const said = await postJson(`${url}/sandbox/say`, { from: '李网格', room: TASK_ROOM, text: '帮助' });
    expect(said.status).toBe(200);
    const reply = await until(
      async () => (await transcript(url, said.json.seq)).find((m) => m.from === BOT_NAME && m.room === TASK_ROOM),
      5000,
      'the help reply after the poison jobs',
    );
    expect(reply.text).toContain('网格员常用指令');
    expect(Date.now() - t0).toBeLessThan(5000);

    // Each poison job ends (failed after its retries, or dropped as invalid) instead of looping.
    const states = await until(
      async () => {
        const s = await Promise.all(POISON.map(async ([id]) => (await inbound.getJob(id))?.getState()));
        return s.every((x) => x === 'failed' || x === 'completed') && s;
      },
      15_000,
      'every poison job finished',
      250,
    );
    expect(states).toHaveLength(POISON.length);

    // Nothing was said because of them, the service is up, and it still listens.
    await until(async () => (await pendingJobs(out)) === 0, 5000, 'the outbound queue drained');
    expect((await transcript(url, since)).filter((m) => m.from === BOT_NAME).map((m) => m.seq)).toEqual([reply.seq]);
    expect(service.exited()).toBe(false);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const again = await postJson(`${url}/sandbox/say`, { from: '周网格', room: TASK_ROOM, text: '帮助' });
    await until(async () => (await transcript(url, again.json.seq)).some((m) => m.from === BOT_NAME && m.text.startsWith('@周网格')), 5000, 'a reply after the poison failed');
  });
});
