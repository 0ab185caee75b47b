/**
 * Several bot accounts under their send budgets (issue 17): `node --import tsx bench/accounts.ts`.
 * N accounts serve the demo org's rooms (task rooms round-robin, each backed up by the next
 * account); a burst of M leads (10% urgent, 20% high, the rest medium and low) arrives at once.
 * Printed, each against the floor its budgets set (measured in the same run):
 * - time until every urgent message (dispatch and private record) is delivered, vs the floor
 *   the room budget sets for the busiest room's urgent messages;
 * - peak sends of one account in any 60 s, vs its per-minute budget;
 * - the account's messages per case (digests fold the routine ones), vs the 2 a case would cost
 *   without any answer (dispatch + private record), and vs the 4 of issue 17.
 * Environment: BENCH_ACCOUNTS (2), BENCH_LEADS (100), BENCH_PER_MINUTE (60), BENCH_ROOM_EVERY_MS (1000).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLog } from '../src/log.js';
import type { TranscriptEntry } from '../src/store/transcript.js';
import { BENCH_REDIS_URL, benchPrefix, deleteKeys, envInt, sleep } from './support.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

export interface AccountsBenchResult {
  accounts: number;
  leads: number;
  perMinute: number;
  roomEveryMs: number;
  urgentMs: number;
  urgentFloorMs: number;
  peakPerMinute: number;
  perCase: number;
  allMs: number;
  digests: number;
  messages: number;
}

export async function runAccountsBench(): Promise<AccountsBenchResult> {
  const n = envInt('BENCH_ACCOUNTS', 2);
  const m = envInt('BENCH_LEADS', 100);
  const perMinute = envInt('BENCH_PER_MINUTE', 60);
  const roomEveryMs = envInt('BENCH_ROOM_EVERY_MS', 1000);
  const dir = mkdtempSync(join(tmpdir(), 'gridguard-bench-accounts-'));
  const prefix = benchPrefix();
  const profile = parse(readFileSync('bots/demo.yaml', 'utf8'));
  const ids = Array.from({ length: n }, (_, i) => `a${i + 1}`);
  profile.bots = ids.map((id) => ({ id, perMinute, roomEvery: `${roomEveryMs}ms`, sendInterval: '0ms', failoverAfter: '2m' }));
  let task = 0;
  profile.org.rooms = profile.org.rooms.map((r: any) => {
    const i = r.purpose === 'tasks' ? task++ % n : 0;
    return { ...r, bot: ids[i], ...(n > 1 ? { backupBot: ids[(i + 1) % n] } : {}) };
  });
  // Deadlines far away: the burst, not escalations, is measured.
  const calm = { ackWithin: '2h', resolveWithin: '4h', stepEvery: '2h', chain: ['assignee'] };
  profile.policy = { urgent: calm, high: calm, medium: calm, low: { ...calm, chain: [] } };
  writeFileSync(join(dir, 'bench.yaml'), stringify(profile));
  const config = loadConfig({ GRIDGUARD_PROFILE: join(dir, 'bench.yaml'), DATABASE_PATH: join(dir, 'g.db'), REDIS_URL: BENCH_REDIS_URL, QUEUE_PREFIX: prefix, HTTP_PORT: '0', LOG_LEVEL: 'warn' });
  const app = createApp(config, { log: createLog('warn', process.stderr), relaySweepMs: 1000 });
  await app.start();
  try {
    const units = ['G1', 'G2', 'G3', 'G4'];
    const level = (i: number) => (i % 10 === 0 ? 'urgent' : i % 10 <= 2 ? 'high' : i % 2 ? 'medium' : 'low');
    const leads = Array.from({ length: m }, (_, i) => ({
      externalId: `BENCH-ACC-${i}`,
      level: level(i),
      unit: units[i % units.length],
      subject: { name: '张建国', phone: `1391${String(i).padStart(7, '0')}`, address: '朝阳区幸福里小区3号楼2单元501' },
      category: '冒充客服',
      amountAtRisk: 20000,
    }));
    const before = app.sandboxes()!.messagesAfter(0).at(-1)?.seq ?? 0;
    const t0 = Date.now();
    const res = await fetch(`${app.url()}/api/v1/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ leads }) });
    if (!res.ok) throw new Error(`intake answered ${res.status}`);
    const sqlite = app.store().sqlite;
    const urgentLeft = sqlite.prepare('select count(*) as n from outbox where priority = 1 and delivered_at is null');
    let urgentMs = NaN;
    const deadline = t0 + 15 * 60_000;
    for (;;) {
      const t = Date.now();
      if (Number.isNaN(urgentMs) && (urgentLeft.get() as { n: number }).n === 0) urgentMs = t - t0;
      if (app.core().outbox.backlog().waiting === 0) break;
      if (t > deadline) throw new Error('the burst was not delivered within 15 minutes');
      await sleep(100);
    }
    const allMs = Date.now() - t0;
    const sent: TranscriptEntry[] = [];
    for (let after = before; ; ) {
      const page = app.sandboxes()!.messagesAfter(after);
      if (!page.length) break;
      sent.push(...page.filter((e) => e.bot));
      after = page.at(-1)!.seq;
    }
    // Floor of the urgent figure: the busiest room's urgent dispatches, one per roomEvery.
    const urgentPerRoom = new Map<string, number>();
    leads.forEach((l) => l.level === 'urgent' && urgentPerRoom.set(l.unit!, (urgentPerRoom.get(l.unit!) ?? 0) + 1));
    const urgentFloorMs = Math.max(roomEveryMs, (Math.max(...urgentPerRoom.values()) - 1) * roomEveryMs);
    let peak = 0;
    for (const id of ids) {
      const times = sent.filter((e) => e.bot === id).map((e) => Date.parse(e.at)).sort((a, b) => a - b);
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[j]! < times[i]! - 59_999) j++;
        peak = Math.max(peak, i - j + 1);
      }
    }
    return { accounts: n, leads: m, perMinute, roomEveryMs, urgentMs, urgentFloorMs, peakPerMinute: peak, perCase: sent.length / m, allMs, digests: sent.filter((e) => e.text.includes('【消息汇总】')).length, messages: sent.length };
  } finally {
    await app.stop();
    await deleteKeys(prefix);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows for bench/RESULTS.md (figure, GridGuard, floor, ratio). */
