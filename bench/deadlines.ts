/**
 * Benchmark of issue 6: escalation timers at city scale. 100,000 open cases in a real SQLite
 * file are armed as BullMQ delayed jobs through GridGuard's own path (createTimers →
 * reconcileAll / schedule → the real worker → fireDeadline), and every figure is set against a
 * bare-BullMQ baseline measured in the same run on the same Redis, so the output reads as
 * "GridGuard costs N× the floor" rather than as a pass/fail threshold.
 *
 *   npm run bench                                   # 100,000 cases, sample of 1,000
 *   BENCH_CASES=20000 BENCH_SAMPLE=500 npm run bench
 *
 * Redis: REDIS_URL or redis://127.0.0.1:6379; two fresh `bench-<uuid>` prefixes, every key under
 * them deleted at the end (also on failure or Ctrl-C). See docs/bench.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Queue, Worker, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { and, inArray, isNotNull } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { coreSettingsOf, loadProfile } from '../src/config.js';
import { createCore } from '../src/core/index.js';
import { coreContext } from '../src/core/ports.js';
import { fireDeadline, type EscalateDeps, type FireResult } from '../src/core/escalate.js';
import { indexOrg } from '../src/domain/org.js';
import { createLog } from '../src/log.js';
import { createTimers, DEADLINES_QUEUE, deadlineJobId, type Timers } from '../src/queues/deadlines.js';
import { OPEN_STATUSES } from '../src/store/cases.js';
import { openStore, type Store } from '../src/store/db.js';
import { memberByName, syncOrg } from '../src/store/org.js';
import { cases } from '../src/store/schema.js';
import {
  BENCH_REDIS_URL,
  benchCaseId,
  benchPrefix,
  cleanupOnSignal,
  countKeys,
  deleteKeys,
  envInt,
  percentile,
  redisHz,
  redisUsedMemory,
  rss,
  sleep,
  thousands,
} from './support.js';

const PROFILE = resolve(dirname(fileURLToPath(import.meta.url)), '../bots/demo.yaml');
const HOUR = 3_600_000;
/** Chunk size of the bare baseline (GridGuard's arm() uses the same). */
const CHUNK = 1000;
/** The sample falls due over this window, evenly spread. */
const SPREAD_MS = 5000;
/** Time between arming the sample and its first due time (arming must be done by then). */
const LEAD_MS = 1000;
/** Same concurrency as GridGuard's deadlines worker (src/queues/deadlines.ts). */
const WORKER_CONCURRENCY = 8;
/** Same job options as GridGuard's deadlines queue, so jobs weigh the same in Redis. */
const JOB_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: { age: 86_400 }, attempts: 5, backoff: { type: 'exponential', delay: 200 } };

/** One line of the result table: GridGuard's figure against the bare-BullMQ floor. */
export interface BenchRow {
  label: string;
  unit: 'ms' | 's' | 'B';
  gridguard: number;
  baseline: number;
}

export interface DeadlinesBenchResult {
  cases: number;
  sample: number;
  rows: BenchRow[];
  memory: { label: string; bytes: number }[];
  notes: string[];
  seconds: number;
}

interface Lateness {
  lateness: number[];
  /** How long the job body took (ms): fireDeadline for GridGuard, nothing for the baseline. */
  body: number[];
  armMs: number;
  missing: number;
}

const progress = (msg: string) => console.error(`[bench] ${msg}`);
const since = (t0: number) => performance.now() - t0;

/** Resolves when `done()` says so, polling every 20 ms; gives up at `deadline` (epoch ms). */
async function until(done: () => boolean, deadline: number): Promise<void> {
  while (!done() && Date.now() < deadline) await sleep(20);
}

/** Set once the cleanup has cut the connections: their errors are expected from then on. */
let closing = false;

function newConnection(url: string): Redis {
  const c = new Redis(url, { maxRetriesPerRequest: null });
  c.on('error', (err) => {
    if (!closing) progress(`redis connection error: ${err.message}`);
  });
  return c;
}

/** Fails fast with a clear message when Redis does not answer (a BullMQ connection retries forever). */
async function probeRedis(url: string): Promise<void> {
  const c = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  let cause: Error | null = null;
  c.on('error', (err: Error) => (cause ??= err));
  try {
    await c.connect();
    await c.ping();
  } catch (err) {
    cause ??= err as Error;
    throw new Error(`no Redis at ${url} (${cause.message}); start one or set REDIS_URL`, { cause });
  } finally {
    c.disconnect();
  }
}

