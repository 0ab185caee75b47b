/**
 * Fault: every Redis key of the service's prefix is deleted (a flush, a Redis restarted
 * without persistence) while escalation timers are pending, twice: before the first step
 * and between the first and the second.
 * Protects: deadlines live in SQLite and the queue is rebuilt from it (NOTES.md "Redis is not
 * a store of record"): each step still fires, once, and no delivered message is sent again.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINES_QUEUE } from '../../src/queues/deadlines.js';
import { deleteKeys,  TEST_REDIS_URL } from '../support/env.js';
import { aLead } from '../support/leads.js';
import {
  BOT_NAME,
  caseOf,
  dispatchesOf,
  pendingJobs,
  postJson,
  serviceEnv,
  startService,
  transcript,
  until,
  faultSuite,
  type ServiceProcess,
} from '../support/service.js';

let service: ServiceProcess | null = null;
let redis: Redis;
const suite = faultSuite('fault-redis-keys', { urgent: { ackWithin: '3s', resolveWithin: '1h', stepEvery: '2s', chain: ['assignee', 'lead'] } }, () => [service]);
const { prefix } = suite;

beforeAll(() => {
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis.disconnect();
});

/** The sweep's mark that timers were rebuilt from SQLite (src/queues/deadlines.ts). */
const sentinel = () => redis.exists(`${prefix}:${DEADLINES_QUEUE}:reconciled`);

describe('when Redis loses every key while timers are pending', () => {
  it('still fires each escalation step once and sends nothing twice', { timeout: 40_000 }, async () => {
    service = await startService(serviceEnv(suite.dir, prefix));
    const url = service.url;
    // Two cases of different workers and communities, so no reminder is batched with another.
    const ids: string[] = [];
    for (const [unit, assignee] of [['G1', '李网格'], ['G3', '刘网格']] as const) {
      const res = await postJson(`${url}/api/v1/leads`, aLead({ level: 'urgent', unit, assignee }));
      expect(res.status).toBe(200);
      ids.push(res.json.results[0].caseId);
    }
    await until(async () => {
      const all = await transcript(url);
      return ids.every((id) => dispatchesOf(all, id).private.length === 1);
    }, 5000, 'both cases dispatched');

    expect(await deleteKeys(prefix)).toBeGreaterThan(0);
    const steps = async (n: number) => (await Promise.all(ids.map((id) => caseOf(url, id)))).every((c) => c.escalationStep >= n);
    await until(() => steps(1), 10_000, 'the first step of both cases fired after the keys were deleted', 300);

    expect(await deleteKeys(prefix)).toBeGreaterThan(0);
    await until(() => steps(2), 10_000, 'the second step of both cases fired after the keys were deleted again', 300);
    // The timers were rebuilt after the second deletion, and every message went out.
    await until(async () => (await sentinel()) === 1 && (await pendingJobs(suite.queue)) === 0, 5000, 'timers rebuilt and the outbound queue drained');

    const all = await transcript(url);
    for (const id of ids) {
      const view = await caseOf(url, id);
      const escalated = view.events.filter((e: { type: string }) => e.type === 'escalated');
      expect(escalated.map((e: { role: string }) => e.role), `steps of ${id}`).toEqual(['assignee', 'lead']);
      expect(view.escalationStep).toBe(2);
      const d = dispatchesOf(all, id);
      expect([d.group.length, d.private.length], `dispatches of ${id}`).toEqual([1, 1]);
      const about = (tag: string) => all.filter((m) => m.from === BOT_NAME && m.text.includes(`${tag}】${id}`));
      // The reminder in the task room and privately; the alert in the supervision room and privately.
      expect(about('催办').map((m) => m.room ?? `private:${m.to}`), `reminders of ${id}`).toHaveLength(2);
      expect(about('超时').map((m) => m.room ?? `private:${m.to}`), `alerts of ${id}`).toHaveLength(2);
    }
  });
});
