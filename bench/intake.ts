/**
 * Benchmark of issue 14: intake at SQLite speed and memory that stays flat. The real service
 * runs as a child process (bench/service.ts); every intake figure is set against bare
 * better-sqlite3 doing the same writes per lead (bench/load.ts) measured in the same run.
 *
 *   1. single leads over HTTP, 8 clients          vs bare, one transaction per lead
 *   2. batches of 100 over HTTP, 2 clients         vs bare, 100 leads per transaction
 *   3. `gridguard import leads` of a 10,000-row xlsx, built (`npm run build`, plain node), wall
 *      time with process start; the same through tsx (`npm run cli`) as a note
 *                                                  vs bare, the 10,000 leads in one transaction
 *   4. 50,000 leads (batches of 100) with the demo's send interval (1.5 s), so nearly every
 *      message waits: the child's RSS sampled all along, then urgent leads timed from POST to
 *      their room message behind that backlog, and messages written per case.
 *
 * Run alone with `node --import tsx bench/intake.ts` (prints the figures as JSON), or through
 * `npm run bench`. BENCH_QUICK=1 runs smaller counts (20,000 leads in step 4). Redis keys under the bench's
 * prefixes are deleted at the end, and the temporary directory removed.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Agent, get } from 'node:http';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { bareWrites, benchLead, drive, postJson, type Throughput } from './load.js';
import { ROOT, serviceEnv, startService, type Service } from './service.js';
import { benchPrefix, cleanupOnSignal, deleteKeys, envInt, sleep, thousands } from './support.js';

const progress = (msg: string) => console.error(`[bench:intake] ${msg}`);

export interface IntakeFigures {
  quick: boolean;
  single: Throughput;
  bareSingle: Throughput;
  batch: Throughput;
  bareBatch: Throughput;
  importRows: number;
  importMs: number;
  importOk: boolean;
  bareImport: Throughput;
  memoryLeads: number;
  rssSamples: { leads: number; rss: number }[];
  rssEnd: number;
  rssStart: number;
  waiting: number;
  urgentMs: number[];
  sendIntervalMs: number;
  messagesPerCase: number;
  memoryRun: Throughput;
  notes: string[];
}

function getJson(url: string): Promise<any> {
  return new Promise((resolvePromise, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolvePromise(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (err) {
          reject(err as Error);
        }
      });
    }).on('error', reject);
  });
}

/** Runs a child process to its exit; its output is kept for the notes. */
function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

/** The mean of two bare runs, one before and one after GridGuard's (the machine is shared). */
function meanOf(a: Throughput, b: Throughput): Throughput {
  const ms = (a.ms + b.ms) / 2;
  return { leads: a.leads, ms, perSecond: (a.leads * 1000) / ms, failed: 0, firstError: null };
}

async function writeSheet(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('线索');
  ws.addRow(['线索编号', '预警等级', '网格', '姓名', '手机号', '地址', '身份证号', '诈骗类型', '涉案金额', '预警详情']);
  const zh: Record<string, string> = { high: '高危', medium: '中危', low: '低危', urgent: '紧急' };
  for (let i = 0; i < rows; i++) {
    const l = benchLead('XLSX', 5_000_000 + i) as { externalId: string; level: string; unit: string; subject: { name: string; phone: string; address: string }; amountAtRisk: number; detail: string };
    ws.addRow([l.externalId, zh[l.level], l.unit, l.subject.name, l.subject.phone, l.subject.address, null, '冒充公检法', l.amountAtRisk, l.detail]);
  }
  await wb.xlsx.writeFile(path);
}

/** Times an urgent lead from its POST to the bot's message in its task room (sandbox transcript). */
async function urgentLatency(svc: Service, agent: Agent, i: number): Promise<number> {
  const t0 = performance.now();
  const r = await postJson(agent, svc.url, '/api/v1/leads', benchLead('URGENT', 8_000_000 + i, 'urgent'));
  const caseId = r.json.results?.[0]?.caseId as string;
  if (!caseId) throw new Error(`urgent lead refused: ${JSON.stringify(r.json)}`);
  let roomAt = Infinity;
  for (let after = 0; ; ) {
    const page = (await getJson(`${svc.url}/sandbox/messages?after=${after}`)) as { seq: number; room: string | null; to: string | null; text: string }[];
    if (roomAt === Infinity && page.some((m) => m.room && m.text.includes(caseId))) roomAt = performance.now() - t0;
    // The next urgent lead is sent once this one's private record went out too, so that each
    // measures the backlog of routine messages, not the urgent one before it.
    if (page.some((m) => m.to && m.text.includes(caseId))) return roomAt;
    if (page.length) after = page.at(-1)!.seq;
    else await sleep(20);
    if (performance.now() - t0 > 60_000) return roomAt;
  }
}

