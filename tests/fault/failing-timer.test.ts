/**
 * Fault: the handler of a deadline timer fails five times in a row (every attempt BullMQ
 * makes), then the cause goes away. The cause is real: the case's row cannot be written (a
 * trigger in the same SQLite file aborts every update of that one case, as a corrupt page or
 * a bad migration would), while the other cases are fine.
 * Protects: a timer that failed all its attempts is re-armed by the sweep, so the case still
 * escalates once it can (issue 11, finding 4); the failure stays with its case.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, tempDir, uniquePrefix } from '../support/env.js';
import { aLead } from '../support/leads.js';
import { BOT_NAME, caseOf, dispatchesOf, postJson, serviceEnv, startService, transcript, until, writeFaultProfile, type ServiceProcess } from '../support/service.js';

const prefix = uniquePrefix('fault-timer');
let tmp: ReturnType<typeof tempDir>;
let service: ServiceProcess | null = null;

beforeAll(() => {
  tmp = tempDir();
  writeFaultProfile(tmp.dir, { urgent: { ackWithin: '2s', resolveWithin: '1h', stepEvery: '1h', chain: ['assignee', 'lead'] } });
});
afterAll(async () => {
  await service?.stop();
  await deleteKeys(prefix);
  tmp.cleanup();
});

/** Makes every update of one case's row fail (in another connection, as another process would). */
function breakCase(file: string, caseId: string): () => void {
  const db = new Database(file, { timeout: 5000 });
  const trigger = `fault_case_${caseId}`;
  db.exec(`CREATE TRIGGER ${trigger} BEFORE UPDATE ON cases WHEN OLD.id = '${caseId}' BEGIN SELECT RAISE(ABORT, 'injected fault: this case cannot be written'); END`);
  return () => {
    db.exec(`DROP TRIGGER ${trigger}`);
    db.close();
  };
}

describe('when a deadline timer fails five times and then recovers', () => {
  it('still escalates the case, once, and the other case on time', { timeout: 40_000 }, async () => {
    service = await startService(serviceEnv(tmp.dir, prefix));
    const url = service.url;
    const post = async (unit: string, assignee: string) => (await postJson(`${url}/api/v1/leads`, aLead({ level: 'urgent', unit, assignee }))).json.results[0].caseId as string;
    const broken = await post('G1', '李网格');
    const healthy = await post('G3', '刘网格');
    const repair = breakCase(join(tmp.dir, 'g.db'), broken);
    try {
      await until(async () => dispatchesOf(await transcript(url), broken).private.length === 1, 5000, 'the case dispatched');
      // Every attempt of the timer fails (the service logs each one).
      const failures = () => service!.output().split('\n').filter((l) => l.includes('escalation step failed') && l.includes(`deadline-${broken}-`)).length;
      await until(() => failures() >= 5, 15_000, 'five failed attempts of the deadline', 50);
      expect((await caseOf(url, healthy)).escalationStep).toBe(1);
      expect((await caseOf(url, broken)).escalationStep).toBe(0);
    } finally {
      repair();
    }

    // Once the row can be written again, the step fires: the assignee is reminded, once.
    const repairedAt = Date.now();
    const view = await until(async () => {
      const c = await caseOf(url, broken);
      return c.escalationStep >= 1 && c;
    }, 10_000, 'the case escalated after the cause went away', 250).catch((err: Error) => {
      // What the timers did, for the reader of a failure.
      const lines = service!.output().split('\n').filter((l) => /deadline|timer|sweep|escalat/i.test(l));
      throw new Error(`${err.message}\n${lines.map((l) => l.slice(0, 240)).join('\n')}`);
    });
    expect(Date.now() - repairedAt).toBeLessThan(10_000);
    expect(view.events.filter((e: { type: string }) => e.type === 'escalated').map((e: { role: string }) => e.role)).toEqual(['assignee']);
    const reminders = await until(async () => {
      const r = (await transcript(url)).filter((m) => m.from === BOT_NAME && m.text.includes(`催办】${broken}`));
      return r.length >= 2 && r;
    }, 5000, 'the reminder sent');
    expect(reminders.map((m) => m.room ?? `private:${m.to}`).sort()).toEqual(['private:李网格', '幸福里第一网格工作群']);
  });
});