/**
 * Runs the whole deadlines bench and returns its figures; progress goes to stderr.
 * Every Redis key it made and its temporary SQLite file are gone when the promise settles.
 */
export async function runDeadlinesBench(): Promise<DeadlinesBenchResult> {
  const N = envInt('BENCH_CASES', 100_000);
  const S = envInt('BENCH_SAMPLE', 1000);
  const started = performance.now();
  const rssBefore = rss();
  closing = false;
  await probeRedis(BENCH_REDIS_URL);

  const ggPrefix = benchPrefix();
  const barePrefix = benchPrefix();
  const dir = mkdtempSync(join(tmpdir(), 'gridguard-bench-deadlines-'));
  const silent = createLog('silent', { write: () => undefined });
  const notes: string[] = [];
  const memory: { label: string; bytes: number }[] = [{ label: 'RSS before', bytes: rssBefore.now }];
  const result: DeadlinesBenchResult = { cases: N, sample: S, rows: [], memory, notes, seconds: 0 };

  let store: Store | null = null;
  let timers: Timers | null = null;
  let bareQueue: Queue | null = null;
  let bareWorker: Worker | null = null;
  const ggConn = newConnection(BENCH_REDIS_URL);
  const bareConn = newConnection(BENCH_REDIS_URL);

  let cleaning: Promise<void> | null = null;
  /**
   * Normal end or failure: the bench's own flow has stopped, so everything closes in order.
   * Interrupted (`hard`): the flow may still be adding jobs, so both connections are cut first —
   * every later command of this process fails at once and nothing can re-create a key after the
   * deletion — and no close may take longer than 2 s.
   */
  const cleanup = (hard = false): Promise<void> =>
    (cleaning ??= (async () => {
      const step = async (what: string, fn: () => Promise<unknown> | unknown) => {
        try {
          await (hard ? Promise.race([fn(), sleep(2000)]) : fn());
        } catch (err) {
          if (!hard) progress(`cleanup: ${what} failed: ${(err as Error).message}`);
        }
      };
      if (hard) {
        closing = true;
        ggConn.disconnect();
        bareConn.disconnect();
      }
      // Workers first (a running worker could re-arm a timer after its keys were deleted).
      await step('close the baseline worker', () => bareWorker?.close(hard));
      await step('stop the timers', () => timers?.stop());
      await step('close the baseline queue', () => bareQueue?.close());
      await step('quit Redis', () => Promise.all([ggConn.quit().catch(() => ggConn.disconnect()), bareConn.quit().catch(() => bareConn.disconnect())]));
      closing = true;
      // On connections of their own, so this works whatever state the bench's connections are in.
      await step(`delete keys under ${ggPrefix}`, () => deleteKeys(ggPrefix));
      await step(`delete keys under ${barePrefix}`, () => deleteKeys(barePrefix));
      await step('close SQLite', () => store?.close());
      await step('remove the temporary directory', () => rmSync(dir, { recursive: true, force: true }));
    })());
  const unregister = cleanupOnSignal(() => cleanup(true));

  try {
    // --- SQLite: the demo org, then N open cases due in 1-2 h (pending all bench long). ---
    const profile = loadProfile(PROFILE);
    store = openStore(join(dir, 'bench.db'));
    syncOrg(store.db, profile.org);
    const workers = ['李网格', '周网格'].map((name) => {
      const m = memberByName(store!.db, name);
      if (!m || m.unit !== 'G1' || m.role !== 'worker') throw new Error(`the demo profile has no G1 worker "${name}"`);
      return m.id;
    });
    const insert = store.sqlite.prepare(
      `insert into cases (id, external_id, level, unit_code, assignee_id, status, attempts, escalation_step, phase_step, version,
         ack_due_at, resolve_due_at, next_deadline_at, created_at, dispatched_at, supervised_at)
       values (?, ?, 'urgent', 'G1', ?, 'dispatched', 0, 0, 0, 1, ?, null, ?, ?, ?, null)`,
    );
    /** Inserts `count` cases built by `row(i)` in one transaction (no array of rows held in memory). */
    const insertCases = store.sqlite.transaction((count: number, row: (i: number) => { id: string; ext: string; assignee: number; due: number; now: number }) => {
      for (let i = 0; i < count; i++) {
        const r = row(i);
        insert.run(r.id, r.ext, r.assignee, r.due, r.due, r.now, r.now);
      }
    });
    const t0 = Date.now();
    const backgroundDue = (i: number) => t0 + HOUR + Math.floor((i * HOUR) / N);
    let t = performance.now();
    insertCases(N, (i) => ({ id: benchCaseId(i), ext: `bench-${i}`, assignee: workers[i % 2]!, due: backgroundDue(i), now: t0 }));
    const seedMs = since(t);
    progress(`seeded ${thousands(N)} open cases into SQLite in ${seedMs.toFixed(0)} ms (one prepared statement, one transaction)`);
    memory.push({ label: 'RSS after seeding SQLite', bytes: rss().now });

    // The SQLite half of reconcileAll on its own (the same drizzle query), to split its time.
    // Only the count is kept, so the rows read here do not weigh on the RSS figures below.
    t = performance.now();
    const openCount = store.db
      .select({ id: cases.id, version: cases.version, nextDeadlineAt: cases.nextDeadlineAt })
      .from(cases)
      .where(and(inArray(cases.status, [...OPEN_STATUSES]), isNotNull(cases.nextDeadlineAt)))
      .all().length;
    const readMs = since(t);
    if (openCount !== N) throw new Error(`expected ${N} open cases with a deadline, SQLite has ${openCount}`);

    const redisBase = await redisUsedMemory(bareConn);
    const hz = await redisHz(bareConn);

    // --- 1. Baseline: bare addBulk of N delayed jobs, chunks of 1000, same ids/options/delays. ---
    bareQueue = new Queue(DEADLINES_QUEUE, { connection: bareConn as ConnectionOptions, prefix: barePrefix, defaultJobOptions: JOB_OPTIONS });
    bareQueue.on('error', (err) => progress(`baseline queue error: ${err.message}`));
    const addBare = async (): Promise<number> => {
      const t1 = performance.now();
      for (let i = 0; i < N; i += CHUNK) {
        const now = Date.now();
        const jobs = [];
        for (let k = i; k < Math.min(N, i + CHUNK); k++) {
          jobs.push({ name: 'deadline', data: { caseId: benchCaseId(k), version: 1 }, opts: { jobId: deadlineJobId(benchCaseId(k), 1), delay: Math.max(0, backgroundDue(k) - now) } });
        }
        await bareQueue!.addBulk(jobs);
      }
      return since(t1);
    };
    const bareColdMs = await addBare();
    progress(`baseline: addBulk of ${thousands(N)} delayed jobs in ${(bareColdMs / 1000).toFixed(2)} s`);
    const redisAfterBare = await redisUsedMemory(bareConn);

    // --- 1. GridGuard: reconcileAll from SQLite into an empty prefix. ---
    const sampleDue = new Map<string, number>();
    const gg: Lateness = { lateness: [], body: [], armMs: 0, missing: 0 };
    const outcomes: Record<FireResult, number> = { fired: 0, early: 0, stale: 0, done: 0 };
    const org = indexOrg(profile.org);
    const escalate: EscalateDeps = coreContext(store.db, org, coreSettingsOf(profile), { now: Date.now, random: Math.random, log: silent, outboxWritten: () => undefined, timersChanged: () => undefined });
    timers = createTimers({
      deadlines: createCore(store, org, coreSettingsOf(profile), { now: Date.now, random: Math.random, log: silent, outboxWritten: () => undefined, timersChanged: () => undefined }).timers,
      connection: ggConn,
      prefix: ggPrefix,
      log: silent,
      now: Date.now,
      // The real fireDeadline, wrapped to record when it ran against when its case was due.
      fire: (caseId, version) => {
        const t1 = performance.now();
        const result = fireDeadline(escalate, caseId, version);
        const due = sampleDue.get(caseId);
        if (due !== undefined && version === 1) {
          outcomes[result]++;
          if (result === 'fired') gg.body.push(since(t1));
        }
        return result;
      },
      sweepEveryMs: 1000,
    });

    t = performance.now();
    const reconciled = await timers.reconcileAll();
    const ggColdMs = since(t);
    if (reconciled !== N) throw new Error(`reconcileAll armed ${reconciled} cases, expected ${N}`);
    progress(`GridGuard: reconcileAll of ${thousands(N)} open cases into an empty Redis prefix in ${(ggColdMs / 1000).toFixed(2)} s`);
    const redisAfterGg = await redisUsedMemory(ggConn);
    memory.push({ label: 'RSS after reconcileAll', bytes: rss().now });

    // --- 1b. A flush: every key under GridGuard's prefix goes, then reconcileAll again. ---
    t = performance.now();
    const flushed = await deleteKeys(ggPrefix);
    const flushMs = since(t);
    t = performance.now();
    await timers.reconcileAll();
    const ggFlushMs = since(t);
    progress(`GridGuard: deleted ${thousands(flushed)} keys in ${flushMs.toFixed(0)} ms, reconciled again in ${(ggFlushMs / 1000).toFixed(2)} s`);

    // --- 1c. Timers intact (start-up or reconnect when Redis kept everything): re-adding is a no-op. ---
    const bareWarmMs = await addBare();
    progress(`baseline: addBulk of the same ${thousands(N)} ids again (all exist) in ${(bareWarmMs / 1000).toFixed(2)} s`);

    // --- 2. Baseline lateness: S jobs due over 5 s on top of the N pending, bare worker. ---
    const bare: Lateness = { lateness: [], body: [], armMs: 0, missing: 0 };
    bareWorker = new Worker(
      DEADLINES_QUEUE,
      async (job) => {
        const ranAt = Date.now();
        const due = (job.data as { due?: number }).due;
        if (typeof due === 'number') bare.lateness.push(ranAt - due);
      },
      { connection: bareConn as ConnectionOptions, prefix: barePrefix, concurrency: WORKER_CONCURRENCY, autorun: false },
    );
    bareWorker.on('error', (err) => progress(`baseline worker error: ${err.message}`));
    void bareWorker.run();
    await bareWorker.waitUntilReady();
    await sleep(500);
    {
      const first = Date.now() + LEAD_MS;
      const now = Date.now();
      const jobs = Array.from({ length: S }, (_, j) => {
        const due = first + Math.floor((j * SPREAD_MS) / S);
        return { name: 'deadline', data: { caseId: `sample${j}`, version: 1, due }, opts: { jobId: `deadline-sample${j}-v1`, delay: Math.max(0, due - now) } };
      });
      const t1 = performance.now();
      for (let i = 0; i < jobs.length; i += CHUNK) await bareQueue.addBulk(jobs.slice(i, i + CHUNK));
      bare.armMs = since(t1);
      await until(() => bare.lateness.length >= S, first + SPREAD_MS + 30_000);
      bare.missing = S - bare.lateness.length;
    }
    await bareWorker.close();
    bareWorker = null;
    progress(`baseline: ${bare.lateness.length}/${S} sample jobs ran, p50 ${percentile(bare.lateness, 0.5)} ms, p99 ${percentile(bare.lateness, 0.99)} ms late`);

    // --- 1c/2. GridGuard start-up: reconcileAll with every timer still there, then the real worker. ---
    t = performance.now();
    await timers.start();
    const ggWarmMs = since(t);
    progress(`GridGuard: timers.start() (reconcileAll with all ${thousands(N)} timers intact + worker) in ${(ggWarmMs / 1000).toFixed(2)} s`);
    await sleep(500);

    // --- 2. GridGuard lateness: S cases due over 5 s, in SQLite, armed with schedule(), fired for real. ---
    {
      const first = Date.now() + LEAD_MS;
      const now = Date.now();
      const ids = Array.from({ length: S }, (_, j) => benchCaseId(N + j));
      ids.forEach((id, j) => sampleDue.set(id, first + Math.floor((j * SPREAD_MS) / S)));
      const t1 = performance.now();
      insertCases(S, (j) => ({ id: ids[j]!, ext: `bench-sample-${j}`, assignee: workers[j % 2]!, due: sampleDue.get(ids[j]!)!, now }));
      await timers.schedule(ids);
      gg.armMs = since(t1);
      // Lateness per case from its audit event: a worker's cases due at the same moment are
      // reminded together (one fire covers several), so fires alone would undercount.
      const sqlite = store.sqlite;
      const stepped = () => (sqlite.prepare("select count(*) as n from case_events where type = 'escalated'").get() as { n: number }).n;
      await until(() => stepped() >= S, first + SPREAD_MS + 30_000);
      const events = sqlite.prepare("select case_id as id, at from case_events where type = 'escalated'").all() as { id: string; at: number }[];
      gg.lateness = events.filter((e) => sampleDue.has(e.id)).map((e) => e.at - sampleDue.get(e.id)!);
      gg.missing = S - gg.lateness.length;
    }
    progress(`GridGuard: ${gg.lateness.length}/${S} sample deadlines fired, p50 ${percentile(gg.lateness, 0.5)} ms, p99 ${percentile(gg.lateness, 0.99)} ms late`);

    // Sanity: each fired step wrote its audit event and outbox rows and was re-armed for the next step.
    const escalated = (store.sqlite.prepare("select count(*) as n from case_events where type = 'escalated'").get() as { n: number }).n;
    const outboxRows = (store.sqlite.prepare("select count(*) as n from outbox where job_id like 'out-escalate-%'").get() as { n: number }).n;
    const stepped = (store.sqlite.prepare('select count(*) as n from cases where escalation_step = 1 and phase_step = 1 and version = 2').get() as { n: number }).n;
    if (escalated !== gg.lateness.length || stepped !== gg.lateness.length) {
      notes.push(`WARNING: ${gg.lateness.length} fires recorded but ${escalated} 'escalated' events and ${stepped} cases at step 1`);
    }
    notes.push(`Redis hz ${hz}: a blocked worker's timeout is served on Redis's ${Number.isFinite(hz) ? Math.round(1000 / hz) : '?'} ms tick, which sets the lateness floor`);
    notes.push(`fire outcomes of the sample: ${Object.entries(outcomes).map(([k, v]) => `${k} ${v}`).join(', ')} (a 'stale' one was reminded together with another case of the same worker); ` +
      `${escalated} 'escalated' events, ${outboxRows} outbox rows (room + private reminder per step)`);
    if (gg.missing || bare.missing) notes.push(`WARNING: missing within 30 s of the last due time: GridGuard ${gg.missing}, baseline ${bare.missing}`);
    notes.push(`sample armed in ${gg.armMs.toFixed(0)} ms (GridGuard: SQLite insert + schedule) vs ${bare.armMs.toFixed(0)} ms (bare addBulk); first due ${LEAD_MS} ms after arming began`);
    notes.push(`fireDeadline itself (one SQLite transaction): p50 ${percentile(gg.body, 0.5).toFixed(2)} ms, p99 ${percentile(gg.body, 0.99).toFixed(2)} ms, max ${percentile(gg.body, 1).toFixed(2)} ms`);
    notes.push(`reconcileAll's SQLite read of ${thousands(N)} rows (same drizzle query): ${readMs.toFixed(0)} ms; the rest is building and sending ${Math.ceil(N / CHUNK)} addBulk calls`);
    notes.push(`seeding SQLite: ${seedMs.toFixed(0)} ms; the flush (SCAN + UNLINK of ${thousands(flushed)} keys): ${flushMs.toFixed(0)} ms`);

    memory.push({ label: 'RSS after the lateness runs', bytes: rss().now });
    result.rows = [
      { label: `schedule ${thousands(N)} pending (reconcileAll / addBulk)`, unit: 's', gridguard: ggColdMs / 1000, baseline: bareColdMs / 1000 },
      { label: `reconcile ${thousands(N)} after a flush`, unit: 's', gridguard: ggFlushMs / 1000, baseline: bareColdMs / 1000 },
      { label: `reconcile ${thousands(N)}, timers intact (start)`, unit: 's', gridguard: ggWarmMs / 1000, baseline: bareWarmMs / 1000 },
      { label: `lateness p50 (${thousands(S)} due over ${SPREAD_MS / 1000} s)`, unit: 'ms', gridguard: percentile(gg.lateness, 0.5), baseline: percentile(bare.lateness, 0.5) },
      { label: `lateness p99`, unit: 'ms', gridguard: percentile(gg.lateness, 0.99), baseline: percentile(bare.lateness, 0.99) },
      { label: `lateness max`, unit: 'ms', gridguard: percentile(gg.lateness, 1), baseline: percentile(bare.lateness, 1) },
      { label: 'Redis memory per pending timer (approx.)', unit: 'B', gridguard: (redisAfterGg - redisAfterBare) / N, baseline: (redisAfterBare - redisBase) / N },
    ];
    return result;
  } finally {
    unregister();
    await cleanup();
    const left = (await Promise.all([countKeys(ggPrefix), countKeys(barePrefix)]).catch(() => [NaN, NaN])).reduce((a, b) => a + b, 0);
    progress(`cleanup: ${left === 0 ? 'no keys left' : `${left} keys LEFT`} under ${ggPrefix} and ${barePrefix}; temporary SQLite removed`);
    memory.push({ label: 'RSS after (cleanup done)', bytes: rss().now }, { label: 'RSS peak', bytes: rss().peak });
    // Filled in here so that the wall time includes the cleanup.
    result.seconds = since(started) / 1000;
  }
}
