/**
 * `npm run bench`: runs the intake benchmark (bench/intake.ts), the escalation-timer benchmark
 * (bench/deadlines.ts) and the shift-summary benchmark (bench/summaries.ts), prints their
 * tables, and writes bench/RESULTS.md: one table of every figure with its baseline or floor
 * measured in the same run, the ratio, issue 14's target and whether it is met.
 * `npm run bench:quick` (BENCH_QUICK=1, 20,000 cases) is the same with smaller counts.
 * Progress goes to stderr, the tables to stdout.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runDeadlinesBench, type BenchRow } from './deadlines.js';
import { runIntakeBench, secondHalf } from './intake.js';
import { runSummariesBench } from './summaries.js';
import { ROOT, START_FLAGS } from './service.js';
import { BENCH_REDIS_URL, mb, thousands } from './support.js';

interface ResultRow {
  figure: string;
  gridguard: string;
  baseline: string;
  ratio: string;
  target: string;
  met: 'met' | 'not met' | '—';
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
const rate = (n: number) => `${thousands(Math.round(n))} leads/s`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean): ResultRow['met'] => (ok ? 'met' : 'not met');

function markdown(rows: ResultRow[]): string {
  const head = ['figure', 'GridGuard', 'baseline / floor (same run)', 'ratio', 'target (issue 14)', 'met?'];
  const body = rows.map((r) => [r.figure, r.gridguard, r.baseline, r.ratio, r.target, r.met]);
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' :--- ' : ' ---: ')).join('|')}|`, ...body.map((b) => `| ${b.join(' | ')} |`)].join('\n');
}

function value(n: number, unit: BenchRow['unit']): string {
  if (!Number.isFinite(n)) return 'n/a';
  if (unit === 's') return `${n.toFixed(2)} s`;
  if (unit === 'ms') return `${n.toFixed(0)} ms`;
  return `${n.toFixed(0)} B`;
}

function ratio(row: BenchRow): string {
  if (!Number.isFinite(row.gridguard) || !Number.isFinite(row.baseline)) return 'n/a';
  // Lateness is counted in whole milliseconds: a floor of 0 ms would make any ratio infinite.
  if (row.baseline <= 0) return row.gridguard <= 0 ? '1.00×' : `∞ (+${value(row.gridguard - row.baseline, row.unit)})`;
  return `${(row.gridguard / row.baseline).toFixed(2)}×`;
}

function table(rows: BenchRow[]): string {
  const head = ['measure', 'GridGuard', 'bare BullMQ', 'ratio'];
  const body = rows.map((r) => [r.label, value(r.gridguard, r.unit), value(r.baseline, r.unit), ratio(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const quick = process.env.BENCH_QUICK === '1';
  const redisHost = BENCH_REDIS_URL.replace(/\/\/[^@/]*@/, '//***@');
  const machine = `Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), Redis ${redisHost}`;
  console.error(`[bench] ${machine}`);
  const load0 = loadavg()[0]!;

  const intake = await runIntakeBench();
  console.log('');

  const r = await runDeadlinesBench();
  console.log(`GridGuard deadlines bench: ${thousands(r.cases)} pending cases, sample of ${thousands(r.sample)}; ratio = GridGuard / bare BullMQ (same run, same Redis)`);
  console.log('');
  console.log(table(r.rows));
  console.log('');
  console.log(r.memory.map((m) => `${m.label}: ${mb(m.bytes)}`).join('; '));
  for (const n of r.notes) console.log(`- ${n}`);
  console.log(`total ${r.seconds.toFixed(1)} s`);
  console.log('');
  const shift = await runSummariesBench();
  const load1 = loadavg()[0]!;

  const half = secondHalf(intake);
  const urgentMax = Math.max(...intake.urgentMs);
  const rows: ResultRow[] = [
    {
      figure: 'intake, single leads over HTTP, 8 clients',
      gridguard: rate(intake.single.perSecond),
      baseline: `bare better-sqlite3, 1 lead per transaction: ${rate(intake.bareSingle.perSecond)}`,
      ratio: pct(intake.single.perSecond, intake.bareSingle.perSecond),
      target: '≥ 15% of bare',
      met: verdict(intake.single.perSecond >= 0.15 * intake.bareSingle.perSecond && intake.single.failed === 0),
    },
    {
      figure: 'intake, batches of 100 over HTTP, 2 clients',
      gridguard: rate(intake.batch.perSecond),
      baseline: `bare, 100 leads per transaction: ${rate(intake.bareBatch.perSecond)}`,
      ratio: pct(intake.batch.perSecond, intake.bareBatch.perSecond),
      target: '≥ 10% of bare',
      met: verdict(intake.batch.perSecond >= 0.1 * intake.bareBatch.perSecond && intake.batch.failed === 0),
    },
    {
      figure: `CLI import of a ${thousands(intake.importRows)}-row xlsx, built CLI (process start to exit)`,
      gridguard: secs(intake.importMs),
      baseline: `bare, the same leads in one transaction: ${secs(intake.bareImport.ms)}`,
      ratio: `${(intake.importMs / intake.bareImport.ms).toFixed(1)}×`,
      target: '< 5 s',
      met: verdict(intake.importOk && intake.importMs < 5000),
    },
    {
      figure: `RSS after ${thousands(intake.memoryLeads)} leads, ${thousands(intake.waiting)} messages waiting`,
      gridguard: mb(intake.rssEnd),
      baseline: `RSS of the idle service at start: ${mb(intake.rssStart)}`,
      ratio: `${(intake.rssEnd / intake.rssStart).toFixed(2)}×`,
      target: '< 250 MB',
      met: verdict(intake.rssEnd < 250 * 1048576 && intake.waiting >= Math.min(10_000, intake.memoryLeads / 5)),
    },
    {
      figure: 'RSS over the second half of that run',
      gridguard: `mean ${mb(half.mean)}, max ${mb(half.max)}, ±${(100 * half.deviation).toFixed(1)}%`,
      baseline: '—',
      ratio: '—',
      target: 'flat, ±10%',
      met: verdict(half.deviation <= 0.1),
    },
    {
      figure: 'urgent lead to its room behind that backlog (max of 3)',
      gridguard: `${urgentMax.toFixed(0)} ms (${intake.urgentMs.map((m) => m.toFixed(0)).join(', ')})`,
      baseline: `send interval ${intake.sendIntervalMs} ms`,
      ratio: `${(urgentMax / intake.sendIntervalMs).toFixed(2)}×`,
      target: '≤ 2× the send interval',
      met: verdict(urgentMax <= 2 * intake.sendIntervalMs),
    },
    {
      figure: 'messages written per case (outbox rows / cases)',
      gridguard: intake.messagesPerCase.toFixed(2),
      baseline: 'floor 2 (room post + private record)',
      ratio: `${(intake.messagesPerCase / 2).toFixed(2)}×`,
      target: '— (none in issue 14)',
      met: '—',
    },
    ...r.rows.map((row): ResultRow => ({
      figure: `timers: ${row.label}`,
      gridguard: value(row.gridguard, row.unit),
      baseline: `bare BullMQ: ${value(row.baseline, row.unit)}`,
      ratio: ratio(row),
      target: '— (none in issue 14)',
      met: '—',
    })),
    {
      figure: `closing a ${thousands(shift.cases)}-case shift (median)`,
      gridguard: `${shift.closeMs.toFixed(0)} ms`,
      baseline: `bare 2-query aggregate: ${shift.bareMs.toFixed(0)} ms`,
      ratio: `${(shift.closeMs / shift.bareMs).toFixed(1)}×`,
      target: '≤ 2× bare',
      met: verdict(shift.closeMs <= 2 * shift.bareMs),
    },
  ];
  const doc = [
    '# Benchmark results',
    '',
    `Written by \`${process.env.BENCH_SHIFT_CASES ? `BENCH_SHIFT_CASES=${process.env.BENCH_SHIFT_CASES} ` : ''}npm run ${quick ? 'bench:quick' : 'bench'}\` on ${new Date(started).toISOString()} (${((Date.now() - started) / 1000).toFixed(0)} s).`,
    `Measured on this machine: ${machine}; load average ${load0.toFixed(1)} at the start, ${load1.toFixed(1)} at the end.`,
    'The 2 cores were shared with other work while this ran, so absolute figures are noisy: each',
    'baseline is measured in the same run (bare runs before and after GridGuard\'s, averaged), and the',
    'ratio is the figure to compare between runs.',
    quick ? '**Quick run**: smaller counts than issue 14 asks for (see the figure names); run `npm run bench` for the full one.' : '',
    '',
    `The service runs as a child process (\`node ${START_FLAGS.join(' ')} --import tsx src/main.ts\`, as \`npm start\`), sandbox puppet, send interval 1.5 s.`,
    '',
    markdown(rows),
    '',
    ...intake.notes.map((n) => `- ${n}`),
    ...r.notes.map((n) => `- timers: ${n}`),
    '',
    'RSS samples of the memory run (leads taken in → MB): ' +
      intake.rssSamples.filter((_, i, a) => i % Math.max(1, Math.floor(a.length / 12)) === 0 || i === a.length - 1).map((s) => `${thousands(s.leads)} → ${(s.rss / 1048576).toFixed(0)}`).join(', '),
    '',
  ].filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
  // The accounts bench (bench/accounts.ts, issue 17) writes its own section, which takes minutes
  // of WeChat-paced sends: a run of this script keeps it as it stands instead of dropping it.
  const path = join(ROOT, 'bench/RESULTS.md');
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const kept = before.indexOf('\n## Several accounts');
  writeFileSync(path, kept >= 0 ? `${doc}${before.slice(kept)}` : doc);
  console.log('');
  console.log(markdown(rows));
  console.error('[bench] wrote bench/RESULTS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
