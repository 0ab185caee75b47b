/**
 * Benchmark of issue 7's shift close (交接班) at city scale: 500 units, 100,000 cases in one
 * 12-hour shift, in a real SQLite file. Times closeShift (read + compile + upsert + outbox),
 * its parts, and a bare SQL aggregate over the same rows as a floor, and shows the query plans
 * of readShiftRows. Not a test: it prints figures, it asserts only that the data is sane.
 *
 *   node --import tsx bench/summaries.ts            # 100,000 cases
 *   BENCH_CASES=20000 node --import tsx bench/summaries.ts
 *   BENCH_SHIFT_CASES=100000 npm run bench:quick   # this bench at full size, the others quick
 *
 * See docs/bench-summaries.md for what each number means.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { coreSettingsOf, parseProfile, type Profile } from '../src/config.js';
import { coreContext } from '../src/core/ports.js';
import { closeShift, type ShiftDeps } from '../src/core/close-shift.js';
import { CASE_ID_ALPHABET } from '../src/domain/case-id.js';
import type { Result } from '../src/domain/case-machine.js';
import { indexOrg } from '../src/domain/org.js';
import { previousBoundary } from '../src/domain/shifts.js';
import { compileSummaries } from '../src/domain/summary.js';
import type { Level } from '../src/domain/types.js';
import { createLog } from '../src/log.js';
import { openStore, type Store } from '../src/store/db.js';
import { syncOrg } from '../src/store/org.js';
import { readShiftRows, SHIFT_SQL, upsertSummaries } from '../src/store/summaries.js';

const BOUNDARIES = '0 8,20 * * *';
const TIMEZONE = 'Asia/Shanghai';
/** The shift measured: 08:00 to 20:00 Beijing time (its end is a boundary of BOUNDARIES). */
const FROM = Date.parse('2026-11-23T08:00:00+08:00');
const TO = Date.parse('2026-11-23T20:00:00+08:00');
const HOUR = 3_600_000;
const MINUTE = 60_000;
const RUNS = 3;

const STATIONS = 5;
const COMMUNITIES_PER_STATION = 10;
const GRIDS = 444; // 1 district + 5 stations + 50 communities + 444 grids = 500 units
const OUTREACH_ROWS = 3000;

/** Deterministic PRNG (mulberry32): every run seeds the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let r = rand();
  for (const [v, w] of weighted) {
    if ((r -= w) < 0) return v;
  }
  return weighted[weighted.length - 1]![0];
}

/** Case ids in the real alphabet, 5 characters (27^5 > 14 million). */
function caseId(i: number): string {
  let s = '';
  for (let n = i, k = 0; k < 5; k++, n = Math.floor(n / CASE_ID_ALPHABET.length)) s = CASE_ID_ALPHABET[n % CASE_ID_ALPHABET.length] + s;
  return s;
}

/** The 500-unit org, validated through the same profile parser as bots/*.yaml. */
export function benchProfile(): Profile {
  const units: Record<string, unknown>[] = [{ code: 'D1', name: '滨江区', kind: 'district' }];
  const members: Record<string, unknown>[] = [{ name: '反诈中心值班员', role: 'operator', unit: 'D1' }];
  const rooms: Record<string, unknown>[] = [];
  const communities: string[] = [];
  for (let s = 1; s <= STATIONS; s++) {
    const station = `S${s}`;
    units.push({ code: station, name: `第${s}派出所`, kind: 'station', parent: 'D1' });
    members.push({ name: `督导${s}`, role: 'supervisor', unit: station });
    rooms.push({ topic: `第${s}派出所督导群`, unit: station, purpose: 'supervision' });
    for (let c = 1; c <= COMMUNITIES_PER_STATION; c++) {
      const community = `C${s}-${c}`;
      communities.push(community);
      units.push({ code: community, name: `第${s}所第${c}社区`, kind: 'community', parent: station });
      members.push({ name: `社区负责人${s}-${c}`, role: 'lead', unit: community });
    }
  }
  for (let g = 0; g < GRIDS; g++) {
    const community = communities[g % communities.length]!;
    const code = `G${g + 1}`;
    units.push({ code, name: `${community}网格${g + 1}`, kind: 'grid', parent: community });
    members.push({ name: `网格员${g + 1}`, role: 'worker', unit: code });
  }
  return parseProfile({ org: { units, members, rooms }, bot: { name: '网格哨兵', sendInterval: '0ms' } }, 'bench profile');
}