export function accountsRows(r: AccountsBenchResult): string[][] {
  return [
    [`${r.accounts} accounts, burst of ${r.leads} leads: every urgent message delivered`, `${(r.urgentMs / 1000).toFixed(2)} s`, `room budget floor (busiest room's urgent dispatches × ${r.roomEveryMs} ms): ${(r.urgentFloorMs / 1000).toFixed(2)} s`, `${(r.urgentMs / r.urgentFloorMs).toFixed(2)}×`],
    ['peak sends of one account in any 60 s', `${r.peakPerMinute}`, `budget ${r.perMinute} a minute`, `${(r.peakPerMinute / r.perMinute).toFixed(2)}×`],
    ['messages of the accounts per case (no answers yet; digests included)', r.perCase.toFixed(2), 'floor without digests: 2 (dispatch + private record); issue 17: ≤ 4 with answers', `${(r.perCase / 2).toFixed(2)}×`],
    ['whole burst delivered', `${(r.allMs / 1000).toFixed(1)} s`, `${r.messages} messages, ${r.digests} of them digests`, '—'],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runAccountsBench();
  const rows = accountsRows(r);
  const head = ['figure', 'GridGuard', 'floor (same run)', 'ratio'];
  process.stdout.write([`| ${head.join(' | ')} |`, '| :--- | ---: | ---: | ---: |', ...rows.map((x) => `| ${x.join(' | ')} |`)].join('\n') + '\n');
  process.exit(0);
}
