/**
 * `npm run bench`: runs the escalation-timer benchmark (bench/deadlines.ts) and the shift-summary
 * benchmark (bench/summaries.ts), and prints their tables.
 * Every GridGuard figure is shown next to a bare-BullMQ baseline measured in the same run, and
 * as a ratio to it; nothing here passes or fails on an absolute number (docs/bench.md).
 * Progress goes to stderr, the table to stdout.
 */
import { cpus } from 'node:os';
import { runDeadlinesBench, type BenchRow } from './deadlines.js';
import { runSummariesBench } from './summaries.js';
import { BENCH_REDIS_URL, mb, thousands } from './support.js';

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
  const redisHost = BENCH_REDIS_URL.replace(/\/\/[^@/]*@/, '//***@');
  console.error(`[bench] escalation timers: Node ${process.version}, ${cpus().length} CPU(s), Redis ${redisHost}`);
  const r = await runDeadlinesBench();
  console.log(`GridGuard deadlines bench: ${thousands(r.cases)} pending cases, sample of ${thousands(r.sample)}; ratio = GridGuard / bare BullMQ (same run, same Redis)`);
  console.log('');
  console.log(table(r.rows));
  console.log('');
  console.log(r.memory.map((m) => `${m.label}: ${mb(m.bytes)}`).join('; '));
  for (const n of r.notes) console.log(`- ${n}`);
  console.log(`total ${r.seconds.toFixed(1)} s`);
  console.log('');
  await runSummariesBench();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
