/**
 * Fault: Redis is killed (SIGKILL) during a stream of leads and restarted empty (no
 * persistence), on a private redis-server of this test (the shared one is never touched).
 * Protects: intake depends on SQLite only; the outbox is relayed again from SQLite when Redis
 * comes back: no lead answered 200 is lost, and nothing already delivered is sent again.
 */
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, uniquePrefix } from '../support/env.js';
import { aLead } from '../support/leads.js';
import {
  caseOf,
  dispatchedCaseIds,
  dispatchesOf,
  privateRedis,
  type PrivateRedis,
  outbound,
  pendingJobs,
  postJson,
  serviceEnv,
  startService,
  transcript,
  until,
  writeFaultProfile,
  type ServiceProcess,
} from '../support/service.js';

const prefix = uniquePrefix('fault-redis-restart');
let tmp: ReturnType<typeof tempDir>;
let redis: PrivateRedis;
let service: ServiceProcess | null = null;

beforeAll(async () => {
  tmp = tempDir();
  writeFaultProfile(tmp.dir);
  redis = await privateRedis();
  await redis.start();
});
afterAll(async () => {
  await service?.stop();
  await redis.kill();
  tmp.cleanup();
});

describe('when Redis is killed and restarted empty during intake', () => {
  it('loses no answered lead and sends nothing twice', { timeout: 60_000 }, async () => {
    service = await startService(serviceEnv(tmp.dir, prefix, { REDIS_URL: redis.url }));
    const url = service.url;
    const answered = new Map<string, string>();
    const refused: number[] = [];
    let stop = false;
    let n = 0;
    const client = async () => {
      while (!stop) {
        const i = n++;
        const res = await postJson(`${url}/api/v1/leads`, aLead({ level: i % 3 ? 'high' : 'urgent', unit: `G${(i % 4) + 1}` }));
        if (res.status === 200) answered.set(res.json.results[0].externalId, res.json.results[0].caseId);
        else refused.push(res.status);
        // About a dozen leads a second in all: a steady stream, not a load test.
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    const clients = [client(), client()];
    try {
      // Some messages are out when Redis dies.
      await until(async () => answered.size >= 8 && dispatchedCaseIds(await transcript(url)).length >= 2, 15_000, 'leads flowing and dispatched');
      await redis.kill();
      const atKill = answered.size;
      const killedAt = Date.now();
      // Redis stays down for 1.5 s (the outage is the scenario) while leads keep coming.
      await until(() => answered.size >= atKill + 6 && Date.now() - killedAt >= 1500, 10_000, 'leads answered while Redis is down');
      await redis.start();
      const atRestart = answered.size;
      await until(() => answered.size >= atRestart + 6, 15_000, 'leads answered after Redis came back');
    } finally {
      stop = true;
      await Promise.all(clients);
    }
    // A refusal is allowed (the lead was not taken), a server error is not.
    expect(refused.filter((s) => s >= 500 && s !== 503)).toEqual([]);

    const queue: Queue = outbound(prefix, undefined, redis.url);
    try {
      await until(
        async () => {
          const all = await transcript(url);
          return [...answered.values()].every((id) => {
            const d = dispatchesOf(all, id);
            return d.group.length > 0 && d.private.length > 0;
          });
        },
        20_000,
        'every answered lead dispatched',
        200,
      );
      await until(async () => (await pendingJobs(queue)) === 0, 10_000, 'the outbound queue drained');
    } finally {
      await queue.close();
    }
    const all = await transcript(url);
    for (const [externalId, caseId] of answered) {
      const view = await caseOf(url, caseId);
      expect(view?.externalId, `case ${caseId}`).toBe(externalId);
      const d = dispatchesOf(all, caseId);
      expect([d.group.length, d.private.length], `dispatches of ${caseId}`).toEqual([1, 1]);
    }
    const ids = dispatchedCaseIds(all);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(service.exited()).toBe(false);
  });
});