export interface SeedStats {
  cases: number;
  events: number;
  outcomes: number;
  outreach: number;
  ms: number;
}

/**
 * Inserts `count` cases created in (FROM, TO], one transaction of prepared statements.
 * Fates: 60% resolved in the shift, 15% resolved after it (closed late: carried over),
 * 10% cancelled in it, 15% still open at its end (two thirds of them acknowledged).
 */
export function seedShift(store: Store, profile: Profile, count: number): SeedStats {
  const t0 = performance.now();
  const rand = prng(7);
  const sqlite = store.sqlite;
  const memberId = new Map((sqlite.prepare('select id, name from members').all() as { id: number; name: string }[]).map((r) => [r.name, r.id]));
  const parentOf = new Map(profile.org.units.map((u) => [u.code, u.parent]));
  const grids = profile.org.members
    .filter((m) => m.role === 'worker')
    .map((m) => ({ unit: m.unit, id: memberId.get(m.name)!, worker: m.name, lead: `社区负责人${parentOf.get(m.unit)!.slice(1)}` }));

  const insCase = sqlite.prepare(`insert into cases (id, external_id, level, category, amount_at_risk, unit_code, assignee_id, status, attempts,
    escalation_step, ack_due_at, resolve_due_at, next_deadline_at, created_at, dispatched_at, acknowledged_at, resolved_at, cancelled_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent = sqlite.prepare('insert into case_events (case_id, at, type, actor, data) values (?, ?, ?, ?, ?)');
  const insOutcome = sqlite.prepare('insert into case_outcomes (case_id, at, member_id, method, result, loss_amount, final) values (?, ?, ?, ?, ?, ?, ?)');
  // The case mirrors its final outcome, as recording one does (src/core/case-actions.ts).
  const mirrorOutcome = sqlite.prepare('update cases set result = ?, loss_amount = ? where id = ?');
  const insOutreach = sqlite.prepare(`insert into outreach_logs (member_id, unit_code, day, place, people, installs, leaflets, raw_text, created_at, withdrawn_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  let events = 0;
  let outcomes = 0;
  const event = (id: string, at: number, type: string, actor: string, data: Record<string, unknown>) => {
    insEvent.run(id, at, type, actor, JSON.stringify(data));
    events++;
  };
  const window = TO - FROM;
  const span = (need: number) => FROM + 1 + Math.floor(rand() * Math.max(1, window - need - 2));

  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = caseId(i);
      const grid = grids[Math.floor(rand() * grids.length)]!;
      const worker = grid.worker;
      const level = pick<Level>(rand, [['urgent', 0.1], ['high', 0.25], ['medium', 0.4], ['low', 0.25]]);
      const policy = profile.policy[level];
      const fate = pick(rand, [['resolved', 0.6], ['resolvedLater', 0.15], ['cancelled', 0.1], ['open', 0.15]] as const);
      const acked = fate === 'resolved' || fate === 'resolvedLater' || (fate === 'open' && rand() < 2 / 3);
      // Late acknowledgements: low cases have 24 h and cannot be late within a 12 h shift.
      const late = acked && level !== 'low' && rand() < 0.27;
      const ackDelay = late ? policy.ackWithin + Math.floor(rand() * Math.min(policy.ackWithin, HOUR)) : Math.floor(rand() * Math.min(policy.ackWithin, HOUR));
      const resolveDelay = 5 * MINUTE + Math.floor(rand() * Math.min(policy.resolveWithin, 3 * HOUR));
      const need = 30_000 + (acked ? ackDelay : 0) + (fate === 'resolved' ? resolveDelay : 0) + (fate === 'cancelled' ? 30 * MINUTE : 0);
      const created = span(need);
      const dispatched = created + 2000 + Math.floor(rand() * 20_000);
      const isNew = fate === 'open' && !acked && rand() < 0.1;
      const ackAt = acked ? dispatched + ackDelay : null;
      const resolvedAt = fate === 'resolved' ? ackAt! + resolveDelay : fate === 'resolvedLater' ? TO + 1 + Math.floor(rand() * 2 * HOUR) : null;
      const cancelledAt = fate === 'cancelled' ? dispatched + Math.floor(rand() * 30 * MINUTE) : null;
      const status = fate === 'resolved' || fate === 'resolvedLater' ? 'resolved' : fate === 'cancelled' ? 'cancelled' : acked ? 'acknowledged' : isNew ? 'new' : 'dispatched';
      const amount = rand() < 0.7 ? Math.round(rand() * 200_000) / 100 + 500 : null;
      const ackDue = created + policy.ackWithin;
      const resolveDue = created + policy.resolveWithin;
      const open = fate === 'open';
      // Escalation steps fire while a case waits past its acknowledgement deadline (about half of
      // those cases here: the rest were taken in hand first), every `stepEvery` until acknowledged.
      const steps: number[] = [];
      if ((late || (open && !acked && ackDue < TO)) && level !== 'low' && rand() < 0.5) {
        for (let at = ackDue; at <= TO && at < (ackAt ?? Infinity) && steps.length < 3; at += policy.stepEvery ?? policy.ackWithin) steps.push(at);
      }
      const attempt = resolvedAt !== null && rand() < 0.1;
      insCase.run(id, `EXT-${i}`, level, pick(rand, [['冒充公检法', 0.3], ['刷单返利', 0.3], ['虚假投资', 0.2], ['冒充客服', 0.2]]), amount, grid.unit, grid.id, status,
        attempt ? 1 : 0, steps.length, ackDue, resolveDue, open ? (acked ? resolveDue : ackDue) : null, created, isNew ? null : dispatched, ackAt, resolvedAt, cancelledAt);

      event(id, created, 'created', 'system', { externalId: `EXT-${i}`, level, unit: grid.unit });
      if (!isNew) event(id, dispatched, 'dispatched', 'system', { assignee: worker, how: 'fair' });
      if (ackAt !== null) event(id, ackAt, 'acknowledged', worker, { lateBy: Math.max(0, ackAt - ackDue) });
      steps.forEach((at, s) => event(id, at, 'escalated', 'system', { step: s + 1, unit: grid.unit, phase: 'ack', role: policy.chain[s] ?? 'lead' }));
      if (resolvedAt !== null) {
        if (attempt) {
          // A failed attempt first: a non-final outcome the summary must not count.
          insOutcome.run(id, resolvedAt - 60_000, grid.id, 'phone', rand() < 0.5 ? 'unreachable' : 'refused', null, 0);
          outcomes++;
        }
        const result = pick<Result>(rand, [['dissuaded', 0.75], ['defrauded', 0.08], ['false_positive', 0.12], ['reported', 0.05]]);
        const loss = result === 'defrauded' ? Math.round(rand() * 5_000_000) / 100 : null;
        insOutcome.run(id, resolvedAt, grid.id, pick(rand, [['visit', 0.5], ['phone', 0.4], ['video', 0.1]]), result, loss, 1);
        mirrorOutcome.run(result, loss, id);
        outcomes++;
        event(id, resolvedAt, 'resolved', worker, { result, lossAmount: loss });
      }
      if (cancelledAt !== null) event(id, cancelledAt, 'cancelled', grid.lead, { reason: '重复预警' });
    }
    for (let i = 0; i < OUTREACH_ROWS; i++) {
      const grid = grids[Math.floor(rand() * grids.length)]!;
      const at = FROM + 1 + Math.floor(rand() * (window - 1));
      insOutreach.run(grid.id, grid.unit, '2026-11-23', '小区广场', 5 + Math.floor(rand() * 60), Math.floor(rand() * 10), Math.floor(rand() * 50),
        '宣传 小区广场 30人', at, rand() < 0.05 ? at + HOUR : null);
    }
  })();
  return { cases: count, events, outcomes, outreach: OUTREACH_ROWS, ms: performance.now() - t0 };
}

