/**
 * Closing shifts on a real SQLite file with an injected clock: a known mix of cases gives the
 * expected rows for grid, community and station, the posted report, an unchanged row when
 * compiled again, and catch-up of exactly the missed boundaries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catchUpShifts, closeShift, LAST_BOUNDARY_KEY, type ShiftDeps } from '../../src/core/close-shift.js';
import { indexOrg } from '../../src/domain/org.js';
import { boundariesBetween, lastBoundary } from '../../src/domain/shifts.js';
import { writeMeta } from '../../src/store/summaries.js';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

let sb: SandboxFixture;
let deps: (now: number) => ShiftDeps;
const EXPR = '0 8,20 * * *';
const TZ = 'Asia/Shanghai';

beforeAll(async () => {
  sb = await bootSandbox('shifts');
  const org = indexOrg(sb.config.profile.org);
  deps = (now) => ({ ...sb.app.core().ctx, org, boundaries: EXPR, timezone: TZ, now: () => now, afterCommit: () => {} });
});
afterAll(async () => {
  await sb?.cleanup();
});

async function lead(level: string, unit: string, assignee: string): Promise<string> {
  const { json } = await postLeads(sb.app.url(), aLead({ level, unit, assignee, amountAtRisk: 10_000 }));
  return json.results[0].caseId;
}

async function act(from: string, room: string, text: string): Promise<void> {
  const seq = await sb.say(from, room, text);
  await sb.botMessage((m) => m.room === room && m.text.startsWith(`@${from}`), seq);
}

const row = (unit: string, toAt: number) =>
  sb.app.store().sqlite.prepare('select data, compiled_at as compiledAt from shift_summaries where unit_code = ? and to_at = ?').get(unit, toAt) as { data: string; compiledAt: number } | undefined;

describe('closing a shift', () => {
  it('stores the expected figures for grid, community and station, posts the report once, and is idempotent', async () => {
    const G1 = '幸福里第一网格工作群';
    const G3 = '团结湖第一网格工作群';
    const a = await lead('urgent', 'G1', '李网格');
    await act('李网格', G1, `收到 ${a}`);
    await act('李网格', G1, `反馈 ${a} 上门 劝阻成功`);
    const b = await lead('high', 'G1', '周网格');
    await act('周网格', G1, `收到 ${b}`);
    const c = await lead('low', 'G1', '李网格');
    const d = await lead('medium', 'G3', '刘网格');
    await act('刘网格', G3, `反馈 ${d} 电话 误报`);

    // The shift that contains "now" ends at the next boundary.
    const boundary = boundariesBetween(EXPR, sb.now(), sb.now() + 86_400_000, TZ)[0]!;
    const summaries = closeShift(deps(boundary + 1000), boundary);

    expect(summaries.get('G1')).toMatchObject({
      received: { urgent: 1, high: 1, medium: 0, low: 1, total: 3 },
      acknowledged: 2,
      acknowledgedWithinSla: 2,
      resolved: 1,
      resolvedByResult: { dissuaded: 1 },
      lossAverted: 10_000,
      carriedOver: { count: 2 },
    });
    expect(summaries.get('G1')!.carriedOver.cases.map((x) => x.caseId)).toEqual([b, c]);
    expect(summaries.get('C1')).toMatchObject({ received: { total: 3 }, resolved: 1, carriedOver: { count: 2 } });
    expect(summaries.get('PS1')).toMatchObject({
      received: { urgent: 1, high: 1, medium: 1, low: 1, total: 4 },
      acknowledged: 3,
      resolved: 2,
      resolvedByResult: { dissuaded: 1, false_positive: 1 },
      carriedOver: { count: 2 },
    });

    const report = await sb.botMessage((m) => m.room === '三里屯派出所督导群' && m.text.startsWith('【交接班】三里屯派出所'));
    expect(report.text).toContain('收到预警 4件（紧急1 高危1 中危1 低危1）');
    expect(report.text).toContain(`· ${b} 高危 周网格 处置中`);

    const first = row('PS1', boundary)!;
    closeShift(deps(boundary + 60_000), boundary);
    expect(row('PS1', boundary)).toEqual(first);
    const outbox = sb.app.store().sqlite.prepare("select count(*) as n from outbox where job_id like ?").get(`out-summary-PS1-${boundary}`) as { n: number };
    expect(outbox.n).toBe(1);

    const res = await fetch(`${sb.app.url()}/api/v1/summaries?unit=C1&from=${new Date(boundary - 1000).toISOString()}&to=${new Date(boundary).toISOString()}`);
    const list = (await res.json()) as any[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ unit: 'C1', to: new Date(boundary).toISOString(), received: { total: 3 }, acknowledged: 2, resolved: 1, escalations: 0, outreach: { events: 0, people: 0, installs: 0 } });
  });

  it('answers 400 naming a bad unit or time', async () => {
    const res = await fetch(`${sb.app.url()}/api/v1/summaries?unit=NOPE&from=yesterday`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors.map((e: { field: string }) => e.field)).toEqual(['unit', 'from']);
  });
});

describe('catch-up', () => {
  it('writes exactly the two summaries of the boundaries missed while down', () => {
    const now = sb.now();
    const latest = lastBoundary(EXPR, now, TZ);
    const [b0, b1] = boundariesBetween(EXPR, latest - 86_400_000 - 1, latest, TZ).slice(-3);
    // The service last closed b0; b1 and `latest` passed while it was down.
    writeMeta(sb.app.store().db, LAST_BOUNDARY_KEY, String(b0), now);
    const count = (toAt: number) => (sb.app.store().sqlite.prepare('select count(*) as n from shift_summaries where to_at = ?').get(toAt) as { n: number }).n;
    expect([count(b1!), count(latest)]).toEqual([0, 0]);
    expect(catchUpShifts(deps(now))).toEqual([b1, latest]);
    const units = sb.config.profile.org.units.length;
    expect([count(b1!), count(latest)]).toEqual([units, units]);
    expect(catchUpShifts(deps(now))).toEqual([]);
  });
});
