/**
 * Calm logs: the service runs against a redis-server of its own (never the shared one), which is
 * killed for about three seconds and started again empty. Every Redis client of the process
 * retries meanwhile; the deployer must read one warning when Redis goes and one line when it is
 * back, no stack traces, and the timers rebuilt once. A normal stop afterwards warns about nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, uniquePrefix } from '../support/env.js';
import { aLead } from '../support/leads.js';
import { dispatchesOf, postJson, serviceEnv, startService, transcript, until, writeFaultProfile, privateRedis, type PrivateRedis, type ServiceProcess } from '../support/service.js';

const prefix = uniquePrefix('redis-outage-logs');
let tmp: ReturnType<typeof tempDir>;
let redis: PrivateRedis;
let service: ServiceProcess | null = null;

/** Lines at pino level warn (40) or above. */
const warnings = (lines: string[]) => lines.filter((l) => /"level":(4|5|6)0\b/.test(l));
const linesOf = (text: string) => text.split('\n').filter(Boolean);

beforeAll(async () => {
  tmp = tempDir();
  writeFaultProfile(tmp.dir);
  redis = await privateRedis();
  await redis.start();
  service = await startService(serviceEnv(tmp.dir, prefix, { REDIS_URL: redis.url }));
});
afterAll(async () => {
  await service?.stop();
  await redis.kill();
  tmp.cleanup();
});

describe('when Redis goes away for three seconds and comes back empty', () => {
  it('logs one warning, one line when it is back, no stack traces, and works again', { timeout: 40_000 }, async () => {
    const s = service!;
    const mark = s.output().length;
    const since = () => s.output().slice(mark);
    await redis.kill();
    await until(() => /Redis is away/.test(since()), 5000, 'the outage told');
    const awayAt = Date.now();
    // The outage is the scenario: every client retries during these seconds.
    await until(() => Date.now() - awayAt >= 3000, 5000, 'three seconds of outage', 200);
    await redis.start();
    await until(() => /Redis is back/.test(since()), 10_000, 'the return told');
    await until(() => /escalation timers reconciled/.test(since()), 10_000, 'the timers rebuilt');

    // Everything works again: a lead is dispatched through the relay and the outbound worker.
    const res = await postJson(`${s.url}/api/v1/leads`, aLead({ level: 'urgent', unit: 'G1' }));
    expect(res.status).toBe(200);
    const caseId = res.json.results[0].caseId as string;
    await until(async () => dispatchesOf(await transcript(s.url), caseId).group.length > 0, 15_000, 'the lead dispatched after the outage');

    const lines = linesOf(since());
    expect(lines.filter((l) => /Redis is away/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /Redis is back/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /lost the escalation timers/.test(l)).length).toBeLessThanOrEqual(1);
    const others = warnings(lines).filter((l) => !/Redis is away|lost the escalation timers/.test(l));
    expect(others).toEqual([]);
    expect(lines.filter((l) => /"stack"|^\s+at |^Error: |ECONNREFUSED.*\{$/.test(l))).toEqual([]);
    expect(lines.every((l) => l.startsWith('{'))).toBe(true);
  });

  it('stops normally without a warning', async () => {
    const s = service!;
    const mark = s.output().length;
    await s.stop();
    const lines = linesOf(s.output().slice(mark));
    expect(lines.some((l) => /GridGuard stopped/.test(l))).toBe(true);
    expect(warnings(lines)).toEqual([]);
    expect(s.child.exitCode).toBe(0);
    service = null;
  });
});
