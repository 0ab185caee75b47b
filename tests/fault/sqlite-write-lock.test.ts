/**
 * Fault: another process holds the SQLite write lock for 10 s (as `gridguard import leads` of
 * a large file does next to the running service), while the centre pushes leads and a worker
 * acknowledges a case in the sandbox.
 * Protects: a busy database is answered 503 with Retry-After, never 500; the client's retry
 * of the same request is idempotent; a chat message is stored and handled once or refused;
 * the server keeps answering while it waits (issue 11, finding 6).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
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

const TASK_ROOM = '幸福里第一网格工作群';
const LOCK_MS = 10_000;
let service: ServiceProcess | null = null;
const suite = faultSuite('fault-sqlite-lock', {}, () => [service]);
const { prefix } = suite;

/** Another process takes the write lock (BEGIN IMMEDIATE) for `ms`; resolves once it holds it. */
function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('released'); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((res, rej) => child.once('exit', (code) => (code === 0 ? res() : rej(new Error(`the lock holder exited with ${code}`)))));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      if (String(d).includes('locked')) resolve({ released });
    });
    released.catch(reject);
  });
}

interface Attempt {
  status: number;
  retryAfter: string | null;
  ms: number;
}

/** Sends the same request until it is answered 200 (as a careful client does), recording each answer. */
async function withRetries(send: () => Promise<{ status: number; headers: Headers; json: any }>, attempts: Attempt[], giveUpAt: number): Promise<any> {
  for (;;) {
    const t0 = Date.now();
    const res = await send();
    attempts.push({ status: res.status, retryAfter: res.headers.get('retry-after'), ms: Date.now() - t0 });
    if (res.status === 200) return res.json;
    if (Date.now() > giveUpAt) throw new Error(`still ${res.status} after the lock was released: ${JSON.stringify(res.json)}`);
    const wait = res.status === 503 ? Math.min(2, Number(res.headers.get('retry-after')) || 1) : 1;
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
}

describe('when another process holds the SQLite write lock for 10 s', () => {
  it('answers 503 or 200, never 500, keeps answering, and loses or doubles nothing', { timeout: 60_000 }, async () => {
    service = await startService(serviceEnv(suite.dir, prefix));
    const url = service.url;
    const first = await postJson(`${url}/api/v1/leads`, aLead({ level: 'urgent', unit: 'G1', assignee: '李网格' }));
    expect(first.status).toBe(200);
    const acked = first.json.results[0].caseId as string;
    await until(async () => dispatchesOf(await transcript(url), acked).private.length === 1, 5000, 'the first case dispatched');

    const file = join(suite.dir, 'g.db');
    const lock = await holdWriteLock(file, LOCK_MS);
    const lockedAt = Date.now();
    const writer = new Database(file, { timeout: 0 });
    expect(() => writer.exec('BEGIN IMMEDIATE'), 'the lock is held').toThrow(/locked|busy/i);
    writer.close();
    const giveUpAt = lockedAt + LOCK_MS + 10_000;
    let lockHeld = true;
    void lock.released.then(() => (lockHeld = false));

    // While the lock is held: three leads, an acknowledgement in the task room, and a probe of
    // how long the server takes to answer at all.
    const leadAttempts: Attempt[][] = [[], [], []];
    const leads = [aLead({ level: 'urgent', unit: 'G2' }), aLead({ level: 'high', unit: 'G3' }), aLead({ level: 'urgent', unit: 'G4' })];
    const sayAttempts: Attempt[] = [];
    const probes: number[] = [];
    const [results, said] = await Promise.all([
      Promise.all(leads.map((lead, i) => withRetries(() => postJson(`${url}/api/v1/leads`, lead), leadAttempts[i]!, giveUpAt))),
      withRetries(() => postJson(`${url}/sandbox/say`, { from: '李网格', room: TASK_ROOM, text: `收到 ${acked}` }), sayAttempts, giveUpAt),
      (async () => {
        while (lockHeld) {
          const t0 = Date.now();
          await fetch(`${url}/healthz`).then((r) => r.body?.cancel());
          probes.push(Date.now() - t0);
          await new Promise((r) => setTimeout(r, 250));
        }
      })(),
    ]);
    await lock.released;
    expect(Date.now() - lockedAt).toBeGreaterThanOrEqual(LOCK_MS);

    // No 500: busy is a 503 with Retry-After.
    const all = [...leadAttempts.flat(), ...sayAttempts];
    expect(all.filter((a) => a.status !== 200 && a.status !== 503).map((a) => a.status), 'answers other than 200 and 503').toEqual([]);
    expect(all.filter((a) => a.status === 503 && !a.retryAfter), '503 answers without Retry-After').toEqual([]);
    // Nobody waits seconds for an answer while the lock is held.
    expect.soft(Math.max(...probes), 'slowest /healthz answer during the lock (ms)').toBeLessThan(1000);
    expect.soft(Math.max(...all.map((a) => a.ms)), 'slowest intake or say answer during the lock (ms)').toBeLessThan(2000);

    // Each lead is one case, dispatched once; the acknowledgement is stored and handled once.
    const caseIds = results.map((r: { results: { caseId: string }[] }) => r.results[0]!.caseId);
    await until(
      async () => {
        const t = await transcript(url);
        const replied = t.some((m) => m.from === BOT_NAME && m.text.includes(`已接单 ${acked}`));
        return replied && caseIds.every((id) => dispatchesOf(t, id).private.length > 0);
      },
      15_000,
      'every lead dispatched and the acknowledgement answered after the lock',
    );
    await until(async () => (await pendingJobs(suite.queue)) === 0, 10_000, 'the outbound queue drained');
    const t = await transcript(url);
    for (const [i, caseId] of caseIds.entries()) {
      const view = await caseOf(url, caseId);
      expect(view.externalId).toBe(leads[i]!.externalId);
      const d = dispatchesOf(t, caseId);
      expect([d.group.length, d.private.length], `dispatches of ${caseId}`).toEqual([1, 1]);
    }
    expect(said.seq).toBeGreaterThan(0);
    expect(t.filter((m) => m.from === '李网格' && m.text === `收到 ${acked}`), 'the acknowledgement in the transcript').toHaveLength(1);
    expect(t.filter((m) => m.from === BOT_NAME && m.text.includes(`已接单 ${acked}`)), 'the bot’s confirmations').toHaveLength(1);
    const view = await caseOf(url, acked);
    expect(view.status).toBe('acknowledged');
    expect(view.events.filter((e: { type: string }) => e.type === 'acknowledged')).toHaveLength(1);
  });
});