interface Timing {
  runs: number[];
  median: number;
}

let gc: (() => void) | null = null;
/** A full collection before each timed run, so one step does not pay for the garbage of another. */
function collect(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

function time<T>(fn: () => T, runs = RUNS): Timing & { last: T } {
  const out: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    last = undefined as T;
    collect();
    const t = performance.now();
    last = fn();
    out.push(performance.now() - t);
  }
  const sorted = [...out].sort((a, b) => a - b);
  return { runs: out, median: sorted[Math.floor(sorted.length / 2)]!, last };
}

type Params = number[] | { from: number; to: number };

/** The SQL of readShiftRows (src/store/summaries.ts), with this shift's window. */
export const READ_QUERIES: { name: string; sql: string; params: Params }[] = Object.entries(SHIFT_SQL).map(([name, sql]) => ({ name, sql, params: { from: FROM, to: TO } }));

/** The least a naive summary needs: counts by unit and level, and acknowledgement counts. */
const BARE_QUERIES: { name: string; sql: string; params: Params }[] = [
  { name: 'bare: received', sql: 'select unit_code, level, count(*) as n from cases where created_at > ? and created_at <= ? group by unit_code, level', params: [FROM, TO] },
  {
    name: 'bare: acks',
    sql: 'select count(*) as n, sum(acknowledged_at > ack_due_at) as late from cases where acknowledged_at > ? and acknowledged_at <= ?',
    params: [FROM, TO],
  },
];

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** EXPLAIN QUERY PLAN, flattened; a `SCAN <table>` step reads every row of that table. */
function plan(store: Store, q: { sql: string; params: Params }): { lines: string[]; fullScans: string[]; indexes: string[] } {
  const rows = store.sqlite.prepare(`explain query plan ${q.sql}`).all(q.params) as PlanRow[];
  const depth = new Map<number, number>([[0, -1]]);
  const lines = rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
  // The org's units (a few hundred rows) are read whole on purpose: the outer loop of the shift's
  // per-unit query. Any other scan reads a table that grows with history.
  const fullScans = rows.filter((r) => /^SCAN [A-Za-z_]/.test(r.detail) && !/^SCAN CONSTANT/.test(r.detail) && !/^SCAN u USING COVERING INDEX sqlite_autoindex_units_1/.test(r.detail)).map((r) => r.detail);
  const indexes = [...new Set(rows.flatMap((r) => [...r.detail.matchAll(/USING (?:COVERING )?INDEX (\S+)|USING (INTEGER PRIMARY KEY)/g)].map((m) => m[1] ?? m[2]!)))];
  return { lines, fullScans, indexes };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fmt = (ms: number) => ms.toFixed(1).padStart(9);

/** The figures of the shift-close bench that RESULTS.md reports (medians, ms). */
export interface SummariesFigures {
  cases: number;
  bareMs: number;
  closeMs: number;
}

export async function runSummariesBench(): Promise<SummariesFigures> {
  // BENCH_SHIFT_CASES sizes this bench alone (e.g. issue 14's 100,000 cases inside bench:quick).
  const count = Number(process.env.BENCH_SHIFT_CASES ?? process.env.BENCH_CASES ?? 100_000);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`BENCH_SHIFT_CASES / BENCH_CASES must be a positive integer, got ${process.env.BENCH_SHIFT_CASES ?? process.env.BENCH_CASES}`);
  const rssStart = process.memoryUsage().rss;
  const started = performance.now();

  const profile = benchProfile();
  const org = indexOrg(profile.org);
  const dir = mkdtempSync(join(tmpdir(), 'gridguard-bench-summaries-'));
  const store = openStore(join(dir, 'bench.db'));
  try {
    syncOrg(store.db, profile.org);
    const seeded = seedShift(store, profile, count);
    const rssSeeded = process.memoryUsage().rss;
    const from = previousBoundary(profile.shifts.boundaries, TO, profile.timezone);
    if (from !== FROM || profile.shifts.boundaries !== BOUNDARIES || profile.timezone !== TIMEZONE) {
      throw new Error(`the shift before ${new Date(TO).toISOString()} starts at ${new Date(from).toISOString()}, expected ${new Date(FROM).toISOString()}`);
    }

    console.log(`GridGuard shift-summary bench: ${profile.org.units.length} units, ${profile.org.members.length} members, ` +
      `${profile.org.rooms.length} supervision rooms, shift ${new Date(FROM).toISOString()} → ${new Date(TO).toISOString()}`);
    console.log(`seeded ${seeded.cases} cases, ${seeded.events} events, ${seeded.outcomes} outcomes, ${seeded.outreach} outreach logs in ${seeded.ms.toFixed(0)} ms (one transaction)`);
    console.log('');

    // Baseline: bare SQL through prepared statements (prepared once, outside the timing).
    const bare = BARE_QUERIES.map((q) => store.sqlite.prepare(q.sql));
    const bareT = time(() => bare.map((s, i) => s.all(BARE_QUERIES[i]!.params)));
    const readT = time(() => readShiftRows(store.db, FROM, TO));
    const rows = readT.last;
    const compileT = time(() => compileSummaries(org, FROM, TO, rows));
    const deps: ShiftDeps = coreContext(store.db, org, coreSettingsOf(profile), {
      now: () => TO + 5 * MINUTE,
      random: Math.random,
      log: createLog('silent', { write: () => undefined }),
      outboxWritten: () => undefined,
      timersChanged: () => undefined,
    });
    const closeT = time(() => closeShift(deps, TO));
    const summaries = closeT.last;
    // The write part alone: the same 500 rows again (updates, like closeShift's 2nd and 3rd runs).
    const upsertT = time(() => store.db.transaction((tx) => upsertSummaries(tx, [...summaries.values()], TO + 5 * MINUTE)));
    // Where readShiftRows spends its time: each of its queries through a bare prepared statement.
    const perQuery = READ_QUERIES.map((q) => {
      const st = store.sqlite.prepare(q.sql).raw(true);
      // A query folded into JSON arrays (json_group_array) returns one row: count its elements.
      const t = time(() => {
        const out = st.all(q.params) as unknown[][];
        const first = out[0]?.[0];
        return out.length === 1 && typeof first === 'string' && first.startsWith('[') ? (JSON.parse(first) as unknown[]).length : out.length;
      });
      return { name: q.name, rows: t.last, t };
    });

    const written = (store.sqlite.prepare('select count(*) as n from shift_summaries where from_at = ? and to_at = ?').get(FROM, TO) as { n: number }).n;
    const outbox = (store.sqlite.prepare("select count(*) as n from outbox where job_id like 'out-summary-%'").get() as { n: number }).n;

    // Sanity: the district's figures are the whole shift, and agree with the bare aggregate.
    const district = summaries.get('D1')!;
    const [bareReceived, bareAcks] = bareT.last as [{ n: number }[], { n: number; late: number }[]];
    const bareTotal = bareReceived.reduce((a, r) => a + r.n, 0);
    if (district.received.total !== bareTotal || district.acknowledged !== bareAcks[0]!.n || district.acknowledgedLate !== bareAcks[0]!.late) {
      throw new Error(`summary and bare aggregate disagree: ${district.received.total}/${bareTotal} received, ${district.acknowledged}/${bareAcks[0]!.n} acknowledged`);
    }
    const pct = (n: number) => `${((100 * n) / district.received.total).toFixed(1)}%`;
    console.log(`district D1: received ${district.received.total} (urgent ${district.received.urgent}, high ${district.received.high}, medium ${district.received.medium}, low ${district.received.low}), ` +
      `acknowledged ${district.acknowledged} (${pct(district.acknowledged)}; late ${district.acknowledgedLate} = ${((100 * district.acknowledgedLate) / district.acknowledged).toFixed(1)}% of them), ` +
      `resolved ${district.resolved} (${pct(district.resolved)}), escalations ${district.escalations} ${JSON.stringify(district.escalationsByStep)}, ` +
      `carried over ${district.carriedOver.count} (${pct(district.carriedOver.count)}; overdue ${district.carriedOver.overdue}), outreach ${district.outreach.events} events`);
    const sum = (f: (u: (typeof rows.units)[number]) => number) => rows.units.reduce((a, u) => a + f(u), 0);
    console.log(`rows read by readShiftRows: units ${rows.units.length} (acknowledgements ${sum((u) => u.ackMs.length)}, resolutions ${sum((u) => u.results.length)}), ` +
      `escalations ${rows.escalations.length}, open ${rows.open.length}, outreach ${rows.outreach.length}`);
    console.log('');

    const table: [string, Timing][] = [
      ['bare aggregate (2 queries)', bareT],
      [`readShiftRows (${READ_QUERIES.length} queries)`, readT],
      ['compileSummaries (500 units)', compileT],
      ['closeShift (whole, 1 tx)', closeT],
    ];
    console.log(`${'step'.padEnd(30)}${'median ms'.padStart(10)}   runs ms`);
    for (const [label, t] of table) console.log(`${label.padEnd(30)}${fmt(t.median)}   ${t.runs.map((r) => r.toFixed(1)).join(' / ')}`);
    console.log(`${'upsertSummaries (500 rows)'.padEnd(30)}${fmt(upsertT.median)}   ${upsertT.runs.map((r) => r.toFixed(1)).join(' / ')}`);
    console.log(`${'ratio closeShift / bare'.padEnd(30)}${(closeT.median / bareT.median).toFixed(1).padStart(9)}×`);
    console.log('');
    console.log(`summary rows written: ${written} (one per unit; ${RUNS} runs upserted the same rows), supervision reports in the outbox: ${outbox}`);

    console.log('');
    console.log('readShiftRows query by query (bare prepared statement, median ms, rows):');
    for (const q of perQuery) console.log(`  ${q.name.padEnd(12)}${fmt(q.t.median)}  ${String(q.rows).padStart(7)} rows`);
    console.log('');
    console.log('EXPLAIN QUERY PLAN (no ANALYZE statistics, as in production):');
    const fullScans: string[] = [];
    for (const q of [...READ_QUERIES, ...BARE_QUERIES]) {
      const p = plan(store, q);
      const verdict = p.fullScans.length ? `FULL SCAN: ${p.fullScans.join('; ')}` : `indexed (${p.indexes.join(', ')})`;
      if (p.fullScans.length) fullScans.push(`${q.name}: ${p.fullScans.join('; ')}`);
      console.log(`- ${q.name}: ${verdict}`);
      for (const l of p.lines) console.log(`    ${l}`);
    }
    console.log(fullScans.length === 0 ? 'no query of the shift reads a whole table.' : `full table scans: ${fullScans.join(' | ')}`);

    const rssEnd = process.memoryUsage().rss;
    console.log('');
    console.log(`RSS: start ${mb(rssStart)}, after seeding ${mb(rssSeeded)}, end ${mb(rssEnd)}, peak ${mb(process.resourceUsage().maxRSS * 1024)}`);
    console.log(`total bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { cases: count, bareMs: bareT.median, closeMs: closeT.median };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSummariesBench().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
