/**
 * Fault: the service is killed with SIGKILL during a burst of single leads, with a send in
 * flight (the sandbox makes each send take 150 ms, so one is always under way).
 * Protects: SQLite is the truth (every lead answered 200 exists), the outbox and idempotent
 * delivery (each dispatched exactly once), and a prompt restart (jobs left active are taken
 * back at start-up, not after BullMQ's stalled-job timeout; the group message before the
 * private one), all within 10 s of the restart (issue 11, finding 8).
 */
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, tempDir, uniquePrefix } from '../support/env.js';
import { aLead } from '../support/leads.js';
import {
  caseOf,
  dispatchedCaseIds,
  dispatchesOf,
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

const prefix = uniquePrefix('fault-sigkill');
let tmp: ReturnType<typeof tempDir>;
let env: Record<string, string>;
let queue: Queue;
const services: ServiceProcess[] = [];

beforeAll(() => {
  tmp = tempDir();
  writeFaultProfile(tmp.dir);
  env = serviceEnv(tmp.dir, prefix);
  queue = outbound(prefix);
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await queue.close();
  await deleteKeys(prefix);
  tmp.cleanup();
});

const UNITS = ['G1', 'G2', 'G3', 'G4'];
const RESTART_BOUND_MS = 10_000;

describe('when the service is killed during a burst of leads', () => {
  it('keeps every answered lead and dispatches each once, group first, within 10 s of the restart', { timeout: 60_000 }, async () => {
    const first = await startService(env);
    services.push(first);
    expect((await postJson(`${first.url}/sandbox/faults`, { sendDelayMs: 150 })).status).toBe(200);

    // Three clients post single leads until the process dies under them.
    const answered = new Map<string, string>();
    let n = 0;
    const client = async () => {
      while (!first.exited()) {
        const i = n++;
        const lead = aLead({ level: i % 2 ? 'high' : 'urgent', unit: UNITS[i % UNITS.length] });
        try {
          const res = await postJson(`${first.url}/api/v1/leads`, lead);
          if (res.status === 200) answered.set(res.json.results[0].externalId, res.json.results[0].caseId);
        } catch {
          return; // the connection died with the process: this lead's fate is unknown
        }
      }
    };
    const clients = [client(), client(), client()];
    await until(async () => answered.size >= 20 && dispatchedCaseIds(await transcript(first.url)).length >= 1, 20_000, 'a burst under way with messages going out');
    await first.kill();
    await Promise.all(clients);
    const answeredBeforeKill = new Map(answered);
    expect(answeredBeforeKill.size).toBeGreaterThanOrEqual(20);

    const second = await startService(env);
    services.push(second);
    const deadline = second.upAt + RESTART_BOUND_MS;
    const left = () => Math.max(0, deadline - Date.now());

    // Every answered case reaches its task room and its assignee...
    const delivered = await until(
      async () => {
        const all = await transcript(second.url);
        return [...answeredBeforeKill.values()].every((id) => {
          const d = dispatchesOf(all, id);
          return d.group.length > 0 && d.private.length > 0;
        }) && all;
      },
      left(),
      'every answered lead dispatched within 10 s of the restart',
    );
    // ...and nothing is left that could still be sent (no job left active by the killed process).
    await until(async () => (await pendingJobs(queue)) === 0, left(), 'the outbound queue drained within 10 s of the restart');

    const all = await transcript(second.url);
    expect(all.length).toBeGreaterThanOrEqual(delivered.length);
    for (const [externalId, caseId] of answeredBeforeKill) {
      const view = await caseOf(second.url, caseId);
      expect(view, `case ${caseId} of ${externalId}`).not.toBeNull();
      expect(view.externalId).toBe(externalId);
      const d = dispatchesOf(all, caseId);
      expect(d.group, `group dispatches of ${caseId}`).toHaveLength(1);
      expect(d.private, `private dispatches of ${caseId}`).toHaveLength(1);
      expect(d.group[0]!.seq, `group message of ${caseId} before the private one`).toBeLessThan(d.private[0]!.seq);
      expect(Date.parse(d.private[0]!.at)).toBeLessThanOrEqual(deadline);
    }
    // Leads in flight at the kill may or may not exist; none is dispatched twice either.
    const ids = dispatchedCaseIds(all);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