export async function runIntakeBench(): Promise<IntakeFigures> {
  const quick = process.env.BENCH_QUICK === '1';
  const singles = envInt('BENCH_INTAKE_SINGLE', quick ? 1000 : 3000);
  const batched = envInt('BENCH_INTAKE_BATCH', quick ? 5000 : 20_000);
  const importRows = envInt('BENCH_IMPORT_ROWS', 10_000);
  const memoryLeads = envInt('BENCH_MEMORY_LEADS', quick ? 20_000 : 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'gridguard-bench-intake-'));
  const prefixes = [benchPrefix(), benchPrefix()];
  const services: Service[] = [];
  const notes: string[] = [];
  const cleanups: (() => void)[] = [];
  const cleanup = async () => {
    for (const c of cleanups) c();
    for (const s of services) await s.stop().catch(() => undefined);
    for (const p of prefixes) await deleteKeys(p).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = cleanupOnSignal(cleanup);
  try {
    // --- 1 and 2: throughput, each GridGuard run between two bare runs. ---
    const svc = await startService({ dir, prefix: prefixes[0]!, db: 'throughput.db' });
    services.push(svc);
    await drive(svc.url, 'warm', 9_000_000, 300, 1, 8);
    await drive(svc.url, 'warmb', 9_100_000, 500, 100, 2);
    const bareSingle1 = bareWrites(join(dir, 'bare-single-1.db'), singles, 1);
    const single = await drive(svc.url, 'single', 0, singles, 1, 8);
    const bareSingle2 = bareWrites(join(dir, 'bare-single-2.db'), singles, 1);
    progress(`single: ${single.perSecond.toFixed(0)} leads/s; bare ${bareSingle1.perSecond.toFixed(0)} / ${bareSingle2.perSecond.toFixed(0)}`);
    const bareBatch1 = bareWrites(join(dir, 'bare-batch-1.db'), batched, 100);
    const batch = await drive(svc.url, 'batch', 1_000_000, batched, 100, 2);
    const bareBatch2 = bareWrites(join(dir, 'bare-batch-2.db'), batched, 100);
    progress(`batch: ${batch.perSecond.toFixed(0)} leads/s; bare ${bareBatch1.perSecond.toFixed(0)} / ${bareBatch2.perSecond.toFixed(0)}`);
    if (single.failed || batch.failed) notes.push(`WARNING: refused requests: single ${single.failed}, batch ${batch.failed}: ${single.firstError ?? batch.firstError}`);
    await svc.stop();
    services.length = 0;

    // --- 3: the CLI import of a generated xlsx into the service's database (bound members,
    // the cases of steps 1 and 2 as history), while the service is stopped. ---
    const sheet = join(dir, 'leads.xlsx');
    await writeSheet(sheet, importRows);
    const env = serviceEnv({ dir, prefix: prefixes[0]!, db: 'throughput.db', logLevel: 'warn' });
    const countCases = (file: string) => {
      const db = new Database(join(dir, file), { readonly: true });
      try {
        return (db.prepare('select count(*) as n from cases').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    // The CLI as deployed: src/ compiled by `npm run build` (scripts/build.mjs) and run with
    // plain node, timed from process start to exit. The build folder must sit directly in the
    // repository (the compiled store finds migrations/ beside it); it is removed at the end.
    const build = join(ROOT, `.build-bench-${process.pid}`);
    cleanups.push(() => rmSync(build, { recursive: true, force: true }));
    const compiled = await run(process.execPath, ['scripts/build.mjs', build], process.env as Record<string, string>);
    if (compiled.code !== 0) throw new Error(`npm run build failed: ${(compiled.stderr || compiled.stdout).slice(0, 500)}`);
    const importWith = async (args: string[], db: string) => {
      const before = countCases(db);
      const t0 = performance.now();
      const out = await run(process.execPath, [...args, 'import', 'leads', sheet], { ...env, DATABASE_PATH: join(dir, db) });
      const ms = performance.now() - t0;
      return { ms, out, created: countCases(db) - before };
    };
    // The same import through tsx (`npm run cli`) into a copy of the same database, for comparison.
    for (const ext of ['', '-wal', '-shm']) if (existsSync(join(dir, `throughput.db${ext}`))) copyFileSync(join(dir, `throughput.db${ext}`), join(dir, `import-tsx.db${ext}`));
    const built = await importWith([join(build, 'cli/main.js')], 'throughput.db');
    const viaTsx = await importWith(['--import', 'tsx', 'src/cli/main.ts'], 'import-tsx.db');
    const importMs = built.ms;
    const importOk = built.out.code === 0 && built.created === importRows;
    if (!importOk) notes.push(`WARNING: the import exited ${built.out.code} with ${built.created} cases: ${(built.out.stderr || built.out.stdout).slice(0, 300)}`);
    if (viaTsx.out.code !== 0 || viaTsx.created !== importRows) notes.push(`WARNING: the import through tsx exited ${viaTsx.out.code} with ${viaTsx.created} cases`);
    notes.push(`CLI import: the built CLI (npm run build, node dist/cli/main.js) ${(built.ms / 1000).toFixed(2)} s; the same import through tsx (npm run cli) ${(viaTsx.ms / 1000).toFixed(2)} s`);
    const bareImport = bareWrites(join(dir, 'bare-import.db'), importRows, importRows);
    progress(`import of ${thousands(importRows)} rows: built ${(importMs / 1000).toFixed(2)} s (exit ${built.out.code}, ${built.created} cases), tsx ${(viaTsx.ms / 1000).toFixed(2)} s; bare ${bareImport.ms.toFixed(0)} ms`);

    // --- 4: memory over a long run with the backlog not drained, then urgent latency behind it. ---
    const mem = await startService({ dir, prefix: prefixes[1]!, db: 'memory.db' });
    services.push(mem);
    const rssStart = mem.rss();
    const rssSamples: { leads: number; rss: number }[] = [];
    let done = 0;
    const sampler = setInterval(() => rssSamples.push({ leads: done, rss: mem.rss() }), 500);
    const memoryRun = await drive(mem.url, 'memory', 2_000_000, memoryLeads, 100, 2, (n) => (done = n));
    clearInterval(sampler);
    await sleep(2000);
    const rssEnd = mem.rss();
    rssSamples.push({ leads: memoryLeads, rss: rssEnd });
    const health = (await getJson(`${mem.url}/healthz`)) as { outbox?: { waiting: number } };
    const waiting = health.outbox?.waiting ?? NaN;
    progress(`memory: ${thousands(memoryLeads)} leads in ${(memoryRun.ms / 1000).toFixed(1)} s, RSS ${(rssEnd / 1048576).toFixed(0)} MB, ${thousands(waiting)} messages waiting`);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const urgentMs: number[] = [];
    for (let i = 0; i < 3; i++) urgentMs.push(await urgentLatency(mem, agent, i));
    agent.destroy();
    progress(`urgent behind the backlog: ${urgentMs.map((m) => m.toFixed(0)).join(', ')} ms`);
    const messagesPerCase = (() => {
      const db = new Database(join(dir, 'memory.db'), { readonly: true });
      try {
        const n = (db.prepare('select (select count(*) from outbox where case_id is not null) * 1.0 / (select count(*) from cases) as r').get() as { r: number }).r;
        return n;
      } finally {
        db.close();
      }
    })();
    return {
      quick,
      single,
      bareSingle: meanOf(bareSingle1, bareSingle2),
      batch,
      bareBatch: meanOf(bareBatch1, bareBatch2),
      importRows,
      importMs,
      importOk,
      bareImport,
      memoryLeads,
      rssSamples,
      rssStart,
      rssEnd,
      waiting,
      urgentMs,
      sendIntervalMs: 1500,
      messagesPerCase,
      memoryRun,
      notes,
    };
  } finally {
    unregister();
    await cleanup();
  }
}

/** RSS over the second half of the memory run: its mean and the largest deviation from it. */
export function secondHalf(f: IntakeFigures): { mean: number; max: number; deviation: number } {
  const half = f.rssSamples.filter((s) => s.leads >= f.memoryLeads / 2 && Number.isFinite(s.rss)).map((s) => s.rss);
  const mean = half.reduce((a, b) => a + b, 0) / Math.max(1, half.length);
  const max = Math.max(...half);
  const deviation = Math.max(...half.map((r) => Math.abs(r - mean))) / mean;
  return { mean, max, deviation };
}

// Run alone (`node --import tsx bench/intake.ts`): the figures as JSON; `npm run bench` puts them in RESULTS.md.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runIntakeBench()
    .then((f) => console.log(JSON.stringify(f, null, 2)))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
