/**
 * Leads for the intake bench and the two halves of each comparison: GridGuard's HTTP API
 * driven by keep-alive clients, and bare better-sqlite3 doing the same writes per lead
 * (a case row, its `created` and `dispatched` events and two outbox rows).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/db.js';

const UNITS = ['G1', 'G2', 'G3', 'G4'];
const LEVELS = ['high', 'medium', 'low', 'medium'];

/** The i-th lead of a run: a fresh external id and phone (so every lead makes a case). */
export function benchLead(run: string, i: number, level?: string): Record<string, unknown> {
  return {
    externalId: `BENCH-${run}-${i}`,
    level: level ?? LEVELS[i % LEVELS.length],
    unit: UNITS[i % UNITS.length],
    subject: { name: '张建国', phone: `139${String(i % 100_000_000).padStart(8, '0')}`, address: '朝阳区幸福里小区3号楼2单元501' },
    category: '冒充公检法',
    amountAtRisk: 50_000,
    detail: '正在与自称民警的人通话，要求转账到安全账户',
  };
}

/** POSTs `body` as JSON; resolves with the status and the parsed answer. */
export function postJson(agent: Agent, url: string, path: string, body: unknown): Promise<{ status: number; json: any }> {
  const data = Buffer.from(JSON.stringify(body));
  const u = new URL(path, url);
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { agent, host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': data.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolvePromise({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (err) {
            reject(err as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export interface Throughput {
  leads: number;
  ms: number;
  perSecond: number;
  /** Requests not answered 200 (should be none). */
  failed: number;
  firstError: string | null;
}

/**
 * Sends leads `from`…`from+count-1` in requests of `perRequest`, `clients` requests in flight.
 * `onProgress` is called with the number of leads answered so far.
 */
export async function drive(url: string, run: string, from: number, count: number, perRequest: number, clients: number, onProgress?: (done: number) => void): Promise<Throughput> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  let next = 0;
  let done = 0;
  let failed = 0;
  let firstError: string | null = null;
  const t0 = performance.now();
  const client = async () => {
    for (;;) {
      const start = next;
      if (start >= count) return;
      next = Math.min(count, start + perRequest);
      const leads = [];
      for (let i = start; i < next; i++) leads.push(benchLead(run, from + i));
      const body = perRequest === 1 ? leads[0] : { leads };
      const r = await postJson(agent, url, '/api/v1/leads', body);
      if (r.status !== 200) {
        failed++;
        firstError ??= `${r.status} ${JSON.stringify(r.json).slice(0, 300)}`;
      }
      done += leads.length;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const ms = performance.now() - t0;
  agent.destroy();
  return { leads: count, ms, perSecond: (count * 1000) / ms, failed, firstError };
}

/**
 * The floor: the same rows GridGuard writes per lead, through prepared statements on a
 * migrated database with the service's pragmas (WAL, synchronous=NORMAL), `perTx` leads per
 * transaction.
 */
export function bareWrites(path: string, count: number, perTx: number): Throughput {
  openStore(path).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.prepare("insert or ignore into units (code, name, kind, active) values ('G1', 'g', 'grid', 1)").run();
  db.prepare("insert or ignore into members (name, role, unit_code, active) values ('bench', 'worker', 'G1', 1)").run();
  const assignee = (db.prepare('select id from members limit 1').get() as { id: number }).id;
  const insCase = db.prepare(
    `insert into cases (id, external_id, level, category, subject_name, subject_phone, subject_address, amount_at_risk, detail, unit_code, assignee_id, status,
       ack_due_at, resolve_due_at, next_deadline_at, created_at, dispatched_at) values (?, ?, 'high', 'police', ?, ?, ?, 50000, ?, 'G1', ?, 'dispatched', ?, ?, ?, ?, ?)`,
  );
  const insEvent = db.prepare('insert into case_events (case_id, at, type, actor, data) values (?, ?, ?, ?, ?)');
  const insOutbox = db.prepare('insert into outbox (queue, job_id, payload, priority, created_at, case_id) values (?, ?, ?, ?, ?, ?) on conflict (job_id) do nothing');
  const text = '【高危预警】B0001 冒充公检法 张** 139****0001 朝阳区幸福里小区… 请15分钟内回复「收到 B0001」';
  const one = (i: number) => {
    const id = `B${i}`;
    const now = Date.now();
    insCase.run(id, `BARE-${i}`, '张建国', `139${String(i).padStart(8, '0')}`, '朝阳区幸福里小区3号楼2单元501', '正在与自称民警的人通话', assignee, now + 900_000, now + 7_200_000, now + 900_000, now, now);
    insEvent.run(id, now, 'created', 'system', JSON.stringify({ externalId: `BARE-${i}`, level: 'high', unit: 'G1' }));
    insEvent.run(id, now, 'dispatched', 'system', JSON.stringify({ assignee: 'bench', room: 'room', how: 'fair' }));
    insOutbox.run('outbound-bench', `out-dispatch-${id}-group`, JSON.stringify({ room: 'room', mentions: [{ name: 'bench', wechatId: 'w' }], text, meta: { caseId: id, kind: 'dispatch' } }), 2, now, id);
    insOutbox.run('outbound-bench', `out-dispatch-${id}-private`, JSON.stringify({ to: { name: 'bench', wechatId: 'w' }, text }), 2, now, id);
  };
  const batch = db.transaction((from: number, n: number) => {
    for (let i = from; i < from + n; i++) one(i);
  });
  const t0 = performance.now();
  for (let i = 0; i < count; i += perTx) batch(i, Math.min(perTx, count - i));
  const ms = performance.now() - t0;
  db.close();
  return { leads: count, ms, perSecond: (count * 1000) / ms, failed: 0, firstError: null };
}
